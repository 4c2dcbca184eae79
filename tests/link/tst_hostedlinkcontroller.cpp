// HostedLinkController with a fake backend and a manual clock: the browser is opened with
// hosted_link_url, /link/token/get is polled until a result, the public token is exchanged (or
// the Item repaired in update mode); exits, expiry, cancel, poll failures, malformed results,
// an http address in the Plaid modes; and the loopback completion address over real HTTP.
#include "link/HostedLinkController.h"
#include "support/FakeLinkBackend.h"
#include "support/ManualClock.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

using namespace weft;
using namespace weft::link;
using State = HostedLinkController::State;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const QString kToken = QStringLiteral("link-sandbox-00000000-0000-4000-8000-000000000001");
const QString kPublic = QStringLiteral("public-sandbox-00000000-0000-4000-8000-000000000002");
const QUrl kHosted(QStringLiteral("https://hosted.example/hl/abc"));

plaid::LinkSessionRecord linkedSession(const QString &publicToken = kPublic)
{
    plaid::LinkSessionRecord session;
    session.linkSessionId = QStringLiteral("session-1");
    plaid::LinkSessionItemAdd add;
    add.publicToken = publicToken;
    add.institution = {{QStringLiteral("name"), QStringLiteral("First Platypus Bank")},
                       {QStringLiteral("institution_id"), QStringLiteral("ins_109508")}};
    add.accounts = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("acc-1")},
                                          {QStringLiteral("name"), QStringLiteral("Checking")},
                                          {QStringLiteral("mask"), QStringLiteral("0000")},
                                          {QStringLiteral("type"), QStringLiteral("depository")},
                                          {QStringLiteral("subtype"), QStringLiteral("checking")},
                                          {QStringLiteral("verification_status"), QJsonValue()}}};
    session.itemAdds.append(add);
    return session;
}

} // namespace

class TestHostedLinkController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensTheBrowserPollsAndExchanges();
    void keepsPollingWhileTheSessionGoesOn();
    void anExitWithoutErrorSaysNothingWasConnected();
    void anExitWithAnErrorIsAFailure();
    void expiresWithTheToken();
    void cancelStopsPollingAndDropsLateAnswers();
    void transientPollFailuresAreRetriedThenGiveUp();
    void aPermanentPollErrorEndsTheWait();
    void updateModeRepairsWithoutExchange();
    void updateModeWithAccountSelection();
    void aMalformedResultIsAFailureNotAGuess();
    void aTokenWithoutAddressOrWithHttpInPlaidModesIsRefused();
    void aBrowserThatCannotOpenLeavesTheAddressToCopy();
    void theCompletionAddressMakesItLookAtOnce();
    void aForgedCompletionAddressIsRefused();
    void severalItemsAreAllExchanged();

private:
    void answerHostedToken(const QUrl &url = kHosted, minutes life = minutes(30));
    void answerPoll(const QList<plaid::LinkSessionRecord> &sessions);
    void failPoll(plaid::PlaidStatus status, int http = 0, const QString &code = {});

    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<test::FakeLinkBackend> m_backend;
    std::unique_ptr<HostedLinkController> m_hosted;
    QList<QUrl> m_opened;
    bool m_openerWorks = true;
};

void TestHostedLinkController::init()
{
    m_clock = std::make_unique<test::ManualClock>();
    m_backend = std::make_unique<test::FakeLinkBackend>();
    m_hosted = std::make_unique<HostedLinkController>(m_backend.get(), m_clock.get());
    m_opened.clear();
    m_openerWorks = true;
    m_hosted->setUrlOpener([this](const QUrl &url) {
        m_opened.append(url);
        return m_openerWorks;
    });
}

void TestHostedLinkController::cleanup()
{
    m_hosted.reset();
    m_backend.reset();
    m_clock.reset();
}

void TestHostedLinkController::answerHostedToken(const QUrl &url, minutes life)
{
    QVERIFY(!m_backend->hostedTokenCalls.isEmpty());
    plaid::PlaidResult<plaid::LinkToken> result;
    result.status = plaid::PlaidStatus::Ok;
    result.value.linkToken = kToken;
    result.value.expiration = m_clock->now().addSecs(life.count() * 60);
    result.value.hostedLinkUrl = url;
    auto call = m_backend->hostedTokenCalls.takeFirst();
    if (call.context)
        call.done(result);
}

void TestHostedLinkController::answerPoll(const QList<plaid::LinkSessionRecord> &sessions)
{
    QVERIFY(!m_backend->getTokenCalls.isEmpty());
    auto call = m_backend->getTokenCalls.takeFirst();
    QCOMPARE(call.linkToken, kToken);
    plaid::PlaidResult<plaid::LinkTokenDetails> result;
    result.status = plaid::PlaidStatus::Ok;
    result.value.linkToken = kToken;
    result.value.sessions = sessions;
    if (call.context)
        call.done(result);
}

void TestHostedLinkController::failPoll(plaid::PlaidStatus status, int http, const QString &code)
{
    QVERIFY(!m_backend->getTokenCalls.isEmpty());
    auto call = m_backend->getTokenCalls.takeFirst();
    plaid::PlaidResult<plaid::LinkTokenDetails> result;
    result.status = status;
    result.httpStatus = http;
    result.errorString = QStringLiteral("fake");
    result.apiError.errorType = QStringLiteral("INVALID_INPUT");
    result.apiError.errorCode = code;
    result.apiError.errorMessage = QStringLiteral("fake");
    if (call.context)
        call.done(result);
}

void TestHostedLinkController::opensTheBrowserPollsAndExchanges()
{
    QSignalSpy waiting(m_hosted.get(), &HostedLinkController::waiting);
    QSignalSpy starting(m_hosted.get(), &HostedLinkController::exchangeStarting);
    QSignalSpy linked(m_hosted.get(), &HostedLinkController::itemLinked);
    QSignalSpy finished(m_hosted.get(), &HostedLinkController::finished);
    m_hosted->start();
    QCOMPARE(m_hosted->state(), State::FetchingToken);
    QCOMPARE(m_backend->hostedTokenCalls.size(), 1);
    // The loopback completion address goes with the request.
    const QUrl completion(m_backend->hostedTokenCalls.first().completionRedirectUri);
    QCOMPARE(completion.scheme(), QStringLiteral("http"));
    QCOMPARE(completion.host(), QStringLiteral("127.0.0.1"));
    answerHostedToken();
    QCOMPARE(m_hosted->state(), State::Waiting);
    QCOMPARE(m_opened, QList<QUrl>{kHosted});
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().at(1).toBool(), true);
    QVERIFY(m_backend->getTokenCalls.isEmpty()); // not before the first interval
    m_clock->advance(HostedLinkController::kPollInterval);
    answerPoll({linkedSession()});
    QCOMPARE(m_hosted->state(), State::Exchanging);
    QCOMPARE(starting.size(), 1);
    QCOMPARE(m_backend->exchangeCalls.size(), 1);
    QCOMPARE(m_backend->exchangeCalls.first().publicToken, kPublic);
    m_backend->answerExchange(QStringLiteral("item-1"), QStringLiteral("access-sandbox-x"));
    QCOMPARE(linked.size(), 1);
    const auto item = linked.first().first().value<LinkedItem>();
    QCOMPARE(item.itemId, QStringLiteral("item-1"));
    QCOMPARE(item.success.institution->name, QStringLiteral("First Platypus Bank"));
    QCOMPARE(item.success.linkSessionId, QStringLiteral("session-1"));
    QCOMPARE(item.success.accounts.size(), 1);
    QCOMPARE(m_hosted->state(), State::Idle);
    QCOMPARE(finished.size(), 1);
    m_clock->advance(minutes(5));
    QVERIFY(m_backend->getTokenCalls.isEmpty()); // no polling after the end
}

void TestHostedLinkController::keepsPollingWhileTheSessionGoesOn()
{
    m_hosted->start();
    answerHostedToken();
    for (int i = 0; i < 5; ++i) {
        m_clock->advance(HostedLinkController::kPollInterval);
        QCOMPARE(m_backend->getTokenCalls.size(), 1); // one poll in flight at a time
        plaid::LinkSessionRecord started;
        started.linkSessionId = QStringLiteral("session-1"); // no result yet
        answerPoll(i == 0 ? QList<plaid::LinkSessionRecord>{} : QList{started});
        QCOMPARE(m_hosted->state(), State::Waiting);
    }
}

void TestHostedLinkController::anExitWithoutErrorSaysNothingWasConnected()
{
    QSignalSpy notice(m_hosted.get(), &HostedLinkController::notice);
    QSignalSpy failed(m_hosted.get(), &HostedLinkController::failed);
    m_hosted->start();
    answerHostedToken();
    m_clock->advance(HostedLinkController::kPollInterval);
    plaid::LinkSessionRecord exited;
    exited.linkSessionId = QStringLiteral("session-1");
    exited.exited = true;
    exited.exitStatus = QStringLiteral("requires_credentials");
    answerPoll({exited});
    QCOMPARE(m_hosted->state(), State::Idle);
    QCOMPARE(notice.size(), 1);
    QVERIFY(notice.first().first().toString().contains(QStringLiteral("No bank account")));
    QCOMPARE(failed.size(), 0);
    QVERIFY(m_backend->exchangeCalls.isEmpty());
}

void TestHostedLinkController::anExitWithAnErrorIsAFailure()
{
    QSignalSpy failed(m_hosted.get(), &HostedLinkController::failed);
    m_hosted->start();
    answerHostedToken();
    m_clock->advance(HostedLinkController::kPollInterval);
    plaid::LinkSessionRecord exited;
    exited.linkSessionId = QStringLiteral("session-9");
    exited.exited = true;
    plaid::PlaidError error;
    error.errorType = QStringLiteral("ITEM_ERROR");
    error.errorCode = QStringLiteral("INVALID_CREDENTIALS");
    error.errorMessage = QStringLiteral("the provided credentials were not correct");
    exited.exitError = error;
    answerPoll({exited});
    QCOMPARE(failed.size(), 1);
    const auto failure = failed.first().first().value<LinkFailure>();
    QCOMPARE(failure.errorCode, QStringLiteral("INVALID_CREDENTIALS"));
    QCOMPARE(failure.linkSessionId, QStringLiteral("session-9"));
    QCOMPARE(m_hosted->state(), State::Idle);
}

void TestHostedLinkController::expiresWithTheToken()
{
    QSignalSpy failed(m_hosted.get(), &HostedLinkController::failed);
    m_hosted->start();
    answerHostedToken(kHosted, minutes(1));
    for (int i = 0; i < 29; ++i) {
        m_clock->advance(HostedLinkController::kPollInterval);
        answerPoll({});
    }
    QCOMPARE(failed.size(), 0);
    m_clock->advance(HostedLinkController::kPollInterval); // 60 s: the token has expired
    QCOMPARE(failed.size(), 1);
    QVERIFY(m_backend->getTokenCalls.isEmpty());
    QVERIFY(
        failed.first().first().value<LinkFailure>().userText.contains(QStringLiteral("expired")));
    QCOMPARE(m_hosted->state(), State::Idle);
}

void TestHostedLinkController::cancelStopsPollingAndDropsLateAnswers()
{
    QSignalSpy finished(m_hosted.get(), &HostedLinkController::finished);
    m_hosted->start();
    answerHostedToken();
    m_clock->advance(HostedLinkController::kPollInterval);
    QCOMPARE(m_backend->getTokenCalls.size(), 1);
    m_hosted->cancel();
    QCOMPARE(m_hosted->state(), State::Idle);
    QCOMPARE(finished.size(), 1);
    answerPoll({linkedSession()}); // the answer to the poll made before cancel
    QVERIFY(m_backend->exchangeCalls.isEmpty());
    m_clock->advance(minutes(1));
    QVERIFY(m_backend->getTokenCalls.isEmpty());
    // A new attempt works afterwards.
    m_hosted->start();
    QCOMPARE(m_backend->hostedTokenCalls.size(), 1);
}

void TestHostedLinkController::transientPollFailuresAreRetriedThenGiveUp()
{
    QSignalSpy failed(m_hosted.get(), &HostedLinkController::failed);
    m_hosted->start();
    answerHostedToken(kHosted, minutes(60));
    m_clock->advance(HostedLinkController::kPollInterval);
    failPoll(plaid::PlaidStatus::NetworkError);
    m_clock->advance(HostedLinkController::kPollInterval);
    failPoll(plaid::PlaidStatus::ApiError, 500, QStringLiteral("INTERNAL_SERVER_ERROR"));
    m_clock->advance(HostedLinkController::kPollInterval);
    answerPoll({}); // a good answer resets the count
    for (int i = 0; i < HostedLinkController::kMaxPollFailures - 1; ++i) {
        m_clock->advance(HostedLinkController::kPollInterval);
        failPoll(plaid::PlaidStatus::Timeout);
    }
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_hosted->state(), State::Waiting);
    m_clock->advance(HostedLinkController::kPollInterval);
    failPoll(plaid::PlaidStatus::Timeout);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(m_hosted->state(), State::Idle);
}

void TestHostedLinkController::aPermanentPollErrorEndsTheWait()
{
    QSignalSpy failed(m_hosted.get(), &HostedLinkController::failed);
    m_hosted->start();
    answerHostedToken();
    m_clock->advance(HostedLinkController::kPollInterval);
    failPoll(plaid::PlaidStatus::ApiError, 400, QStringLiteral("INVALID_LINK_TOKEN"));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<LinkFailure>().errorCode,
             QStringLiteral("INVALID_LINK_TOKEN"));
    QCOMPARE(m_hosted->state(), State::Idle);
}

void TestHostedLinkController::updateModeRepairsWithoutExchange()
{
    QSignalSpy repaired(m_hosted.get(), &HostedLinkController::itemRepaired);
    m_hosted->startForUpdate(QStringLiteral("item-7"), QStringLiteral("access-sandbox-7"));
    QVERIFY(m_hosted->isUpdateMode());
    QCOMPARE(m_backend->hostedTokenCalls.first().accessToken, QStringLiteral("access-sandbox-7"));
    QVERIFY(!m_backend->hostedTokenCalls.first().accountSelection);
    answerHostedToken();
    m_clock->advance(HostedLinkController::kPollInterval);
    answerPoll({linkedSession()});
    QCOMPARE(repaired.size(), 1);
    QCOMPARE(repaired.first().first().toString(), QStringLiteral("item-7"));
    QVERIFY(m_backend->exchangeCalls.isEmpty());
    QCOMPARE(m_hosted->state(), State::Idle);
    QVERIFY(!m_hosted->isUpdateMode());
}

void TestHostedLinkController::updateModeWithAccountSelection()
{
    m_hosted->startForUpdate(QStringLiteral("item-7"), QStringLiteral("access-sandbox-7"), true);
    QCOMPARE(m_backend->hostedTokenCalls.size(), 1);
    QCOMPARE(m_backend->hostedTokenCalls.first().accessToken, QStringLiteral("access-sandbox-7"));
    QVERIFY(m_backend->hostedTokenCalls.first().accountSelection);
}

void TestHostedLinkController::aMalformedResultIsAFailureNotAGuess()
{
    QSignalSpy failed(m_hosted.get(), &HostedLinkController::failed);
    m_hosted->start();
    answerHostedToken();
    m_clock->advance(HostedLinkController::kPollInterval);
    answerPoll({linkedSession(QStringLiteral("access-sandbox-not-a-public-token"))});
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().value<LinkFailure>().userText.contains(
        QStringLiteral("public_token")));
    QVERIFY(m_backend->exchangeCalls.isEmpty());
    QCOMPARE(m_hosted->state(), State::Idle);
}

void TestHostedLinkController::aTokenWithoutAddressOrWithHttpInPlaidModesIsRefused()
{
    QSignalSpy failed(m_hosted.get(), &HostedLinkController::failed);
    m_hosted->start();
    answerHostedToken(QUrl());
    QCOMPARE(failed.size(), 1);
    QVERIFY(m_opened.isEmpty());
    QCOMPARE(m_hosted->state(), State::Idle);

    m_hosted->setRequireHttps(true);
    m_hosted->start();
    answerHostedToken(QUrl(QStringLiteral("http://hosted.example/hl/abc")));
    QCOMPARE(failed.size(), 2);
    QVERIFY(m_opened.isEmpty());
    QVERIFY(
        failed.last().first().value<LinkFailure>().userText.contains(QStringLiteral("not secure")));
}

void TestHostedLinkController::aBrowserThatCannotOpenLeavesTheAddressToCopy()
{
    QSignalSpy waiting(m_hosted.get(), &HostedLinkController::waiting);
    m_openerWorks = false;
    m_hosted->start();
    answerHostedToken();
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().at(1).toBool(), false);
    QCOMPARE(m_hosted->state(), State::Waiting); // still waiting: the user can copy the URL
    QCOMPARE(m_hosted->hostedUrl(), kHosted);
    m_openerWorks = true;
    QVERIFY(m_hosted->openAgain());
    QCOMPARE(m_opened.size(), 2);
}

void TestHostedLinkController::theCompletionAddressMakesItLookAtOnce()
{
    m_hosted->start();
    const QUrl completion(m_backend->hostedTokenCalls.first().completionRedirectUri);
    answerHostedToken();
    QVERIFY(m_backend->getTokenCalls.isEmpty());
    // The browser arrives at the completion address (real loopback HTTP).
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(completion)));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("go back to Weft"));
    QCOMPARE(m_backend->getTokenCalls.size(), 1); // before the poll interval
    answerPoll({linkedSession()});
    QCOMPARE(m_hosted->state(), State::Exchanging);
}

void TestHostedLinkController::aForgedCompletionAddressIsRefused()
{
    m_hosted->start();
    const QUrl completion(m_backend->hostedTokenCalls.first().completionRedirectUri);
    answerHostedToken();
    QNetworkAccessManager network;
    QUrl forged = completion;
    forged.setPath(completion.path() + QStringLiteral("x"));
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(forged)));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QVERIFY(m_backend->getTokenCalls.isEmpty());
    // After the attempt ends, the old address is dead too.
    m_hosted->cancel();
    std::unique_ptr<QNetworkReply> late(network.get(QNetworkRequest(completion)));
    QTRY_VERIFY(late->isFinished());
    QCOMPARE(late->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
}

void TestHostedLinkController::severalItemsAreAllExchanged()
{
    QSignalSpy linked(m_hosted.get(), &HostedLinkController::itemLinked);
    m_hosted->start();
    answerHostedToken();
    m_clock->advance(HostedLinkController::kPollInterval);
    plaid::LinkSessionRecord session = linkedSession();
    session.itemAdds.append(
        linkedSession(QStringLiteral("public-sandbox-00000000-0000-4000-8000-000000000003"))
            .itemAdds.first());
    answerPoll({session});
    QCOMPARE(m_backend->exchangeCalls.size(), 1); // one after the other
    m_backend->answerExchange(QStringLiteral("item-1"), QStringLiteral("access-sandbox-1"));
    QCOMPARE(m_backend->exchangeCalls.size(), 2);
    m_backend->answerExchange(QStringLiteral("item-2"), QStringLiteral("access-sandbox-2"));
    QCOMPARE(linked.size(), 2);
    QCOMPARE(m_hosted->state(), State::Idle);
}

QTEST_GUILESS_MAIN(TestHostedLinkController)
#include "tst_hostedlinkcontroller.moc"
