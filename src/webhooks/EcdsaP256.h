#pragma once

#include <QByteArray>

#include <memory>

namespace weft::webhooks {

// ECDSA over NIST P-256 with SHA-256, as JWS's ES256 uses it: signatures are the 64 bytes r || s
// (not DER), public keys the 32-byte big-endian x and y of the point. Every failure (a point not
// on the curve, a signature of the wrong size) is a plain false or empty result, never a throw.
class EcdsaP256
{
public:
    EcdsaP256(EcdsaP256 &&) noexcept;
    EcdsaP256 &operator=(EcdsaP256 &&) noexcept;
    ~EcdsaP256();

    // A new private key; null (isNull()) only if the system's random source failed.
    static EcdsaP256 generate();
    // A public key from its coordinates; null when they are not a point of P-256.
    static EcdsaP256 fromPublicPoint(const QByteArray &x, const QByteArray &y);

    bool isNull() const { return !m_key; }
    QByteArray x() const; // 32 bytes, big-endian
    QByteArray y() const;

    // The ES256 signature of data (64 bytes), or empty without a private key.
    QByteArray sign(const QByteArray &data) const;
    bool verify(const QByteArray &data, const QByteArray &signature) const;

private:
    struct Key;
    explicit EcdsaP256(std::unique_ptr<Key> key, bool isPrivate);
    QByteArray coordinate(const char *name) const;

    std::unique_ptr<Key> m_key;
    bool m_private = false;
};

} // namespace weft::webhooks
