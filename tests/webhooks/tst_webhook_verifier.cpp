// WebhookSigningKey and WebhookVerifier: a webhook signed by the sandbox's key verifies with its
// published JWK, and every way of forging, replaying or corrupting one is refused with a reason
// (never a crash): another body, an old or future iat, another algorithm (none, HS256), another
// key, a flipped signature bit, a key that is not a point of P-256, and tokens that are not JWTs.
#include "webhooks/EcdsaP256.h"
#include "webhooks/WebhookSigningKey.h"
#include "webhooks/WebhookVerifier.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using weft::webhooks::EcdsaP256;
using weft::webhooks::WebhookSigningKey;
using weft::webhooks::WebhookVerifier;

namespace {

constexpr qint64 kNow = 1'800'000'000;
const QByteArray kBody = R"({"webhook_type":"ITEM","webhook_code":"ERROR","item_id":"abc"})"_ba;

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray part(const QByteArray &token, int index)
{
    return token.split('.').value(index);
}

QJsonObject decodedPart(const QByteArray &token, int index)
{
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(part(token, index), QByteArray::Base64UrlEncoding |
                                                              QByteArray::OmitTrailingEquals))
        .object();
}

QByteArray withHeader(const QByteArray &token, const QJsonObject &header)
{
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' + part(token, 1) +
           '.' + part(token, 2);
}

} // namespace

class TestWebhookVerifier : public QObject
{
    Q_OBJECT

private slots:
    void genuineWebhookVerifies();
    void headerAndClaimsAsPlaidSendsThem();
    void refusals_data();
    void refusals();
    void anotherKeysSignatureIsRefused();
    void pointOffTheCurveIsNoKey();
};

void TestWebhookVerifier::genuineWebhookVerifies()
{
    const WebhookSigningKey key(kNow - 3600);
    QVERIFY(!key.isNull());
    const QByteArray token = key.sign(kBody, kNow);
    QCOMPARE(WebhookVerifier::keyIdOf(token), key.keyId());
    const auto problem = WebhookVerifier::verify(token, kBody, key.jwk(), kNow + 60);
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    // Five minutes old is still good; a moment later it is not.
    QVERIFY(!WebhookVerifier::verify(token, kBody, key.jwk(), kNow + 300));
    QVERIFY(WebhookVerifier::verify(token, kBody, key.jwk(), kNow + 301));
    // ECDSA signs afresh each time: two signatures of one body differ, both verify.
    const QByteArray again = key.sign(kBody, kNow);
    QVERIFY(part(again, 2) != part(token, 2));
    QVERIFY(!WebhookVerifier::verify(again, kBody, key.jwk(), kNow));
}

void TestWebhookVerifier::headerAndClaimsAsPlaidSendsThem()
{
    const WebhookSigningKey key(kNow);
    const QByteArray token = key.sign(kBody, kNow);
    const QJsonObject header = decodedPart(token, 0);
    QCOMPARE(header[u"alg"].toString(), u"ES256"_s);
    QCOMPARE(header[u"kid"].toString(), key.keyId());
    QCOMPARE(header[u"typ"].toString(), u"JWT"_s);
    const QJsonObject claims = decodedPart(token, 1);
    QCOMPARE(claims[u"iat"].toInteger(), kNow);
    QCOMPARE(claims[u"request_body_sha256"].toString(),
             u"%1"_s.arg(QString::fromLatin1(
                 QCryptographicHash::hash(kBody, QCryptographicHash::Sha256).toHex())));
    QCOMPARE(QByteArray::fromBase64(part(token, 2), QByteArray::Base64UrlEncoding).size(), 64);
    const QJsonObject jwk = key.jwk();
    QCOMPARE(jwk[u"kty"].toString(), u"EC"_s);
    QCOMPARE(jwk[u"crv"].toString(), u"P-256"_s);
    QCOMPARE(jwk[u"use"].toString(), u"sig"_s);
    QCOMPARE(jwk[u"created_at"].toInteger(), kNow);
    QVERIFY(jwk[u"expired_at"].isNull());
    QCOMPARE(QByteArray::fromBase64(jwk[u"x"].toString().toLatin1(), QByteArray::Base64UrlEncoding)
                 .size(),
             32);
    QVERIFY(!jwk.contains(u"d"_s)); // the private part never leaves the key
}

void TestWebhookVerifier::refusals_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QString>("reason");

    const WebhookSigningKey key(kNow);
    const QByteArray token = key.sign(kBody, kNow);
    const QJsonObject jwk = key.jwk();
    QJsonObject header = decodedPart(token, 0);

    QTest::newRow("another body") << token << QByteArray(kBody).replace("ERROR", "LOGIN_REPAIRED")
                                  << jwk << u"body"_s;
    QTest::newRow("one more byte") << token << QByteArray(kBody + ' ') << jwk << u"body"_s;
    QTest::newRow("six minutes old") << key.sign(kBody, kNow - 360) << kBody << jwk << u"older"_s;
    QTest::newRow("from the future") << key.sign(kBody, kNow + 360) << kBody << jwk << u"future"_s;
    QJsonObject none = header;
    none[u"alg"_s] = u"none"_s;
    QTest::newRow("alg none") << withHeader(token, none) << kBody << jwk << u"ES256"_s;
    QTest::newRow("alg none, no signature")
        << QByteArray(part(withHeader(token, none), 0) + '.' + part(token, 1) + '.') << kBody << jwk
        << u"ES256"_s;
    QJsonObject hmac = header;
    hmac[u"alg"_s] = u"HS256"_s;
    QTest::newRow("alg HS256") << withHeader(token, hmac) << kBody << jwk << u"ES256"_s;
    QJsonObject otherKid = header;
    otherKid[u"kid"_s] = u"someone-else"_s;
    QTest::newRow("kid of another key")
        << withHeader(token, otherKid) << kBody << jwk << u"another key"_s;
    // The header re-encoded with the same fields in another order: the signature covers the
    // bytes, so it no longer verifies.
    const QByteArray reordered = base64Url(R"({"typ":"JWT","kid":")"_ba + key.keyId().toLatin1() +
                                           R"(","alg":"ES256"})"_ba) +
                                 '.' + part(token, 1) + '.' + part(token, 2);
    QTest::newRow("header re-encoded") << reordered << kBody << jwk << u"signature"_s;
    QByteArray signature = QByteArray::fromBase64(part(token, 2), QByteArray::Base64UrlEncoding);
    signature[10] = char(signature[10] ^ 0x01);
    QTest::newRow("a bit of the signature")
        << QByteArray(part(token, 0) + '.' + part(token, 1) + '.' + base64Url(signature)) << kBody
        << jwk << u"signature"_s;
    QTest::newRow("a DER signature") << QByteArray(part(token, 0) + '.' + part(token, 1) + '.' +
                                                   base64Url(QByteArray(70, '\x30')))
                                     << kBody << jwk << u"signature"_s;
    QJsonObject expired = jwk;
    expired[u"expired_at"_s] = kNow - 1;
    QTest::newRow("key expired before") << token << kBody << expired << u"expired"_s;
    QJsonObject rsa = jwk;
    rsa[u"kty"_s] = u"RSA"_s;
    QTest::newRow("not an EC key") << token << kBody << rsa << u"P-256"_s;
    QJsonObject noX = jwk;
    noX.remove(u"x"_s);
    QTest::newRow("key without x") << token << kBody << noX << u"coordinates"_s;

    QTest::newRow("empty") << QByteArray() << kBody << jwk << u"no Plaid-Verification"_s;
    QTest::newRow("two parts") << QByteArray(part(token, 0) + '.' + part(token, 1)) << kBody << jwk
                               << u"compact JWS"_s;
    QTest::newRow("four parts") << QByteArray(token + ".x") << kBody << jwk << u"compact JWS"_s;
    QTest::newRow("not base64") << QByteArray("%%%." + part(token, 1) + '.' + part(token, 2))
                                << kBody << jwk << u"decode"_s;
    QTest::newRow("header not JSON")
        << QByteArray(base64Url("not json") + '.' + part(token, 1) + '.' + part(token, 2)) << kBody
        << jwk << u"decode"_s;
    QTest::newRow("header a JSON array")
        << QByteArray(base64Url("[1,2]") + '.' + part(token, 1) + '.' + part(token, 2)) << kBody
        << jwk << u"decode"_s;
    QTest::newRow("huge") << QByteArray(100'000, 'a') << kBody << jwk << u"too long"_s;
}

void TestWebhookVerifier::refusals()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, body);
    QFETCH(QJsonObject, jwk);
    QFETCH(QString, reason);
    const auto problem = WebhookVerifier::verify(token, body, jwk, kNow);
    QVERIFY2(problem, "accepted");
    QVERIFY2(problem->contains(reason), qPrintable(*problem));
    QVERIFY(!problem->contains(QString::fromLatin1(token.left(20))) || token.isEmpty());
}

void TestWebhookVerifier::anotherKeysSignatureIsRefused()
{
    // A forger with a key of their own, claiming the sandbox key's kid.
    const WebhookSigningKey genuine(kNow);
    const WebhookSigningKey forger(kNow);
    const QByteArray forged = forger.sign(kBody, kNow);
    QJsonObject header = decodedPart(forged, 0);
    header[u"kid"_s] = genuine.keyId();
    const QByteArray claimed = withHeader(forged, header);
    const auto problem = WebhookVerifier::verify(claimed, kBody, genuine.jwk(), kNow);
    QVERIFY(problem);
    QVERIFY2(problem->contains(u"signature"_s), qPrintable(*problem));
}

void TestWebhookVerifier::pointOffTheCurveIsNoKey()
{
    const WebhookSigningKey key(kNow);
    QByteArray y = QByteArray::fromBase64(key.jwk()[u"y"].toString().toLatin1(),
                                          QByteArray::Base64UrlEncoding);
    y[31] = char(y[31] ^ 0x01);
    const QByteArray x = QByteArray::fromBase64(key.jwk()[u"x"].toString().toLatin1(),
                                                QByteArray::Base64UrlEncoding);
    QVERIFY(EcdsaP256::fromPublicPoint(x, y).isNull());
    QVERIFY(EcdsaP256::fromPublicPoint(x.left(31), y).isNull());
    QJsonObject jwk = key.jwk();
    jwk[u"y"_s] = QString::fromLatin1(base64Url(y));
    const auto problem = WebhookVerifier::verify(key.sign(kBody, kNow), kBody, jwk, kNow);
    QVERIFY(problem);
    QVERIFY2(problem->contains(u"P-256"_s), qPrintable(*problem));
}

QTEST_GUILESS_MAIN(TestWebhookVerifier)
#include "tst_webhook_verifier.moc"
