#include "net/HttpServer.h"

#include "net/HttpResponder.h"
#include "net/NetLogging.h"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace weft::net {

HttpServer::HttpServer(const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
}

HttpServer::~HttpServer()
{
    for (HttpConnection *connection : std::as_const(m_connections))
        disconnect(connection, nullptr, this, nullptr);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    QTcpServer *server = nullptr;
    if (m_tls.isNull()) {
        server = new QTcpServer(this);
    } else {
        auto *tlsServer = new QSslServer(this);
        QSslConfiguration tls = m_tls;
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tlsServer->setSslConfiguration(tls);
        tlsServer->setHandshakeTimeout(int(m_limits.headerTimeout.count()));
        connect(tlsServer, &QSslServer::errorOccurred, this,
                [](QSslSocket *, QAbstractSocket::SocketError error) {
                    qCDebug(lcNet) << "a TLS handshake failed:" << error;
                });
        server = tlsServer;
    }
#if QT_VERSION >= QT_VERSION_CHECK(6, 3, 0)
    server->setListenBacklogSize(1024); // many clients connecting at once are not turned away
#endif
    server->setMaxPendingConnections(1024);
    if (!server->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(server->errorString());
        delete server;
        return false;
    }
    if (m_port == 0)
        m_port = server->serverPort();
    // pendingConnectionAvailable, not newConnection: with TLS a connection is pending only once
    // its handshake is done.
    // Out of file descriptors (or another accept failure), Qt pauses accepting: resume shortly,
    // once closing connections have given some back, rather than stay deaf until a restart.
    connect(server, &QTcpServer::acceptError, this, [server](QAbstractSocket::SocketError error) {
        qCWarning(lcNet) << "accepting a connection failed:" << error << "- pausing for 100 ms";
        QTimer::singleShot(100, server, [server] { server->resumeAccepting(); });
    });
    connect(server, &QTcpServer::pendingConnectionAvailable, this,
            [this, server] { acceptFrom(server); });
    m_servers.append(server);
    return true;
}

void HttpServer::acceptFrom(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        if (m_webSocketHandler)
            sort(socket);
        else
            serveHttp(socket);
    }
}

namespace {

// Whether a request head asks to upgrade path to a WebSocket.
bool isWebSocketUpgrade(const QByteArray &head, const QString &path)
{
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    const QByteArray expected = "GET " + path.toUtf8();
    if (!requestLine.startsWith(expected) ||
        (requestLine.size() > expected.size() && requestLine.at(expected.size()) != ' ' &&
         requestLine.at(expected.size()) != '?'))
        return false;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "upgrade" &&
            line.mid(colon + 1).trimmed().toLower() == "websocket")
            return true;
    }
    return false;
}

} // namespace

void HttpServer::sort(QTcpSocket *socket)
{
    if (m_sorting >= m_limits.maxConnections) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_sorting;
    socket->setParent(this);
    socket->setReadBufferSize(m_limits.maxHeaderBytes); // the head is all it needs to see
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    const auto done = std::make_shared<bool>(false);
    const auto decide = [this, socket, timer, done](bool timedOut) {
        if (*done)
            return;
        const QByteArray head = socket->peek(m_limits.maxHeaderBytes);
        const bool complete = head.contains("\r\n\r\n");
        if (!complete && !timedOut && head.size() < m_limits.maxHeaderBytes &&
            socket->state() == QAbstractSocket::ConnectedState)
            return; // more is on its way
        *done = true;
        --m_sorting;
        timer->deleteLater();
        disconnect(socket, nullptr, this, nullptr);
        if (head.isEmpty() || (socket->state() != QAbstractSocket::ConnectedState &&
                               isWebSocketUpgrade(head, m_webSocketPath))) {
            // Nothing said within the header time: closed, as a slow head would be. Nor is an
            // upgrade from a client already gone handed on (nothing would ever close it).
            socket->abort();
            socket->deleteLater();
            return;
        }
        if (complete && isWebSocketUpgrade(head, m_webSocketPath)) {
            socket->setParent(nullptr);
            m_webSocketHandler(socket);
        } else {
            serveHttp(socket); // answers, or times out, or closes, as HTTP would
        }
    };
    connect(socket, &QTcpSocket::readyRead, this, [decide] { decide(false); });
    connect(socket, &QTcpSocket::disconnected, this, [decide] { decide(true); });
    connect(timer, &QTimer::timeout, this, [decide] { decide(true); });
    timer->start(m_limits.headerTimeout);
    if (socket->bytesAvailable() > 0)
        decide(false);
}

void HttpServer::serveHttp(QTcpSocket *socket)
{
    if (m_connections.size() >= m_limits.maxConnections) {
        // Room for the newcomer: the longest idle keep-alive connection goes.
        for (HttpConnection *connection : std::as_const(m_connections)) {
            if (connection->isIdle()) {
                connection->abort(); // removes itself from the list
                break;
            }
        }
    }
    auto *connection = new HttpConnection(socket, m_limits, m_handler, m_errorResponse, this);
    connect(connection, &HttpConnection::closed, this,
            [this](HttpConnection *closed) { m_connections.removeOne(closed); });
    if (m_connections.size() >= m_limits.maxConnections) {
        qCDebug(lcNet) << "refusing a connection: all" << m_limits.maxConnections << "are busy";
        connection->refuse(503, QStringLiteral("the server is busy; try again"));
        return; // not counted: it only drains and closes
    }
    m_connections.append(connection);
}

} // namespace weft::net
