// New accounts at the bank, as Plaid's Sandbox makes them: /sandbox/item/fire_webhook
// NEW_ACCOUNTS_AVAILABLE opens an account the Item does not share, and update mode with account
// selection (update.account_selection_enabled) lets the user choose again. Also LOGIN_REPAIRED,
// the webhook's preconditions and payload, and the state file keeping all of it.
#include "SandboxApiTestKit.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kHook = u"https://hooks.example.com/plaid"_s;

} // namespace

class TestSandboxApiNewAccounts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void fireWebhookNeedsAWebhook();
    void fireWebhookRefusals_data();
    void fireWebhookRefusals();
    void newAccountWaitsForTheUser();
    void updateModeOffersEveryAccount();
    void choosingAgainReplacesTheChoice();
    void withoutSelectionUpdateModeKeepsTheAccounts();
    void updateOptionsChecked_data();
    void updateOptionsChecked();
    void loginRepaired();
    void stateFileKeepsUnsharedAccounts();

private:
    // An Item linked through a Link session that shares only the first two accounts, with a
    // webhook; its access token.
    QString linkTwoAccounts();
    // /sandbox/item/fire_webhook NEW_ACCOUNTS_AVAILABLE for the Item of access; true on 200.
    bool fireNewAccounts(const QString &access)
    {
        return m_kit
                   .post(u"/sandbox/item/fire_webhook"_s,
                         {{u"access_token"_s, access},
                          {u"webhook_code"_s, u"NEW_ACCOUNTS_AVAILABLE"_s}})
                   .status == 200;
    }
    // An update-mode Link session with account selection: the login answer.
    SandboxResponse selectionLogin(const QString &access, QString *link);

    ApiKit m_kit;
};

QString TestSandboxApiNewAccounts::linkTwoAccounts()
{
    const QString link = m_kit.linkToken({{u"webhook"_s, kHook}});
    const QJsonObject session{{u"link_token"_s, link},
                              {u"link_session_id"_s, u"session-1"_s},
                              {u"institution_id"_s, kBank},
                              {u"username"_s, u"user_good"_s},
                              {u"password"_s, u"pass_good"_s}};
    const SandboxResponse login = m_kit.api->loginLinkSession(session);
    if (login.status != 200)
        return {};
    const QStringList offered = valuesOf(login.body[u"accounts"], u"id");
    const SandboxResponse done = m_kit.api->completeLinkSession(
        {{u"link_token"_s, link},
         {u"link_session_id"_s, u"session-1"_s},
         {u"account_ids"_s, QJsonArray{offered.at(0), offered.at(1)}}});
    return done.status == 200 ? m_kit.exchange(done.body[u"public_token"].toString()) : QString();
}

SandboxResponse TestSandboxApiNewAccounts::selectionLogin(const QString &access, QString *link)
{
    *link = m_kit.linkToken({{u"access_token"_s, access},
                             {u"update"_s, QJsonObject{{u"account_selection_enabled"_s, true}}}},
                            {u"products"_s});
    const SandboxResponse start = m_kit.api->startLinkSession({{u"link_token"_s, *link}});
    if (start.status != 200 || !start.body[u"account_selection"].toBool())
        return start;
    return m_kit.api->loginLinkSession({{u"link_token"_s, *link},
                                        {u"link_session_id"_s, u"session-2"_s},
                                        {u"username"_s, u"user_good"_s},
                                        {u"password"_s, u"pass_good"_s}});
}

void TestSandboxApiNewAccounts::fireWebhookNeedsAWebhook()
{
    const QString access = m_kit.accessToken(); // /sandbox/public_token/create without webhook
    QVERIFY(!access.isEmpty());
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    CHECK_ERROR(
        m_kit.post(u"/sandbox/item/fire_webhook"_s,
                   {{u"access_token"_s, access}, {u"webhook_code"_s, u"NEW_ACCOUNTS_AVAILABLE"_s}}),
        400, u"SANDBOX_ERROR"_s, u"SANDBOX_WEBHOOK_INVALID"_s);
    QCOMPARE(fired.size(), 0);
    const auto &item = m_kit.api->store().items;
    QCOMPARE(item.size(), 1);
    QVERIFY(item.cbegin()->unsharedAccounts.isEmpty()); // the refusal changed nothing
}

void TestSandboxApiNewAccounts::fireWebhookRefusals_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    const QString invalid = u"INVALID_REQUEST"_s;
    QTest::newRow("no code") << QJsonObject{} << invalid << u"MISSING_FIELDS"_s
                             << u"webhook_code"_s;
    QTest::newRow("code not fired here")
        << QJsonObject{{u"webhook_code"_s, u"DEFAULT_UPDATE"_s}} << invalid << u"INVALID_FIELD"_s
        << u"NEW_ACCOUNTS_AVAILABLE"_s;
    QTest::newRow("unknown code") << QJsonObject{{u"webhook_code"_s, u"NOPE"_s}} << invalid
                                  << u"INVALID_FIELD"_s << u"NOPE"_s;
    QTest::newRow("unknown type") << QJsonObject{{u"webhook_code"_s, u"LOGIN_REPAIRED"_s},
                                                 {u"webhook_type"_s, u"NOPE"_s}}
                                  << invalid << u"INVALID_FIELD"_s << u"webhook_type"_s;
    QTest::newRow("unknown field")
        << QJsonObject{{u"webhook_code"_s, u"LOGIN_REPAIRED"_s}, {u"extra"_s, 1}} << invalid
        << u"UNKNOWN_FIELDS"_s << u"extra"_s;
    QTest::newRow("bad access token")
        << QJsonObject{{u"webhook_code"_s, u"LOGIN_REPAIRED"_s},
                       {u"access_token"_s, u"access-sandbox-nope"_s}}
        << u"INVALID_INPUT"_s << u"INVALID_ACCESS_TOKEN"_s << QString();
}

void TestSandboxApiNewAccounts::fireWebhookRefusals()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    const QString access = linkTwoAccounts();
    QVERIFY(!access.isEmpty());
    if (!body.contains(u"access_token"))
        body.insert(u"access_token"_s, access);
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    CHECK_ERROR(m_kit.post(u"/sandbox/item/fire_webhook"_s, body), 400, type, code, messagePart);
    QCOMPARE(fired.size(), 0);
}

void TestSandboxApiNewAccounts::newAccountWaitsForTheUser()
{
    const QString access = linkTwoAccounts();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    const QStringList before =
        valuesOf(m_kit.post(u"/accounts/get"_s, byToken).body[u"accounts"], u"account_id");
    QCOMPARE(before.size(), 2);

    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    const SandboxResponse answer = m_kit.post(u"/sandbox/item/fire_webhook"_s,
                                              {{u"access_token"_s, access},
                                               {u"webhook_type"_s, u"ITEM"_s},
                                               {u"webhook_code"_s, u"NEW_ACCOUNTS_AVAILABLE"_s}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body[u"webhook_fired"].toBool(), true);
    QVERIFY(!answer.body[u"request_id"].toString().isEmpty());

    // Plaid's NewAccountsAvailableWebhook, to the Item's webhook.
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(0).toUrl(), QUrl(kHook));
    const QJsonObject payload = fired.at(0).at(1).toJsonObject();
    const QString itemId = m_kit.post(u"/item/get"_s, byToken).body[u"item"][u"item_id"].toString();
    QCOMPARE(payload, (QJsonObject{{u"webhook_type"_s, u"ITEM"_s},
                                   {u"webhook_code"_s, u"NEW_ACCOUNTS_AVAILABLE"_s},
                                   {u"item_id"_s, itemId},
                                   {u"error"_s, QJsonValue::Null},
                                   {u"environment"_s, u"sandbox"_s}}));

    // Nothing is shared until the user chooses: /accounts/get is unchanged.
    QCOMPARE(valuesOf(m_kit.post(u"/accounts/get"_s, byToken).body[u"accounts"], u"account_id"),
             before);
}

void TestSandboxApiNewAccounts::updateModeOffersEveryAccount()
{
    const QString access = linkTwoAccounts();
    QVERIFY(!access.isEmpty());
    const QJsonObject fire{{u"access_token"_s, access},
                           {u"webhook_code"_s, u"NEW_ACCOUNTS_AVAILABLE"_s}};
    QCOMPARE(m_kit.post(u"/sandbox/item/fire_webhook"_s, fire).status, 200);

    QString link;
    const SandboxResponse login = selectionLogin(access, &link);
    QCOMPARE(login.status, 200);
    const QJsonArray offered = login.body[u"accounts"].toArray();
    QCOMPARE(offered.size(), 10); // the 9 of the bank's usual accounts and the new one
    int shared = 0;
    QStringList fresh;
    for (const QJsonValue &entry : offered) {
        const QJsonObject account = entry.toObject();
        QVERIFY(account.contains(u"shared") && account.contains(u"new"));
        shared += account[u"shared"].toBool() ? 1 : 0;
        if (account[u"new"].toBool())
            fresh.append(account[u"name"].toString());
    }
    QCOMPARE(shared, 2);
    QCOMPARE(fresh, QStringList{u"Plaid Premier Savings"_s});

    // Without account selection, update mode offers only what the Item shares, unmarked.
    const QString plain = m_kit.linkToken({{u"access_token"_s, access}}, {u"products"_s});
    const SandboxResponse start = m_kit.api->startLinkSession({{u"link_token"_s, plain}});
    QCOMPARE(start.body[u"account_selection"].toBool(), false);
    const SandboxResponse plainLogin =
        m_kit.api->loginLinkSession({{u"link_token"_s, plain},
                                     {u"link_session_id"_s, u"session-3"_s},
                                     {u"username"_s, u"user_good"_s},
                                     {u"password"_s, u"pass_good"_s}});
    QCOMPARE(plainLogin.body[u"accounts"].toArray().size(), 2);
    QVERIFY(!plainLogin.body[u"accounts"][0].toObject().contains(u"new"));
}

void TestSandboxApiNewAccounts::choosingAgainReplacesTheChoice()
{
    const QString access = linkTwoAccounts();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    QVERIFY(fireNewAccounts(access));
    QString link;
    const SandboxResponse login = selectionLogin(access, &link);
    QCOMPARE(login.status, 200);
    QString keep;
    QString added;
    for (const QJsonValue &entry : login.body[u"accounts"].toArray()) {
        const QJsonObject account = entry.toObject();
        if (account[u"shared"].toBool() && keep.isEmpty())
            keep = account[u"id"].toString();
        if (account[u"new"].toBool())
            added = account[u"id"].toString();
    }
    QVERIFY(!keep.isEmpty() && !added.isEmpty());

    // One shared account kept, the other dropped, the new one added.
    const SandboxResponse done =
        m_kit.api->completeLinkSession({{u"link_token"_s, link},
                                        {u"link_session_id"_s, u"session-2"_s},
                                        {u"account_ids"_s, QJsonArray{keep, added}}});
    QCOMPARE(done.status, 200);
    QCOMPARE(sorted(valuesOf(done.body[u"accounts"], u"id")), sorted(QStringList{keep, added}));
    const SandboxResponse accounts = m_kit.post(u"/accounts/get"_s, byToken);
    QCOMPARE(accounts.status, 200); // the same access token
    QCOMPARE(sorted(valuesOf(accounts.body[u"accounts"], u"account_id")),
             sorted(QStringList{keep, added}));
    // Update mode's public token needs no exchange, and the token is used up.
    CHECK_ERROR(m_kit.api->startLinkSession({{u"link_token"_s, link}}), 400, u"INVALID_INPUT"_s,
                u"INVALID_LINK_TOKEN"_s);

    // The dropped account is offered again next time; nothing is new any more.
    QString again;
    const SandboxResponse next = selectionLogin(access, &again);
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body[u"accounts"].toArray().size(), 10);
    for (const QJsonValue &entry : next.body[u"accounts"].toArray())
        QVERIFY(!entry.toObject()[u"new"].toBool());
}

void TestSandboxApiNewAccounts::withoutSelectionUpdateModeKeepsTheAccounts()
{
    const QString access = linkTwoAccounts();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    QVERIFY(fireNewAccounts(access));
    const QString link = m_kit.linkToken(byToken, {u"products"_s});
    const SandboxResponse done =
        m_kit.complete(link, u"user_good"_s, u"pass_good"_s, {{u"institution_id"_s, QJsonValue()}});
    QCOMPARE(done.status, 200);
    QCOMPARE(done.body[u"accounts"].toArray().size(), 2);
    QCOMPARE(m_kit.post(u"/accounts/get"_s, byToken).body[u"accounts"].toArray().size(), 2);
    // The new account still waits to be offered.
    QCOMPARE(m_kit.api->store().items.cbegin()->newAccountIds.size(), 1);
}

void TestSandboxApiNewAccounts::updateOptionsChecked_data()
{
    QTest::addColumn<QJsonValue>("update");
    QTest::addColumn<QString>("messagePart"); // empty: accepted
    QTest::newRow("not an object") << QJsonValue(true) << u"update must be an object"_s;
    QTest::newRow("flag not a boolean")
        << QJsonValue(QJsonObject{{u"account_selection_enabled"_s, u"yes"_s}})
        << u"update.account_selection_enabled"_s;
    QTest::newRow("user update") << QJsonValue(QJsonObject{{u"user"_s, true}}) << u"user_token"_s;
    QTest::newRow("item_ids") << QJsonValue(QJsonObject{{u"item_ids"_s, QJsonArray{u"x"_s}}})
                              << u"user_token"_s;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QString();
    QTest::newRow("selection off")
        << QJsonValue(QJsonObject{{u"account_selection_enabled"_s, false}}) << QString();
}

void TestSandboxApiNewAccounts::updateOptionsChecked()
{
    QFETCH(QJsonValue, update);
    QFETCH(QString, messagePart);
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const SandboxResponse answer = m_kit.post(
        u"/link/token/create"_s,
        linkTokenBody({{u"access_token"_s, access}, {u"update"_s, update}}, {u"products"_s}));
    if (messagePart.isEmpty()) {
        QCOMPARE(answer.status, 200);
        return;
    }
    CHECK_ERROR(answer, 400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, messagePart);
}

void TestSandboxApiNewAccounts::loginRepaired()
{
    const QString access = linkTwoAccounts();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    QCOMPARE(m_kit.post(u"/sandbox/item/reset_login"_s, byToken).status, 200);
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    const SandboxResponse answer =
        m_kit.post(u"/sandbox/item/fire_webhook"_s,
                   {{u"access_token"_s, access}, {u"webhook_code"_s, u"LOGIN_REPAIRED"_s}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(1).toJsonObject()[u"webhook_code"].toString(), u"LOGIN_REPAIRED"_s);
    QVERIFY(m_kit.post(u"/item/get"_s, byToken).body[u"item"][u"error"].isNull());
    QCOMPARE(m_kit.post(u"/accounts/get"_s, byToken).status, 200);
}

void TestSandboxApiNewAccounts::stateFileKeepsUnsharedAccounts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sandbox.json"_s);
    QString error;
    QVERIFY2(m_kit.api->attachStateFile(path, &error), qPrintable(error));
    const QString access = linkTwoAccounts();
    QVERIFY(!access.isEmpty());
    QVERIFY(fireNewAccounts(access));
    const QString link =
        m_kit.linkToken({{u"access_token"_s, access},
                         {u"update"_s, QJsonObject{{u"account_selection_enabled"_s, true}}}},
                        {u"products"_s});
    QVERIFY(!link.isEmpty());

    // A new process: the Item's unshared and new accounts, and the token's selection, remain.
    m_kit.api.reset();
    m_kit.api = std::make_unique<SandboxApi>(m_kit.clock.get(), SandboxCredentials{});
    QVERIFY2(m_kit.api->attachStateFile(path, &error), qPrintable(error));
    const ItemRecord &item = *m_kit.api->store().items.cbegin();
    QCOMPARE(item.accounts.size(), 2);
    QCOMPARE(item.unsharedAccounts.size(), 8);
    QCOMPARE(item.newAccountIds.size(), 1);
    QCOMPARE(m_kit.api->startLinkSession({{u"link_token"_s, link}}).body[u"account_selection"],
             QJsonValue(true));
    m_kit.api.reset(); // lets go of the state file before its folder goes
}

QTEST_GUILESS_MAIN(TestSandboxApiNewAccounts)
#include "tst_sandboxapi_new_accounts.moc"
