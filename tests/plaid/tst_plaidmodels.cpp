#include "plaid/JsonReader.h"
#include "plaid/PlaidError.h"
#include "plaid/PlaidModels.h"
#include "plaid/PlaidRequests.h"
#include "support/UtcDateTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace weft::plaid;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

const char kGoodItem[] = R"({"item_id":"it1","institution_id":"ins_109508","webhook":null,
 "error":null,"available_products":["auth"],"billed_products":["transactions"],
 "consent_expiration_time":null,"update_type":"background","created_at":"2026-01-15T09:00:00Z"})";

} // namespace

class TestPlaidModels : public QObject
{
    Q_OBJECT

private slots:
    void itemParses();
    void malformedItem_data();
    void malformedItem();
    void malformedAccount_data();
    void malformedAccount();
    void institutionRoundTrip();
    void plaidError_data();
    void plaidError();
    void linkTokenRequestBody();
};

void TestPlaidModels::itemParses()
{
    JsonReader reader(json(kGoodItem), QStringLiteral("item"));
    const Item item = Item::fromJson(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
    QCOMPARE(item.itemId, QStringLiteral("it1"));
    QVERIFY(!item.error);
    QCOMPARE(item.billedProducts, QStringList{QStringLiteral("transactions")});
    QCOMPARE(item.createdAt, weft::test::utcDateTime(QDate(2026, 1, 15), QTime(9, 0)));
    QVERIFY(!item.consentExpirationTime.isValid());
}

void TestPlaidModels::malformedItem_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("item_id missing")
        << QStringLiteral("item_id") << QJsonValue(QJsonValue::Undefined)
        << QStringLiteral("item.item_id: expected a string, found missing");
    QTest::newRow("item_id number")
        << QStringLiteral("item_id") << QJsonValue(7)
        << QStringLiteral("item.item_id: expected a string, found wrong type");
    QTest::newRow("products not array")
        << QStringLiteral("billed_products") << QJsonValue(QStringLiteral("auth"))
        << QStringLiteral("item.billed_products: expected an array");
    QTest::newRow("product not string")
        << QStringLiteral("available_products") << QJsonValue(QJsonArray{1})
        << QStringLiteral("item.available_products[0]: expected a string");
    QTest::newRow("error not object")
        << QStringLiteral("error") << QJsonValue(QStringLiteral("oops"))
        << QStringLiteral("item.error: expected an object or null");
    QTest::newRow("error not plaid error")
        << QStringLiteral("error") << QJsonValue(QJsonObject{{QStringLiteral("x"), 1}})
        << QStringLiteral("item.error: not a Plaid error object");
    QTest::newRow("bad date") << QStringLiteral("consent_expiration_time")
                              << QJsonValue(QStringLiteral("tomorrow"))
                              << QStringLiteral(
                                     "item.consent_expiration_time: not an RFC 3339 date-time");
}

void TestPlaidModels::malformedItem()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expectedError);
    QJsonObject object = json(kGoodItem);
    if (value.isUndefined())
        object.remove(field);
    else
        object.insert(field, value);
    JsonReader reader(object, QStringLiteral("item"));
    Item::fromJson(reader);
    QVERIFY(!reader.ok());
    QVERIFY2(reader.errorString().contains(expectedError), qPrintable(reader.errorString()));
}

void TestPlaidModels::malformedAccount_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("no balances") << QByteArray(
                                        R"({"account_id":"a","name":"n","type":"depository"})")
                                 << QStringLiteral("balances: expected an object");
    QTest::newRow("balance is text")
        << QByteArray(R"({"account_id":"a","name":"n","type":"depository",
        "balances":{"available":"100","current":1,"limit":null}})")
        << QStringLiteral("balances.available: expected a number or null");
    QTest::newRow("balance key missing")
        << QByteArray(R"({"account_id":"a","name":"n","type":"depository",
        "balances":{"available":1,"limit":null}})")
        << QStringLiteral("balances.current: expected a number or null, found missing");
    QTest::newRow("type missing") << QByteArray(R"({"account_id":"a","name":"n",
        "balances":{"available":1,"current":1,"limit":null}})")
                                  << QStringLiteral("type: expected a string");
}

void TestPlaidModels::malformedAccount()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expectedError);
    JsonReader reader(QJsonDocument::fromJson(text).object(), QStringLiteral("accounts[0]"));
    Account::fromJson(reader);
    QVERIFY(!reader.ok());
    QVERIFY2(reader.errorString().contains(expectedError), qPrintable(reader.errorString()));
}

void TestPlaidModels::institutionRoundTrip()
{
    Institution institution;
    institution.institutionId = QStringLiteral("ins_1");
    institution.name = QStringLiteral("Bank");
    institution.products = {QStringLiteral("auth")};
    institution.countryCodes = {QStringLiteral("US")};
    institution.primaryColor = QStringLiteral("#112233");
    institution.oauth = true;
    JsonReader reader(institution.toJson());
    const Institution back = Institution::fromJson(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
    QCOMPARE(back.name, institution.name);
    QCOMPARE(back.primaryColor, institution.primaryColor);
    QCOMPARE(back.oauth, true);
    QVERIFY(back.logo.isEmpty());

    QJsonObject broken = institution.toJson();
    broken.remove(QStringLiteral("oauth"));
    JsonReader brokenReader(broken);
    Institution::fromJson(brokenReader);
    QVERIFY(brokenReader.errorString().contains(u"oauth: expected true or false"));
}

void TestPlaidModels::plaidError_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("full") << QByteArray(
                                 R"({"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED",
        "error_message":"m","display_message":null,"request_id":"r1","documentation_url":"u"})")
                          << true;
    QTest::newRow("no message") << QByteArray(R"({"error_type":"ITEM_ERROR","error_code":"X"})")
                                << false;
    QTest::newRow("empty code")
        << QByteArray(R"({"error_type":"ITEM_ERROR","error_code":"","error_message":"m"})")
        << false;
    QTest::newRow("code is number")
        << QByteArray(R"({"error_type":"A","error_code":5,"error_message":"m"})") << false;
    QTest::newRow("not an error") << QByteArray(R"({"request_id":"r"})") << false;
}

void TestPlaidModels::plaidError()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const auto error = PlaidError::fromJson(QJsonDocument::fromJson(text).object(), 400);
    QCOMPARE(error.has_value(), valid);
    if (valid) {
        QCOMPARE(error->httpStatus, 400);
        QCOMPARE(error->requestId, QStringLiteral("r1"));
        QVERIFY(error->displayMessage.isEmpty());
        QCOMPARE(error->userText(), QStringLiteral("m"));
        QCOMPARE(error->toJson().value(QLatin1StringView("display_message")),
                 QJsonValue(QJsonValue::Null));
    }
}

void TestPlaidModels::linkTokenRequestBody()
{
    LinkTokenCreateRequest request;
    request.clientUserId = QStringLiteral("u1");
    request.clientName = QStringLiteral("Weft");
    request.countryCodes = {QStringLiteral("US")};
    request.accessToken = QStringLiteral("access-sandbox-x");
    const QJsonObject body = request.toJson();
    QVERIFY(!body.contains(QLatin1StringView("products"))); // update mode: none
    QVERIFY(!body.contains(QLatin1StringView("secret")));
    QVERIFY(!body.contains(QLatin1StringView("client_id")));
    QCOMPARE(body.value(QLatin1StringView("user"))
                 .toObject()
                 .value(QLatin1StringView("client_user_id"))
                 .toString(),
             QStringLiteral("u1"));
    QCOMPARE(body.value(QLatin1StringView("language")).toString(), QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(TestPlaidModels)
#include "tst_plaidmodels.moc"
