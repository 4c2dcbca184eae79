// SandboxApi's OAuth by redirect: a link token with a redirect_uri (an app's own scheme is
// fine, a query is not), a state for an OAuth bank, the bank's answer once, and the session
// taken back with receivedRedirectUri's oauth_state_id — by the same link token only.
#include "SandboxApiTestKit.h"

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

namespace {
const QString kOAuthBank = u"ins_127287"_s;
}

class TestSandboxApiOAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void redirectUris_data();
    void redirectUris();
    void redirectRoundTrip();
    void deniedGoesBackToTheList();
    void refusals();

private:
    QString token(const QString &redirect = u"weft://oauth"_s)
    {
        return m_kit.linkToken({{u"redirect_uri"_s, redirect}});
    }
    ApiKit m_kit;
};

void TestSandboxApiOAuth::redirectUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << u"https://app.example/oauth"_s << true;
    QTest::newRow("app scheme") << u"weft://oauth"_s << true;
    QTest::newRow("loopback http") << u"http://localhost:8080/oauth"_s << true;
    QTest::newRow("other http") << u"http://app.example/oauth"_s << false;
    QTest::newRow("query") << u"weft://oauth?x=1"_s << false;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
    QTest::newRow("data") << u"data:text/html,x"_s << false;
}

void TestSandboxApiOAuth::redirectUris()
{
    QFETCH(QString, uri);
    QFETCH(bool, accepted);
    const SandboxResponse created =
        m_kit.post(u"/link/token/create"_s, linkTokenBody({{u"redirect_uri"_s, uri}}));
    if (accepted) {
        QCOMPARE(created.status, 200);
    } else {
        CHECK_ERROR(created, 400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"redirect_uri"_s);
    }
}

void TestSandboxApiOAuth::redirectRoundTrip()
{
    const QString link = token();
    QVERIFY(!link.isEmpty());
    const SandboxResponse started = m_kit.api->startLinkSession({{u"link_token"_s, link}});
    QCOMPARE(started.body[u"redirect_uri"].toString(), u"weft://oauth"_s);
    const QString sessionId = started.body[u"link_session_id"].toString();
    const SandboxResponse state = m_kit.api->startOAuth({{u"link_token"_s, link},
                                                         {u"link_session_id"_s, sessionId},
                                                         {u"institution_id"_s, kOAuthBank}});
    QCOMPARE(state.status, 200);
    const QString stateId = state.body[u"oauth_state_id"].toString();
    QVERIFY(QRegularExpression(u"^[A-Za-z0-9]{32}$"_s).match(stateId).hasMatch());
    // The bank's page learns what it needs, and no token.
    const SandboxResponse info = m_kit.api->oauthInfo({{u"oauth_state_id"_s, stateId}});
    QCOMPARE(info.body[u"institution"][u"institution_id"].toString(), kOAuthBank);
    QCOMPARE(info.body[u"client_name"].toString(), u"Weft"_s);
    QVERIFY(info.body[u"pending"].toBool());
    QVERIFY(!QJsonDocument(info.body).toJson().contains(link.toUtf8()));
    // Not before the bank answered.
    CHECK_ERROR(m_kit.api->resumeOAuth({{u"link_token"_s, link}, {u"oauth_state_id"_s, stateId}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"not answered"_s);
    const SandboxResponse answered =
        m_kit.api->authorizeOAuth({{u"oauth_state_id"_s, stateId}, {u"authorized"_s, true}});
    QCOMPARE(answered.status, 200);
    QCOMPARE(answered.body[u"redirect"].toString(), u"weft://oauth?oauth_state_id="_s + stateId);
    // Once.
    CHECK_ERROR(
        m_kit.api->authorizeOAuth({{u"oauth_state_id"_s, stateId}, {u"authorized"_s, false}}), 400,
        u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"already"_s);
    // Another link token cannot take this session.
    const QString other = token();
    CHECK_ERROR(m_kit.api->resumeOAuth({{u"link_token"_s, other}, {u"oauth_state_id"_s, stateId}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s);
    const SandboxResponse resumed =
        m_kit.api->resumeOAuth({{u"link_token"_s, link}, {u"oauth_state_id"_s, stateId}});
    QCOMPARE(resumed.status, 200);
    QCOMPARE(resumed.body[u"link_session_id"].toString(), sessionId); // the same session
    QCOMPARE(resumed.body[u"institution"][u"institution_id"].toString(), kOAuthBank);
    QVERIFY(resumed.body[u"authorized"].toBool());
    // Once; then the session goes on to an Item as any other.
    CHECK_ERROR(m_kit.api->resumeOAuth({{u"link_token"_s, link}, {u"oauth_state_id"_s, stateId}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s);
    const SandboxResponse done =
        m_kit.complete(link, u"user_good"_s, u"pass_good"_s,
                       {{u"link_session_id"_s, sessionId}, {u"institution_id"_s, kOAuthBank}});
    QCOMPARE(done.status, 200);
    QCOMPARE(done.body[u"institution"][u"institution_id"].toString(), kOAuthBank);
}

void TestSandboxApiOAuth::deniedGoesBackToTheList()
{
    const QString link = token();
    const QString stateId = m_kit.api
                                ->startOAuth({{u"link_token"_s, link},
                                              {u"link_session_id"_s, u"s1"_s},
                                              {u"institution_id"_s, kOAuthBank}})
                                .body[u"oauth_state_id"]
                                .toString();
    QCOMPARE(m_kit.api->authorizeOAuth({{u"oauth_state_id"_s, stateId}, {u"authorized"_s, false}})
                 .status,
             200);
    const SandboxResponse resumed =
        m_kit.api->resumeOAuth({{u"link_token"_s, link}, {u"oauth_state_id"_s, stateId}});
    QCOMPARE(resumed.status, 200);
    QVERIFY(!resumed.body[u"authorized"].toBool());
}

void TestSandboxApiOAuth::refusals()
{
    // No redirect_uri: OAuth is the popup's.
    const QString popup = m_kit.linkToken();
    CHECK_ERROR(m_kit.api->startOAuth({{u"link_token"_s, popup},
                                       {u"link_session_id"_s, u"s1"_s},
                                       {u"institution_id"_s, kOAuthBank}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"redirect_uri"_s);
    const QString link = token();
    // Not an OAuth bank.
    CHECK_ERROR(m_kit.api->startOAuth({{u"link_token"_s, link},
                                       {u"link_session_id"_s, u"s1"_s},
                                       {u"institution_id"_s, kBank}}),
                400, u"INVALID_INPUT"_s, u"INVALID_INSTITUTION"_s);
    // Unknown states.
    CHECK_ERROR(m_kit.api->oauthInfo({{u"oauth_state_id"_s, u"nope"_s}}), 400, u"INVALID_REQUEST"_s,
                u"INVALID_FIELD"_s);
    CHECK_ERROR(m_kit.api->authorizeOAuth({{u"oauth_state_id"_s, u"nope"_s}}), 400,
                u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s);
    // States expire with time.
    const QString stateId = m_kit.api
                                ->startOAuth({{u"link_token"_s, link},
                                              {u"link_session_id"_s, u"s1"_s},
                                              {u"institution_id"_s, kOAuthBank}})
                                .body[u"oauth_state_id"]
                                .toString();
    QVERIFY(!stateId.isEmpty());
    m_kit.clock->advance(std::chrono::minutes(31));
    CHECK_ERROR(
        m_kit.api->authorizeOAuth({{u"oauth_state_id"_s, stateId}, {u"authorized"_s, true}}), 400,
        u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"expired"_s);
    // Hosted Link takes no redirect_uri (Plaid: not supported there).
    m_kit.api->setHostedLinkBaseUrl(QUrl(u"http://localhost:1"_s));
    const SandboxResponse hosted = m_kit.post(
        u"/link/token/create"_s,
        linkTokenBody({{u"redirect_uri"_s, u"weft://oauth"_s}, {u"hosted_link"_s, QJsonObject()}}));
    CHECK_ERROR(hosted, 400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"not supported"_s);
}

QTEST_GUILESS_MAIN(TestSandboxApiOAuth)
#include "tst_sandboxapi_oauth.moc"
