#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace weft::sandbox::json {

// A time as the sandbox's answers write it: UTC, ISO 8601, to the second.
inline QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// text, or null when it is empty (Plaid's nullable strings).
inline QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace weft::sandbox::json
