#include "server/RateLimiter.h"

#include <QtMath>

#include <algorithm>

namespace weft::server {

RateLimiter::RateLimiter(int burst, int refillSeconds, int maxKeys)
    : m_burst(std::max(1, burst))
    , m_refillSeconds(std::max(1, refillSeconds))
    , m_maxKeys(std::max(1, maxKeys))
{
}

double RateLimiter::triesNow(const Bucket &bucket, const QDateTime &now) const
{
    const double elapsed = std::max<qint64>(0, bucket.updated.msecsTo(now)) / 1000.0;
    return std::min<double>(m_burst, bucket.tries + elapsed / m_refillSeconds);
}

bool RateLimiter::tryTake(const QString &key, const QDateTime &now, int *retryAfterSeconds)
{
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxKeys)
            makeRoom(now);
        it = m_buckets.insert(key, Bucket{double(m_burst), now});
    }
    const double tries = triesNow(*it, now);
    it->updated = now;
    if (tries >= 1.0) {
        it->tries = tries - 1.0;
        *retryAfterSeconds = 0;
        return true;
    }
    it->tries = tries;
    *retryAfterSeconds = std::max(1, int(qCeil((1.0 - tries) * m_refillSeconds)));
    return false;
}

void RateLimiter::makeRoom(const QDateTime &now)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (triesNow(*it, now) >= m_burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
    while (m_buckets.size() >= m_maxKeys) {
        auto oldest = m_buckets.begin();
        for (auto it = m_buckets.begin(); it != m_buckets.end(); ++it) {
            if (it->updated < oldest->updated)
                oldest = it;
        }
        m_buckets.erase(oldest);
    }
}

} // namespace weft::server
