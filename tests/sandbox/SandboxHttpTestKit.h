#pragma once

// Loopback HTTP for the sandbox server tests: requests through QNetworkAccessManager, and raw
// exchanges over a QTcpSocket where the exact bytes matter (paths QUrl would normalise, answers
// cut short or never sent). Every wait runs the event loop, so a server in this process keeps
// serving. Header-only.
#include "core/Clock.h"
#include "sandbox/EmbeddedSandbox.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace weft::sandbox::testkit {

inline const QByteArray kHttpClientId = QByteArrayLiteral("client-a");
inline const QByteArray kHttpSecret = QByteArrayLiteral("secret-a");

struct HttpResult
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray body;

    const QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString field(QStringView key) const { return json().value(key).toString(); }
};

inline HttpResult httpSend(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url,
                           const QByteArray &body = {},
                           const QList<QPair<QByteArray, QByteArray>> &headers = {},
                           int timeoutMs = 5000)
{
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    result.finished = finished.wait(timeoutMs);
    if (!result.finished)
        reply->abort();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.contentType = reply->rawHeader("Content-Type");
    result.body = reply->readAll();
    delete reply;
    return result;
}

// POST of a JSON body to an API endpoint, credentials in Plaid's headers.
inline HttpResult postApi(QNetworkAccessManager &nam, const QUrl &base, const QString &path,
                          const QJsonObject &body, const QByteArray &secret = kHttpSecret)
{
    return httpSend(nam, "POST", base.resolved(QUrl(path)), QJsonDocument(body).toJson(),
                    {{"PLAID-CLIENT-ID", kHttpClientId}, {"PLAID-SECRET", secret}});
}

struct RawResult
{
    bool connected = false;
    bool closed = false; // the server closed the connection
    int status = 0;
    qint64 contentLength = -1;
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines = head.split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Sends request as is; reads until the answer is complete (per Content-Length) or the server
// closes the connection.
inline RawResult rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    RawResult result;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    result.connected = QTest::qWaitFor(
        [&] { return socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    if (!result.connected)
        return result;
    socket.write(request);
    QByteArray bytes;
    auto complete = [&] {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        result.head = bytes.left(end);
        result.status = result.head.mid(9, 3).toInt();
        bool ok = false;
        result.contentLength = result.header("Content-Length").toLongLong(&ok);
        if (!ok)
            result.contentLength = -1;
        result.body = bytes.mid(end + 4);
        return ok && result.body.size() >= result.contentLength;
    };
    const bool answered = QTest::qWaitFor(
        [&] {
            bytes += socket.readAll();
            return complete() || socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    Q_UNUSED(answered) // a timeout shows as an incomplete result
    bytes += socket.readAll();
    complete();
    result.closed = socket.state() == QAbstractSocket::UnconnectedState;
    return result;
}

inline QByteArray rawGet(const QByteArray &target, quint16 port)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\n\r\n";
}

inline QByteArray rawPost(const QByteArray &target, quint16 port, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nContent-Type: application/json\r\nPLAID-CLIENT-ID: " + kHttpClientId +
           "\r\nPLAID-SECRET: " + kHttpSecret +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// An EmbeddedSandbox on the system clock, with a client for it.
struct ServerKit
{
    QNetworkAccessManager nam;
    std::unique_ptr<EmbeddedSandbox> sandbox;

    static void quietLog()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("weft.sandbox.debug=false\nweft.sandbox.info=false"));
    }

    bool start(const EmbeddedSandboxOptions &options)
    {
        sandbox = std::make_unique<EmbeddedSandbox>(Clock::system());
        QString error;
        if (sandbox->start(options, &error))
            return true;
        qWarning().noquote() << "the sandbox did not start:" << error;
        return false;
    }
    quint16 port() const { return sandbox->server().port(); }
    HttpResult post(const QString &path, const QJsonObject &body)
    {
        return postApi(nam, sandbox->baseUrl(), path, body);
    }
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body = {})
    {
        return httpSend(nam, verb, sandbox->baseUrl().resolved(QUrl(path)), body);
    }
    bool addFault(const QJsonObject &fault)
    {
        const QByteArray body = QJsonDocument(fault).toJson();
        return send("POST", QStringLiteral("/weft/admin/faults"), body).status == 200;
    }
};

} // namespace weft::sandbox::testkit
