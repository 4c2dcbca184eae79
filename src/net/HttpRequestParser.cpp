#include "net/HttpRequestParser.h"

#include <QUrl>

#include <algorithm>
#include <cctype>

namespace weft::net {
namespace {

constexpr qsizetype kMaxChunkSizeLine = 1024;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII, no spaces: what a request-target may hold.
bool isTargetText(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

// Field values: visible characters, spaces, tabs and obs-text; no other control characters.
bool isFieldValue(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArray trimmedOws(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t'))
        ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return text.sliced(begin, end - begin).toByteArray();
}

QList<QByteArray> listTokens(const HttpHeaders &headers, QByteArrayView name)
{
    QList<QByteArray> tokens;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        const QList<QByteArray> parts = value.split(',');
        for (const QByteArray &part : parts) {
            const QByteArray token = trimmedOws(part).toLower();
            if (!token.isEmpty())
                tokens.append(token);
        }
    }
    return tokens;
}

int countHeaders(const HttpHeaders &headers, QByteArrayView name)
{
    int count = 0;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            ++count;
    }
    return count;
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{
}

void HttpRequestParser::reset()
{
    m_state = State::RequestLine;
    m_started = false;
    m_request = HttpRequest();
    m_headerBytes = 0;
    m_headerCount = 0;
    m_bodyRemaining = 0;
    m_chunked = false;
    m_expectContinue = false;
    m_errorStatus = 0;
    m_errorReason.clear();
}

bool HttpRequestParser::headersComplete() const
{
    return m_state == State::Body || m_state == State::ChunkSize || m_state == State::ChunkData ||
           m_state == State::ChunkDataEnd || m_state == State::Trailers ||
           m_state == State::Complete;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    reset();
    return request;
}

HttpRequestParser::Result HttpRequestParser::fail(int status, const QString &reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    return Result::Failed;
}

bool HttpRequestParser::takeLine(QByteArray &input, qsizetype maxLength, int tooLongStatus,
                                 QByteArray *line)
{
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0) {
        if (input.size() > maxLength + 1) // the CR may still come
            fail(tooLongStatus, QStringLiteral("a line is longer than %1 bytes").arg(maxLength));
        return false;
    }
    if (newline == 0 || input.at(newline - 1) != '\r') {
        fail(400, QStringLiteral("a line ends in a bare LF"));
        return false;
    }
    if (newline - 1 > maxLength) {
        fail(tooLongStatus, QStringLiteral("a line is longer than %1 bytes").arg(maxLength));
        return false;
    }
    *line = input.left(newline - 1);
    input.remove(0, newline + 1);
    return true;
}

HttpRequestParser::Result HttpRequestParser::feed(QByteArray &input)
{
    while (true) {
        switch (m_state) {
        case State::Failed:
            return Result::Failed;
        case State::Complete:
            return Result::Complete;
        case State::RequestLine: {
            if (!input.isEmpty() && input.at(0) != '\r')
                m_started = true;
            QByteArray line;
            const qsizetype budget =
                std::min(m_limits.maxRequestLineBytes, m_limits.maxHeaderBytes - m_headerBytes);
            if (!takeLine(input, std::max<qsizetype>(budget, 0), 414, &line))
                return m_state == State::Failed ? Result::Failed : Result::NeedMore;
            m_headerBytes += line.size() + 2;
            if (line.isEmpty()) { // empty lines before a request are ignored, within the limit
                if (m_headerBytes > m_limits.maxHeaderBytes)
                    return fail(431, QStringLiteral("too many empty lines"));
                continue;
            }
            m_started = true;
            if (!parseRequestLine(line))
                return Result::Failed;
            m_state = State::Headers;
            break;
        }
        case State::Headers:
        case State::Trailers: {
            const bool trailer = m_state == State::Trailers;
            QByteArray line;
            const qsizetype budget = m_limits.maxHeaderBytes - m_headerBytes;
            if (!takeLine(input, std::max<qsizetype>(budget - 2, 0), 431, &line))
                return m_state == State::Failed ? Result::Failed : Result::NeedMore;
            m_headerBytes += line.size() + 2;
            if (m_headerBytes > m_limits.maxHeaderBytes)
                return fail(431, QStringLiteral("the header section is larger than %1 bytes")
                                     .arg(m_limits.maxHeaderBytes));
            if (line.isEmpty()) {
                if (trailer) {
                    m_state = State::Complete;
                    return Result::Complete;
                }
                if (!finishHeaders())
                    return Result::Failed;
                break;
            }
            if (!parseHeaderLine(line, trailer))
                return Result::Failed;
            break;
        }
        case State::Body:
            if (!takeBody(input))
                return Result::NeedMore;
            m_state = State::Complete;
            return Result::Complete;
        case State::ChunkSize: {
            QByteArray line;
            if (!takeLine(input, kMaxChunkSizeLine, 400, &line))
                return m_state == State::Failed ? Result::Failed : Result::NeedMore;
            if (!parseChunkSize(line))
                return Result::Failed;
            break;
        }
        case State::ChunkData:
            if (!takeBody(input))
                return Result::NeedMore;
            m_state = State::ChunkDataEnd;
            break;
        case State::ChunkDataEnd:
            if (input.size() < 2)
                return Result::NeedMore;
            if (input.at(0) != '\r' || input.at(1) != '\n')
                return fail(400, QStringLiteral("a chunk does not end in CRLF"));
            input.remove(0, 2);
            m_state = State::ChunkSize;
            break;
        }
    }
}

bool HttpRequestParser::takeBody(QByteArray &input)
{
    const qint64 take = std::min<qint64>(m_bodyRemaining, input.size());
    m_request.body.append(input.constData(), take);
    input.remove(0, take);
    m_bodyRemaining -= take;
    return m_bodyRemaining == 0;
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace) {
        fail(400, QStringLiteral("malformed request line"));
        return false;
    }
    const QByteArray method = line.left(firstSpace);
    const QByteArray target = line.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArray version = line.mid(lastSpace + 1);
    if (!isToken(method)) {
        fail(400, QStringLiteral("malformed method"));
        return false;
    }
    if (target.isEmpty() || !isTargetText(target)) {
        fail(400, QStringLiteral("malformed request target"));
        return false;
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' ||
        !std::isdigit(static_cast<unsigned char>(version.at(5))) ||
        !std::isdigit(static_cast<unsigned char>(version.at(7)))) {
        fail(400, QStringLiteral("malformed HTTP version"));
        return false;
    }
    if (version.at(5) != '1' || (version.at(7) != '0' && version.at(7) != '1')) {
        fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served"));
        return false;
    }
    QByteArray pathAndQuery = target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const QUrl absolute = QUrl::fromEncoded(target, QUrl::StrictMode);
        if (!absolute.isValid()) {
            fail(400, QStringLiteral("malformed request target"));
            return false;
        }
        pathAndQuery = absolute.path(QUrl::FullyEncoded).toLatin1();
        if (pathAndQuery.isEmpty())
            pathAndQuery = "/";
        if (absolute.hasQuery())
            pathAndQuery += '?' + absolute.query(QUrl::FullyEncoded).toLatin1();
    } else if (target != "*" && !target.startsWith('/')) {
        fail(400, QStringLiteral("malformed request target"));
        return false;
    }
    const qsizetype question = pathAndQuery.indexOf('?');
    const QByteArray rawPath = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    m_request.method = method;
    m_request.target = target;
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (question >= 0)
        m_request.query = QUrlQuery(QString::fromLatin1(pathAndQuery.mid(question + 1)));
    m_request.minorVersion = version.at(7) - '0';
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray &line, bool trailer)
{
    if (line.at(0) == ' ' || line.at(0) == '\t') {
        fail(400, QStringLiteral("obsolete line folding"));
        return false;
    }
    if (++m_headerCount > m_limits.maxHeaderCount) {
        fail(431, QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaderCount));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon))) {
        fail(400, QStringLiteral("malformed header field"));
        return false;
    }
    const QByteArray value = trimmedOws(QByteArrayView(line).sliced(colon + 1));
    if (!isFieldValue(value)) {
        fail(400, QStringLiteral("a control character in a header field"));
        return false;
    }
    if (!trailer)
        m_request.headers.append({line.left(colon), value});
    return true;
}

bool HttpRequestParser::finishHeaders()
{
    HttpRequest &r = m_request;
    const bool http11 = r.minorVersion == 1;
    if (http11 && countHeaders(r.headers, "Host") != 1) {
        fail(400, QStringLiteral("an HTTP/1.1 request needs exactly one Host header"));
        return false;
    }
    const QList<QByteArray> connection = listTokens(r.headers, "Connection");
    r.keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");

    const bool hasLength = countHeaders(r.headers, "Content-Length") > 0;
    const bool hasEncoding = countHeaders(r.headers, "Transfer-Encoding") > 0;
    if (hasLength && hasEncoding) {
        fail(400, QStringLiteral("both Content-Length and Transfer-Encoding"));
        return false;
    }
    m_bodyRemaining = 0;
    m_chunked = false;
    if (hasEncoding) {
        if (!http11) {
            fail(400, QStringLiteral("Transfer-Encoding in an HTTP/1.0 request"));
            return false;
        }
        const QList<QByteArray> codings = listTokens(r.headers, "Transfer-Encoding");
        if (codings != QList<QByteArray>{QByteArrayLiteral("chunked")}) {
            fail(501, QStringLiteral("only the chunked transfer coding is supported"));
            return false;
        }
        m_chunked = true;
    } else if (hasLength) {
        qint64 length = -1;
        for (const auto &[key, value] : std::as_const(r.headers)) {
            if (key.compare("Content-Length", Qt::CaseInsensitive) != 0)
                continue;
            const QList<QByteArray> parts = value.split(',');
            for (const QByteArray &part : parts) {
                const QByteArray digits = trimmedOws(part);
                bool ok = !digits.isEmpty() && digits.size() <= 18;
                for (char c : digits)
                    ok = ok && c >= '0' && c <= '9';
                const qint64 value = ok ? digits.toLongLong(&ok) : -1;
                if (!ok || (length >= 0 && value != length)) {
                    fail(400, QStringLiteral("malformed or conflicting Content-Length"));
                    return false;
                }
                length = value;
            }
        }
        if (length > m_limits.maxBodyBytes) {
            fail(413, QStringLiteral("the body of %1 bytes is larger than %2 bytes")
                          .arg(length)
                          .arg(m_limits.maxBodyBytes));
            return false;
        }
        m_bodyRemaining = length;
    }
    const QList<QByteArray> expect = listTokens(r.headers, "Expect");
    if (!expect.isEmpty()) {
        if (expect != QList<QByteArray>{QByteArrayLiteral("100-continue")}) {
            fail(417, QStringLiteral("unsupported expectation"));
            return false;
        }
        m_expectContinue = http11 && (m_chunked || m_bodyRemaining > 0);
    }
    if (m_chunked)
        m_state = State::ChunkSize;
    else
        m_state = m_bodyRemaining > 0 ? State::Body : State::Complete;
    return true;
}

bool HttpRequestParser::parseChunkSize(const QByteArray &line)
{
    const qsizetype semicolon = line.indexOf(';');
    const QByteArray hex = trimmedOws(semicolon < 0 ? line : line.left(semicolon));
    bool ok = !hex.isEmpty() && hex.size() <= 15;
    for (char c : hex)
        ok = ok && std::isxdigit(static_cast<unsigned char>(c));
    const qint64 size = ok ? hex.toLongLong(&ok, 16) : -1;
    if (!ok || (semicolon >= 0 && !isFieldValue(QByteArrayView(line).sliced(semicolon)))) {
        fail(400, QStringLiteral("malformed chunk size"));
        return false;
    }
    if (size > m_limits.maxBodyBytes - m_request.body.size()) {
        fail(413, QStringLiteral("the body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_expectContinue = false;
    m_bodyRemaining = size;
    m_state = size == 0 ? State::Trailers : State::ChunkData;
    return true;
}

} // namespace weft::net
