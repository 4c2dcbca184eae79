#include "plaid/RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace weft::plaid {

std::chrono::milliseconds RetryPolicy::delayBefore(int retry) const
{
    const int doublings = std::clamp(retry - 1, 0, 30);
    const double ceiling =
        std::min(double(maxDelay.count()), double(baseDelay.count()) * double(1LL << doublings));
    const double r = random ? random() : QRandomGenerator::global()->generateDouble();
    const double factor = 0.5 + 0.5 * std::clamp(r, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(ceiling * factor));
}

RetryPolicy RetryPolicy::none()
{
    RetryPolicy policy;
    policy.maxAttempts = 1;
    return policy;
}

} // namespace weft::plaid
