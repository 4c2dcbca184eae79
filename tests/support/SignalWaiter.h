#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>

#include <optional>

namespace weft::test {

// Holds the one result of an asynchronous call and waits for it with the event loop running:
//     Waiter<PlaidResult<Item>> w;  client.getItem(token, &ctx, w.callback());
//     QVERIFY(w.wait());
template<typename T>
class Waiter
{
public:
    auto callback()
    {
        return [this](const T &value) {
            ++m_calls;
            m_value = value;
        };
    }
    bool wait(int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_value && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents,
                                            20);
        return m_value.has_value();
    }
    const T &value() const { return *m_value; }
    bool done() const { return m_value.has_value(); }
    int calls() const { return m_calls; }
    void reset()
    {
        m_value.reset();
        m_calls = 0;
    }

private:
    std::optional<T> m_value;
    int m_calls = 0;
};

} // namespace weft::test
