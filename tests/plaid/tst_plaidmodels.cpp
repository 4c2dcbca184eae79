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
    void hostedLinkRequestBody();
    void linkSessions();
    void malformedLinkSessions_data();
    void malformedLinkSessions();
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

void TestPlaidModels::hostedLinkRequestBody()
{
    LinkTokenCreateRequest request;
    request.clientUserId = QStringLiteral("u1");
    request.products = {QStringLiteral("transactions")};
    QVERIFY(!request.toJson().contains(QLatin1StringView("hosted_link")));
    request.redirectUri = QStringLiteral("weft://oauth");
    QVERIFY(request.toJson().contains(QLatin1StringView("redirect_uri")));
    request.hostedLink = true;
    QCOMPARE(request.toJson().value(QLatin1StringView("hosted_link")).toObject(), QJsonObject());
    QVERIFY(!request.toJson().contains(QLatin1StringView("redirect_uri")));
    request.completionRedirectUri = QStringLiteral("http://127.0.0.1:5/done");
    request.urlLifetimeSeconds = 900;
    const QJsonObject hosted = request.toJson().value(QLatin1StringView("hosted_link")).toObject();
    QCOMPARE(hosted.value(QLatin1StringView("completion_redirect_uri")).toString(),
             QStringLiteral("http://127.0.0.1:5/done"));
    QCOMPARE(hosted.value(QLatin1StringView("url_lifetime_seconds")).toInt(), 900);
}

void TestPlaidModels::linkSessions()
{
    JsonReader reader(json(R"({"link_sessions":[
        {"link_session_id":"s1","started_at":"2026-01-15T09:00:00Z","finished_at":null},
        {"link_session_id":"s2","started_at":"2026-01-15T09:00:00Z",
         "finished_at":"2026-01-15T09:01:00Z",
         "results":{"item_add_results":[{"public_token":"public-sandbox-1",
            "institution":{"name":"Bank","institution_id":"ins_1"},
            "accounts":[{"id":"a1","name":"Checking"}]}],
            "cra_item_add_results":[],"cra_update_results":[],"bank_income_results":[],
            "payroll_income_results":[],"document_income_results":null},
         "on_success":{"public_token":"public-sandbox-1","metadata":{}}},
        {"link_session_id":"s3","on_success":{"public_token":"public-sandbox-3",
            "metadata":{"institution":null,"accounts":[]}}},
        {"link_session_id":"s4","exit":{"error":{"error_type":"ITEM_ERROR",
            "error_code":"INVALID_CREDENTIALS","error_message":"m","display_message":null},
            "metadata":{"status":"requires_credentials"}}},
        {"link_session_id":"s5","on_exit":{"error":null,"metadata":{"status":"requires_oauth"}}}
    ]})"));
    const QList<LinkSessionRecord> sessions = LinkSessionRecord::listFromJson(reader);
    QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
    QCOMPARE(sessions.size(), 5);
    QVERIFY(!sessions[0].finishedAt.isValid());
    QVERIFY(sessions[0].itemAdds.isEmpty());
    QVERIFY(!sessions[0].exited);
    // results win over the older on_success: one Item, not two.
    QCOMPARE(sessions[1].itemAdds.size(), 1);
    QCOMPARE(sessions[1].itemAdds[0].publicToken, QStringLiteral("public-sandbox-1"));
    QCOMPARE(sessions[1].itemAdds[0].institution.value(QLatin1StringView("name")).toString(),
             QStringLiteral("Bank"));
    QCOMPARE(sessions[1].itemAdds[0].accounts.size(), 1);
    QCOMPARE(sessions[2].itemAdds.size(), 1); // on_success alone
    QCOMPARE(sessions[2].itemAdds[0].publicToken, QStringLiteral("public-sandbox-3"));
    QVERIFY(sessions[3].exited);
    QCOMPARE(sessions[3].exitError->errorCode, QStringLiteral("INVALID_CREDENTIALS"));
    QCOMPARE(sessions[3].exitStatus, QStringLiteral("requires_credentials"));
    QVERIFY(sessions[4].exited);
    QVERIFY(!sessions[4].exitError);
    QCOMPARE(sessions[4].exitStatus, QStringLiteral("requires_oauth"));

    JsonReader none(json(R"({"link_token":"x"})"));
    QVERIFY(LinkSessionRecord::listFromJson(none).isEmpty());
    QVERIFY(none.ok());
}

void TestPlaidModels::malformedLinkSessions_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("where");
    QTest::newRow("not an array") << R"({"link_sessions":{}})"
                                  << "link_sessions";
    QTest::newRow("no id") << R"({"link_sessions":[{}]})"
                           << "link_session_id";
    QTest::newRow("bad time") << R"({"link_sessions":[{"link_session_id":"s","started_at":"x"}]})"
                              << "started_at";
    QTest::newRow("results not an object")
        << R"({"link_sessions":[{"link_session_id":"s","results":[]}]})"
        << "results";
    QTest::newRow("item add without token")
        << R"({"link_sessions":[{"link_session_id":"s","results":{"item_add_results":[{}]}}]})"
        << "public_token";
    QTest::newRow("accounts not an array")
        << R"({"link_sessions":[{"link_session_id":"s","results":{"item_add_results":[{"public_token":"p","accounts":{}}]}}]})"
        << "accounts";
    QTest::newRow("exit error not a Plaid error")
        << R"({"link_sessions":[{"link_session_id":"s","exit":{"error":{"x":1},"metadata":null}}]})"
        << "error";
}

void TestPlaidModels::malformedLinkSessions()
{
    QFETCH(QString, body);
    QFETCH(QString, where);
    JsonReader reader(QJsonDocument::fromJson(body.toUtf8()).object());
    LinkSessionRecord::listFromJson(reader);
    QVERIFY(!reader.ok());
    QVERIFY2(reader.errorString().contains(where), qPrintable(reader.errorString()));
}

QTEST_GUILESS_MAIN(TestPlaidModels)
#include "tst_plaidmodels.moc"
