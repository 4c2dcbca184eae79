#pragma once

#include <chrono>
#include <functional>

namespace weft::plaid {

// Bounded exponential backoff with jitter. Before retry n (1, 2, ...) the client waits
// min(maxDelay, baseDelay * 2^(n-1)) scaled into its upper half by a random factor, so the
// delays grow, never pass maxDelay, and clients that failed together do not retry together.
struct RetryPolicy
{
    int maxAttempts = 4; // sends in all, the first included
    std::chrono::milliseconds baseDelay{400};
    std::chrono::milliseconds maxDelay{8000};
    std::function<double()> random; // uniform in [0, 1); unset: the system generator

    std::chrono::milliseconds delayBefore(int retry) const;

    static RetryPolicy none();
};

} // namespace weft::plaid
