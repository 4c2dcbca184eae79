#include "plaid/RetryPolicy.h"

#include <QtTest>

using namespace weft::plaid;
using std::chrono::milliseconds;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void delaysGrowWithinBounds_data();
    void delaysGrowWithinBounds();
    void jitterSpreadsDelays();
    void noneMeansOneAttempt();
};

void TestRetryPolicy::delaysGrowWithinBounds_data()
{
    QTest::addColumn<double>("random");
    QTest::newRow("lowest jitter") << 0.0;
    QTest::newRow("middle jitter") << 0.5;
    QTest::newRow("highest jitter") << 0.999;
}

void TestRetryPolicy::delaysGrowWithinBounds()
{
    QFETCH(double, random);
    RetryPolicy policy;
    policy.baseDelay = milliseconds(400);
    policy.maxDelay = milliseconds(5000);
    policy.random = [random] {
        return random;
    };
    milliseconds previous(0);
    for (int retry = 1; retry <= 8; ++retry) {
        const milliseconds delay = policy.delayBefore(retry);
        const qint64 ceiling = std::min<qint64>(5000, 400LL << (retry - 1));
        QVERIFY2(delay.count() >= ceiling / 2 && delay.count() <= ceiling,
                 qPrintable(QStringLiteral("retry %1: %2 ms").arg(retry).arg(delay.count())));
        QVERIFY(delay >= previous);
        previous = delay;
    }
    QVERIFY(policy.delayBefore(30) <= milliseconds(5000));
    QVERIFY(policy.delayBefore(1000) <= milliseconds(5000));
}

void TestRetryPolicy::jitterSpreadsDelays()
{
    RetryPolicy policy; // the system's random source
    QSet<qint64> seen;
    for (int i = 0; i < 50; ++i)
        seen.insert(policy.delayBefore(3).count());
    QVERIFY2(seen.size() > 10, "delays should differ between clients");
}

void TestRetryPolicy::noneMeansOneAttempt()
{
    QCOMPARE(RetryPolicy::none().maxAttempts, 1);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
