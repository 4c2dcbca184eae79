#include "session/HostPageServer.h"

#include "sandbox/HttpReply.h"

#include <QTcpServer>

namespace weft::session {

HostPageServer::HostPageServer(QObject *parent)
    : QObject(parent)
{
    m_http.setMissingHandler(
        [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const bool head = request.method() == QHttpServerRequest::Method::Head;
            const bool get = request.method() == QHttpServerRequest::Method::Get;
            static const QList<QPair<QString, QString>> roots{
                {QStringLiteral("/weft/host/"), QStringLiteral(":/weft/host")}};
            if ((get || head) &&
                sandbox::http::serveStatic(roots, request.url().path(), head, responder))
                return;
            sandbox::http::reply(responder, 404, QByteArrayLiteral("text/plain; charset=utf-8"),
                                 QByteArrayLiteral("not found"));
        });
}

bool HostPageServer::listen(QString *error)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        *error = tcp->errorString();
        delete tcp;
        return false;
    }
    m_http.bind(tcp);
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(tcp->serverPort()));
    return true;
}

} // namespace weft::session
