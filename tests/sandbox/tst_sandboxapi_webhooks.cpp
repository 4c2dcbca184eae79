// The sandbox's webhooks as Plaid sends them: each signed (Plaid-Verification, ES256) with a key
// that /webhook_verification_key/get publishes as a JWK; /item/webhook/update moving an Item's
// webhook and acknowledging at the new address; /sandbox/item/reset_login and fire_webhook ERROR
// telling the Item's webhook that the user must sign in again.
#include "SandboxApiTestKit.h"
#include "webhooks/WebhookVerifier.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using weft::webhooks::WebhookVerifier;

namespace {

const QString kHook = u"https://hooks.example.com/plaid"_s;
const QString kNewHook = u"https://hooks.example.com/plaid/v2"_s;

} // namespace

class TestSandboxApiWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void signedWithThePublishedKey();
    void unknownKeyId();
    void webhookUpdateAcknowledgedAtTheNewAddress();
    void webhookUpdateRefusals_data();
    void webhookUpdateRefusals();
    void webhookRemoved();
    void resetLoginTellsTheWebhook();
    void fireError();

private:
    // An Item with kHook as its webhook; its access token.
    QString hookedItem()
    {
        const SandboxResponse created =
            m_kit.post(u"/sandbox/public_token/create"_s,
                       {{u"institution_id"_s, kBank},
                        {u"initial_products"_s, QJsonArray{u"transactions"_s}},
                        {u"options"_s, QJsonObject{{u"webhook"_s, kHook}}}});
        return m_kit.exchange(m_kit.field(created, u"public_token"));
    }

    ApiKit m_kit;
};

void TestSandboxApiWebhooks::signedWithThePublishedKey()
{
    const QByteArray body = R"({"webhook_type":"ITEM","webhook_code":"LOGIN_REPAIRED"})"_ba;
    const QByteArray verification = m_kit.api->signWebhook(body);
    const QString keyId = WebhookVerifier::keyIdOf(verification);
    QVERIFY(!keyId.isEmpty());
    const SandboxResponse key =
        m_kit.post(u"/webhook_verification_key/get"_s, {{u"key_id"_s, keyId}});
    QCOMPARE(key.status, 200);
    const QJsonObject jwk = key.body[u"key"].toObject();
    QCOMPARE(jwk[u"kid"].toString(), keyId);
    QCOMPARE(jwk[u"alg"].toString(), u"ES256"_s);
    QCOMPARE(jwk[u"created_at"].toInteger(), m_kit.clock->now().toSecsSinceEpoch());
    QVERIFY(!key.body[u"request_id"].toString().isEmpty());
    const qint64 now = m_kit.clock->now().toSecsSinceEpoch();
    const auto problem = WebhookVerifier::verify(verification, body, jwk, now);
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    // Signed at the sandbox's time: ten minutes later, the same header is stale.
    QVERIFY(WebhookVerifier::verify(verification, body, jwk, now + 600));
    // Another sandbox (another process) has another key.
    ApiKit other;
    other.reset();
    CHECK_ERROR(other.post(u"/webhook_verification_key/get"_s, {{u"key_id"_s, keyId}}), 400,
                u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"key_id"_s);
}

void TestSandboxApiWebhooks::unknownKeyId()
{
    CHECK_ERROR(m_kit.post(u"/webhook_verification_key/get"_s, {{u"key_id"_s, u"nope"_s}}), 400,
                u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"key_id"_s);
    CHECK_ERROR(m_kit.post(u"/webhook_verification_key/get"_s, {}), 400, u"INVALID_REQUEST"_s,
                u"MISSING_FIELDS"_s, u"key_id"_s);
}

void TestSandboxApiWebhooks::webhookUpdateAcknowledgedAtTheNewAddress()
{
    const QString access = hookedItem();
    QVERIFY(!access.isEmpty());
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    const SandboxResponse updated = m_kit.post(
        u"/item/webhook/update"_s, {{u"access_token"_s, access}, {u"webhook"_s, kNewHook}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.body[u"item"][u"webhook"].toString(), kNewHook);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(0).toUrl(), QUrl(kNewHook));
    const QJsonObject payload = fired.at(0).at(1).toJsonObject();
    QCOMPARE(payload[u"webhook_type"].toString(), u"ITEM"_s);
    QCOMPARE(payload[u"webhook_code"].toString(), u"WEBHOOK_UPDATE_ACKNOWLEDGED"_s);
    QCOMPARE(payload[u"new_webhook_url"].toString(), kNewHook);
    QCOMPARE(payload[u"item_id"].toString(), updated.body[u"item"][u"item_id"].toString());
    QVERIFY(payload[u"error"].isNull());
    QCOMPARE(payload[u"environment"].toString(), u"sandbox"_s);
    // The Item keeps it: /item/get and the next webhook use the new address.
    QCOMPARE(m_kit.post(u"/item/get"_s, {{u"access_token"_s, access}})
                 .body[u"item"][u"webhook"]
                 .toString(),
             kNewHook);
    fired.clear();
    QCOMPARE(m_kit
                 .post(u"/sandbox/item/fire_webhook"_s,
                       {{u"access_token"_s, access}, {u"webhook_code"_s, u"LOGIN_REPAIRED"_s}})
                 .status,
             200);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(0).toUrl(), QUrl(kNewHook));
}

void TestSandboxApiWebhooks::webhookUpdateRefusals_data()
{
    QTest::addColumn<QJsonValue>("webhook");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("not a URL") << QJsonValue(u"hooks"_s) << u"webhook"_s;
    QTest::newRow("ftp") << QJsonValue(u"ftp://hooks.example.com/"_s) << u"webhook"_s;
    QTest::newRow("a number") << QJsonValue(7) << u"webhook"_s;
}

void TestSandboxApiWebhooks::webhookUpdateRefusals()
{
    QFETCH(QJsonValue, webhook);
    QFETCH(QString, messagePart);
    const QString access = hookedItem();
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    CHECK_ERROR(m_kit.post(u"/item/webhook/update"_s,
                           {{u"access_token"_s, access}, {u"webhook"_s, webhook}}),
                400, u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, messagePart);
    QVERIFY(fired.isEmpty());
    QCOMPARE(m_kit.post(u"/item/get"_s, {{u"access_token"_s, access}})
                 .body[u"item"][u"webhook"]
                 .toString(),
             kHook); // unchanged
    CHECK_ERROR(m_kit.post(u"/item/webhook/update"_s,
                           {{u"access_token"_s, u"access-sandbox-nope"_s}, {u"webhook"_s, kHook}}),
                400, u"INVALID_INPUT"_s, u"INVALID_ACCESS_TOKEN"_s, QString());
}

void TestSandboxApiWebhooks::webhookRemoved()
{
    const QString access = hookedItem();
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    const SandboxResponse removed = m_kit.post(
        u"/item/webhook/update"_s, {{u"access_token"_s, access}, {u"webhook"_s, QJsonValue()}});
    QCOMPARE(removed.status, 200);
    QVERIFY(removed.body[u"item"][u"webhook"].toString().isEmpty());
    QVERIFY(fired.isEmpty()); // nowhere to acknowledge
    CHECK_ERROR(m_kit.post(u"/sandbox/item/fire_webhook"_s,
                           {{u"access_token"_s, access}, {u"webhook_code"_s, u"ERROR"_s}}),
                400, u"SANDBOX_ERROR"_s, u"SANDBOX_WEBHOOK_INVALID"_s, QString());
}

void TestSandboxApiWebhooks::resetLoginTellsTheWebhook()
{
    const QString access = hookedItem();
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    QCOMPARE(m_kit.post(u"/sandbox/item/reset_login"_s, {{u"access_token"_s, access}}).status, 200);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(0).toUrl(), QUrl(kHook));
    const QJsonObject payload = fired.at(0).at(1).toJsonObject();
    QCOMPARE(payload[u"webhook_type"].toString(), u"ITEM"_s);
    QCOMPARE(payload[u"webhook_code"].toString(), u"ERROR"_s);
    QCOMPARE(payload[u"error"][u"error_code"].toString(), u"ITEM_LOGIN_REQUIRED"_s);
    QCOMPARE(payload[u"error"][u"error_type"].toString(), u"ITEM_ERROR"_s);
    QVERIFY(!payload.contains(u"access_token"_s));
    // Without a webhook the reset happens all the same, silently.
    const QString quiet = m_kit.accessToken();
    fired.clear();
    QCOMPARE(m_kit.post(u"/sandbox/item/reset_login"_s, {{u"access_token"_s, quiet}}).status, 200);
    QVERIFY(fired.isEmpty());
}

void TestSandboxApiWebhooks::fireError()
{
    const QString access = hookedItem();
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    QCOMPARE(m_kit
                 .post(u"/sandbox/item/fire_webhook"_s,
                       {{u"access_token"_s, access}, {u"webhook_code"_s, u"ERROR"_s}})
                 .status,
             200);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(1).toJsonObject()[u"error"][u"error_code"].toString(),
             u"ITEM_LOGIN_REQUIRED"_s);
    const SandboxResponse item = m_kit.post(u"/item/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(item.body[u"item"][u"error"][u"error_code"].toString(), u"ITEM_LOGIN_REQUIRED"_s);
}

QTEST_GUILESS_MAIN(TestSandboxApiWebhooks)
#include "tst_sandboxapi_webhooks.moc"
