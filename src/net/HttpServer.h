#pragma once

#include "net/HttpConnection.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>

class QTcpServer;
class QTcpSocket;

namespace weft::net {

// A small HTTP/1.1 server with hard limits (HttpLimits): keep-alive and pipelining, chunked
// request bodies, 100-continue, HEAD, and a bounded number of connections — when full, the
// longest idle connection makes room, and if none is idle the newcomer gets 503. Everything
// runs on the thread the server lives in. Malformed and oversized requests are answered by
// errorResponse (plain text unless set) and the connection closes.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpServer(const HttpLimits &limits = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(HttpConnection::Handler handler) { m_handler = std::move(handler); }
    void setErrorResponse(HttpConnection::ErrorResponse response)
    {
        m_errorResponse = std::move(response);
    }
    // WebSocket upgrades ("GET path" with "Upgrade: websocket") are handed, unread, to take
    // (e.g. QWebSocketServer::handleConnection), which then owns the socket. The server looks at
    // each new connection's first request head (peeking, within the header limits and timeout)
    // to sort them; everything else is HTTP as before.
    using UpgradeHandler = std::function<void(QTcpSocket *socket)>;
    void setWebSocketHandler(const QString &path, UpgradeHandler take)
    {
        m_webSocketPath = path;
        m_webSocketHandler = std::move(take);
    }

    // Serves HTTPS with this certificate and key on the addresses listened on from now on
    // (TLS 1.2 or later; the handshake must end within the header timeout).
    void setTlsConfiguration(const QSslConfiguration &tls) { m_tls = tls; }

    // Listens on address:port (0: any free port). Can be called again for a second address
    // (e.g. ::1 beside 127.0.0.1, with port()). False, with the reason, when it cannot.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    const HttpLimits &limits() const { return m_limits; }
    // For connections accepted from now on.
    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    int connectionCount() const { return int(m_connections.size()); }

private:
    void acceptFrom(QTcpServer *server);
    void sort(QTcpSocket *socket);
    void serveHttp(QTcpSocket *socket);

    HttpLimits m_limits;
    HttpConnection::Handler m_handler;
    HttpConnection::ErrorResponse m_errorResponse;
    QString m_webSocketPath;
    UpgradeHandler m_webSocketHandler;
    int m_sorting = 0;       // connections whose first request head is awaited
    QSslConfiguration m_tls; // null: plain HTTP
    QList<QTcpServer *> m_servers;
    QList<HttpConnection *> m_connections; // oldest first
    quint16 m_port = 0;
};

} // namespace weft::net
