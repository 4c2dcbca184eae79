#pragma once

#include <QDateTime>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QTimeZone>
#endif

namespace weft::test {

// A UTC date and time. Qt 6.5 brought QTimeZone::UTC and deprecated the Qt::TimeSpec
// constructor; before 6.5 a QTimeZone made a "time zone" date-time that prints differently.
inline QDateTime utcDateTime(QDate date, QTime time)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::UTC);
#else
    return QDateTime(date, time, Qt::UTC);
#endif
}

} // namespace weft::test
