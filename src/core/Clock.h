#pragma once

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <functional>

namespace weft {

// The source of time for everything that expires, times out or backs off. Production code uses
// Clock::system(); tests inject a manual clock so that lifetimes and retries never sleep.
class Clock
{
public:
    virtual ~Clock();

    // The current time, in UTC.
    virtual QDateTime now() const = 0;

    // Runs fn once after delay, unless context is destroyed first.
    virtual void callLater(std::chrono::milliseconds delay, QObject *context,
                           std::function<void()> fn) = 0;

    static Clock *system();
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    void callLater(std::chrono::milliseconds delay, QObject *context,
                   std::function<void()> fn) override;
};

} // namespace weft
