#include "webhooks/WebhookVerifier.h"

#include "webhooks/EcdsaP256.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QList>

#include <limits>
#include <openssl/crypto.h>

namespace weft::webhooks {
namespace {

struct Jws
{
    QByteArray signingInput; // header.claims, as received
    QJsonObject header;
    QJsonObject claims;
    QByteArray signature;
};

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<QJsonObject> jsonObjectOf(const QByteArray &encoded)
{
    const auto decoded = fromBase64Url(encoded);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::optional<Jws> parse(const QByteArray &token, QString *problem)
{
    if (token.isEmpty()) {
        *problem = QStringLiteral("no Plaid-Verification header");
        return std::nullopt;
    }
    if (token.size() > WebhookVerifier::kMaxTokenSize) {
        *problem = QStringLiteral("the Plaid-Verification header is too long");
        return std::nullopt;
    }
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        *problem = QStringLiteral("the Plaid-Verification header is not a compact JWS");
        return std::nullopt;
    }
    const auto header = jsonObjectOf(parts.at(0));
    const auto claims = jsonObjectOf(parts.at(1));
    const auto signature = fromBase64Url(parts.at(2));
    if (!header || !claims || !signature) {
        *problem = QStringLiteral("the Plaid-Verification header does not decode");
        return std::nullopt;
    }
    return Jws{parts.at(0) + '.' + parts.at(1), *header, *claims, *signature};
}

std::optional<QByteArray> coordinate(const QJsonObject &jwk, QLatin1StringView name)
{
    const QJsonValue value = jwk.value(name);
    if (!value.isString())
        return std::nullopt;
    return fromBase64Url(value.toString().toLatin1());
}

bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace

QString WebhookVerifier::keyIdOf(const QByteArray &verification)
{
    QString problem;
    const auto jws = parse(verification, &problem);
    if (!jws)
        return {};
    return jws->header.value(QLatin1StringView("kid")).toString();
}

std::optional<QString> WebhookVerifier::verify(const QByteArray &verification,
                                               const QByteArray &body, const QJsonObject &jwk,
                                               qint64 now)
{
    QString problem;
    const auto jws = parse(verification, &problem);
    if (!jws)
        return problem;
    if (jws->header.value(QLatin1StringView("alg")).toString() != u"ES256")
        return QStringLiteral("the JWT's algorithm is not ES256");
    const QString keyId = jws->header.value(QLatin1StringView("kid")).toString();
    if (keyId.isEmpty() || keyId != jwk.value(QLatin1StringView("kid")).toString())
        return QStringLiteral("the JWT names another key than the one given");
    if (jwk.value(QLatin1StringView("kty")).toString() != u"EC" ||
        jwk.value(QLatin1StringView("crv")).toString() != u"P-256" ||
        (jwk.contains(QLatin1StringView("alg")) &&
         jwk.value(QLatin1StringView("alg")).toString() != u"ES256"))
        return QStringLiteral("the key is not a P-256 key for ES256");
    const auto x = coordinate(jwk, QLatin1StringView("x"));
    const auto y = coordinate(jwk, QLatin1StringView("y"));
    if (!x || !y)
        return QStringLiteral("the key's coordinates do not decode");
    const EcdsaP256 key = EcdsaP256::fromPublicPoint(*x, *y);
    if (key.isNull())
        return QStringLiteral("the key's point is not on P-256");
    if (!key.verify(jws->signingInput, jws->signature))
        return QStringLiteral("the signature does not verify");

    const QJsonValue issuedAt = jws->claims.value(QLatin1StringView("iat"));
    const double seconds = issuedAt.toDouble(-1);
    // A whole number of seconds in range (a cast of 1e300 would be undefined).
    if (!issuedAt.isDouble() || !(seconds >= 0 && seconds < 1e12))
        return QStringLiteral("the JWT has no iat");
    const auto iat = qint64(seconds);
    if (iat < now - kMaxAgeSeconds)
        return QStringLiteral("the webhook is older than five minutes");
    if (iat > now + kMaxAgeSeconds)
        return QStringLiteral("the webhook is dated in the future");
    const QJsonValue expiredAt = jwk.value(QLatin1StringView("expired_at"));
    if (expiredAt.isDouble() && iat > expiredAt.toInteger(std::numeric_limits<qint64>::max()))
        return QStringLiteral("the key had expired when the webhook was signed");

    const QByteArray claimed =
        jws->claims.value(QLatin1StringView("request_body_sha256")).toString().toLatin1();
    const QByteArray actual = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    if (!equalInConstantTime(claimed, actual))
        return QStringLiteral("the body is not the one signed");
    return std::nullopt;
}

} // namespace weft::webhooks
