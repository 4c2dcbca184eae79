// SandboxApi's Hosted Link: /link/token/create with hosted_link (its checks, hosted_link_url,
// the token's lifetime), a session driven by the hosted id alone, and /link/token/get's
// link_sessions with results.item_add_results for a success and exit for an exit.
#include "SandboxApiTestKit.h"

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

class TestSandboxApiHosted : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init();

    void hostedLinkUrl();
    void refusedHostedLink_data();
    void refusedHostedLink();
    void notServedWithoutABase();
    void lifetime();
    void sessionByHostedIdAlone();
    void exitIsRecorded();
    void exitChecksWhatItRecords();
    void unknownHostedIdIsRefused();

private:
    // hosted_link_url's last segment.
    QString hostedId(const SandboxResponse &created) const;
    QJsonObject sessionBody(const QString &id, const QJsonObject &extra = {}) const;

    ApiKit m_kit;
};

void TestSandboxApiHosted::init()
{
    m_kit.reset();
    m_kit.api->setHostedLinkBaseUrl(QUrl(u"http://localhost:4321"_s));
}

QString TestSandboxApiHosted::hostedId(const SandboxResponse &created) const
{
    return QUrl(created.body[u"hosted_link_url"].toString()).path().section(u'/', -1);
}

QJsonObject TestSandboxApiHosted::sessionBody(const QString &id, const QJsonObject &extra) const
{
    QJsonObject body{{u"hosted_link_id"_s, id},
                     {u"link_session_id"_s, u"hosted-session"_s},
                     {u"institution_id"_s, kBank},
                     {u"username"_s, u"user_good"_s},
                     {u"password"_s, u"pass_good"_s}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

void TestSandboxApiHosted::hostedLinkUrl()
{
    const SandboxResponse created = m_kit.post(
        u"/link/token/create"_s,
        linkTokenBody(
            {{u"hosted_link"_s, QJsonObject{{u"completion_redirect_uri"_s,
                                             u"http://127.0.0.1:9/weft/hosted-link/done/x"_s}}}}));
    QCOMPARE(created.status, 200);
    const QUrl url(created.body[u"hosted_link_url"].toString());
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.host(), u"localhost"_s);
    QCOMPARE(url.port(), 4321);
    QVERIFY(QRegularExpression(u"^/hl/[A-Za-z0-9]{32}$"_s).match(url.path()).hasMatch());
    QVERIFY(!url.toString().contains(created.body[u"link_token"].toString()));
    const std::optional<QString> page = m_kit.api->hostedLinkPage(hostedId(created));
    QVERIFY(page);
    QCOMPARE(*page, u"/link/v2/stable/link.html#hosted="_s + hostedId(created));
    QVERIFY(!m_kit.api->hostedLinkPage(u"nope"_s));
    QVERIFY(!m_kit.api->hostedLinkPage({}));
    // Without hosted_link: no hosted_link_url.
    const SandboxResponse plain = m_kit.post(u"/link/token/create"_s, linkTokenBody());
    QVERIFY(!plain.body.contains(u"hosted_link_url"));
    // The id is kept as a hash, like the tokens.
    for (const LinkTokenRecord &record : m_kit.api->store().linkTokens)
        QVERIFY(!QJsonDocument(record.metadata).toJson().contains(hostedId(created).toUtf8()));
}

void TestSandboxApiHosted::refusedHostedLink_data()
{
    QTest::addColumn<QJsonValue>("hosted");
    QTest::newRow("not an object") << QJsonValue(u"yes"_s);
    QTest::newRow("javascript redirect")
        << QJsonValue(QJsonObject{{u"completion_redirect_uri"_s, u"javascript:alert(1)"_s}});
    QTest::newRow("file redirect")
        << QJsonValue(QJsonObject{{u"completion_redirect_uri"_s, u"file:///etc/passwd"_s}});
    QTest::newRow("plain http elsewhere")
        << QJsonValue(QJsonObject{{u"completion_redirect_uri"_s, u"http://example.com/done"_s}});
    QTest::newRow("redirect not a string")
        << QJsonValue(QJsonObject{{u"completion_redirect_uri"_s, 5}});
    QTest::newRow("zero lifetime") << QJsonValue(QJsonObject{{u"url_lifetime_seconds"_s, 0}});
    QTest::newRow("lifetime over 21 days")
        << QJsonValue(QJsonObject{{u"url_lifetime_seconds"_s, 21 * 86400 + 1}});
    QTest::newRow("fractional lifetime")
        << QJsonValue(QJsonObject{{u"url_lifetime_seconds"_s, 1.5}});
    QTest::newRow("is_mobile_app not a boolean")
        << QJsonValue(QJsonObject{{u"is_mobile_app"_s, u"no"_s}});
}

void TestSandboxApiHosted::refusedHostedLink()
{
    QFETCH(QJsonValue, hosted);
    const SandboxResponse created =
        m_kit.post(u"/link/token/create"_s, linkTokenBody({{u"hosted_link"_s, hosted}}));
    CHECK_ERROR(created, 400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"hosted_link"_s);
    QVERIFY(m_kit.api->store().linkTokens.isEmpty());
}

void TestSandboxApiHosted::notServedWithoutABase()
{
    m_kit.reset(); // no base URL: the API alone cannot say where the page is
    const SandboxResponse created =
        m_kit.post(u"/link/token/create"_s, linkTokenBody({{u"hosted_link"_s, QJsonObject()}}));
    CHECK_ERROR(created, 400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"Hosted Link"_s);
}

void TestSandboxApiHosted::lifetime()
{
    // Plaid: the token expires with the hosted URL, 30 minutes unless set.
    const SandboxResponse standard =
        m_kit.post(u"/link/token/create"_s, linkTokenBody({{u"hosted_link"_s, QJsonObject()}}));
    QCOMPARE(parseTime(standard.body[u"expiration"]), m_kit.clock->now().addSecs(30 * 60));
    const SandboxResponse set = m_kit.post(
        u"/link/token/create"_s,
        linkTokenBody({{u"hosted_link"_s, QJsonObject{{u"url_lifetime_seconds"_s, 600}}}}));
    QCOMPARE(parseTime(set.body[u"expiration"]), m_kit.clock->now().addSecs(600));
    const QString id = hostedId(set);
    m_kit.clock->advance(std::chrono::seconds(600));
    CHECK_ERROR(m_kit.api->startLinkSession({{u"hosted_link_id"_s, id}}), 400, u"INVALID_INPUT"_s,
                u"INVALID_LINK_TOKEN"_s, u"expired"_s);
}

void TestSandboxApiHosted::sessionByHostedIdAlone()
{
    const SandboxResponse created = m_kit.post(
        u"/link/token/create"_s,
        linkTokenBody({{u"hosted_link"_s,
                        QJsonObject{{u"completion_redirect_uri"_s, u"weft://hosted-done"_s}}}}));
    const QString id = hostedId(created);
    const QString link = created.body[u"link_token"].toString();
    const SandboxResponse started = m_kit.api->startLinkSession({{u"hosted_link_id"_s, id}});
    QCOMPARE(started.status, 200);
    QCOMPARE(started.body[u"hosted"].toBool(), true);
    QCOMPARE(started.body[u"completion_redirect_uri"].toString(), u"weft://hosted-done"_s);
    QVERIFY(!started.body.contains(u"link_token")); // the page never learns the token
    const QString sessionId = started.body[u"link_session_id"].toString();
    const SandboxResponse login =
        m_kit.api->loginLinkSession(sessionBody(id, {{u"link_session_id"_s, sessionId}}));
    QCOMPARE(login.status, 200);
    const SandboxResponse done = m_kit.api->completeLinkSession(
        {{u"hosted_link_id"_s, id},
         {u"link_session_id"_s, sessionId},
         {u"account_ids"_s, QJsonArray{login.body[u"accounts"][0][u"id"]}}});
    QCOMPARE(done.status, 200);
    const QString publicToken = done.body[u"public_token"].toString();
    QVERIFY(publicToken.startsWith(u"public-sandbox-"_s));

    const SandboxResponse details = m_kit.post(u"/link/token/get"_s, {{u"link_token"_s, link}});
    QCOMPARE(details.status, 200);
    const QJsonArray sessions = details.body[u"link_sessions"].toArray();
    QCOMPARE(sessions.size(), 1);
    const QJsonObject session = sessions.first().toObject();
    QCOMPARE(session[u"link_session_id"].toString(), sessionId);
    QVERIFY(parseTime(session[u"started_at"]).isValid());
    QVERIFY(parseTime(session[u"finished_at"]).isValid());
    const QJsonObject results = session[u"results"].toObject();
    const QJsonObject add = results[u"item_add_results"][0].toObject();
    QCOMPARE(add[u"public_token"].toString(), publicToken);
    QCOMPARE(add[u"institution"][u"institution_id"].toString(), kBank);
    QCOMPARE(add[u"accounts"].toArray().size(), 1);
    for (const char *key : {"cra_item_add_results", "cra_update_results", "bank_income_results",
                            "payroll_income_results"})
        QVERIFY2(results[QLatin1StringView(key)].isArray(), key);
    QVERIFY(results.contains(u"document_income_results"));
    QCOMPARE(session[u"on_success"][u"public_token"].toString(), publicToken);
    // The public token works once, as any other.
    QVERIFY(!m_kit.exchange(publicToken).isEmpty());
    // The session is over: the hosted id opens nothing more.
    CHECK_ERROR(m_kit.api->startLinkSession({{u"hosted_link_id"_s, id}}), 400, u"INVALID_INPUT"_s,
                u"INVALID_LINK_TOKEN"_s);
}

void TestSandboxApiHosted::exitIsRecorded()
{
    const SandboxResponse created =
        m_kit.post(u"/link/token/create"_s, linkTokenBody({{u"hosted_link"_s, QJsonObject()}}));
    const QString id = hostedId(created);
    const QString sessionId = m_kit.api->startLinkSession({{u"hosted_link_id"_s, id}})
                                  .body[u"link_session_id"]
                                  .toString();
    m_kit.clock->advance(std::chrono::seconds(30));
    const QJsonObject error{{u"error_type"_s, u"ITEM_ERROR"_s},
                            {u"error_code"_s, u"INVALID_CREDENTIALS"_s},
                            {u"error_message"_s, u"the provided credentials were not correct"_s},
                            {u"display_message"_s, QJsonValue()}};
    const SandboxResponse exited = m_kit.api->exitLinkSession(
        {{u"hosted_link_id"_s, id},
         {u"link_session_id"_s, sessionId},
         {u"error"_s, error},
         {u"metadata"_s, QJsonObject{{u"status"_s, u"requires_credentials"_s},
                                     {u"institution"_s, QJsonObject{{u"institution_id"_s, kBank},
                                                                    {u"name"_s, u"Forged name"_s}}},
                                     {u"request_id"_s, u"abcdefghijklmno"_s},
                                     {u"extra"_s, u"dropped"_s}}}});
    QCOMPARE(exited.status, 200);
    const SandboxResponse details = m_kit.post(
        u"/link/token/get"_s, {{u"link_token"_s, created.body[u"link_token"].toString()}});
    const QJsonObject session = details.body[u"link_sessions"][0].toObject();
    QCOMPARE(session[u"link_session_id"].toString(), sessionId);
    QCOMPARE(parseTime(session[u"finished_at"]), parseTime(session[u"started_at"]).addSecs(30));
    QVERIFY(session[u"results"].isNull());
    const QJsonObject exit = session[u"exit"].toObject();
    QCOMPARE(exit[u"error"].toObject(), error);
    const QJsonObject metadata = exit[u"metadata"].toObject();
    QCOMPARE(metadata[u"status"].toString(), u"requires_credentials"_s);
    // The institution's name is the sandbox's own, not what the page said; unknown keys go.
    QCOMPARE(metadata[u"institution"][u"name"].toString(), u"First Platypus Bank"_s);
    QVERIFY(!metadata.contains(u"extra"));
    // One end per session.
    CHECK_ERROR(m_kit.api->exitLinkSession({{u"hosted_link_id"_s, id},
                                            {u"link_session_id"_s, sessionId},
                                            {u"error"_s, QJsonValue()},
                                            {u"metadata"_s, QJsonObject()}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"ended"_s);
}

void TestSandboxApiHosted::exitChecksWhatItRecords()
{
    const QString link = m_kit.linkToken(); // embedded Link records exits too
    QVERIFY(!link.isEmpty());
    CHECK_ERROR(m_kit.api->exitLinkSession({{u"link_token"_s, link},
                                            {u"link_session_id"_s, u"s"_s},
                                            {u"error"_s, QJsonObject{{u"error_code"_s, 5}}}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s);
    CHECK_ERROR(m_kit.api->exitLinkSession({{u"link_token"_s, link},
                                            {u"link_session_id"_s, QString(65, u'x')},
                                            {u"error"_s, QJsonValue()}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s);
    CHECK_ERROR(m_kit.api->exitLinkSession({{u"link_token"_s, u"link-sandbox-unknown"_s},
                                            {u"link_session_id"_s, u"s"_s},
                                            {u"error"_s, QJsonValue()}}),
                400, u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
    QCOMPARE(m_kit.api
                 ->exitLinkSession({{u"link_token"_s, link},
                                    {u"link_session_id"_s, u"s"_s},
                                    {u"error"_s, QJsonValue()},
                                    {u"metadata"_s, QJsonObject()}})
                 .status,
             200);
    const SandboxResponse details = m_kit.post(u"/link/token/get"_s, {{u"link_token"_s, link}});
    QCOMPARE(details.body[u"link_sessions"].toArray().size(), 1);
    QVERIFY(details.body[u"link_sessions"][0][u"exit"][u"error"].isNull());
    QVERIFY(details.body[u"link_sessions"][0][u"exit"][u"metadata"][u"institution"].isNull());
}

void TestSandboxApiHosted::unknownHostedIdIsRefused()
{
    m_kit.post(u"/link/token/create"_s, linkTokenBody({{u"hosted_link"_s, QJsonObject()}}));
    CHECK_ERROR(m_kit.api->startLinkSession({{u"hosted_link_id"_s, u"0123456789"_s}}), 400,
                u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
    CHECK_ERROR(m_kit.api->startLinkSession({{u"hosted_link_id"_s, QString()}}), 400,
                u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
}

QTEST_GUILESS_MAIN(TestSandboxApiHosted)
#include "tst_sandboxapi_hosted.moc"
