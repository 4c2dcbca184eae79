#include "BusyLoad.h"

BusyLoad::BusyLoad(int threads, std::chrono::seconds limit)
{
    const auto end = std::chrono::steady_clock::now() + limit;
    for (int i = 0; i < threads; ++i) {
        m_threads.emplace_back([this, end] {
            volatile unsigned long long sink = 0;
            while (!m_stop.load(std::memory_order_relaxed)) {
                for (int k = 0; k < 100000; ++k)
                    sink = sink * 6364136223846793005ULL + 1442695040888963407ULL;
                if (std::chrono::steady_clock::now() >= end)
                    return;
            }
        });
    }
}

BusyLoad::~BusyLoad()
{
    m_stop = true;
    for (std::thread &thread : m_threads)
        thread.join();
}
