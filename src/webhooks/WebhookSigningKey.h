#pragma once

#include "webhooks/EcdsaP256.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace weft::webhooks {

// A webhook signing key as Plaid keeps one: a P-256 key with an id (`kid`), published as a JWK
// by /webhook_verification_key/get, that signs each webhook's body into the Plaid-Verification
// JWT. Made fresh for each process and kept only in memory: it signs nothing after the process
// ends, so it need not be stored.
class WebhookSigningKey
{
public:
    // A new key, created at createdAt (Unix seconds). isNull() only if randomness failed.
    explicit WebhookSigningKey(qint64 createdAt);

    bool isNull() const { return m_key.isNull(); }
    QString keyId() const { return m_keyId; }
    // The public key as Plaid's JWKPublicKey: alg, crv, kid, kty, use, x, y, created_at,
    // expired_at (null).
    QJsonObject jwk() const;
    // The Plaid-Verification header for body, issued at issuedAt (Unix seconds): a compact JWS,
    // header {alg: ES256, kid, typ: JWT}, claims {iat, request_body_sha256}.
    QByteArray sign(const QByteArray &body, qint64 issuedAt) const;

private:
    EcdsaP256 m_key;
    QString m_keyId;
    qint64 m_createdAt = 0;
};

} // namespace weft::webhooks
