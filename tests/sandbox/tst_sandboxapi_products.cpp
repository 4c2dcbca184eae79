// The sandbox's product endpoints and institution directory, with Plaid's Sandbox data:
// /accounts/balance/get, /auth/get, /identity/get, /investments/holdings/get, /liabilities/get,
// /institutions/search and /institutions/get; which products an Item lists as available, and
// Plaid's refusal of a product the sandbox does not emulate.
#include "SandboxApiTestKit.h"

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kEuBank = u"ins_117650"_s; // GB and EU, OAuth

QJsonObject byToken(const QString &access, const QStringList &accountIds = {})
{
    QJsonObject body{{u"access_token"_s, access}};
    if (!accountIds.isEmpty())
        body.insert(u"options"_s,
                    QJsonObject{{u"account_ids"_s, QJsonArray::fromStringList(accountIds)}});
    return body;
}

// The account_id of the Item's account with mask.
QString accountWithMask(const SandboxResponse &accounts, const QString &mask)
{
    for (const QJsonValue entry : accounts.body[u"accounts"].toArray()) {
        if (entry[u"mask"].toString() == mask)
            return entry[u"account_id"].toString();
    }
    return {};
}

} // namespace

class TestSandboxApiProducts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void productsNotEmulatedAreRefused_data();
    void productsNotEmulatedAreRefused();
    void balances();
    void authNumbers();
    void authAtAEuropeanBank();
    void identity();
    void holdings();
    void liabilities();
    void productsTheBankLacks();
    void brokenItemAnswersWithItsError();
    void institutionsSearch_data();
    void institutionsSearch();
    void institutionsGetPages();
    void institutionsRefusals_data();
    void institutionsRefusals();

private:
    ApiKit m_kit;
};

void TestSandboxApiProducts::productsNotEmulatedAreRefused_data()
{
    QTest::addColumn<QStringList>("products");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("assets (Plaid's, not emulated)")
        << QStringList{u"transactions"_s, u"assets"_s} << u"INVALID_INPUT"_s << u"INVALID_PRODUCT"_s
        << u"client is not authorized to access the following products: [\"assets\"]"_s;
    QTest::newRow("not a Plaid product")
        << QStringList{u"nope"_s} << u"INVALID_REQUEST"_s << u"INVALID_FIELD"_s << u"nope"_s;
}

void TestSandboxApiProducts::productsNotEmulatedAreRefused()
{
    QFETCH(QStringList, products);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    CHECK_ERROR(m_kit.post(u"/link/token/create"_s,
                           linkTokenBody({{u"products"_s, QJsonArray::fromStringList(products)}})),
                400, type, code, messagePart);
    CHECK_ERROR(m_kit.post(u"/sandbox/public_token/create"_s,
                           {{u"institution_id"_s, kBank},
                            {u"initial_products"_s, QJsonArray::fromStringList(products)}}),
                400, type, code, messagePart);
}

void TestSandboxApiProducts::balances()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const SandboxResponse all = m_kit.post(u"/accounts/balance/get"_s, byToken(access));
    QCOMPARE(all.status, 200);
    QCOMPARE(all.body[u"accounts"].toArray().size(), 9);
    const QJsonObject checking = all.body[u"accounts"][0].toObject();
    QCOMPARE(checking[u"balances"][u"current"].toDouble(), 110.0);
    QCOMPARE(checking[u"balances"][u"last_updated_datetime"].toString(),
             m_kit.clock->now().toUTC().toString(Qt::ISODate));
    const QString savings = accountWithMask(all, u"1111"_s);
    const SandboxResponse one = m_kit.post(u"/accounts/balance/get"_s, byToken(access, {savings}));
    QCOMPARE(valuesOf(one.body[u"accounts"], u"account_id"), QStringList{savings});
    CHECK_ERROR(m_kit.post(u"/accounts/balance/get"_s, byToken(access, {u"nope"_s})), 400,
                u"INVALID_INPUT"_s, u"INVALID_ACCOUNT_ID"_s);
    QJsonObject badTime = byToken(access);
    badTime.insert(u"options"_s, QJsonObject{{u"min_last_updated_datetime"_s, u"yesterday"_s}});
    CHECK_ERROR(m_kit.post(u"/accounts/balance/get"_s, badTime), 400, u"INVALID_REQUEST"_s,
                u"INVALID_FIELD"_s);
}

void TestSandboxApiProducts::authNumbers()
{
    const QString access = m_kit.accessToken(); // linked for transactions only
    QVERIFY(!access.isEmpty());
    const SandboxResponse auth = m_kit.post(u"/auth/get"_s, byToken(access));
    QCOMPARE(auth.status, 200);
    const QJsonArray ach = auth.body[u"numbers"][u"ach"].toArray();
    QCOMPARE(ach.size(), 2); // checking and savings
    const QJsonObject checking = ach.at(0).toObject();
    QCOMPARE(checking[u"account_id"].toString(),
             accountWithMask(m_kit.post(u"/accounts/get"_s, byToken(access)), u"0000"_s));
    QCOMPARE(checking[u"account"].toString(), u"1111222233330000"_s);
    QCOMPARE(checking[u"routing"].toString(), u"011401533"_s);
    for (const char *key : {"eft", "international", "bacs"})
        QVERIFY(auth.body[u"numbers"][QLatin1StringView(key)].toArray().isEmpty());
    // Auth is added to the Item on first use, as Plaid does: billed, no longer available.
    const QJsonObject item = m_kit.post(u"/item/get"_s, byToken(access)).body[u"item"].toObject();
    QVERIFY(item[u"billed_products"].toArray().contains(u"auth"_s));
    QVERIFY(!item[u"available_products"].toArray().contains(u"auth"_s));
}

void TestSandboxApiProducts::authAtAEuropeanBank()
{
    const QString access = m_kit.accessToken(kEuBank, {u"auth"_s});
    QVERIFY(!access.isEmpty());
    const SandboxResponse auth = m_kit.post(u"/auth/get"_s, byToken(access));
    QCOMPARE(auth.status, 200);
    QVERIFY(auth.body[u"numbers"][u"ach"].toArray().isEmpty());
    const QJsonArray bacs = auth.body[u"numbers"][u"bacs"].toArray();
    const QJsonArray international = auth.body[u"numbers"][u"international"].toArray();
    QVERIFY(!bacs.isEmpty() && bacs.size() == international.size());
    QCOMPARE(bacs.at(0)[u"sort_code"].toString().size(), 6);
    QVERIFY(international.at(0)[u"iban"].toString().startsWith(u"GB"));
}

void TestSandboxApiProducts::identity()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const SandboxResponse identity = m_kit.post(u"/identity/get"_s, byToken(access));
    QCOMPARE(identity.status, 200);
    const QJsonArray accounts = identity.body[u"accounts"].toArray();
    QCOMPARE(accounts.size(), 9);
    for (const QJsonValue account : accounts) {
        const QJsonObject owner = account[u"owners"][0].toObject();
        QCOMPARE(owner[u"names"][0].toString(), u"Alberta Bobbeth Charleson"_s);
        QVERIFY(!owner[u"emails"].toArray().isEmpty());
        QVERIFY(!owner[u"phone_numbers"].toArray().isEmpty());
        QCOMPARE(owner[u"addresses"][0][u"data"][u"city"].toString(), u"Malakoff"_s);
    }
}

void TestSandboxApiProducts::holdings()
{
    const QString access = m_kit.accessToken(kBank, {u"investments"_s});
    QVERIFY(!access.isEmpty());
    const SandboxResponse answer = m_kit.post(u"/investments/holdings/get"_s, byToken(access));
    QCOMPARE(answer.status, 200);
    const SandboxResponse accounts = m_kit.post(u"/accounts/get"_s, byToken(access));
    const QStringList investmentAccounts{accountWithMask(accounts, u"5555"_s),
                                         accountWithMask(accounts, u"6666"_s)};
    const QJsonArray holdings = answer.body[u"holdings"].toArray();
    QVERIFY(holdings.size() >= 2);
    QStringList securities = valuesOf(answer.body[u"securities"], u"security_id");
    for (const QJsonValue holding : holdings) {
        QVERIFY(investmentAccounts.contains(holding[u"account_id"].toString()));
        QVERIFY(securities.contains(holding[u"security_id"].toString())); // described
    }
    // Only the IRA: only its holdings, and only their securities.
    const SandboxResponse ira =
        m_kit.post(u"/investments/holdings/get"_s, byToken(access, {investmentAccounts.first()}));
    for (const QJsonValue holding : ira.body[u"holdings"].toArray())
        QCOMPARE(holding[u"account_id"].toString(), investmentAccounts.first());
    QVERIFY(ira.body[u"securities"].toArray().size() < answer.body[u"securities"].toArray().size());
    // No investment account among those asked for.
    CHECK_ERROR(m_kit.post(u"/investments/holdings/get"_s,
                           byToken(access, {accountWithMask(accounts, u"0000"_s)})),
                400, u"ITEM_ERROR"_s, u"NO_INVESTMENT_ACCOUNTS"_s);
}

void TestSandboxApiProducts::liabilities()
{
    const QString access = m_kit.accessToken(kBank, {u"liabilities"_s});
    QVERIFY(!access.isEmpty());
    const SandboxResponse answer = m_kit.post(u"/liabilities/get"_s, byToken(access));
    QCOMPARE(answer.status, 200);
    const SandboxResponse accounts = m_kit.post(u"/accounts/get"_s, byToken(access));
    const QJsonObject liabilities = answer.body[u"liabilities"].toObject();
    QCOMPARE(liabilities[u"credit"][0][u"account_id"].toString(),
             accountWithMask(accounts, u"3333"_s));
    QCOMPARE(liabilities[u"student"][0][u"account_id"].toString(),
             accountWithMask(accounts, u"7777"_s));
    QCOMPARE(liabilities[u"mortgage"][0][u"account_id"].toString(),
             accountWithMask(accounts, u"8888"_s));
    QVERIFY(!liabilities[u"credit"][0][u"aprs"].toArray().isEmpty());
    CHECK_ERROR(
        m_kit.post(u"/liabilities/get"_s, byToken(access, {accountWithMask(accounts, u"0000"_s)})),
        400, u"ITEM_ERROR"_s, u"NO_LIABILITY_ACCOUNTS"_s);
}

void TestSandboxApiProducts::productsTheBankLacks()
{
    const QString access = m_kit.accessToken(kSmallBank, {u"transactions"_s});
    QVERIFY(!access.isEmpty());
    CHECK_ERROR(m_kit.post(u"/investments/holdings/get"_s, byToken(access)), 400, u"ITEM_ERROR"_s,
                u"PRODUCTS_NOT_SUPPORTED"_s);
    CHECK_ERROR(m_kit.post(u"/liabilities/get"_s, byToken(access)), 400, u"ITEM_ERROR"_s,
                u"PRODUCTS_NOT_SUPPORTED"_s);
    const QJsonObject item = m_kit.post(u"/item/get"_s, byToken(access)).body[u"item"].toObject();
    QCOMPARE(sorted(item[u"billed_products"]), QStringList{u"transactions"_s}); // unchanged
}

void TestSandboxApiProducts::brokenItemAnswersWithItsError()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    QCOMPARE(m_kit.post(u"/sandbox/item/reset_login"_s, byToken(access)).status, 200);
    for (const QString &path : {u"/accounts/balance/get"_s, u"/auth/get"_s, u"/identity/get"_s,
                                u"/investments/holdings/get"_s, u"/liabilities/get"_s}) {
        CHECK_ERROR(m_kit.post(path, byToken(access)), 400, u"ITEM_ERROR"_s,
                    u"ITEM_LOGIN_REQUIRED"_s);
    }
}

void TestSandboxApiProducts::institutionsSearch_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("found");
    const QJsonArray us{u"US"_s};
    QTest::newRow("a word, any case")
        << QJsonObject{{u"query"_s, u"platypus"_s}, {u"country_codes"_s, us}}
        << QStringList{u"ins_109508"_s, u"ins_127287"_s};
    QTest::newRow("two words") << QJsonObject{{u"query"_s, u"first credit"_s},
                                              {u"country_codes"_s, us}}
                               << QStringList{u"ins_109509"_s};
    QTest::newRow("products") << QJsonObject{{u"query"_s, u"t"_s},
                                             {u"country_codes"_s, us},
                                             {u"products"_s, QJsonArray{u"investments"_s}}}
                              << QStringList{u"ins_109508"_s, u"ins_109509"_s, u"ins_109511"_s,
                                             u"ins_109512"_s, u"ins_127287"_s};
    QTest::newRow("oauth only") << QJsonObject{{u"query"_s, u"platypus"_s},
                                               {u"country_codes"_s, QJsonArray{u"US"_s, u"GB"_s}},
                                               {u"options"_s, QJsonObject{{u"oauth"_s, true}}}}
                                << QStringList{u"ins_127287"_s, u"ins_117650"_s};
    QTest::newRow("another country")
        << QJsonObject{{u"query"_s, u"platypus"_s}, {u"country_codes"_s, QJsonArray{u"FR"_s}}}
        << QStringList{u"ins_117650"_s};
    QTest::newRow("nothing") << QJsonObject{{u"query"_s, u"zebra"_s}, {u"country_codes"_s, us}}
                             << QStringList{};
}

void TestSandboxApiProducts::institutionsSearch()
{
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, found);
    const SandboxResponse answer = m_kit.post(u"/institutions/search"_s, body);
    QCOMPARE(answer.status, 200);
    QCOMPARE(sorted(valuesOf(answer.body[u"institutions"], u"institution_id")), sorted(found));
    for (const QJsonValue institution : answer.body[u"institutions"].toArray())
        QVERIFY(institution[u"logo"].isNull()); // optional metadata only when asked for
    body.insert(u"options"_s, QJsonObject{{u"include_optional_metadata"_s, true},
                                          {u"oauth"_s, body[u"options"][u"oauth"]}});
    for (const QJsonValue institution :
         m_kit.post(u"/institutions/search"_s, body).body[u"institutions"].toArray())
        QVERIFY(!institution[u"logo"].toString().isEmpty());
}

void TestSandboxApiProducts::institutionsGetPages()
{
    const QJsonArray us{u"US"_s};
    const SandboxResponse all = m_kit.post(
        u"/institutions/get"_s, {{u"count"_s, 500}, {u"offset"_s, 0}, {u"country_codes"_s, us}});
    QCOMPARE(all.status, 200);
    QCOMPARE(all.body[u"total"].toInt(), 6);
    QCOMPARE(all.body[u"institutions"].toArray().size(), 6);
    QStringList paged;
    for (int offset = 0; offset < 6; offset += 4) {
        const SandboxResponse page =
            m_kit.post(u"/institutions/get"_s,
                       {{u"count"_s, 4}, {u"offset"_s, offset}, {u"country_codes"_s, us}});
        QCOMPARE(page.body[u"total"].toInt(), 6);
        paged += valuesOf(page.body[u"institutions"], u"institution_id");
    }
    QCOMPARE(paged, valuesOf(all.body[u"institutions"], u"institution_id"));
    const SandboxResponse routed = m_kit.post(
        u"/institutions/get"_s,
        {{u"count"_s, 10},
         {u"offset"_s, 0},
         {u"country_codes"_s, us},
         {u"options"_s, QJsonObject{{u"routing_numbers"_s, QJsonArray{u"021200339"_s}}}}});
    QCOMPARE(valuesOf(routed.body[u"institutions"], u"institution_id"),
             QStringList{u"ins_109509"_s});
    QCOMPARE(routed.body[u"total"].toInt(), 1);
}

void TestSandboxApiProducts::institutionsRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("messagePart");
    const QJsonArray us{u"US"_s};
    QTest::newRow("search, empty query")
        << u"/institutions/search"_s << QJsonObject{{u"query"_s, u" "_s}, {u"country_codes"_s, us}}
        << u"query"_s;
    QTest::newRow("search, unknown country")
        << u"/institutions/search"_s
        << QJsonObject{{u"query"_s, u"bank"_s}, {u"country_codes"_s, QJsonArray{u"XX"_s}}}
        << u"country_codes"_s;
    QTest::newRow("search, oauth not a boolean")
        << u"/institutions/search"_s
        << QJsonObject{{u"query"_s, u"bank"_s},
                       {u"country_codes"_s, us},
                       {u"options"_s, QJsonObject{{u"oauth"_s, u"yes"_s}}}}
        << u"options.oauth"_s;
    QTest::newRow("get, count 0") << u"/institutions/get"_s
                                  << QJsonObject{{u"count"_s, 0},
                                                 {u"offset"_s, 0},
                                                 {u"country_codes"_s, us}}
                                  << u"count"_s;
    QTest::newRow("get, count 501")
        << u"/institutions/get"_s
        << QJsonObject{{u"count"_s, 501}, {u"offset"_s, 0}, {u"country_codes"_s, us}} << u"count"_s;
    QTest::newRow("get, negative offset")
        << u"/institutions/get"_s
        << QJsonObject{{u"count"_s, 1}, {u"offset"_s, -1}, {u"country_codes"_s, us}} << u"offset"_s;
    QTest::newRow("get, fractional count")
        << u"/institutions/get"_s
        << QJsonObject{{u"count"_s, 1.5}, {u"offset"_s, 0}, {u"country_codes"_s, us}} << u"count"_s;
}

void TestSandboxApiProducts::institutionsRefusals()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QString, messagePart);
    CHECK_ERROR(m_kit.post(path, body), 400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, messagePart);
}

QTEST_GUILESS_MAIN(TestSandboxApiProducts)
#include "tst_sandboxapi_products.moc"
