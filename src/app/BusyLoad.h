#pragma once

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

// A busy machine, made by the benchmark itself: `threads` threads that compute without pause
// until the object goes or `limit` has passed, whichever comes first.
class BusyLoad
{
public:
    BusyLoad(int threads, std::chrono::seconds limit);
    ~BusyLoad();
    BusyLoad(const BusyLoad &) = delete;
    BusyLoad &operator=(const BusyLoad &) = delete;

private:
    std::atomic_bool m_stop{false};
    std::vector<std::thread> m_threads;
};
