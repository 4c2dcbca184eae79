#include "server/TokenCipher.h"

#include <memory>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace weft::server {
namespace {

constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr QLatin1StringView kVersion("v1");

struct ContextDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, ContextDeleter>;

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

TokenCipher::TokenCipher(KeyRing ring)
    : m_ring(std::move(ring))
{
}

QString TokenCipher::seal(const QByteArray &plaintext, const QByteArray &context) const
{
    const QString keyId = m_ring.currentKeyId();
    const QByteArray *key = m_ring.key(keyId);
    if (!key)
        return {};
    QByteArray nonce(kNonceSize, '\0');
    QByteArray ciphertext(plaintext.size(), '\0');
    QByteArray tag(kTagSize, '\0');
    CipherContext cipher(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!cipher || RAND_bytes(bytes(nonce), kNonceSize) != 1 ||
        EVP_EncryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
        EVP_EncryptInit_ex(cipher.get(), nullptr, nullptr, bytes(*key), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(cipher.get(), nullptr, &length, bytes(context), int(context.size())) !=
            1 ||
        EVP_EncryptUpdate(cipher.get(), bytes(ciphertext), &length, bytes(plaintext),
                          int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(cipher.get(), bytes(ciphertext) + length, &length) != 1 ||
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) != 1)
        return {};
    const QByteArray payload =
        QByteArray(nonce).append(ciphertext).append(tag).toBase64(kBase64Url);
    return QStringLiteral("%1.%2.%3").arg(kVersion, keyId, QString::fromLatin1(payload));
}

TokenCipher::Opened TokenCipher::open(const QString &sealed, const QByteArray &context) const
{
    const QStringList parts = sealed.split(u'.');
    if (parts.size() != 3 || parts.at(0) != kVersion)
        return {std::nullopt, QStringLiteral("not a sealed value")};
    const QByteArray *key = m_ring.key(parts.at(1));
    if (!key)
        return {std::nullopt, QStringLiteral("sealed with the key %1, which is not in the key ring")
                                  .arg(parts.at(1))};
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(2).toLatin1(), kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload || payload.decoded.size() < kNonceSize + kTagSize)
        return {std::nullopt, QStringLiteral("not a sealed value")};
    const QByteArray nonce = payload.decoded.left(kNonceSize);
    QByteArray tag = payload.decoded.right(kTagSize);
    const QByteArray ciphertext =
        payload.decoded.mid(kNonceSize, payload.decoded.size() - kNonceSize - kTagSize);
    QByteArray plaintext(ciphertext.size(), '\0');
    CipherContext cipher(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool opened =
        cipher &&
        EVP_DecryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(cipher.get(), nullptr, nullptr, bytes(*key), bytes(nonce)) == 1 &&
        EVP_DecryptUpdate(cipher.get(), nullptr, &length, bytes(context), int(context.size())) ==
            1 &&
        EVP_DecryptUpdate(cipher.get(), bytes(plaintext), &length, bytes(ciphertext),
                          int(ciphertext.size())) == 1 &&
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(cipher.get(), bytes(plaintext) + length, &length) == 1;
    if (!opened) {
        OPENSSL_cleanse(plaintext.data(), size_t(plaintext.size())); // unauthenticated bytes
        ERR_clear_error();
        return {std::nullopt,
                QStringLiteral("the sealed value is not authentic (altered, or another row's)")};
    }
    return {plaintext, {}};
}

QString TokenCipher::keyIdOf(const QString &sealed)
{
    const QStringList parts = sealed.split(u'.');
    return parts.size() == 3 && parts.at(0) == kVersion ? parts.at(1) : QString();
}

} // namespace weft::server
