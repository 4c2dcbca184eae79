// End to end in sandbox mode: the real host page, bridge, controller and Link emulator in a
// QWebEngineView under Xvfb, driven through the emulator's UI like a person would.
#include "LinkE2EFixture.h"
#include "link/LinkBridge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace weft;
using namespace weft::link;
using State = LinkController::State;
using test::LinkE2EFixture;

class TestLinkE2E : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void userGoodLinksAnItem();
    void invalidLinkTokenRecreatesTheHandler();
    void expiredTokenRecreatesTheHandler();
    void wrongPasswordThenRetry();
    void exitWithoutError();
    void mfaDevice();
    void oauthPopup();
    void updateModeClearsLoginRequired();
    void updateModeSharesANewAccount();

private:
    // Consent, institution, credentials: up to the pane after the credential submit.
    void signIn(const QString &institution, const QString &username, const QString &password);
    // Account selection to onSuccess.
    void finishAccounts();

    std::unique_ptr<LinkE2EFixture> f;
};

void TestLinkE2E::init()
{
    f = std::make_unique<LinkE2EFixture>();
    QVERIFY(f->started);
    QVERIFY2(f->waitState(State::Ready), "Link never became ready");
}

void TestLinkE2E::cleanup()
{
    f.reset();
}

void TestLinkE2E::signIn(const QString &institution, const QString &username,
                         const QString &password)
{
    f->controller()->open();
    QCOMPARE(f->controller()->state(), State::Open);
    QVERIFY(f->view_(QStringLiteral("CONSENT")));
    QVERIFY(f->click(QStringLiteral("consent-continue")));
    if (!institution.isEmpty()) {
        QVERIFY(f->view_(QStringLiteral("SELECT_INSTITUTION")));
        QVERIFY(f->click(QStringLiteral("institution-") + institution));
    }
    QVERIFY(f->view_(QStringLiteral("CREDENTIAL")));
    QVERIFY(f->type(QStringLiteral("username"), username));
    QVERIFY(f->type(QStringLiteral("password"), password));
    QVERIFY(f->click(QStringLiteral("credentials-submit")));
}

void TestLinkE2E::finishAccounts()
{
    QVERIFY(f->view_(QStringLiteral("SELECT_ACCOUNT")));
    QVERIFY(f->click(QStringLiteral("accounts-continue")));
    QVERIFY(f->view_(QStringLiteral("CONNECTED")));
    QVERIFY(f->click(QStringLiteral("connected-continue")));
}

void TestLinkE2E::userGoodLinksAnItem()
{
    QSignalSpy linked(f->controller(), &LinkController::itemLinked);
    QSignalSpy rejected(f->host->bridge(), &LinkBridge::rejected);
    signIn(QStringLiteral("ins_109508"), QStringLiteral("user_good"), QStringLiteral("pass_good"));
    finishAccounts();
    QVERIFY(linked.wait(15000) || !linked.isEmpty());
    const auto item = linked.first().first().value<LinkedItem>();
    QVERIFY(item.accessToken.startsWith(u"access-sandbox-"));
    QVERIFY(!item.itemId.isEmpty());
    QCOMPARE(item.success.institution->institutionId, QStringLiteral("ins_109508"));
    QCOMPARE(item.success.institution->name, QStringLiteral("First Platypus Bank"));
    QVERIFY(!item.success.accounts.isEmpty());
    QVERIFY(!item.success.linkSessionId.isEmpty());
    QCOMPARE(rejected.size(), 0);

    // The exchanged token works at the sandbox.
    test::Waiter<plaid::PlaidResult<plaid::ItemDetails>> itemGet;
    QObject context;
    f->client->getItem(item.accessToken, &context, itemGet.callback());
    QVERIFY(itemGet.wait());
    QVERIFY2(itemGet.value().ok(), qPrintable(itemGet.value().describe()));
    QCOMPARE(itemGet.value().value.item.itemId, item.itemId);

    // Plaid's documented order of events.
    const QStringList names = f->eventNames();
    const QStringList expected{QStringLiteral("OPEN"),
                               QStringLiteral("TRANSITION_VIEW:CONSENT"),
                               QStringLiteral("TRANSITION_VIEW:SELECT_INSTITUTION"),
                               QStringLiteral("SELECT_INSTITUTION"),
                               QStringLiteral("TRANSITION_VIEW:CREDENTIAL"),
                               QStringLiteral("SUBMIT_CREDENTIALS"),
                               QStringLiteral("TRANSITION_VIEW:SELECT_ACCOUNT"),
                               QStringLiteral("TRANSITION_VIEW:CONNECTED"),
                               QStringLiteral("HANDOFF")};
    qsizetype at = 0;
    for (const QString &name : expected) {
        at = names.indexOf(name, at);
        QVERIFY2(
            at >= 0,
            qPrintable(
                QStringLiteral("%1 missing or out of order in %2").arg(name, names.join(u' '))));
    }
    for (const LinkEvent &event : std::as_const(f->events))
        QCOMPARE(event.metadata.value(QLatin1StringView("link_session_id")).toString(),
                 item.success.linkSessionId);
    // Every event names a view (Plaid's typings have no null view_name): OPEN the first one,
    // the others the one on screen.
    QCOMPARE(f->events.first().viewName, QStringLiteral("CONSENT"));
    for (const LinkEvent &event : std::as_const(f->events))
        QVERIFY2(!event.viewName.isEmpty(), qPrintable(event.name));
    QCOMPARE(f->events.last().viewName, QStringLiteral("CONNECTED")); // HANDOFF
    // The next Link session is prepared at once.
    QVERIFY(f->waitState(State::Ready));
}

void TestLinkE2E::invalidLinkTokenRecreatesTheHandler()
{
    QSignalSpy notice(f->controller(), &LinkController::notice);
    QSignalSpy failed(f->controller(), &LinkController::failed);
    const int tokensBefore = f->tokenRequests;
    const int handlerBefore = f->host->bridge()->currentHandler();
    signIn(QStringLiteral("ins_109508"), QStringLiteral("user_custom"),
           QStringLiteral(R"({"force_error": "INVALID_LINK_TOKEN"})"));
    QVERIFY(f->view_(QStringLiteral("ERROR"))); // Link shows the error, the user leaves
    QVERIFY(f->click(QStringLiteral("error-exit")));
    QTRY_COMPARE_WITH_TIMEOUT(notice.size(), 1, 15000);
    QVERIFY(f->waitState(State::Ready));
    QCOMPARE(f->tokenRequests, tokensBefore + 1); // exactly one fresh token
    QVERIFY(f->host->bridge()->currentHandler() > handlerBefore);
    QCOMPARE(test::runJs(f->page(), test::frameCount()).toInt(), 1); // the old iframe is gone
    QCOMPARE(failed.size(), 0);
    // And the new handler works.
    QSignalSpy linked(f->controller(), &LinkController::itemLinked);
    signIn(QStringLiteral("ins_109508"), QStringLiteral("user_good"), QStringLiteral("pass_good"));
    finishAccounts();
    QTRY_COMPARE_WITH_TIMEOUT(linked.size(), 1, 15000);
}

void TestLinkE2E::expiredTokenRecreatesTheHandler()
{
    QSignalSpy notice(f->controller(), &LinkController::notice);
    const int tokensBefore = f->tokenRequests;
    f->sandboxClock.advance(std::chrono::hours(4) + std::chrono::seconds(1));
    f->controller()->open();
    // The emulator learns at its next call that the token expired, shows the error, and Link
    // exits with INVALID_LINK_TOKEN; the host app recovers with one new token.
    QVERIFY(f->view_(QStringLiteral("CONSENT")));
    QVERIFY(f->click(QStringLiteral("consent-continue")));
    QVERIFY(f->view_(QStringLiteral("SELECT_INSTITUTION")));
    QVERIFY(f->click(QStringLiteral("institution-ins_109508")));
    QVERIFY(f->view_(QStringLiteral("CREDENTIAL")));
    QVERIFY(f->type(QStringLiteral("username"), QStringLiteral("user_good")));
    QVERIFY(f->type(QStringLiteral("password"), QStringLiteral("pass_good")));
    QVERIFY(f->click(QStringLiteral("credentials-submit")));
    QVERIFY(f->view_(QStringLiteral("ERROR")));
    QCOMPARE(test::frameJs(f->page(), test::textOfTestId(QStringLiteral("error-code"))).toString(),
             QStringLiteral("INVALID_LINK_TOKEN"));
    QVERIFY(f->click(QStringLiteral("error-exit")));
    QTRY_COMPARE_WITH_TIMEOUT(notice.size(), 1, 20000);
    QVERIFY(f->waitState(State::Ready));
    QCOMPARE(f->tokenRequests, tokensBefore + 1);
    QCOMPARE(test::runJs(f->page(), test::frameCount()).toInt(), 1);
}

void TestLinkE2E::wrongPasswordThenRetry()
{
    QSignalSpy linked(f->controller(), &LinkController::itemLinked);
    signIn(QStringLiteral("ins_109509"), QStringLiteral("user_good"), QStringLiteral("pass_wrong"));
    QTRY_VERIFY_WITH_TIMEOUT(f->eventNames().contains(QStringLiteral("ERROR")), 10000);
    QVERIFY(f->view_(QStringLiteral("CREDENTIAL")));
    const auto errorEvent = *std::find_if(f->events.cbegin(), f->events.cend(),
                                          [](const LinkEvent &e) { return e.name == u"ERROR"; });
    QCOMPARE(errorEvent.metadata.value(QLatin1StringView("error_code")).toString(),
             QStringLiteral("INVALID_CREDENTIALS"));
    QVERIFY(f->type(QStringLiteral("password"), QStringLiteral("pass_good")));
    QVERIFY(f->click(QStringLiteral("credentials-submit")));
    finishAccounts();
    QTRY_COMPARE_WITH_TIMEOUT(linked.size(), 1, 15000);
}

void TestLinkE2E::exitWithoutError()
{
    QSignalSpy closed(f->controller(), &LinkController::closed);
    QSignalSpy failed(f->controller(), &LinkController::failed);
    QSignalSpy exited(f->host->bridge(), &LinkBridge::linkExited);
    f->controller()->open();
    QVERIFY(f->view_(QStringLiteral("CONSENT")));
    QVERIFY(f->click(QStringLiteral("close")));
    QVERIFY(f->click(QStringLiteral("exit-confirm")));
    QTRY_COMPARE_WITH_TIMEOUT(exited.size(), 1, 10000);
    QVERIFY(!exited.first().first().value<LinkExit>().error);
    QCOMPARE(closed.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(f->eventNames().contains(QStringLiteral("EXIT")));
    QVERIFY(f->waitState(State::Ready)); // ready again, same token
}

void TestLinkE2E::mfaDevice()
{
    QSignalSpy linked(f->controller(), &LinkController::itemLinked);
    signIn(QStringLiteral("ins_109511"), QStringLiteral("user_good"), QStringLiteral("mfa_device"));
    QVERIFY(f->view_(QStringLiteral("MFA")));
    QVERIFY(f->type(QStringLiteral("mfa-code"), QStringLiteral("1234")));
    QVERIFY(f->click(QStringLiteral("mfa-submit")));
    finishAccounts();
    QTRY_COMPARE_WITH_TIMEOUT(linked.size(), 1, 15000);
    QVERIFY(f->eventNames().contains(QStringLiteral("SUBMIT_MFA")));
}

void TestLinkE2E::oauthPopup()
{
    QSignalSpy linked(f->controller(), &LinkController::itemLinked);
    QWebEnginePage *popup = nullptr;
    QObject::connect(f->host->page(), &LinkPage::popupCreated, f->host.get(),
                     [&popup](QWebEnginePage *page) { popup = page; });
    f->controller()->open();
    QVERIFY(f->view_(QStringLiteral("CONSENT")));
    QVERIFY(f->click(QStringLiteral("consent-continue")));
    QVERIFY(f->view_(QStringLiteral("SELECT_INSTITUTION")));
    QVERIFY(f->click(QStringLiteral("institution-ins_127287")));
    QVERIFY(f->view_(QStringLiteral("OAUTH")));
    QVERIFY(f->userClick(QStringLiteral("oauth-continue")));
    QTRY_VERIFY_WITH_TIMEOUT(popup != nullptr, 10000);
    QVERIFY(qobject_cast<LinkPopupPage *>(popup));
    QSignalSpy closeRequested(popup, &QWebEnginePage::windowCloseRequested);
    // The bank's page is ready once Link has told it which bank it is.
    QVERIFY(test::waitJs(
        popup,
        QStringLiteral("(function(){var n=document.querySelector('[data-role=\"bank-name\"]');"
                       "return !!(n && n.textContent === 'Platypus OAuth Bank');})()")));
    QCOMPARE(popup->url().host(), QStringLiteral("localhost")); // Link's site, not the host's
    test::runJs(popup,
                QStringLiteral(
                    "document.querySelector('[data-testid=\"oauth-authorize\"]').click(); true"));
    QTRY_VERIFY_WITH_TIMEOUT(!closeRequested.isEmpty(), 10000);
    finishAccounts();
    QTRY_COMPARE_WITH_TIMEOUT(linked.size(), 1, 15000);
    const QStringList names = f->eventNames();
    QVERIFY2(names.contains(QStringLiteral("OPEN_OAUTH")) &&
                 names.contains(QStringLiteral("CLOSE_OAUTH")),
             qPrintable(names.join(u' ')));
    QCOMPARE(linked.first().first().value<LinkedItem>().success.institution->institutionId,
             QStringLiteral("ins_127287"));
}

void TestLinkE2E::updateModeClearsLoginRequired()
{
    QObject context;
    plaid::SandboxPublicTokenCreateRequest request;
    request.institutionId = QStringLiteral("ins_109508");
    request.initialProducts = {QStringLiteral("transactions")};
    test::Waiter<plaid::PlaidResult<QString>> created;
    f->client->createSandboxPublicToken(request, &context, created.callback());
    QVERIFY(created.wait() && created.value().ok());
    test::Waiter<plaid::PlaidResult<plaid::PublicTokenExchange>> exchanged;
    f->client->exchangePublicToken(created.value().value, &context, exchanged.callback());
    QVERIFY(exchanged.wait() && exchanged.value().ok());
    const QString access = exchanged.value().value.accessToken;
    test::Waiter<plaid::PlaidResult<plaid::Done>> reset;
    f->client->resetSandboxLogin(access, &context, reset.callback());
    QVERIFY(reset.wait() && reset.value().ok());
    test::Waiter<plaid::PlaidResult<plaid::AccountsList>> broken;
    f->client->getAccounts(access, &context, broken.callback());
    QVERIFY(broken.wait());
    QCOMPARE(broken.value().apiError.errorCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));

    QSignalSpy repaired(f->controller(), &LinkController::itemRepaired);
    QSignalSpy linked(f->controller(), &LinkController::itemLinked);
    f->controller()->openForUpdate(exchanged.value().value.itemId, access);
    QVERIFY(f->view_(QStringLiteral("CONSENT"), 30000));
    QVERIFY(f->click(QStringLiteral("consent-continue")));
    QVERIFY(f->view_(QStringLiteral("CREDENTIAL"))); // no institution choice in update mode
    QVERIFY(f->type(QStringLiteral("username"), QStringLiteral("user_good")));
    QVERIFY(f->type(QStringLiteral("password"), QStringLiteral("pass_good")));
    QVERIFY(f->click(QStringLiteral("credentials-submit")));
    QVERIFY(f->view_(QStringLiteral("CONNECTED"))); // update mode keeps the Item's accounts
    QVERIFY(f->click(QStringLiteral("connected-continue")));
    QTRY_COMPARE_WITH_TIMEOUT(repaired.size(), 1, 15000);
    QCOMPARE(repaired.first().first().toString(), exchanged.value().value.itemId);
    QCOMPARE(linked.size(), 0); // no new exchange
    test::Waiter<plaid::PlaidResult<plaid::AccountsList>> fixed;
    f->client->getAccounts(access, &context, fixed.callback()); // the same access token
    QVERIFY(fixed.wait());
    QVERIFY2(fixed.value().ok(), qPrintable(fixed.value().describe()));
    QVERIFY(f->waitState(State::Ready));
    QVERIFY(!f->controller()->isUpdateMode());
}

void TestLinkE2E::updateModeSharesANewAccount()
{
    // An Item with a webhook (nobody listens on port 9; the sandbox logs that and goes on).
    auto api = [this](const QString &path, const QJsonObject &body) {
        return f->sandbox.api().handle({path, QJsonDocument(body).toJson(),
                                        QStringLiteral("weft_e2e"),
                                        QStringLiteral("weft_e2e_secret")});
    };
    const sandbox::SandboxResponse created = api(
        QStringLiteral("/sandbox/public_token/create"),
        {{QStringLiteral("institution_id"), QStringLiteral("ins_109508")},
         {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}},
         {QStringLiteral("options"),
          QJsonObject{{QStringLiteral("webhook"), QStringLiteral("http://127.0.0.1:9/hook")}}}});
    QCOMPARE(created.status, 200);
    const sandbox::SandboxResponse exchanged =
        api(QStringLiteral("/item/public_token/exchange"),
            {{QStringLiteral("public_token"), created.body[u"public_token"]}});
    QCOMPARE(exchanged.status, 200);
    const QString access = exchanged.body[u"access_token"].toString();
    const QString itemId = exchanged.body[u"item_id"].toString();
    QCOMPARE(api(QStringLiteral("/sandbox/item/fire_webhook"),
                 {{QStringLiteral("access_token"), access},
                  {QStringLiteral("webhook_code"), QStringLiteral("NEW_ACCOUNTS_AVAILABLE")}})
                 .status,
             200);
    const QString added = f->sandbox.api().store().items.value(itemId).newAccountIds.value(0);
    QVERIFY(!added.isEmpty());
    const QString shared = f->sandbox.api().store().items.value(itemId).accounts.first().accountId;

    QSignalSpy repaired(f->controller(), &LinkController::itemRepaired);
    f->controller()->openForUpdate(itemId, access, true);
    QVERIFY(f->view_(QStringLiteral("CONSENT"), 30000));
    QVERIFY(f->click(QStringLiteral("consent-continue")));
    QVERIFY(f->view_(QStringLiteral("CREDENTIAL")));
    QVERIFY(f->type(QStringLiteral("username"), QStringLiteral("user_good")));
    QVERIFY(f->type(QStringLiteral("password"), QStringLiteral("pass_good")));
    QVERIFY(f->click(QStringLiteral("credentials-submit")));
    // The choice: what the Item shares is ticked, the new account is offered, not ticked.
    QVERIFY(f->view_(QStringLiteral("SELECT_ACCOUNT")));
    const auto checked = [](const QString &id, bool on) {
        return QStringLiteral("(function(){var e=document.querySelector("
                              "'[data-testid=\"account-%1\"]');return !!e && e.checked === %2;})()")
            .arg(id, on ? QStringLiteral("true") : QStringLiteral("false"));
    };
    QVERIFY(test::waitFrameJs(f->page(), checked(shared, true), 5000));
    QVERIFY(test::waitFrameJs(f->page(), checked(added, false), 5000));
    QVERIFY(test::waitFrameJs(
        f->page(),
        QStringLiteral("document.querySelector('[data-role=\"accounts-title\"]').textContent"
                       " === 'Choose accounts to share'"),
        5000));
    QVERIFY(f->click(QStringLiteral("account-") + added));
    QVERIFY(test::waitFrameJs(f->page(), checked(added, true), 5000));
    QVERIFY(f->click(QStringLiteral("accounts-continue")));
    QVERIFY(f->view_(QStringLiteral("CONNECTED")));
    QVERIFY(f->click(QStringLiteral("connected-continue")));
    QTRY_COMPARE_WITH_TIMEOUT(repaired.size(), 1, 15000);
    const LinkSuccess success = repaired.first().at(1).value<LinkSuccess>();
    QStringList reported;
    for (const LinkAccount &account : success.accounts)
        reported << account.id;
    QVERIFY2(reported.contains(added), qPrintable(reported.join(u' ')));
    QCOMPARE(reported.size(), 10);

    // Plaid now shares it under the same access token.
    QObject context;
    test::Waiter<plaid::PlaidResult<plaid::AccountsList>> accounts;
    f->client->getAccounts(access, &context, accounts.callback());
    QVERIFY(accounts.wait() && accounts.value().ok());
    QStringList ids;
    for (const plaid::Account &account : accounts.value().value.accounts)
        ids << account.accountId;
    QVERIFY(ids.contains(added));
    QVERIFY(f->waitState(State::Ready));
    QVERIFY(!f->controller()->isUpdateMode());
}

QTEST_MAIN(TestLinkE2E)
#include "tst_link_e2e.moc"
