#include "net/HttpResponder.h"

#include "net/HttpConnection.h"

namespace weft::net {

HttpResponder::HttpResponder(HttpConnection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{
}

bool HttpResponder::isConnected() const
{
    return m_connection && m_connection->isAwaiting(m_serial);
}

void HttpResponder::respond(const HttpResponse &response) const
{
    if (m_connection)
        m_connection->respond(m_serial, response, HttpConnection::Answer::Whole);
}

void HttpResponder::respondTruncated(const HttpResponse &response) const
{
    if (m_connection)
        m_connection->respond(m_serial, response, HttpConnection::Answer::Truncated);
}

void HttpResponder::drop() const
{
    if (m_connection)
        m_connection->respond(m_serial, {}, HttpConnection::Answer::Drop);
}

} // namespace weft::net
