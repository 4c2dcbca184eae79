#pragma once

#include "core/Clock.h"
#include "support/UtcDateTime.h"

#include <QList>
#include <QPointer>
#include <QTimeZone>

namespace weft::test {

// A clock that moves only when told. Callbacks scheduled with callLater run, in time order,
// when advance() passes their due time; nothing ever sleeps.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = test::utcDateTime(QDate(2026, 1, 15), QTime(9, 0)));

    QDateTime now() const override { return m_now; }
    void callLater(std::chrono::milliseconds delay, QObject *context,
                   std::function<void()> fn) override;

    void advance(std::chrono::milliseconds by);
    // Delays of the callbacks scheduled so far, in the order they were asked for.
    const QList<std::chrono::milliseconds> &requestedDelays() const { return m_requested; }
    int pendingCount() const { return int(m_pending.size()); }

private:
    struct Pending
    {
        QDateTime due;
        quint64 order;
        QPointer<QObject> context;
        std::function<void()> fn;
    };
    QDateTime m_now;
    quint64 m_order = 0;
    QList<Pending> m_pending;
    QList<std::chrono::milliseconds> m_requested;
};

} // namespace weft::test
