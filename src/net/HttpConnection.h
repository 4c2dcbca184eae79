#pragma once

#include "net/HttpLimits.h"
#include "net/HttpMessage.h"
#include "net/HttpRequestParser.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace weft::net {

class HttpResponder;

// One client connection of HttpServer: reads at most readBufferBytes ahead (the rest waits in
// the kernel), parses requests one at a time (pipelined ones wait their turn), hands each to
// the server's handler and writes its answer. Time limits: idle between requests, headers,
// whole request. A refused request gets its status and the connection closes after a short
// drain, so that the client reads the answer rather than a reset.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, const HttpResponder &)>;
    using ErrorResponse = std::function<HttpResponse(int status, const QString &reason)>;
    enum class Answer { Whole, Truncated, Drop };

    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Handler handler,
                   ErrorResponse errorResponse, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Kept alive after an answer, with no request under way: the server may close it to make
    // room.
    bool isIdle() const;
    bool isAwaiting(quint64 serial) const;
    void respond(quint64 serial, const HttpResponse &response, Answer answer);
    // Closes at once, without an answer.
    void abort();
    // Answers status (e.g. 503 when the server is full) and closes.
    void refuse(int status, const QString &reason);

signals:
    void closed(weft::net::HttpConnection *connection);

private:
    enum class Phase { Reading, Handling, Closing };
    enum class Timeout { Idle, Headers, Request, Drain };

    void readMore();
    void process();
    void onTimeout();
    void armTimer();
    void writeError(int status, const QString &reason);
    void closeAfterWriting();
    void finishClose();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    Handler m_handler;
    ErrorResponse m_errorResponse;
    HttpRequestParser m_parser;
    QByteArray m_input;
    Phase m_phase = Phase::Reading;
    Timeout m_timeout = Timeout::Idle;
    QTimer m_timer;
    quint64 m_serial = 0;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_continueSent = false;
    bool m_inProcess = false;
    bool m_closed = false;
    qint64 m_drained = 0;
};

} // namespace weft::net
