#include "webhooks/WebhookSigningKey.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUuid>

namespace weft::webhooks {
namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

WebhookSigningKey::WebhookSigningKey(qint64 createdAt)
    : m_key(EcdsaP256::generate())
    , m_keyId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_createdAt(createdAt)
{
}

QJsonObject WebhookSigningKey::jwk() const
{
    return {{QStringLiteral("alg"), QStringLiteral("ES256")},
            {QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("kid"), m_keyId},
            {QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("x"), QString::fromLatin1(base64Url(m_key.x()))},
            {QStringLiteral("y"), QString::fromLatin1(base64Url(m_key.y()))},
            {QStringLiteral("created_at"), m_createdAt},
            {QStringLiteral("expired_at"), QJsonValue::Null}};
}

QByteArray WebhookSigningKey::sign(const QByteArray &body, qint64 issuedAt) const
{
    const QByteArray header = compactJson({{QStringLiteral("alg"), QStringLiteral("ES256")},
                                           {QStringLiteral("kid"), m_keyId},
                                           {QStringLiteral("typ"), QStringLiteral("JWT")}});
    const QByteArray digest = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    const QByteArray claims =
        compactJson({{QStringLiteral("iat"), issuedAt},
                     {QStringLiteral("request_body_sha256"), QString::fromLatin1(digest)}});
    const QByteArray signingInput = base64Url(header) + '.' + base64Url(claims);
    const QByteArray signature = m_key.sign(signingInput);
    if (signature.isEmpty())
        return {};
    return signingInput + '.' + base64Url(signature);
}

} // namespace weft::webhooks
