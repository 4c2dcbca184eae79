#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace weft::webhooks {

// Checks a webhook's Plaid-Verification header the way Plaid documents it: a compact JWS whose
// header says alg ES256 (nothing else is accepted, "none" least of all) and names the key (kid);
// a valid signature by that key, fetched from /webhook_verification_key/get as a JWK; an `iat`
// claim at most five minutes old (and not from the future beyond that); and a
// `request_body_sha256` claim equal to the SHA-256 of the body exactly as received.
class WebhookVerifier
{
public:
    static constexpr qint64 kMaxAgeSeconds = 5 * 60;
    static constexpr qsizetype kMaxTokenSize = 8 * 1024;

    // The kid of the JWT's header, to look its key up; empty when the header is unreadable.
    static QString keyIdOf(const QByteArray &verification);

    // nullopt when the webhook is genuine; otherwise why it is refused (for the log, never
    // echoing the token).
    static std::optional<QString> verify(const QByteArray &verification, const QByteArray &body,
                                         const QJsonObject &jwk, qint64 now);
};

} // namespace weft::webhooks
