#include "link/CompletionListener.h"

#include "net/HttpResponder.h"

#include <QRandomGenerator>

namespace weft::link {
namespace {

constexpr QLatin1StringView kPrefix("/weft/hosted-link/done/");

QString randomNonce()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

net::HttpResponse page(int status, const QString &title, const QString &text)
{
    net::HttpResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.headers.append(
        {QByteArrayLiteral("Content-Security-Policy"), QByteArrayLiteral("default-src 'none'")});
    response.headers.append(
        {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")});
    response.body =
        QByteArrayLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>") +
        title.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</title></head><body><h1>") +
        title.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</h1><p>") +
        text.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</p></body></html>");
    return response;
}

} // namespace

CompletionListener::CompletionListener(QObject *parent)
    : QObject(parent)
{
    m_http.setHandler([this](const net::HttpRequest &request, const net::HttpResponder &responder) {
        const bool ours =
            request.method == "GET" && !m_nonce.isEmpty() && request.path == kPrefix + m_nonce;
        if (!ours) {
            responder.respond(page(404, tr("Weft"), tr("This address is not in use.")));
            return;
        }
        responder.respond(
            page(200, tr("Back to Weft"), tr("You can close this page and go back to Weft.")));
        emit arrived();
    });
}

QUrl CompletionListener::arm(QString *error)
{
    if (!m_listening) {
        if (!m_http.listen(QHostAddress::LocalHost, 0, error))
            return {};
        m_listening = true;
    }
    m_nonce = randomNonce();
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2%3").arg(m_http.port()).arg(kPrefix, m_nonce));
}

} // namespace weft::link
