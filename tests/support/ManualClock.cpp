#include "support/ManualClock.h"

#include <QTimeZone>

#include <algorithm>

namespace weft::test {

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{
}

void ManualClock::callLater(std::chrono::milliseconds delay, QObject *context,
                            std::function<void()> fn)
{
    m_requested.append(delay);
    m_pending.append({m_now.addMSecs(delay.count()), m_order++, context, std::move(fn)});
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    const QDateTime target = m_now.addMSecs(by.count());
    for (;;) {
        auto next = std::min_element(m_pending.begin(), m_pending.end(),
                                     [](const Pending &a, const Pending &b) {
                                         return a.due != b.due ? a.due < b.due : a.order < b.order;
                                     });
        if (next == m_pending.end() || next->due > target)
            break;
        Pending due = std::move(*next);
        m_pending.erase(next);
        m_now = std::max(m_now, due.due);
        if (!due.context.isNull())
            due.fn();
    }
    m_now = target;
}

} // namespace weft::test
