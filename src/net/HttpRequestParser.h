#pragma once

#include "net/HttpLimits.h"
#include "net/HttpMessage.h"

namespace weft::net {

// An incremental, strict HTTP/1.1 request parser with hard limits, and no I/O: bytes in,
// a request (or the status to refuse it with) out. It never holds more than the limits allow:
// a request line past its limit fails with 414 before its end arrives, a header section past
// its size or count with 431, a body past its limit with 413 as soon as its length is known.
// Refused outright (400): bare LF line ends, obs-fold, whitespace before a header's colon,
// control characters, a missing or repeated Host (HTTP/1.1), Content-Length together with
// Transfer-Encoding, conflicting Content-Lengths, malformed chunks. Transfer codings other
// than chunked get 501, versions other than 1.0 and 1.1 get 505, Expect other than
// 100-continue 417.
class HttpRequestParser
{
public:
    enum class Result { NeedMore, Complete, Failed };

    explicit HttpRequestParser(const HttpLimits &limits = {});

    // Consumes from the front of input what belongs to the current request; the rest (a
    // pipelined next request) stays. After Failed the parser takes nothing more.
    Result feed(QByteArray &input);

    // Any byte of a request (beyond empty lines) has arrived.
    bool hasStarted() const { return m_state != State::RequestLine || m_started; }
    bool headersComplete() const;
    // The headers asked for "100 Continue" and the body has not begun.
    bool expectsContinue() const { return m_expectContinue && headersComplete(); }

    // After Complete: the request; the parser is then ready for the next one.
    HttpRequest takeRequest();
    // After Failed: the status to answer (400, 413, ...) and why, in a few words.
    int errorStatus() const { return m_errorStatus; }
    const QString &errorReason() const { return m_errorReason; }

    void reset();

private:
    enum class State {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
        Failed
    };

    Result fail(int status, const QString &reason);
    // A CRLF-terminated line from the front of input (without the CRLF), or nothing yet.
    // Fails (sets the state) on a bare LF or when the line would exceed maxLength.
    bool takeLine(QByteArray &input, qsizetype maxLength, int tooLongStatus, QByteArray *line);
    // Moves what belongs to the body (or the current chunk) from input; true when it is all in.
    bool takeBody(QByteArray &input);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line, bool trailer);
    bool finishHeaders();
    bool parseChunkSize(const QByteArray &line);

    HttpLimits m_limits;
    State m_state = State::RequestLine;
    bool m_started = false;
    HttpRequest m_request;
    qsizetype m_headerBytes = 0;
    int m_headerCount = 0;
    qint64 m_bodyRemaining = 0; // of a Content-Length body, or of the current chunk
    bool m_chunked = false;
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    QString m_errorReason;
};

} // namespace weft::net
