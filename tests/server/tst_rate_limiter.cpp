// RateLimiter: a burst, then one try per refill period, per key; the wait it gives is the real
// wait; keys do not share; a flood of keys keeps memory bounded and forgets full buckets first.
#include "server/RateLimiter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using weft::server::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void burstThenRefill();
    void keysAreSeparate();
    void floodOfKeysStaysBounded();
    void clockGoingBackIsHarmless();
};

void TestRateLimiter::burstThenRefill()
{
    RateLimiter limiter(5, 12);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    int wait = -1;
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.tryTake(u"10.0.0.1"_s, start, &wait));
    QCOMPARE(wait, 0);
    QVERIFY(!limiter.tryTake(u"10.0.0.1"_s, start, &wait));
    QCOMPARE(wait, 12);
    QVERIFY(!limiter.tryTake(u"10.0.0.1"_s, start.addSecs(5), &wait));
    QCOMPARE(wait, 7);
    QVERIFY(limiter.tryTake(u"10.0.0.1"_s, start.addSecs(12), &wait));
    QVERIFY(!limiter.tryTake(u"10.0.0.1"_s, start.addSecs(12), &wait));
    // An hour idle refills to the burst, no further.
    const QDateTime later = start.addSecs(3600);
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.tryTake(u"10.0.0.1"_s, later, &wait));
    QVERIFY(!limiter.tryTake(u"10.0.0.1"_s, later, &wait));
}

void TestRateLimiter::keysAreSeparate()
{
    RateLimiter limiter(1, 60);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int wait = 0;
    QVERIFY(limiter.tryTake(u"a"_s, now, &wait));
    QVERIFY(!limiter.tryTake(u"a"_s, now, &wait));
    QVERIFY(limiter.tryTake(u"b"_s, now, &wait));
}

void TestRateLimiter::floodOfKeysStaysBounded()
{
    RateLimiter limiter(2, 60, 100);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int wait = 0;
    // One abuser empties its bucket, then 10,000 addresses pass by once each.
    QVERIFY(limiter.tryTake(u"abuser"_s, now, &wait));
    QVERIFY(limiter.tryTake(u"abuser"_s, now, &wait));
    for (int i = 0; i < 10'000; ++i) {
        QVERIFY(limiter.tryTake(u"flood-%1"_s.arg(i), now.addMSecs(i), &wait));
        QVERIFY(limiter.keyCount() <= 100);
    }
    // The abuser's bucket was the oldest, so it went: bounded memory wins over memory of it.
    QVERIFY(limiter.tryTake(u"abuser"_s, now.addSecs(11), &wait));
    // Full buckets go before partly used ones, even newer ones: the abuser (older, still
    // short of tries) is kept, the calm client whose bucket has refilled is forgotten.
    RateLimiter small(2, 60, 2);
    QVERIFY(small.tryTake(u"abuser"_s, now.addSecs(-100), &wait));
    QVERIFY(small.tryTake(u"abuser"_s, now.addSecs(-100), &wait));
    QVERIFY(small.tryTake(u"calm"_s, now.addSecs(-90), &wait));
    QVERIFY(small.tryTake(u"newcomer"_s, now, &wait));
    QCOMPARE(small.keyCount(), 2);
    QVERIFY(small.tryTake(u"abuser"_s, now, &wait));
    QVERIFY(!small.tryTake(u"abuser"_s, now, &wait));
}

void TestRateLimiter::clockGoingBackIsHarmless()
{
    RateLimiter limiter(1, 60);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int wait = 0;
    QVERIFY(limiter.tryTake(u"a"_s, now, &wait));
    QVERIFY(!limiter.tryTake(u"a"_s, now.addSecs(-3600), &wait));
    QVERIFY(wait > 0 && wait <= 60);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_rate_limiter.moc"
