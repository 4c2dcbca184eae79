// PlaidClient under injected faults: transport errors are told apart, transient failures of
// safe calls are retried with growing delays, and nothing else is. Time is a ManualClock, so
// retries and timeouts happen without sleeping.
#include "PlaidTestFixture.h"
#include "support/ManualClock.h"

#include <QtTest>

using namespace weft;
using namespace weft::plaid;
using sandbox::Fault;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kTimeout(45000);

RetryPolicy testPolicy(int attempts = 4)
{
    RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelay = milliseconds(400);
    policy.maxDelay = milliseconds(1000);
    policy.random = [] {
        return 0.75;
    };
    return policy;
}

Fault fault(const char *path, Fault::Kind kind, int count = 1)
{
    Fault f;
    f.path = QString::fromLatin1(path);
    f.kind = kind;
    f.count = count;
    return f;
}

} // namespace

class TestPlaidClientFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void transientFailuresAreRetried_data();
    void transientFailuresAreRetried();
    void retriesStopAtTheCap();
    void neverRetried_data();
    void neverRetried();
    void transportErrors_data();
    void transportErrors();
    void timeoutUsesTheInjectedClock();
    void abortAllCompletesOnceWithCanceled();

private:
    // Retry delays asked of the clock so far (the per-attempt timeouts left out).
    QList<milliseconds> retryDelays() const;
    // Advances the clock through every retry until the call completes.
    template<typename T>
    void driveRetries(test::Waiter<PlaidResult<T>> &waiter);

    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<test::PlaidTestFixture> f;
    PublicTokenExchange m_item;
};

void TestPlaidClientFaults::init()
{
    m_clock = std::make_unique<test::ManualClock>();
    f = std::make_unique<test::PlaidTestFixture>(m_clock.get(), testPolicy(), kTimeout);
    QVERIFY(f->started);
    m_item = f->newItem();
    QVERIFY(!m_item.accessToken.isEmpty());
}

void TestPlaidClientFaults::cleanup()
{
    f.reset();
    m_clock.reset();
}

QList<milliseconds> TestPlaidClientFaults::retryDelays() const
{
    QList<milliseconds> delays;
    for (milliseconds delay : m_clock->requestedDelays()) {
        if (delay != kTimeout)
            delays.append(delay);
    }
    return delays;
}

template<typename T>
void TestPlaidClientFaults::driveRetries(test::Waiter<PlaidResult<T>> &waiter)
{
    qsizetype advanced = 0;
    QDeadlineTimer deadline(20000);
    while (!waiter.done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        const QList<milliseconds> delays = retryDelays();
        while (advanced < delays.size())
            m_clock->advance(delays.at(advanced++));
    }
}

void TestPlaidClientFaults::transientFailuresAreRetried_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("failures");
    QTest::newRow("500 twice") << int(Fault::Kind::ServerError) << 2;
    QTest::newRow("429 once") << int(Fault::Kind::RateLimit) << 1;
    QTest::newRow("502 HTML page") << int(Fault::Kind::NonJson) << 1;
}

void TestPlaidClientFaults::transientFailuresAreRetried()
{
    QFETCH(int, kind);
    QFETCH(int, failures);
    Fault injected = fault("/item/get", Fault::Kind(kind), failures);
    injected.status = 502;
    f->sandbox.server().faults().add(injected);
    test::Waiter<PlaidResult<ItemDetails>> waiter;
    f->client->getItem(m_item.accessToken, &f->context, waiter.callback());
    driveRetries(waiter);
    QVERIFY(waiter.done());
    QVERIFY2(waiter.value().ok(), qPrintable(waiter.value().describe()));
    QCOMPARE(waiter.value().attempts, failures + 1);
    QCOMPARE(waiter.calls(), 1);
    const QList<milliseconds> delays = retryDelays();
    QCOMPARE(delays.size(), failures);
    QCOMPARE(delays.first(), milliseconds(350)); // 400 ms scaled by the jitter (0.5 + 0.75/2)
    for (qsizetype i = 1; i < delays.size(); ++i)
        QVERIFY(delays.at(i) > delays.at(i - 1));
}

void TestPlaidClientFaults::retriesStopAtTheCap()
{
    f->sandbox.server().faults().add(fault("/item/get", Fault::Kind::ServerError, 10));
    test::Waiter<PlaidResult<ItemDetails>> waiter;
    f->client->getItem(m_item.accessToken, &f->context, waiter.callback());
    driveRetries(waiter);
    QVERIFY(waiter.done());
    const auto &result = waiter.value();
    QCOMPARE(result.status, PlaidStatus::ApiError);
    QCOMPARE(result.httpStatus, 500);
    QCOMPARE(result.apiError.errorType, QStringLiteral("API_ERROR"));
    QCOMPARE(result.apiError.errorCode, QStringLiteral("INTERNAL_SERVER_ERROR"));
    QCOMPARE(result.attempts, 4);
    const QList<milliseconds> delays = retryDelays();
    QCOMPARE(delays,
             (QList<milliseconds>{milliseconds(350), milliseconds(700), milliseconds(875)}));
    for (milliseconds delay : delays)
        QVERIFY(delay <= milliseconds(1000));
}

void TestPlaidClientFaults::neverRetried_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<int>("kind");
    QTest::newRow("exchange on 500") << "exchange" << int(Fault::Kind::ServerError);
    QTest::newRow("exchange on 429") << "exchange" << int(Fault::Kind::RateLimit);
    QTest::newRow("exchange on reset") << "exchange" << int(Fault::Kind::Drop);
    QTest::newRow("remove on 500") << "remove" << int(Fault::Kind::ServerError);
}

void TestPlaidClientFaults::neverRetried()
{
    QFETCH(QString, call);
    QFETCH(int, kind);
    const char *path = call == u"exchange" ? "/item/public_token/exchange" : "/item/remove";
    f->sandbox.server().faults().add(fault(path, Fault::Kind(kind), 5));
    PlaidOutcome outcome;
    if (call == u"exchange") {
        SandboxPublicTokenCreateRequest request;
        request.institutionId = QStringLiteral("ins_109508");
        request.initialProducts = {QStringLiteral("auth")};
        const auto token = f->run<QString>(
            [&](auto done) { f->client->createSandboxPublicToken(request, &f->context, done); });
        QVERIFY(token.ok());
        outcome = f->run<PublicTokenExchange>(
            [&](auto done) { f->client->exchangePublicToken(token.value, &f->context, done); });
    } else {
        outcome = f->run<Done>(
            [&](auto done) { f->client->removeItem(m_item.accessToken, &f->context, done); });
    }
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.attempts, 1);
    QVERIFY(retryDelays().isEmpty());
}

void TestPlaidClientFaults::transportErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("attempts");
    QTest::newRow("truncated body")
        << int(Fault::Kind::Truncated) << 200 << int(PlaidStatus::TruncatedBody) << 1;
    QTest::newRow("HTML with 200")
        << int(Fault::Kind::NonJson) << 200 << int(PlaidStatus::InvalidJson) << 1;
    QTest::newRow("oversized body")
        << int(Fault::Kind::Oversized) << 200 << int(PlaidStatus::BodyTooLarge) << 1;
    QTest::newRow("connection dropped")
        << int(Fault::Kind::Drop) << 200 << int(PlaidStatus::ConnectionReset) << 3;
}

void TestPlaidClientFaults::transportErrors()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(int, expected);
    QFETCH(int, attempts);
    Fault injected = fault("/item/get", Fault::Kind(kind), 20);
    injected.status = status;
    injected.size = 300000;
    f->sandbox.server().faults().add(injected);
    PlaidConfig config = f->config;
    config.maxBodyBytes = 100000;
    config.retry = testPolicy(3);
    PlaidClient client(&f->network, config, m_clock.get());
    test::Waiter<PlaidResult<ItemDetails>> waiter;
    client.getItem(m_item.accessToken, &f->context, waiter.callback());
    driveRetries(waiter);
    QVERIFY(waiter.done());
    QCOMPARE(int(waiter.value().status), expected);
    QVERIFY(waiter.value().isTransportError());
    QVERIFY(!waiter.value().errorString.isEmpty());
    QCOMPARE(waiter.value().attempts, attempts);
}

void TestPlaidClientFaults::timeoutUsesTheInjectedClock()
{
    Fault slow = fault("/item/get", Fault::Kind::Delay);
    slow.delayMs = 600000;
    f->sandbox.server().faults().add(slow);
    test::Waiter<PlaidResult<ItemDetails>> waiter;
    f->client->getItem(m_item.accessToken, &f->context, waiter.callback());
    QTRY_VERIFY(m_clock->requestedDelays().contains(milliseconds(600000))); // the server waits
    QVERIFY(!waiter.done());
    m_clock->advance(kTimeout);
    QVERIFY(waiter.wait());
    QCOMPARE(waiter.value().status, PlaidStatus::Timeout);
    QCOMPARE(waiter.value().attempts, 1);
    QVERIFY(waiter.value().errorString.contains(u"45000 ms"));
    m_clock->advance(milliseconds(600000)); // the delayed answer finds its client gone
    QCOMPARE(waiter.calls(), 1);
}

void TestPlaidClientFaults::abortAllCompletesOnceWithCanceled()
{
    Fault slow = fault("/item/get", Fault::Kind::Delay);
    slow.delayMs = 600000;
    f->sandbox.server().faults().add(slow);
    test::Waiter<PlaidResult<ItemDetails>> waiter;
    f->client->getItem(m_item.accessToken, &f->context, waiter.callback());
    QTRY_VERIFY(m_clock->requestedDelays().contains(milliseconds(600000)));
    f->client->abortAll();
    QVERIFY(waiter.wait(1000));
    QCOMPARE(waiter.value().status, PlaidStatus::Canceled);
    m_clock->advance(kTimeout);
    QTest::qWait(50);
    QCOMPARE(waiter.calls(), 1);
}

QTEST_GUILESS_MAIN(TestPlaidClientFaults)
#include "tst_plaidclient_faults.moc"
