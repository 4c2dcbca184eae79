// LinkController with a fake backend and a simulated page: preload, open, INVALID_LINK_TOKEN
// recovery, refresh before expiry (ManualClock), exchange, update mode, failures.
#include "link/LinkBridge.h"
#include "link/LinkController.h"
#include "support/FakeLinkBackend.h"
#include "support/ManualClock.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace weft;
using namespace weft::link;
using State = LinkController::State;
using std::chrono::minutes;

namespace {

const QUrl kHost(QStringLiteral("http://127.0.0.1:5000/weft/host/index.html"));
const QUrl kScript(QStringLiteral("http://127.0.0.1:5000/link/v2/stable/link-initialize.js"));

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

class TestLinkController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void preloadsThenOpensAtOnce();
    void openBeforeReadyOpensWhenReady();
    void invalidLinkTokenFetchesExactlyOneNewToken();
    void invalidLinkTokenRecoveryIsBounded();
    void otherErrorsKeepTheTokenAndReport();
    void successIsExchangedOnceAndPreparesTheNext();
    void lostExchangeIsNotReplayed();
    void refreshesBeforeExpiry();
    void refreshWaitsWhileLinkIsOpen();
    void updateModeRepairsWithoutExchange();
    void updateModeWithAccountSelection();
    void tokenFailureThenRetry();
    void scriptFailure();

private:
    // The page side: answers createRequested with onLoad, like the host page would.
    void pageLoads()
    {
        m_bridge->loaded(json({{QStringLiteral("handler_id"), m_bridge->currentHandler()}}));
    }
    void pageExits(const QJsonValue &error)
    {
        m_bridge->exited(
            json({{QStringLiteral("handler_id"), m_bridge->currentHandler()},
                  {QStringLiteral("error"), error},
                  {QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("link_session_id"), QStringLiteral("sess")},
                               {QStringLiteral("request_id"), QStringLiteral("req")}}}}));
    }
    void pageSucceeds()
    {
        m_bridge->succeeded(
            json({{QStringLiteral("handler_id"), m_bridge->currentHandler()},
                  {QStringLiteral("public_token"),
                   QStringLiteral("public-sandbox-0b2c5a70-4d8e-4f6a-9c1d-2e3f4a5b6c7d")},
                  {QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("accounts"), QJsonArray()},
                               {QStringLiteral("link_session_id"), QStringLiteral("sess")}}}}));
    }
    QJsonObject error(const char *code)
    {
        return {{QStringLiteral("error_type"), QStringLiteral("INVALID_INPUT")},
                {QStringLiteral("error_code"), QLatin1StringView(code)},
                {QStringLiteral("error_message"), QStringLiteral("message")},
                {QStringLiteral("display_message"), QStringLiteral("Shown to the user")}};
    }
    void answerToken(const QString &token = QStringLiteral("link-sandbox-a"),
                     minutes life = minutes(240))
    {
        m_backend.answerToken(token, m_clock->now().addSecs(life.count() * 60));
    }
    void bringToReady()
    {
        m_controller->start();
        answerToken();
        pageLoads();
        QCOMPARE(m_controller->state(), State::Ready);
    }

    std::unique_ptr<test::ManualClock> m_clock;
    test::FakeLinkBackend m_backend;
    std::unique_ptr<LinkBridge> m_bridge;
    std::unique_ptr<LinkController> m_controller;
};

void TestLinkController::init()
{
    m_clock = std::make_unique<test::ManualClock>();
    m_backend = {};
    m_bridge = std::make_unique<LinkBridge>(kHost, [] { return kHost; });
    m_bridge->hostReady(QStringLiteral("{}"));
    m_controller =
        std::make_unique<LinkController>(&m_backend, m_bridge.get(), kScript, m_clock.get());
}

void TestLinkController::cleanup()
{
    m_controller.reset();
    m_bridge.reset();
}

void TestLinkController::preloadsThenOpensAtOnce()
{
    QSignalSpy create(m_bridge.get(), &LinkBridge::createRequested);
    QSignalSpy open(m_bridge.get(), &LinkBridge::openRequested);
    m_controller->start();
    QCOMPARE(m_controller->state(), State::FetchingToken);
    QCOMPARE(m_backend.tokenCalls.size(), 1);
    QVERIFY(m_backend.tokenCalls.first().accessToken.isEmpty());
    answerToken();
    QCOMPARE(m_controller->state(), State::Loading);
    QCOMPARE(create.size(), 1);
    const QJsonObject config =
        QJsonDocument::fromJson(create.first().first().toString().toUtf8()).object();
    QCOMPARE(config.value(QLatin1StringView("token")).toString(), QStringLiteral("link-sandbox-a"));
    QCOMPARE(config.value(QLatin1StringView("script_url")).toString(), kScript.toString());
    pageLoads();
    QCOMPARE(m_controller->state(), State::Ready);
    QCOMPARE(open.size(), 0);
    m_controller->open();
    QCOMPARE(open.size(), 1); // no fetch, no load: Link shows at once
    QCOMPARE(m_controller->state(), State::Open);
    QCOMPARE(m_backend.tokenCalls.size(), 1);
}

void TestLinkController::openBeforeReadyOpensWhenReady()
{
    QSignalSpy open(m_bridge.get(), &LinkBridge::openRequested);
    m_controller->open(); // --connect: before anything is ready
    QCOMPARE(m_backend.tokenCalls.size(), 1);
    answerToken();
    QCOMPARE(open.size(), 0);
    pageLoads();
    QCOMPARE(open.size(), 1);
    QCOMPARE(m_controller->state(), State::Open);
}

void TestLinkController::invalidLinkTokenFetchesExactlyOneNewToken()
{
    bringToReady();
    m_controller->open();
    QSignalSpy destroy(m_bridge.get(), &LinkBridge::destroyRequested);
    QSignalSpy create(m_bridge.get(), &LinkBridge::createRequested);
    QSignalSpy notice(m_controller.get(), &LinkController::notice);
    QSignalSpy failed(m_controller.get(), &LinkController::failed);
    const int oldHandler = m_bridge->currentHandler();
    pageExits(error("INVALID_LINK_TOKEN"));
    QCOMPARE(destroy.size(), 1);
    QCOMPARE(m_backend.tokenCalls.size(), 2); // exactly one more
    QCOMPARE(notice.size(), 1);
    QCOMPARE(failed.size(), 0);
    answerToken(QStringLiteral("link-sandbox-b"));
    QCOMPARE(create.size(), 1);
    QVERIFY(m_bridge->currentHandler() != oldHandler);
    pageLoads();
    QCOMPARE(m_controller->state(), State::Ready);
    QCOMPARE(m_backend.tokenCalls.size(), 2);
}

void TestLinkController::invalidLinkTokenRecoveryIsBounded()
{
    // A page forging INVALID_LINK_TOKEN exits over and over: three fresh tokens in a minute,
    // then Link stays closed with a message until the user chooses Try again.
    bringToReady();
    QSignalSpy failed(m_controller.get(), &LinkController::failed);
    for (int i = 0; i < LinkController::kMaxRecoveries; ++i) {
        m_controller->open();
        QCOMPARE(m_controller->state(), State::Open);
        pageExits(error("INVALID_LINK_TOKEN"));
        answerToken(QStringLiteral("link-sandbox-r%1").arg(i));
        pageLoads();
        QCOMPARE(m_controller->state(), State::Ready);
        m_clock->advance(std::chrono::seconds(5));
    }
    QCOMPARE(m_backend.tokenCalls.size(), 1 + LinkController::kMaxRecoveries);
    m_controller->open();
    pageExits(error("INVALID_LINK_TOKEN"));
    QCOMPARE(m_controller->state(), State::Failed);
    QCOMPARE(m_backend.tokenCalls.size(), 1 + LinkController::kMaxRecoveries); // none more
    QCOMPARE(failed.size(), 1);
    const auto failure = failed.at(0).at(0).value<LinkFailure>();
    QCOMPARE(failure.errorCode, QStringLiteral("INVALID_LINK_TOKEN"));
    QVERIFY(!failure.userText.isEmpty());
    // Nothing the page sends now opens or fetches anything.
    pageExits(error("INVALID_LINK_TOKEN"));
    pageLoads();
    QCOMPARE(m_backend.tokenCalls.size(), 1 + LinkController::kMaxRecoveries);
    // Try again: a fresh start, and the count begins anew.
    m_controller->retry();
    QCOMPARE(m_backend.tokenCalls.size(), 2 + LinkController::kMaxRecoveries);
    answerToken(QStringLiteral("link-sandbox-again"));
    pageLoads();
    QCOMPARE(m_controller->state(), State::Ready);
    // Recoveries spread over more than a minute are not limited.
    for (int i = 0; i < 2 * LinkController::kMaxRecoveries; ++i) {
        m_clock->advance(std::chrono::seconds(25));
        m_controller->open();
        pageExits(error("INVALID_LINK_TOKEN"));
        answerToken(QStringLiteral("link-sandbox-s%1").arg(i));
        pageLoads();
        QCOMPARE(m_controller->state(), State::Ready);
    }
}

void TestLinkController::otherErrorsKeepTheTokenAndReport()
{
    bringToReady();
    m_controller->open();
    QSignalSpy failed(m_controller.get(), &LinkController::failed);
    QSignalSpy create(m_bridge.get(), &LinkBridge::createRequested);
    pageExits(error("ITEM_LOCKED"));
    QCOMPARE(failed.size(), 1);
    const auto failure = failed.first().first().value<LinkFailure>();
    QCOMPARE(failure.errorCode, QStringLiteral("ITEM_LOCKED"));
    QCOMPARE(failure.userText, QStringLiteral("Shown to the user"));
    QCOMPARE(failure.linkSessionId, QStringLiteral("sess"));
    QCOMPARE(failure.requestId, QStringLiteral("req"));
    QCOMPARE(m_backend.tokenCalls.size(), 1); // the token is still good
    QCOMPARE(create.size(), 1);               // a fresh handler on it
    pageLoads();
    QCOMPARE(m_controller->state(), State::Ready);
}

void TestLinkController::successIsExchangedOnceAndPreparesTheNext()
{
    bringToReady();
    m_controller->open();
    QSignalSpy linked(m_controller.get(), &LinkController::itemLinked);
    pageSucceeds();
    QCOMPARE(m_controller->state(), State::Exchanging);
    QCOMPARE(m_backend.exchangeCalls.size(), 1);
    QCOMPARE(m_backend.exchangeCalls.first().publicToken,
             QStringLiteral("public-sandbox-0b2c5a70-4d8e-4f6a-9c1d-2e3f4a5b6c7d"));
    m_backend.answerExchange(QStringLiteral("item-1"), QStringLiteral("access-sandbox-x"));
    QCOMPARE(linked.size(), 1);
    QCOMPARE(linked.first().first().value<LinkedItem>().itemId, QStringLiteral("item-1"));
    QCOMPARE(m_backend.tokenCalls.size(), 2); // the used token is replaced
    pageSucceeds();                           // a stale duplicate from the page
    QCOMPARE(m_backend.exchangeCalls.size(), 1);
}

void TestLinkController::lostExchangeIsNotReplayed()
{
    bringToReady();
    m_controller->open();
    QSignalSpy failed(m_controller.get(), &LinkController::failed);
    pageSucceeds();
    m_backend.failExchange(plaid::PlaidStatus::Timeout);
    QCOMPARE(failed.size(), 1);
    const auto failure = failed.first().first().value<LinkFailure>();
    QCOMPARE(failure.stage, LinkFailure::Stage::Exchange);
    QCOMPARE(failure.linkSessionId, QStringLiteral("sess"));
    QCOMPARE(m_backend.exchangeCalls.size(), 1);
    QCOMPARE(m_backend.tokenCalls.size(), 2); // linking again is one click away
}

void TestLinkController::refreshesBeforeExpiry()
{
    bringToReady();
    QSignalSpy create(m_bridge.get(), &LinkBridge::createRequested);
    m_clock->advance(minutes(230));
    QCOMPARE(m_backend.tokenCalls.size(), 1);
    m_clock->advance(minutes(6)); // 236 min: within the 5-minute margin of the 4 h token
    QCOMPARE(m_backend.tokenCalls.size(), 2);
    answerToken(QStringLiteral("link-sandbox-fresh"));
    QCOMPARE(create.size(), 1);
    pageLoads();
    QCOMPARE(m_controller->state(), State::Ready);
}

void TestLinkController::refreshWaitsWhileLinkIsOpen()
{
    bringToReady();
    m_controller->open();
    m_clock->advance(minutes(238));
    QCOMPARE(m_backend.tokenCalls.size(), 1); // never pulled from under the user
    pageExits(QJsonValue::Null);
    QCOMPARE(m_backend.tokenCalls.size(), 2); // refreshed as soon as Link closed
}

void TestLinkController::updateModeRepairsWithoutExchange()
{
    bringToReady();
    QSignalSpy repaired(m_controller.get(), &LinkController::itemRepaired);
    QSignalSpy open(m_bridge.get(), &LinkBridge::openRequested);
    m_controller->openForUpdate(QStringLiteral("item-9"), QStringLiteral("access-sandbox-9"));
    QCOMPARE(m_backend.tokenCalls.size(), 2);
    QCOMPARE(m_backend.tokenCalls.last().accessToken, QStringLiteral("access-sandbox-9"));
    QVERIFY(!m_backend.tokenCalls.last().accountSelection); // a repair keeps the accounts
    answerToken(QStringLiteral("link-sandbox-update"), minutes(30));
    pageLoads();
    QCOMPARE(open.size(), 1);
    pageSucceeds();
    QCOMPARE(repaired.size(), 1);
    QCOMPARE(repaired.first().first().toString(), QStringLiteral("item-9"));
    QCOMPARE(m_backend.exchangeCalls.size(), 0);
    QVERIFY(!m_controller->isUpdateMode());
    QCOMPARE(m_backend.tokenCalls.size(), 3);
    QVERIFY(m_backend.tokenCalls.last().accessToken.isEmpty()); // back to new Items
}

void TestLinkController::updateModeWithAccountSelection()
{
    bringToReady();
    QSignalSpy repaired(m_controller.get(), &LinkController::itemRepaired);
    m_controller->openForUpdate(QStringLiteral("item-9"), QStringLiteral("access-sandbox-9"), true);
    QCOMPARE(m_backend.tokenCalls.size(), 2);
    QCOMPARE(m_backend.tokenCalls.last().accessToken, QStringLiteral("access-sandbox-9"));
    QVERIFY(m_backend.tokenCalls.last().accountSelection);
    answerToken(QStringLiteral("link-sandbox-update"), minutes(30));
    pageLoads();
    pageSucceeds();
    QCOMPARE(repaired.size(), 1);
    QCOMPARE(m_backend.exchangeCalls.size(), 0);
    // The next token is for a new Item again, without account selection.
    QCOMPARE(m_backend.tokenCalls.size(), 3);
    QVERIFY(m_backend.tokenCalls.last().accessToken.isEmpty());
    QVERIFY(!m_backend.tokenCalls.last().accountSelection);
}

void TestLinkController::tokenFailureThenRetry()
{
    QSignalSpy failed(m_controller.get(), &LinkController::failed);
    m_controller->start();
    m_backend.failToken(QStringLiteral("INVALID_API_KEYS"));
    QCOMPARE(m_controller->state(), State::Failed);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<LinkFailure>().errorCode,
             QStringLiteral("INVALID_API_KEYS"));
    QCOMPARE(failed.first().first().value<LinkFailure>().requestId, QStringLiteral("req-fake"));
    m_controller->retry();
    QCOMPARE(m_backend.tokenCalls.size(), 2);
    answerToken();
    pageLoads();
    QCOMPARE(m_controller->state(), State::Ready);
}

void TestLinkController::scriptFailure()
{
    QSignalSpy failed(m_controller.get(), &LinkController::failed);
    m_controller->start();
    answerToken();
    m_bridge->failed(
        json({{QStringLiteral("handler_id"), m_bridge->currentHandler()},
              {QStringLiteral("message"), QStringLiteral("could not load the script")}}));
    QCOMPARE(m_controller->state(), State::Failed);
    QCOMPARE(failed.first().first().value<LinkFailure>().stage, LinkFailure::Stage::Script);
}

QTEST_GUILESS_MAIN(TestLinkController)
#include "tst_linkcontroller.moc"
