// SandboxApi called directly (no HTTP): credentials, request validation, token formats and
// lifetimes, Items, accounts, institutions and the state file. The Link session emulation and
// update mode are in tst_sandboxapi_link.cpp.
#include "SandboxApiTestKit.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestSandboxApi : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_kit.reset(); }

    void credentials_data();
    void credentials();
    void tokensBelongToTheirClient();
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
    void itemRemove();
    void availableProducts_data();
    void availableProducts();
    void accountsGetFilter();
    void institutionsGetById_data();
    void institutionsGetById();
    void sandboxPublicTokenCreate_data();
    void sandboxPublicTokenCreate();
    void statePersistence();
    void corruptStateFile_data();
    void corruptStateFile();

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
    QTest::newRow("pinned, headers") << true << kClientA << kSecret << QJsonObject() << none << none;
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

void TestSandboxApi::tokensBelongToTheirClient()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    for (const QString &path : {u"/item/get"_s, u"/accounts/get"_s,
                                u"/sandbox/item/reset_login"_s, u"/item/remove"_s}) {
        CHECK_ERROR(m_kit.post(path, byToken, kClientB), 400, u"INVALID_INPUT"_s,
                    u"INVALID_ACCESS_TOKEN"_s);
    }
    CHECK_ERROR(m_kit.post(u"/link/token/create"_s,
                           linkTokenBody({{u"access_token"_s, access}, {u"products"_s, {}}}),
                           kClientB),
                400, u"INVALID_INPUT"_s, u"INVALID_ACCESS_TOKEN"_s);
    QCOMPARE(m_kit.post(u"/item/get"_s, byToken).status, 200); // client A's Item is intact

    const QString publicToken = m_kit.publicToken();
    QVERIFY(!publicToken.isEmpty());
    const QJsonObject exchange{{u"public_token"_s, publicToken}};
    CHECK_ERROR(m_kit.post(u"/item/public_token/exchange"_s, exchange, kClientB), 400,
                u"INVALID_INPUT"_s, u"INVALID_PUBLIC_TOKEN"_s);
    QCOMPARE(m_kit.post(u"/item/public_token/exchange"_s, exchange).status, 200);

    const QString link = m_kit.linkToken();
    QVERIFY(!link.isEmpty());
    CHECK_ERROR(m_kit.post(u"/link/token/get"_s, {{u"link_token"_s, link}}, kClientB), 400,
                u"INVALID_INPUT"_s, u"INVALID_LINK_TOKEN"_s);
    QCOMPARE(m_kit.post(u"/link/token/get"_s, {{u"link_token"_s, link}}).status, 200);
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
    QTest::newRow("truncated JSON") << institutions << valid.left(valid.size() / 2) << 400
                                    << u"INVALID_BODY"_s << QString();
    QTest::newRow("unknown field")
        << institutions << QByteArray(R"({"institution_id":"x","country_codes":["US"],"colour":1})")
        << 400 << u"UNKNOWN_FIELDS"_s << u"not recognized by this endpoint: colour"_s;
    QTest::newRow("field of another endpoint")
        << u"/item/get"_s << QByteArray(R"({"access_token":"a","public_token":"p"})") << 400
        << u"UNKNOWN_FIELDS"_s << u"public_token"_s;
    QTest::newRow("unknown path") << u"/item/frobnicate"_s << valid << 404 << u"NOT_FOUND"_s
                                  << u"/item/frobnicate"_s;
    QTest::newRow("trailing slash") << u"/item/get/"_s << valid << 404 << u"NOT_FOUND"_s
                                    << QString();
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
        << u"/link/token/create"_s << linkTokenBody({{u"products"_s, {}}}) << u"products"_s;
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
    const QStringList expected{
        u"/accounts/get"_s,           u"/institutions/get_by_id"_s,     u"/item/get"_s,
        u"/item/public_token/exchange"_s, u"/item/remove"_s,           u"/link/token/create"_s,
        u"/link/token/get"_s,         u"/sandbox/item/reset_login"_s, u"/sandbox/public_token/create"_s};
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
    QCOMPARE(handled.at(3), (QVariantList{u"/nowhere"_s, 404}));
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
        extra = {{u"access_token"_s, access}, {u"products"_s, {}}};
    }
    m_kit.clock->advance(90s); // created later than the Item
    const QDateTime created = m_kit.clock->now();
    const SandboxResponse response = m_kit.post(u"/link/token/create"_s, linkTokenBody(extra));
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
    QTest::newRow("public: production") << exchange << pub << u"public-production-"_s + uuid
                                        << invalidPublic;
    QTest::newRow("public: access token") << exchange << pub << u"access-sandbox-"_s + uuid
                                          << invalidPublic;
    QTest::newRow("public: never issued") << exchange << pub << u"public-sandbox-"_s + uuid
                                          << invalidPublic;
    const QString acc = u"access_token"_s;
    const QString invalidAccess = u"INVALID_ACCESS_TOKEN"_s;
    QTest::newRow("access: garbage") << u"/item/get"_s << acc << u"garbage"_s << invalidAccess;
    QTest::newRow("access: development") << u"/accounts/get"_s << acc
                                         << u"access-development-"_s + uuid << invalidAccess;
    QTest::newRow("access: public token") << u"/item/remove"_s << acc
                                          << u"public-sandbox-"_s + uuid << invalidAccess;
    QTest::newRow("access: never issued") << u"/sandbox/item/reset_login"_s << acc
                                          << u"access-sandbox-"_s + uuid << invalidAccess;
    QTest::newRow("link: never issued") << u"/link/token/get"_s << u"link_token"_s
                                        << u"link-sandbox-"_s + uuid << u"INVALID_LINK_TOKEN"_s;
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

void TestSandboxApi::itemRemove()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    CHECK_ERROR(m_kit.post(u"/item/remove"_s, {{u"access_token"_s, access},
                                               {u"reason_code"_s, u"BORED"_s}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"reason_code"_s);
    const SandboxResponse removed = m_kit.post(u"/item/remove"_s, byToken);
    QCOMPARE(removed.status, 200);
    QVERIFY(removed.body.contains(u"request_id"));
    for (const QString &path : {u"/item/get"_s, u"/accounts/get"_s, u"/item/remove"_s}) {
        CHECK_ERROR(m_kit.post(path, byToken), 400, u"INVALID_INPUT"_s,
                    u"INVALID_ACCESS_TOKEN"_s);
    }
}

void TestSandboxApi::availableProducts_data()
{
    QTest::addColumn<QString>("institution");
    QTest::addColumn<QStringList>("products");
    QTest::addColumn<QStringList>("available");
    QTest::newRow("all-product bank, transactions")
        << kBank << QStringList{u"transactions"_s}
        << QStringList{u"assets"_s, u"auth"_s,        u"balance"_s,
                       u"identity"_s, u"investments"_s, u"liabilities"_s};
    QTest::newRow("small bank, auth and transactions")
        << kSmallBank << QStringList{u"auth"_s, u"transactions"_s}
        << QStringList{u"balance"_s, u"identity"_s};
}

void TestSandboxApi::availableProducts()
{
    QFETCH(QString, institution);
    QFETCH(QStringList, products);
    QFETCH(QStringList, available);

    const QString access = m_kit.accessToken(institution, products);
    QVERIFY(!access.isEmpty());
    const SandboxResponse response = m_kit.post(u"/item/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(response.status, 200);
    const QJsonObject item = response.body[u"item"].toObject();
    QCOMPARE(item[u"institution_id"].toString(), institution);
    QCOMPARE(sorted(item[u"billed_products"]), sorted(products));
    QCOMPARE(sorted(item[u"available_products"]), sorted(available));
    QVERIFY(item[u"error"].isNull());
}

void TestSandboxApi::accountsGetFilter()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const SandboxResponse all = m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(all.status, 200);
    const QStringList ids = valuesOf(all.body[u"accounts"], u"account_id");
    QCOMPARE(ids.size(), 9); // First Platypus Bank has investments and liabilities too
    QCOMPARE(all.body[u"item"][u"institution_id"].toString(), kBank);

    const QStringList wanted{ids.at(3), ids.at(1)};
    auto withIds = [&](const QStringList &list) {
        return QJsonObject{
            {u"access_token"_s, access},
            {u"options"_s, QJsonObject{{u"account_ids"_s, QJsonArray::fromStringList(list)}}}};
    };
    const SandboxResponse some = m_kit.post(u"/accounts/get"_s, withIds(wanted));
    QCOMPARE(some.status, 200);
    QCOMPARE(sorted(valuesOf(some.body[u"accounts"], u"account_id")), sorted(wanted));
    CHECK_ERROR(m_kit.post(u"/accounts/get"_s, withIds({u"nope"_s})), 400, u"INVALID_INPUT"_s,
                u"INVALID_ACCOUNT_ID"_s);
    CHECK_ERROR(m_kit.post(u"/accounts/get"_s, withIds({ids.at(0), u"nope"_s})), 400,
                u"INVALID_INPUT"_s, u"INVALID_ACCOUNT_ID"_s);
}

void TestSandboxApi::institutionsGetById_data()
{
    QTest::addColumn<QString>("institution");
    QTest::addColumn<QStringList>("countries");
    QTest::addColumn<bool>("optionalMetadata");
    QTest::addColumn<QString>("code"); // empty: found
    const QStringList us{u"US"_s};
    QTest::newRow("with metadata") << kBank << us << true << QString();
    QTest::newRow("without metadata") << kBank << us << false << QString();
    QTest::newRow("one of two countries") << kBank << QStringList{u"GB"_s, u"US"_s} << true
                                          << QString();
    QTest::newRow("European bank") << u"ins_117650"_s << QStringList{u"FR"_s} << true
                                   << QString();
    QTest::newRow("wrong country") << kBank << QStringList{u"GB"_s} << false
                                   << u"INVALID_INSTITUTION"_s;
    QTest::newRow("unknown institution") << u"ins_1"_s << us << false << u"INVALID_INSTITUTION"_s;
    QTest::newRow("unknown country") << kBank << QStringList{u"XX"_s} << false
                                     << u"INVALID_FIELD"_s;
}

void TestSandboxApi::institutionsGetById()
{
    QFETCH(QString, institution);
    QFETCH(QStringList, countries);
    QFETCH(bool, optionalMetadata);
    QFETCH(QString, code);

    QJsonObject body{{u"institution_id"_s, institution},
                     {u"country_codes"_s, QJsonArray::fromStringList(countries)}};
    if (optionalMetadata)
        body.insert(u"options"_s, QJsonObject{{u"include_optional_metadata"_s, true}});
    const SandboxResponse response = m_kit.post(u"/institutions/get_by_id"_s, body);
    if (!code.isEmpty()) {
        const QString type = code == u"INVALID_FIELD" ? u"INVALID_REQUEST"_s : u"INVALID_INPUT"_s;
        CHECK_ERROR(response, 400, type, code);
        return;
    }
    QCOMPARE(response.status, 200);
    const QJsonObject found = response.body[u"institution"].toObject();
    QCOMPARE(found[u"institution_id"].toString(), institution);
    QVERIFY(!found[u"name"].toString().isEmpty());
    for (const char16_t *key : {u"logo", u"primary_color", u"url"})
        QVERIFY2(found.contains(QStringView(key)), qPrintable(QStringView(key).toString()));
    if (!optionalMetadata) {
        QVERIFY(found[u"logo"].isNull());
        QVERIFY(found[u"primary_color"].isNull());
        QVERIFY(found[u"url"].isNull());
        return;
    }
    const QByteArray png = QByteArray::fromBase64(found[u"logo"].toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(png.size() > 8);
    QCOMPARE(png.left(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
    QVERIFY(QRegularExpression(u"^#[0-9a-fA-F]{6}$"_s)
                .match(found[u"primary_color"].toString())
                .hasMatch());
    QVERIFY(found[u"url"].toString().startsWith(u"https://"));
}

void TestSandboxApi::sandboxPublicTokenCreate_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code"); // empty: a public token
    QTest::addColumn<QString>("message");
    auto body = [](const QString &institution, const QStringList &products,
                   const QJsonObject &options = {}) {
        QJsonObject object{{u"institution_id"_s, institution},
                           {u"initial_products"_s, QJsonArray::fromStringList(products)}};
        if (!options.isEmpty())
            object.insert(u"options"_s, options);
        return object;
    };
    const QString input = u"INVALID_INPUT"_s;
    const QString request = u"INVALID_REQUEST"_s;
    QTest::newRow("ok") << body(kBank, {u"auth"_s, u"transactions"_s}) << QString() << QString()
                        << QString();
    QTest::newRow("product the institution lacks")
        << body(kSmallBank, {u"transactions"_s, u"investments"_s}) << input
        << u"INVALID_PRODUCT"_s << u"investments"_s;
    QTest::newRow("unknown institution") << body(u"ins_0"_s, {u"auth"_s}) << input
                                         << u"INVALID_INSTITUTION"_s << QString();
    QTest::newRow("unknown product") << body(kBank, {u"telepathy"_s}) << request
                                     << u"INVALID_FIELD"_s << u"telepathy"_s;
    QTest::newRow("no products") << body(kBank, {}) << request << u"INVALID_FIELD"_s
                                 << u"initial_products"_s;
    QTest::newRow("bad webhook") << body(kBank, {u"auth"_s}, {{u"webhook"_s, u"ftp://x"_s}})
                                 << request << u"INVALID_FIELD"_s << u"webhook"_s;
    QTest::newRow("override: wrong password")
        << body(kBank, {u"auth"_s}, {{u"override_password"_s, u"pass_bad"_s}}) << u"ITEM_ERROR"_s
        << u"INVALID_CREDENTIALS"_s << QString();
}

void TestSandboxApi::sandboxPublicTokenCreate()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const SandboxResponse response = m_kit.post(u"/sandbox/public_token/create"_s, body);
    if (!code.isEmpty()) {
        CHECK_ERROR(response, 400, type, code, message);
        QVERIFY(m_kit.api->store().items.isEmpty()); // a refused call creates no Item
        return;
    }
    QCOMPARE(response.status, 200);
    const QString publicToken = response.body[u"public_token"].toString();
    const SandboxResponse exchange =
        m_kit.post(u"/item/public_token/exchange"_s, {{u"public_token"_s, publicToken}});
    QCOMPARE(exchange.status, 200);
}

#include "tst_sandboxapi_state.inc"

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
