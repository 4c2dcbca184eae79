// SandboxApi called directly: Items (and their tokens) per client, accounts, institutions, the
// /sandbox endpoints, and the state file that lets Items outlive the process.
#include "SandboxApiTestKit.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

class TestSandboxApiItems : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void itemsBelongToTheirClient();
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

void TestSandboxApiItems::itemsBelongToTheirClient()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    for (const QString &path :
         {u"/item/get"_s, u"/accounts/get"_s, u"/sandbox/item/reset_login"_s, u"/item/remove"_s}) {
        CHECK_ERROR(m_kit.post(path, byToken, kClientB), 400, u"INVALID_INPUT"_s,
                    u"INVALID_ACCESS_TOKEN"_s);
    }
    CHECK_ERROR(m_kit.post(u"/link/token/create"_s,
                           linkTokenBody({{u"access_token"_s, access}}, {u"products"_s}), kClientB),
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

void TestSandboxApiItems::itemRemove()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QJsonObject byToken{{u"access_token"_s, access}};
    CHECK_ERROR(m_kit.post(u"/item/remove"_s,
                           {{u"access_token"_s, access}, {u"reason_code"_s, u"BORED"_s}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"reason_code"_s);
    const SandboxResponse removed = m_kit.post(u"/item/remove"_s, byToken);
    QCOMPARE(removed.status, 200);
    QVERIFY(removed.body.contains(u"request_id"));
    for (const QString &path : {u"/item/get"_s, u"/accounts/get"_s, u"/item/remove"_s}) {
        CHECK_ERROR(m_kit.post(path, byToken), 400, u"INVALID_INPUT"_s, u"INVALID_ACCESS_TOKEN"_s);
    }
}

void TestSandboxApiItems::availableProducts_data()
{
    QTest::addColumn<QString>("institution");
    QTest::addColumn<QStringList>("products");
    QTest::addColumn<QStringList>("available");
    QTest::newRow("all-product bank, transactions")
        << kBank << QStringList{u"transactions"_s}
        << QStringList{u"auth"_s, u"balance"_s, u"identity"_s, u"investments"_s,
                       u"liabilities"_s}; // the bank's assets too, but the sandbox has no reports
    QTest::newRow("small bank, auth and transactions")
        << kSmallBank << QStringList{u"auth"_s, u"transactions"_s}
        << QStringList{u"balance"_s, u"identity"_s};
}

void TestSandboxApiItems::availableProducts()
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

void TestSandboxApiItems::accountsGetFilter()
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

void TestSandboxApiItems::institutionsGetById_data()
{
    QTest::addColumn<QString>("institution");
    QTest::addColumn<QStringList>("countries");
    QTest::addColumn<bool>("optionalMetadata");
    QTest::addColumn<QString>("code"); // empty: found
    const QStringList us{u"US"_s};
    QTest::newRow("with metadata") << kBank << us << true << QString();
    QTest::newRow("without metadata") << kBank << us << false << QString();
    QTest::newRow("one of two countries")
        << kBank << QStringList{u"GB"_s, u"US"_s} << true << QString();
    QTest::newRow("European bank") << u"ins_117650"_s << QStringList{u"FR"_s} << true << QString();
    QTest::newRow("wrong country")
        << kBank << QStringList{u"GB"_s} << false << u"INVALID_INSTITUTION"_s;
    QTest::newRow("unknown institution") << u"ins_1"_s << us << false << u"INVALID_INSTITUTION"_s;
    QTest::newRow("unknown country")
        << kBank << QStringList{u"XX"_s} << false << u"INVALID_FIELD"_s;
}

void TestSandboxApiItems::institutionsGetById()
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

void TestSandboxApiItems::sandboxPublicTokenCreate_data()
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
        << body(kSmallBank, {u"transactions"_s, u"investments"_s}) << input << u"INVALID_PRODUCT"_s
        << u"investments"_s;
    QTest::newRow("unknown institution")
        << body(u"ins_0"_s, {u"auth"_s}) << input << u"INVALID_INSTITUTION"_s << QString();
    QTest::newRow("unknown product")
        << body(kBank, {u"telepathy"_s}) << request << u"INVALID_FIELD"_s << u"telepathy"_s;
    QTest::newRow("no products") << body(kBank, {}) << request << u"INVALID_FIELD"_s
                                 << u"initial_products"_s;
    QTest::newRow("bad webhook") << body(kBank, {u"auth"_s}, {{u"webhook"_s, u"ftp://x"_s}})
                                 << request << u"INVALID_FIELD"_s << u"webhook"_s;
    QTest::newRow("override: wrong password")
        << body(kBank, {u"auth"_s}, {{u"override_password"_s, u"pass_bad"_s}}) << u"ITEM_ERROR"_s
        << u"INVALID_CREDENTIALS"_s << QString();
}

void TestSandboxApiItems::sandboxPublicTokenCreate()
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

void TestSandboxApiItems::statePersistence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"state/sandbox.json"_s);
    QString error;
    QVERIFY2(m_kit.api->attachStateFile(path, &error), qPrintable(error)); // missing: empty state

    QStringList issued;
    const QString access = m_kit.accessToken();
    const QString broken = m_kit.accessToken(kSmallBank, {u"auth"_s});
    QCOMPARE(m_kit.post(u"/sandbox/item/reset_login"_s, {{u"access_token"_s, broken}}).status, 200);
    const QString pendingPublic = m_kit.publicToken();
    const QString freshLink = m_kit.linkToken();
    const QString updateLink = m_kit.linkToken({{u"access_token"_s, broken}}, {u"products"_s});
    const QString usedLink = m_kit.linkToken();
    const QString linkPublic =
        m_kit.field(m_kit.complete(usedLink, u"user_good"_s, u"pass_good"_s), u"public_token");
    issued << access << broken << pendingPublic << freshLink << updateLink << usedLink
           << linkPublic;
    for (const QString &token : std::as_const(issued))
        QVERIFY(!token.isEmpty());
    const SandboxResponse before = m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(before.status, 200);

    QTRY_VERIFY(QFile::exists(path)); // saved from the event loop, without a flush
    m_kit.api->flushState();
    m_kit.api.reset();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    for (const char *prefix : {"access-sandbox-", "public-sandbox-", "link-sandbox-"})
        QVERIFY2(!content.contains(prefix), prefix);
    for (const QString &token : std::as_const(issued)) {
        const QByteArray uuid = token.section(u'-', 2).toUtf8(); // the secret part
        QVERIFY2(!content.contains(uuid), uuid.constData());
    }
    QVERIFY(!(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));

    m_kit.api = std::make_unique<SandboxApi>(m_kit.clock.get(), SandboxCredentials{});
    QVERIFY2(m_kit.api->attachStateFile(path, &error), qPrintable(error));
    const SandboxResponse after = m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(after.status, 200);
    QCOMPARE(after.body[u"item"][u"item_id"], before.body[u"item"][u"item_id"]);
    QCOMPARE(after.body[u"accounts"], before.body[u"accounts"]);
    QCOMPARE(m_kit.post(u"/item/get"_s, {{u"access_token"_s, access}}, kClientB).status, 400);

    const SandboxResponse brokenItem = m_kit.post(u"/item/get"_s, {{u"access_token"_s, broken}});
    QCOMPARE(brokenItem.body[u"item"][u"error"][u"error_code"].toString(),
             u"ITEM_LOGIN_REQUIRED"_s);
    CHECK_ERROR(m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, broken}}), 400, u"ITEM_ERROR"_s,
                u"ITEM_LOGIN_REQUIRED"_s);

    QVERIFY(!m_kit.exchange(pendingPublic).isEmpty());
    QVERIFY(!m_kit.exchange(linkPublic).isEmpty());
    const SandboxResponse details =
        m_kit.post(u"/link/token/get"_s, {{u"link_token"_s, freshLink}});
    QCOMPARE(details.body[u"metadata"][u"client_name"].toString(), u"Weft"_s);
    QCOMPARE(m_kit.complete(freshLink, u"user_good"_s, u"pass_good"_s).status, 200);
    CHECK_ERROR(m_kit.complete(usedLink, u"user_good"_s, u"pass_good"_s), 400, u"INVALID_INPUT"_s,
                u"INVALID_LINK_TOKEN"_s);
    QCOMPARE(m_kit.complete(updateLink, u"user_good"_s, u"pass_good"_s).status, 200);
    QCOMPARE(m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, broken}}).status, 200);
}

void TestSandboxApiItems::corruptStateFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");

    const QByteArray head = R"({"format":"weft-sandbox-state","version":1,)";
    QTest::newRow("garbage bytes")
        << QByteArray("\x00\xff\x13garbage\n", 11) << u"not valid JSON"_s;
    QTest::newRow("empty file") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("cut short") << QByteArray(head + R"("link_tokens":[)") << u"not valid JSON"_s;
    QTest::newRow("JSON array") << QByteArray("[]") << QString();
    QTest::newRow("another format")
        << QByteArray(R"({"format":"other","version":1})") << u"not a Weft sandbox state file"_s;
    QTest::newRow("future version")
        << QByteArray(R"({"format":"weft-sandbox-state","version":2,"link_tokens":[],)"
                      R"("public_tokens":[],"items":[]})")
        << u"version 1"_s;
    QTest::newRow("items not an array")
        << QByteArray(head + R"("link_tokens":[],"public_tokens":[],"items":"none"})")
        << u"items"_s;
    QTest::newRow("item without item_id")
        << QByteArray(head + R"("link_tokens":[],"public_tokens":[],"items":[{"client_id":"a",)"
                             R"("access_token_sha256":"ab","item":{},"accounts":[]}]})")
        << u"item_id"_s;
    QTest::newRow("link token with a bad date")
        << QByteArray(head +
                      R"("public_tokens":[],"items":[],"link_tokens":[{"sha256":"ab",)"
                      R"("client_id":"a","created_at":"yesterday",)"
                      R"("expiration":"2026-01-15T13:00:00Z","metadata":{},"completed":false}]})")
        << u"created_at"_s;
}

void TestSandboxApiItems::corruptStateFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sandbox.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    const QString access = m_kit.accessToken(); // state in memory before the attempt
    QVERIFY(!access.isEmpty());
    QString error;
    QVERIFY(!m_kit.api->attachStateFile(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));

    // The in-memory state is kept and goes nowhere: the file is never overwritten.
    QCOMPARE(m_kit.post(u"/item/get"_s, {{u"access_token"_s, access}}).status, 200);
    QVERIFY(!m_kit.accessToken().isEmpty());
    QCoreApplication::processEvents();
    m_kit.api.reset();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

QTEST_GUILESS_MAIN(TestSandboxApiItems)
#include "tst_sandboxapi_items.moc"
