#pragma once

#include "server/KeyRing.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace weft::server {

// Seals access tokens for storage: AES-256-GCM under the key ring's current key, a fresh random
// 96-bit nonce each time, and a context (the row the token belongs to, e.g. its item_id) bound
// in as additional data, so a sealed value moved to another row does not open. A sealed value
// is text, "v1.<key id>.<base64url(nonce | ciphertext | tag)>": it names its key, so rotation
// needs no other bookkeeping.
class TokenCipher
{
public:
    explicit TokenCipher(KeyRing ring);

    // The sealed value, or empty if the cipher failed (it does not, short of a broken OpenSSL).
    QString seal(const QByteArray &plaintext, const QByteArray &context) const;

    struct Opened
    {
        std::optional<QByteArray> plaintext;
        QString problem; // when it did not open: malformed, unknown key, or not authentic
    };
    Opened open(const QString &sealed, const QByteArray &context) const;

    // The key id a sealed value names (to find rows still sealed with an old key), or empty.
    static QString keyIdOf(const QString &sealed);

    const KeyRing &keyRing() const { return m_ring; }

private:
    KeyRing m_ring;
};

} // namespace weft::server
