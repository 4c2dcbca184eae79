#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVariant>

// Small things weft-server's stores share: how times are kept in the database (UTC ISO 8601
// with milliseconds, so that text order is time order on both databases), and random bytes.
namespace weft::server {

inline QString sqlTime(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime fromSqlTime(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// From OpenSSL's generator; a failing generator stops the server (nothing weaker will do).
QByteArray randomBytes(qsizetype size);

} // namespace weft::server
