#include "net/HttpConnection.h"

#include "net/HttpResponder.h"
#include "net/NetLogging.h"

#include <QScopedValueRollback>
#include <QTcpSocket>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace weft::net {
namespace {

// Answers waiting to be sent before the connection reads another request.
constexpr qint64 kMaxPendingWrite = 1024 * 1024;
// After a refusal: how long, and how much, the client's remaining bytes are read and dropped
// before the connection closes (closing with unread data would reset the connection and could
// destroy the answer before the client reads it).
constexpr std::chrono::milliseconds kDrainTime{2000};
constexpr qint64 kMaxDrainBytes = 4 * 1024 * 1024;

void shutdownWriting(QTcpSocket *socket)
{
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return;
#if defined(Q_OS_WIN)
    ::shutdown(SOCKET(fd), SD_SEND);
#else
    ::shutdown(int(fd), SHUT_WR);
#endif
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Handler handler,
                               ErrorResponse errorResponse, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_errorResponse(std::move(errorResponse))
    , m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(limits.readBufferBytes);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readMore);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finishClose);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() > 0)
            return;
        if (m_phase == Phase::Closing)
            shutdownWriting(m_socket);
        else if (m_phase == Phase::Reading)
            process(); // answers were backed up; read on
    });
    armTimer();
    // A connection sorted by its first request head (HttpServer::setWebSocketHandler) arrives
    // with that head unread: no readyRead will tell of it.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readMore, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isIdle() const
{
    // A kept-alive connection between requests, not a new one that has yet to send anything
    // (which may be a slow client, and times out on its own).
    return m_serial > 0 && m_phase == Phase::Reading && !m_parser.hasStarted() &&
           m_input.isEmpty() && m_socket->bytesToWrite() == 0;
}

bool HttpConnection::isAwaiting(quint64 serial) const
{
    return !m_closed && m_phase == Phase::Handling && serial == m_serial;
}

void HttpConnection::readMore()
{
    if (m_closed)
        return;
    if (m_phase == Phase::Closing) {
        m_drained += m_socket->readAll().size();
        if (m_drained > kMaxDrainBytes)
            abort();
        return;
    }
    if (m_phase == Phase::Reading)
        process();
    // While a request is answered the rest waits, in the socket's bounded buffer and the kernel.
}

void HttpConnection::process()
{
    if (m_inProcess)
        return; // the loop below goes on by itself
    const QScopedValueRollback<bool> inProcess(m_inProcess, true);
    while (!m_closed && m_phase == Phase::Reading) {
        if (m_socket->bytesToWrite() > kMaxPendingWrite)
            return; // the client does not read its answers; go on when it does
        const qint64 take =
            std::min(m_limits.readBufferBytes - m_input.size(), m_socket->bytesAvailable());
        if (take > 0) {
            if (m_input.isEmpty())
                m_input = m_socket->read(take);
            else
                m_input += m_socket->read(take);
        }
        const bool wasStarted = m_parser.hasStarted();
        const bool hadHeaders = m_parser.headersComplete();
        const HttpRequestParser::Result result = m_parser.feed(m_input);
        if (result == HttpRequestParser::Result::Failed) {
            writeError(m_parser.errorStatus(), m_parser.errorReason());
            return;
        }
        if (result == HttpRequestParser::Result::NeedMore) {
            if (!wasStarted && m_parser.hasStarted()) {
                m_timeout = Timeout::Headers;
                armTimer();
            }
            if (!hadHeaders && m_parser.headersComplete()) {
                m_timeout = Timeout::Request;
                armTimer();
            }
            if (m_parser.expectsContinue() && !m_continueSent) {
                m_continueSent = true;
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            }
            if (m_socket->bytesAvailable() > 0 && m_input.size() < m_limits.readBufferBytes)
                continue;
            return;
        }
        HttpRequest request = m_parser.takeRequest();
        request.peer = m_socket->peerAddress();
        m_phase = Phase::Handling;
        m_timer.stop();
        ++m_serial;
        m_keepAlive = request.keepAlive;
        m_headRequest = request.isHead();
        m_continueSent = false;
        m_handler(request, HttpResponder(this, m_serial));
        // Answered at once: on to the next request (pipelined, or the next to arrive); else
        // respond() goes on from here later.
    }
}

void HttpConnection::respond(quint64 serial, const HttpResponse &response, Answer answer)
{
    if (!isAwaiting(serial))
        return;
    switch (answer) {
    case Answer::Drop:
        abort();
        return;
    case Answer::Truncated:
        m_socket->write(response.head(response.body.size(), true));
        m_socket->write(response.body.left(response.body.size() / 2));
        m_phase = Phase::Closing;
        m_socket->disconnectFromHost();
        return;
    case Answer::Whole:
        break;
    }
    const bool close = !m_keepAlive;
    QByteArray bytes = response.head(response.body.size(), close);
    if (!m_headRequest)
        bytes += response.body;
    m_socket->write(bytes);
    if (close) {
        closeAfterWriting();
        return;
    }
    m_phase = Phase::Reading;
    m_timeout = Timeout::Idle;
    armTimer();
    if (!m_inProcess)
        process(); // answered later (a delayed answer): read on now; else the loop does
}

void HttpConnection::refuse(int status, const QString &reason)
{
    writeError(status, reason);
}

void HttpConnection::writeError(int status, const QString &reason)
{
    qCDebug(lcNet).nospace() << "refused a request from " << m_socket->peerAddress().toString()
                             << ": " << status << " " << reason;
    HttpResponse response =
        m_errorResponse ? m_errorResponse(status, reason) : HttpResponse::text(status, reason);
    response.status = status;
    m_socket->write(response.head(response.body.size(), true));
    m_socket->write(response.body);
    closeAfterWriting();
}

void HttpConnection::closeAfterWriting()
{
    m_phase = Phase::Closing;
    m_timeout = Timeout::Drain;
    armTimer();
    m_input.clear();
    if (m_socket->bytesToWrite() == 0)
        shutdownWriting(m_socket);
    readMore(); // drop what is already there
}

void HttpConnection::onTimeout()
{
    switch (m_timeout) {
    case Timeout::Idle:
        abort();
        return;
    case Timeout::Headers:
    case Timeout::Request:
        if (m_phase == Phase::Reading) {
            writeError(408, m_timeout == Timeout::Headers
                                ? QStringLiteral("the request headers took too long")
                                : QStringLiteral("the request took too long"));
        }
        return;
    case Timeout::Drain:
        abort();
        return;
    }
}

void HttpConnection::armTimer()
{
    using std::chrono::milliseconds;
    switch (m_timeout) {
    case Timeout::Idle:
        m_timer.start(m_limits.idleTimeout);
        break;
    case Timeout::Headers:
        m_timer.start(std::min(m_limits.headerTimeout, m_limits.requestTimeout));
        break;
    case Timeout::Request: {
        // What is left of the request's time (the header time counted towards it).
        const auto spent = milliseconds(std::min(m_limits.headerTimeout, m_limits.requestTimeout) -
                                        milliseconds(m_timer.remainingTime()));
        m_timer.start(std::max(milliseconds(0), m_limits.requestTimeout - spent));
        break;
    }
    case Timeout::Drain:
        m_timer.start(kDrainTime);
        break;
    }
}

void HttpConnection::abort()
{
    if (m_closed)
        return;
    m_socket->abort();
    finishClose();
}

void HttpConnection::finishClose()
{
    if (m_closed)
        return;
    m_closed = true;
    m_timer.stop();
    emit closed(this);
    deleteLater();
}

} // namespace weft::net
