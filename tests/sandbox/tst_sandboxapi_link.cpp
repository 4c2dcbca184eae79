// SandboxApi's Link sessions, the operations behind the Link emulator (start, login, complete;
// complete alone signs in first): Plaid's Sandbox test credentials, MFA, forced errors, account
// filters and selection, and update mode after reset_login.
#include "SandboxApiTestKit.h"

#include <QRegularExpression>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

class TestSandboxApiLink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void login_data();
    void login();
    void mfaFlow();
    void tooManyFailedLogins_data();
    void tooManyFailedLogins();
    void sessionSteps();
    void successMetadata();
    void institutionChoice_data();
    void institutionChoice();
    void accountFilters_data();
    void accountFilters();
    void accountSelection();
    void resetLoginAndUpdateMode();
    void updateModeRefusals();

private:
    ApiKit m_kit;
};

void TestSandboxApiLink::login_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("mfaCode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("outcome");  // "success", "mfa" or the error code
    QTest::addColumn<bool>("usableAfter"); // may the link token complete a session afterwards

    const QString good = u"user_good"_s;
    const QString custom = u"user_custom"_s;
    const QString item = u"ITEM_ERROR"_s;
    const QString none;
    auto force = [](const char *code) {
        return QString(u"{\"force_error\":\""_s + QLatin1StringView(code) + u"\"}"_s);
    };
    QTest::newRow("good") << good << u"pass_good"_s << none << 200 << none << u"success"_s << false;
    QTest::newRow("wrong password")
        << good << u"pass_bad"_s << none << 400 << item << u"INVALID_CREDENTIALS"_s << true;
    QTest::newRow("unknown user") << u"user_bad"_s << u"pass_good"_s << none << 400 << item
                                  << u"INVALID_CREDENTIALS"_s << true;
    QTest::newRow("mfa, no code") << good << u"mfa_device"_s << none << 200 << none << u"mfa"_s
                                  << true;
    QTest::newRow("mfa, right code")
        << good << u"mfa_device"_s << u"1234"_s << 200 << none << u"success"_s << false;
    QTest::newRow("mfa, wrong code")
        << good << u"mfa_device"_s << u"0000"_s << 400 << item << u"INVALID_MFA"_s << true;
    QTest::newRow("custom, no error")
        << custom << u"{}"_s << none << 200 << none << u"success"_s << false;
    QTest::newRow("custom, INVALID_LINK_TOKEN")
        << custom << force("INVALID_LINK_TOKEN") << none << 400 << u"INVALID_INPUT"_s
        << u"INVALID_LINK_TOKEN"_s << false;
    QTest::newRow("custom, ITEM_LOCKED")
        << custom << force("ITEM_LOCKED") << none << 400 << item << u"ITEM_LOCKED"_s << true;
    QTest::newRow("custom, INSTITUTION_DOWN")
        << custom << force("INSTITUTION_DOWN") << none << 400 << u"INSTITUTION_ERROR"_s
        << u"INSTITUTION_DOWN"_s << true;
    QTest::newRow("custom, INTERNAL_SERVER_ERROR")
        << custom << force("INTERNAL_SERVER_ERROR") << none << 500 << u"API_ERROR"_s
        << u"INTERNAL_SERVER_ERROR"_s << true;
    QTest::newRow("custom, unknown code")
        << custom << force("NOPE") << none << 400 << item << u"INVALID_CREDENTIALS"_s << true;
    QTest::newRow("custom, password not JSON")
        << custom << u"pass_good"_s << none << 400 << item << u"INVALID_CREDENTIALS"_s << true;
}

void TestSandboxApiLink::login()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QString, mfaCode);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, outcome);
    QFETCH(bool, usableAfter);

    const QString link = m_kit.linkToken();
    QVERIFY(!link.isEmpty());
    QJsonObject extra;
    if (!mfaCode.isEmpty())
        extra.insert(u"mfa_code"_s, mfaCode);
    const SandboxResponse first = m_kit.complete(link, username, password, extra);
    if (outcome == u"success") {
        QCOMPARE(first.status, 200);
        QVERIFY(!m_kit.exchange(first.body[u"public_token"].toString()).isEmpty());
    } else if (outcome == u"mfa") {
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body[u"mfa_required"].toString(), u"device"_s);
        QVERIFY(!first.body.contains(u"public_token"));
    } else {
        CHECK_ERROR(first, status, type, outcome);
    }

    // Then a user who gets it right: only a token still in play lets them in.
    const SandboxResponse second = m_kit.complete(link, u"user_good"_s, u"pass_good"_s);
    if (usableAfter) {
        QCOMPARE(second.status, 200);
        QVERIFY(!m_kit.exchange(second.body[u"public_token"].toString()).isEmpty());
    } else {
        CHECK_ERROR(second, 400, u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
    }
}

void TestSandboxApiLink::mfaFlow()
{
    const QString link = m_kit.linkToken();
    QVERIFY(!link.isEmpty());
    const QString user = u"user_good"_s;
    const QString password = u"mfa_device"_s;
    QCOMPARE(m_kit.complete(link, user, password).body[u"mfa_required"].toString(), u"device"_s);
    CHECK_ERROR(m_kit.complete(link, user, password, {{u"mfa_code"_s, u"4321"_s}}), 400,
                u"ITEM_ERROR"_s, u"INVALID_MFA"_s);
    const SandboxResponse done = m_kit.complete(link, user, password, {{u"mfa_code"_s, u"1234"_s}});
    QCOMPARE(done.status, 200);
    QVERIFY(!m_kit.exchange(done.body[u"public_token"].toString()).isEmpty());
    CHECK_ERROR(m_kit.complete(link, user, password, {{u"mfa_code"_s, u"1234"_s}}), 400,
                u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
}

void TestSandboxApiLink::successMetadata()
{
    const QString link = m_kit.linkToken();
    QVERIFY(!link.isEmpty());
    const SandboxResponse done = m_kit.complete(link, u"user_good"_s, u"pass_good"_s,
                                                {{u"link_session_id"_s, u"session-42"_s}});
    QCOMPARE(done.status, 200);
    QCOMPARE(done.body[u"link_session_id"].toString(), u"session-42"_s);
    QCOMPARE(done.body[u"institution"].toObject(),
             (QJsonObject{{u"name"_s, u"First Platypus Bank"_s}, {u"institution_id"_s, kBank}}));
    QVERIFY(QRegularExpression(u"^[A-Za-z0-9]{15}$"_s)
                .match(done.body[u"request_id"].toString())
                .hasMatch());
    const QJsonArray accounts = done.body[u"accounts"].toArray();
    QCOMPARE(accounts.size(), 9);
    static const QRegularExpression accountId(u"^[A-Za-z0-9]{37}$"_s);
    static const QStringList types{u"depository"_s, u"credit"_s, u"loan"_s, u"investment"_s};
    for (const QJsonValue &value : accounts) {
        const QJsonObject account = value.toObject();
        QVERIFY(accountId.match(account[u"id"].toString()).hasMatch());
        QVERIFY(!account[u"name"].toString().isEmpty());
        QVERIFY(types.contains(account[u"type"].toString()));
        QCOMPARE(account[u"mask"].toString().size(), 4);
        QVERIFY(account.contains(u"verification_status"));
    }

    const QString access = m_kit.exchange(done.body[u"public_token"].toString());
    QVERIFY(!access.isEmpty());
    const SandboxResponse got = m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(valuesOf(got.body[u"accounts"], u"account_id"), valuesOf(accounts, u"id"));

    const SandboxResponse details = m_kit.post(u"/link/token/get"_s, {{u"link_token"_s, link}});
    const QJsonObject session = details.body[u"link_sessions"][0].toObject();
    QCOMPARE(session[u"link_session_id"].toString(), u"session-42"_s);
    QCOMPARE(session[u"on_success"][u"public_token"], done.body[u"public_token"]);
}

void TestSandboxApiLink::institutionChoice_data()
{
    QTest::addColumn<QString>("institution");
    // The link token asks for investments in the US.
    QTest::newRow("unknown institution") << u"ins_0"_s;
    QTest::newRow("institution without the product") << kSmallBank;
    QTest::newRow("institution in another country") << u"ins_117650"_s;
}

void TestSandboxApiLink::institutionChoice()
{
    QFETCH(QString, institution);

    const QString link =
        m_kit.linkToken({{u"products"_s, QJsonArray{u"transactions"_s, u"investments"_s}}});
    QVERIFY(!link.isEmpty());
    CHECK_ERROR(
        m_kit.complete(link, u"user_good"_s, u"pass_good"_s, {{u"institution_id"_s, institution}}),
        400, u"INVALID_INPUT"_s, u"INVALID_INSTITUTION"_s);
    QVERIFY(m_kit.api->store().items.isEmpty());
    // The user may pick another institution with the same link token.
    QCOMPARE(m_kit.complete(link, u"user_good"_s, u"pass_good"_s).status, 200);
}

void TestSandboxApiLink::accountFilters_data()
{
    QTest::addColumn<QString>("institution");
    QTest::addColumn<QJsonObject>("filters");
    QTest::addColumn<QStringList>("subtypes"); // empty: NO_ACCOUNTS
    auto filter = [](const QStringList &subtypes) {
        return QJsonObject{{u"account_subtypes"_s, QJsonArray::fromStringList(subtypes)}};
    };
    QTest::newRow("checking only")
        << kBank << QJsonObject{{u"depository"_s, filter({u"checking"_s})}}
        << QStringList{u"checking"_s};
    QTest::newRow("savings, cd and all credit")
        << kBank
        << QJsonObject{{u"depository"_s, filter({u"savings"_s, u"cd"_s})},
                       {u"credit"_s, filter({u"all"_s})}}
        << QStringList{u"savings"_s, u"cd"_s, u"credit card"_s};
    QTest::newRow("all investment accounts")
        << kBank << QJsonObject{{u"investment"_s, filter({u"all"_s})}}
        << QStringList{u"ira"_s, u"401k"_s};
    QTest::newRow("investments where there are none")
        << kSmallBank << QJsonObject{{u"investment"_s, filter({u"all"_s})}} << QStringList();
}

void TestSandboxApiLink::accountFilters()
{
    QFETCH(QString, institution);
    QFETCH(QJsonObject, filters);
    QFETCH(QStringList, subtypes);

    const QString link = m_kit.linkToken({{u"account_filters"_s, filters}});
    QVERIFY(!link.isEmpty());
    const SandboxResponse done =
        m_kit.complete(link, u"user_good"_s, u"pass_good"_s, {{u"institution_id"_s, institution}});
    if (subtypes.isEmpty()) {
        CHECK_ERROR(done, 400, u"ITEM_ERROR"_s, u"NO_ACCOUNTS"_s);
        // A Link session that fails leaves no Item behind (it could never be reached).
        QCOMPARE(m_kit.api->store().items.size(), 0);
        return;
    }
    QCOMPARE(done.status, 200);
    QCOMPARE(valuesOf(done.body[u"accounts"], u"subtype"), subtypes);
    const QString access = m_kit.exchange(done.body[u"public_token"].toString());
    const SandboxResponse got = m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(valuesOf(got.body[u"accounts"], u"subtype"), subtypes);
}

void TestSandboxApiLink::accountSelection()
{
    const QString link = m_kit.linkToken();
    QVERIFY(!link.isEmpty());
    const QJsonObject session{{u"link_token"_s, link},
                              {u"link_session_id"_s, u"session-7"_s},
                              {u"institution_id"_s, kBank},
                              {u"username"_s, u"user_good"_s},
                              {u"password"_s, u"pass_good"_s}};
    const SandboxResponse login = m_kit.api->loginLinkSession(session);
    QCOMPARE(login.status, 200);
    const QStringList offered = valuesOf(login.body[u"accounts"], u"id");
    QCOMPARE(offered.size(), 9);

    auto choose = [&](const QStringList &ids) {
        return QJsonObject{{u"link_token"_s, link},
                           {u"link_session_id"_s, u"session-7"_s},
                           {u"account_ids"_s, QJsonArray::fromStringList(ids)}};
    };
    // No credentials on complete: the session's login stands.
    const SandboxResponse done = m_kit.api->completeLinkSession(choose({offered.at(1)}));
    QCOMPARE(done.status, 200);
    QCOMPARE(valuesOf(done.body[u"accounts"], u"id"), QStringList{offered.at(1)});
    const QString access = m_kit.exchange(done.body[u"public_token"].toString());
    const SandboxResponse got = m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(valuesOf(got.body[u"accounts"], u"account_id"), QStringList{offered.at(1)});

    // Choosing only accounts that were not offered is NO_ACCOUNTS.
    const QString other = m_kit.linkToken();
    CHECK_ERROR(m_kit.complete(other, u"user_good"_s, u"pass_good"_s,
                               {{u"account_ids"_s, QJsonArray{u"nope"_s}}}),
                400, u"ITEM_ERROR"_s, u"NO_ACCOUNTS"_s);
    QCOMPARE(m_kit.api->store().items.size(), 1);
}

void TestSandboxApiLink::tooManyFailedLogins_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("mfaCode");
    QTest::addColumn<int>("failures");
    QTest::addColumn<bool>("usableAfter");
    QTest::newRow("4 wrong passwords") << u"pass_bad"_s << QString() << 4 << true;
    QTest::newRow("5 wrong passwords") << u"pass_bad"_s << QString() << 5 << false;
    QTest::newRow("5 wrong MFA codes") << u"mfa_device"_s << u"9999"_s << 5 << false;
}

void TestSandboxApiLink::tooManyFailedLogins()
{
    QFETCH(QString, password);
    QFETCH(QString, mfaCode);
    QFETCH(int, failures);
    QFETCH(bool, usableAfter);

    const QString link = m_kit.linkToken();
    QVERIFY(!link.isEmpty());
    const QJsonObject extra =
        mfaCode.isEmpty() ? QJsonObject() : QJsonObject{{u"mfa_code"_s, mfaCode}};
    for (int i = 0; i < failures; ++i)
        QCOMPARE(m_kit.complete(link, u"user_good"_s, password, extra).status, 400);
    const SandboxResponse last = m_kit.complete(link, u"user_good"_s, u"pass_good"_s);
    if (usableAfter)
        QCOMPARE(last.status, 200);
    else
        CHECK_ERROR(last, 400, u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
}

void TestSandboxApiLink::sessionSteps()
{
    // A link token for investments in the US: Link offers only institutions that have them.
    const QString link =
        m_kit.linkToken({{u"products"_s, QJsonArray{u"transactions"_s, u"investments"_s}},
                         {u"client_name"_s, u"Weft Test"_s}});
    QVERIFY(!link.isEmpty());
    const SandboxResponse start = m_kit.api->startLinkSession({{u"link_token"_s, link}});
    QCOMPARE(start.status, 200);
    QVERIFY(QRegularExpression(u"^"_s + kUuidPattern + u'$')
                .match(start.body[u"link_session_id"].toString())
                .hasMatch());
    QCOMPARE(start.body[u"client_name"].toString(), u"Weft Test"_s);
    QCOMPARE(start.body[u"update_mode"].toBool(), false);
    const QStringList offered = valuesOf(start.body[u"institutions"], u"institution_id");
    QVERIFY(offered.contains(kBank));
    QVERIFY(!offered.contains(kSmallBank));      // no investments
    QVERIFY(!offered.contains(u"ins_117650"_s)); // not in the US

    const QJsonObject login{{u"link_token"_s, link},
                            {u"link_session_id"_s, start.body[u"link_session_id"]},
                            {u"institution_id"_s, kBank},
                            {u"username"_s, u"user_good"_s},
                            {u"password"_s, u"pass_good"_s}};
    const SandboxResponse signedIn = m_kit.api->loginLinkSession(login);
    QCOMPARE(signedIn.status, 200);
    QCOMPARE(signedIn.body[u"institution"][u"institution_id"].toString(), kBank);
    QVERIFY(signedIn.body[u"accounts"][0][u"balances"].isObject());

    // Update mode: the session is for the Item's institution, whatever the request says.
    const QString access = m_kit.accessToken(kSmallBank, {u"auth"_s});
    const QString update = m_kit.linkToken({{u"access_token"_s, access}}, {u"products"_s});
    const SandboxResponse updateStart = m_kit.api->startLinkSession({{u"link_token"_s, update}});
    QCOMPARE(updateStart.body[u"update_mode"].toBool(), true);
    QCOMPARE(updateStart.body[u"institution"][u"institution_id"].toString(), kSmallBank);
    CHECK_ERROR(m_kit.api->startLinkSession({{u"link_token"_s, u"link-sandbox-x"_s}}), 400,
                u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
}

void TestSandboxApiLink::resetLoginAndUpdateMode()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    const SandboxResponse reset = m_kit.post(u"/sandbox/item/reset_login"_s, byToken);
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.body[u"reset_login"].toBool(), true);

    const SandboxResponse item = m_kit.post(u"/item/get"_s, byToken);
    QCOMPARE(item.status, 200);
    QCOMPARE(item.body[u"item"][u"error"][u"error_code"].toString(), u"ITEM_LOGIN_REQUIRED"_s);
    QCOMPARE(item.body[u"item"][u"error"][u"error_type"].toString(), u"ITEM_ERROR"_s);
    CHECK_ERROR(m_kit.post(u"/accounts/get"_s, byToken), 400, u"ITEM_ERROR"_s,
                u"ITEM_LOGIN_REQUIRED"_s);

    // Update mode: a link token for the Item, without products, then a good login.
    const QString link = m_kit.linkToken(byToken, {u"products"_s});
    QVERIFY(!link.isEmpty());
    const SandboxResponse done =
        m_kit.complete(link, u"user_good"_s, u"pass_good"_s, {{u"institution_id"_s, QJsonValue()}});
    QCOMPARE(done.status, 200);
    QCOMPARE(done.body[u"institution"][u"institution_id"].toString(), kBank);

    const SandboxResponse accounts = m_kit.post(u"/accounts/get"_s, byToken);
    QCOMPARE(accounts.status, 200); // the same access token works again
    QCOMPARE(accounts.body[u"accounts"].toArray().size(), 9);
    QVERIFY(m_kit.post(u"/item/get"_s, byToken).body[u"item"][u"error"].isNull());

    CHECK_ERROR(m_kit.post(u"/item/public_token/exchange"_s,
                           {{u"public_token"_s, done.body[u"public_token"].toString()}}),
                400, u"INVALID_INPUT"_s, u"INVALID_PUBLIC_TOKEN"_s, u"update-mode"_s);
    QCOMPARE(m_kit.post(u"/item/get"_s, byToken).status, 200); // the refusal changed nothing
}

void TestSandboxApiLink::updateModeRefusals()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    QCOMPARE(m_kit.post(u"/sandbox/item/reset_login"_s, byToken).status, 200);

    const QString link = m_kit.linkToken(byToken, {u"products"_s});
    CHECK_ERROR(m_kit.complete(link, u"user_good"_s, u"pass_bad"_s), 400, u"ITEM_ERROR"_s,
                u"INVALID_CREDENTIALS"_s);
    CHECK_ERROR(m_kit.post(u"/accounts/get"_s, byToken), 400, u"ITEM_ERROR"_s,
                u"ITEM_LOGIN_REQUIRED"_s); // still broken

    // Once the Item is removed, its update-mode link token is dead at every step.
    QCOMPARE(m_kit.post(u"/item/remove"_s, byToken).status, 200);
    CHECK_ERROR(m_kit.api->startLinkSession({{u"link_token"_s, link}}), 400, u"INVALID_INPUT"_s,
                u"INVALID_LINK_TOKEN"_s);
    CHECK_ERROR(m_kit.complete(link, u"user_good"_s, u"pass_good"_s), 400, u"INVALID_INPUT"_s,
                u"INVALID_LINK_TOKEN"_s);
    CHECK_ERROR(m_kit.post(u"/link/token/create"_s, linkTokenBody(byToken, {u"products"_s})), 400,
                u"INVALID_INPUT"_s, u"INVALID_ACCESS_TOKEN"_s);
}

QTEST_GUILESS_MAIN(TestSandboxApiLink)
#include "tst_sandboxapi_link.moc"
