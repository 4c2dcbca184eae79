#pragma once

#include "net/HttpMessage.h"

#include <QPointer>

namespace weft::net {

class HttpConnection;

// The way to answer one request, now or later: copies share it, and only the first answer
// counts. When the client has gone, answering does nothing (isConnected() tells).
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 serial);

    bool isConnected() const;
    void respond(const HttpResponse &response) const;
    // Fault injection: the head announcing the whole body, half of it, then the connection
    // closes; or the connection closes with no answer at all.
    void respondTruncated(const HttpResponse &response) const;
    void drop() const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

} // namespace weft::net
