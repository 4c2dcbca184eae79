// SandboxApi called directly (no HTTP): credentials, request validation, token formats and
// token lifetimes on a ManualClock. Items, institutions and the state file are in
// tst_sandboxapi_items.cpp; the Link session emulation in tst_sandboxapi_link.cpp.
#include "SandboxApiTestKit.h"

#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestSandboxApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void credentials_data();
    void credentials();
    void bodyErrors_data();
    void bodyErrors();
    void missingFields_data();
    void missingFields();
    void endpointList();
    void tokenFormats();
    void linkTokenLifetime_data();
    void linkTokenLifetime();
    void publicTokenLifetime_data();
    void publicTokenLifetime();
    void publicTokenSingleUse();
    void malformedTokens_data();
    void malformedTokens();

private:
    ApiKit m_kit;
};

void TestSandboxApi::credentials_data()
{
    QTest::addColumn<bool>("pinned");
    QTest::addColumn<QString>("headerId");
    QTest::addColumn<QString>("headerSecret");
    QTest::addColumn<QJsonObject>("bodyCredentials");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::addColumn<QString>("message");

    const QString none;
    const QString wrong = u"wrong"_s;
    const QJsonObject inBody{{u"client_id"_s, kClientA}, {u"secret"_s, kSecret}};
    const QString invalidKeys = u"INVALID_API_KEYS"_s;
    const QString missing = u"MISSING_FIELDS"_s;
    QTest::newRow("headers") << false << kClientA << kSecret << QJsonObject() << none << none;
    QTest::newRow("body") << false << none << none << inBody << none << none;
    QTest::newRow("id in header, secret in body")
        << false << kClientA << none << QJsonObject{{u"secret"_s, kSecret}} << none << none;
    QTest::newRow("unpinned accepts any pair")
        << false << u"someone"_s << u"anything"_s << QJsonObject() << none << none;
    QTest::newRow("pinned, headers")
        << true << kClientA << kSecret << QJsonObject() << none << none;
    QTest::newRow("pinned, body") << true << none << none << inBody << none << none;
    QTest::newRow("pinned, body beside wrong headers")
        << true << kClientB << wrong << inBody << none << none;
    QTest::newRow("pinned, wrong secret")
        << true << kClientA << wrong << QJsonObject() << invalidKeys << none;
    QTest::newRow("pinned, wrong client_id")
        << true << kClientB << kSecret << QJsonObject() << invalidKeys << none;
    QTest::newRow("pinned, wrong secret in body")
        << true << kClientA << kSecret << QJsonObject{{u"secret"_s, wrong}} << invalidKeys << none;
    QTest::newRow("no credentials")
        << false << none << none << QJsonObject() << missing << u"missing: client_id, secret"_s;
    QTest::newRow("no secret") << false << kClientA << none << QJsonObject() << missing
                               << u"missing: secret"_s;
    QTest::newRow("no client_id") << true << none << kSecret << QJsonObject() << missing
                                  << u"missing: client_id"_s;
    QTest::newRow("empty strings in body")
        << false << none << none << QJsonObject{{u"client_id"_s, none}, {u"secret"_s, none}}
        << missing << u"missing: client_id, secret"_s;
}

void TestSandboxApi::credentials()
{
    QFETCH(bool, pinned);
    QFETCH(QString, headerId);
    QFETCH(QString, headerSecret);
    QFETCH(QJsonObject, bodyCredentials);
    QFETCH(QString, code);
    QFETCH(QString, message);

    if (pinned)
        m_kit.api->setCredentials({kClientA, kSecret});
    QJsonObject body = institutionBody(kBank);
    for (auto it = bodyCredentials.constBegin(); it != bodyCredentials.constEnd(); ++it)
        body.insert(it.key(), it.value());
    SandboxRequest request;
    request.path = u"/institutions/get_by_id"_s;
    request.body = QJsonDocument(body).toJson();
    request.headerClientId = headerId;
    request.headerSecret = headerSecret;
    const SandboxResponse response = m_kit.api->handle(request);
    if (code.isEmpty()) {
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body[u"institution"][u"institution_id"].toString(), kBank);
    } else {
        const QString type = code == u"MISSING_FIELDS" ? u"INVALID_REQUEST"_s : u"INVALID_INPUT"_s;
        CHECK_ERROR(response, 400, type, code, message);
    }
}

void TestSandboxApi::bodyErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QString institutions = u"/institutions/get_by_id"_s;
    const QByteArray valid = QJsonDocument(institutionBody(kBank)).toJson();
    QTest::newRow("not JSON") << institutions << QByteArray("institution_id=ins_109508") << 400
                              << u"INVALID_BODY"_s << QString();
    QTest::newRow("empty body") << institutions << QByteArray() << 400 << u"INVALID_BODY"_s
                                << QString();
    QTest::newRow("JSON array") << institutions << QByteArray("[]") << 400 << u"INVALID_BODY"_s
                                << QString();
    QTest::newRow("truncated JSON")
        << institutions << valid.left(valid.size() / 2) << 400 << u"INVALID_BODY"_s << QString();
    QTest::newRow("unknown field")
        << institutions << QByteArray(R"({"institution_id":"x","country_codes":["US"],"colour":1})")
        << 400 << u"UNKNOWN_FIELDS"_s << u"not recognized by this endpoint: colour"_s;
    QTest::newRow("field of another endpoint")
        << u"/item/get"_s << QByteArray(R"({"access_token":"a","public_token":"p"})") << 400
        << u"UNKNOWN_FIELDS"_s << u"public_token"_s;
    QTest::newRow("unknown path") << u"/item/frobnicate"_s << valid << 404 << u"NOT_FOUND"_s
                                  << u"/item/frobnicate"_s;
    QTest::newRow("trailing slash")
        << u"/item/get/"_s << valid << 404 << u"NOT_FOUND"_s << QString();
    QTest::newRow("root") << u"/"_s << valid << 404 << u"NOT_FOUND"_s << QString();
}

void TestSandboxApi::bodyErrors()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);

    SandboxRequest request{path, body, kClientA, kSecret};
    CHECK_ERROR(m_kit.api->handle(request), status, u"INVALID_REQUEST"_s, code, message);
}

void TestSandboxApi::missingFields_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    const QString token = u"access-sandbox-00000000-0000-0000-0000-000000000000"_s;
    const QList<QPair<QString, QJsonObject>> complete{
        {u"/link/token/create"_s, linkTokenBody()},
        {u"/link/token/get"_s, {{u"link_token"_s, u"link-sandbox-x"_s}}},
        {u"/item/public_token/exchange"_s, {{u"public_token"_s, u"public-sandbox-x"_s}}},
        {u"/item/get"_s, {{u"access_token"_s, token}}},
        {u"/item/remove"_s, {{u"access_token"_s, token}}},
        {u"/accounts/get"_s, {{u"access_token"_s, token}}},
        {u"/institutions/get_by_id"_s, institutionBody(kBank)},
        {u"/sandbox/public_token/create"_s,
         {{u"institution_id"_s, kBank}, {u"initial_products"_s, QJsonArray{u"auth"_s}}}},
        {u"/sandbox/item/reset_login"_s, {{u"access_token"_s, token}}},
    };
    const QStringList optional{u"products"_s};
    for (const auto &[path, body] : complete) {
        for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
            if (optional.contains(it.key()))
                continue;
            QJsonObject without = body;
            without.remove(it.key());
            QTest::addRow("%s without %s", qPrintable(path), qPrintable(it.key()))
                << path << without << it.key();
        }
    }
    QTest::newRow("empty access_token")
        << u"/item/get"_s << QJsonObject{{u"access_token"_s, QString()}} << u"access_token"_s;
    QTest::newRow("null public_token")
        << u"/item/public_token/exchange"_s << QJsonObject{{u"public_token"_s, QJsonValue()}}
        << u"public_token"_s;
    QTest::newRow("user without client_user_id")
        << u"/link/token/create"_s << linkTokenBody({{u"user"_s, QJsonObject()}})
        << u"user.client_user_id"_s;
    QTest::newRow("new-Item link token without products")
        << u"/link/token/create"_s << linkTokenBody({}, {u"products"_s}) << u"products"_s;
}

void TestSandboxApi::missingFields()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);

    const SandboxResponse response = m_kit.post(path, body);
    CHECK_ERROR(response, 400, u"INVALID_REQUEST"_s, u"MISSING_FIELDS"_s);
    QCOMPARE(response.body[u"error_message"].toString(),
             u"the following required fields are missing: "_s + field);
}

void TestSandboxApi::endpointList()
{
    QStringList endpoints = SandboxApi::endpoints();
    endpoints.sort();
    const QStringList expected{u"/accounts/balance/get"_s,
                               u"/accounts/get"_s,
                               u"/auth/get"_s,
                               u"/identity/get"_s,
                               u"/institutions/get"_s,
                               u"/institutions/get_by_id"_s,
                               u"/institutions/search"_s,
                               u"/investments/holdings/get"_s,
                               u"/item/get"_s,
                               u"/item/public_token/exchange"_s,
                               u"/item/remove"_s,
                               u"/item/webhook/update"_s,
                               u"/liabilities/get"_s,
                               u"/link/token/create"_s,
                               u"/link/token/get"_s,
                               u"/sandbox/item/fire_webhook"_s,
                               u"/sandbox/item/reset_login"_s,
                               u"/sandbox/public_token/create"_s,
                               u"/transactions/refresh"_s,
                               u"/transactions/sync"_s,
                               u"/webhook_verification_key/get"_s};
    QCOMPARE(endpoints, expected);
    QVERIFY(SandboxApi::isEndpoint(u"/item/get"_s));
    QVERIFY(!SandboxApi::isEndpoint(u"/item/get/"_s));
    QVERIFY(!SandboxApi::isEndpoint(u"/weft/link/session/complete"_s));
}

void TestSandboxApi::tokenFormats()
{
    QSignalSpy handled(m_kit.api.get(), &SandboxApi::requestHandled);
    const QRegularExpression linkRe(u"^link-sandbox-"_s + kUuidPattern + u'$');
    const QRegularExpression publicRe(u"^public-sandbox-"_s + kUuidPattern + u'$');
    const QRegularExpression accessRe(u"^access-sandbox-"_s + kUuidPattern + u'$');
    const QRegularExpression idRe(u"^[A-Za-z0-9]{37}$"_s);

    QStringList requestIds;
    const SandboxResponse link = m_kit.post(u"/link/token/create"_s, linkTokenBody());
    const QString linkToken = link.body[u"link_token"].toString();
    QVERIFY2(linkRe.match(linkToken).hasMatch(), qPrintable(linkToken));
    requestIds << link.body[u"request_id"].toString();
    const SandboxResponse done = m_kit.complete(linkToken, u"user_good"_s, u"pass_good"_s);
    const QString publicToken = done.body[u"public_token"].toString();
    QVERIFY2(publicRe.match(publicToken).hasMatch(), qPrintable(publicToken));
    requestIds << done.body[u"request_id"].toString();
    const SandboxResponse exchange =
        m_kit.post(u"/item/public_token/exchange"_s, {{u"public_token"_s, publicToken}});
    const QString accessToken = exchange.body[u"access_token"].toString();
    QVERIFY2(accessRe.match(accessToken).hasMatch(), qPrintable(accessToken));
    QVERIFY(idRe.match(exchange.body[u"item_id"].toString()).hasMatch());
    requestIds << exchange.body[u"request_id"].toString();
    for (int i = 0; i < 20; ++i) {
        const SandboxResponse response =
            m_kit.post(i % 2 ? u"/item/get"_s : u"/nowhere"_s, {{u"access_token"_s, accessToken}});
        requestIds << response.body[u"request_id"].toString();
    }
    const QRegularExpression requestIdRe(u"^[A-Za-z0-9]{15}$"_s);
    for (const QString &id : std::as_const(requestIds))
        QVERIFY2(requestIdRe.match(id).hasMatch(), qPrintable(id));
    QCOMPARE(QSet<QString>(requestIds.cbegin(), requestIds.cend()).size(), requestIds.size());
    QVERIFY(m_kit.linkToken() != linkToken);

    QCOMPARE(handled.size(), 23); // handle() reports each call; completeLinkSession is not one
    QCOMPARE(handled.first(), (QVariantList{u"/link/token/create"_s, 200}));
    QCOMPARE(handled.at(2), (QVariantList{u"/nowhere"_s, 404}));
}

void TestSandboxApi::linkTokenLifetime_data()
{
    QTest::addColumn<bool>("updateMode");
    QTest::addColumn<int>("lifetimeSeconds");
    QTest::newRow("new Item: 4 hours") << false << 4 * 3600;
    QTest::newRow("update mode: 30 minutes") << true << 30 * 60;
}

void TestSandboxApi::linkTokenLifetime()
{
    QFETCH(bool, updateMode);
    QFETCH(int, lifetimeSeconds);

    QJsonObject extra;
    if (updateMode) {
        const QString access = m_kit.accessToken();
        QVERIFY(!access.isEmpty());
        extra = {{u"access_token"_s, access}};
    }
    m_kit.clock->advance(90s); // created later than the Item
    const QDateTime created = m_kit.clock->now();
    const SandboxResponse response =
        m_kit.post(u"/link/token/create"_s,
                   linkTokenBody(extra, updateMode ? QStringList{u"products"_s} : QStringList()));
    QCOMPARE(response.status, 200);
    const QString token = response.body[u"link_token"].toString();
    QCOMPARE(parseTime(response.body[u"expiration"]), created.addSecs(lifetimeSeconds));

    const SandboxResponse details = m_kit.post(u"/link/token/get"_s, {{u"link_token"_s, token}});
    QCOMPARE(details.status, 200);
    QCOMPARE(parseTime(details.body[u"created_at"]), created);
    QCOMPARE(parseTime(details.body[u"expiration"]), created.addSecs(lifetimeSeconds));

    // One second before the end a login is still checked; one second after, the token is dead.
    m_kit.clock->advance(std::chrono::seconds(lifetimeSeconds - 1));
    CHECK_ERROR(m_kit.complete(token, u"user_good"_s, u"pass_bad"_s), 400, u"ITEM_ERROR"_s,
                u"INVALID_CREDENTIALS"_s);
    m_kit.clock->advance(2s);
    CHECK_ERROR(m_kit.complete(token, u"user_good"_s, u"pass_good"_s), 400, u"INVALID_INPUT"_s,
                u"INVALID_LINK_TOKEN"_s, u"expired"_s);
}

void TestSandboxApi::publicTokenLifetime_data()
{
    QTest::addColumn<bool>("fromLink");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("sandbox token at 29 min") << false << 29 << true;
    QTest::newRow("sandbox token at 31 min") << false << 31 << false;
    QTest::newRow("Link token at 29 min") << true << 29 << true;
    QTest::newRow("Link token at 31 min") << true << 31 << false;
}

void TestSandboxApi::publicTokenLifetime()
{
    QFETCH(bool, fromLink);
    QFETCH(int, minutes);
    QFETCH(bool, valid);

    QString publicToken;
    if (fromLink) {
        const SandboxResponse done =
            m_kit.complete(m_kit.linkToken(), u"user_good"_s, u"pass_good"_s);
        publicToken = done.body[u"public_token"].toString();
    } else {
        publicToken = m_kit.publicToken();
    }
    QVERIFY(!publicToken.isEmpty());
    m_kit.clock->advance(std::chrono::minutes(minutes));
    const SandboxResponse response =
        m_kit.post(u"/item/public_token/exchange"_s, {{u"public_token"_s, publicToken}});
    if (valid) {
        QCOMPARE(response.status, 200);
        QVERIFY(response.body[u"access_token"].toString().startsWith(u"access-sandbox-"));
    } else {
        CHECK_ERROR(response, 400, u"INVALID_INPUT"_s, u"INVALID_PUBLIC_TOKEN"_s, u"expired"_s);
    }
}

void TestSandboxApi::publicTokenSingleUse()
{
    const QString publicToken = m_kit.publicToken();
    QVERIFY(!publicToken.isEmpty());
    const QJsonObject body{{u"public_token"_s, publicToken}};
    const SandboxResponse first = m_kit.post(u"/item/public_token/exchange"_s, body);
    QCOMPARE(first.status, 200);
    CHECK_ERROR(m_kit.post(u"/item/public_token/exchange"_s, body), 400, u"INVALID_INPUT"_s,
                u"INVALID_PUBLIC_TOKEN"_s, u"already been exchanged"_s);
    const QJsonObject byToken{{u"access_token"_s, first.body[u"access_token"].toString()}};
    QCOMPARE(m_kit.post(u"/item/get"_s, byToken).status, 200); // the first exchange stands
}

void TestSandboxApi::malformedTokens_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("code");

    const QString uuid = u"3f2c1a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"_s;
    const QString exchange = u"/item/public_token/exchange"_s;
    const QString pub = u"public_token"_s;
    const QString invalidPublic = u"INVALID_PUBLIC_TOKEN"_s;
    QTest::newRow("public: garbage") << exchange << pub << u"garbage"_s << invalidPublic;
    QTest::newRow("public: production")
        << exchange << pub << QString(u"public-production-"_s + uuid) << invalidPublic;
    QTest::newRow("public: access token")
        << exchange << pub << QString(u"access-sandbox-"_s + uuid) << invalidPublic;
    QTest::newRow("public: never issued")
        << exchange << pub << QString(u"public-sandbox-"_s + uuid) << invalidPublic;
    const QString acc = u"access_token"_s;
    const QString invalidAccess = u"INVALID_ACCESS_TOKEN"_s;
    QTest::newRow("access: garbage") << u"/item/get"_s << acc << u"garbage"_s << invalidAccess;
    QTest::newRow("access: development")
        << u"/accounts/get"_s << acc << QString(u"access-development-"_s + uuid) << invalidAccess;
    QTest::newRow("access: public token")
        << u"/item/remove"_s << acc << QString(u"public-sandbox-"_s + uuid) << invalidAccess;
    QTest::newRow("access: never issued") << u"/sandbox/item/reset_login"_s << acc
                                          << QString(u"access-sandbox-"_s + uuid) << invalidAccess;
    QTest::newRow("link: never issued")
        << u"/link/token/get"_s << u"link_token"_s << QString(u"link-sandbox-"_s + uuid)
        << u"INVALID_LINK_TOKEN"_s;
}

void TestSandboxApi::malformedTokens()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(QString, token);
    QFETCH(QString, code);
    QVERIFY(!m_kit.accessToken().isEmpty()); // the store is not empty
    CHECK_ERROR(m_kit.post(path, {{field, token}}), 400, u"INVALID_INPUT"_s, code);
}

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
