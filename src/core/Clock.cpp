#include "core/Clock.h"

#include <QTimer>

namespace weft {

Clock::~Clock() = default;

Clock *Clock::system()
{
    static SystemClock clock;
    return &clock;
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

void SystemClock::callLater(std::chrono::milliseconds delay, QObject *context,
                            std::function<void()> fn)
{
    QTimer::singleShot(delay, context, std::move(fn));
}

} // namespace weft
