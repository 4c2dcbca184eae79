#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace weft::server {

// Token buckets, one per key (a client address): each holds up to `burst` tries and gains one
// every `refillSeconds`. A try from an empty bucket is refused with the seconds until the next
// one. At most maxKeys buckets are kept; when a new key would pass that, full buckets (which
// remember nothing) go first, then the longest unused, so that a flood of addresses costs
// memory in proportion to maxKeys, not to the flood.
//
// Each instance counts on its own: with several instances behind a balancer, a client gets
// their sum, which still bounds guessing.
class RateLimiter
{
public:
    RateLimiter(int burst, int refillSeconds, int maxKeys = 10'000);

    // True when key may try now (and takes one try); else false with *retryAfterSeconds set.
    bool tryTake(const QString &key, const QDateTime &now, int *retryAfterSeconds);
    int keyCount() const { return int(m_buckets.size()); }

private:
    struct Bucket
    {
        double tries = 0;
        QDateTime updated;
    };
    double triesNow(const Bucket &bucket, const QDateTime &now) const;
    void makeRoom(const QDateTime &now);

    int m_burst;
    int m_refillSeconds;
    int m_maxKeys;
    QHash<QString, Bucket> m_buckets;
};

} // namespace weft::server
