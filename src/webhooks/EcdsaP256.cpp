#include "webhooks/EcdsaP256.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace weft::webhooks {
namespace {

constexpr int kCoordinateSize = 32;

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Bignum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using MdContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using Signature = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

QByteArray padded(const BIGNUM *number)
{
    QByteArray out(kCoordinateSize, '\0');
    if (BN_bn2binpad(number, reinterpret_cast<unsigned char *>(out.data()), kCoordinateSize) !=
        kCoordinateSize)
        return {};
    return out;
}

} // namespace

struct EcdsaP256::Key
{
    EVP_PKEY *pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

EcdsaP256::EcdsaP256(std::unique_ptr<Key> key, bool isPrivate)
    : m_key(std::move(key))
    , m_private(isPrivate)
{
}

EcdsaP256::EcdsaP256(EcdsaP256 &&) noexcept = default;
EcdsaP256 &EcdsaP256::operator=(EcdsaP256 &&) noexcept = default;
EcdsaP256::~EcdsaP256() = default;

EcdsaP256 EcdsaP256::generate()
{
    auto key = std::make_unique<Key>();
    key->pkey = EVP_EC_gen("P-256");
    if (!key->pkey)
        return EcdsaP256(nullptr, false);
    return EcdsaP256(std::move(key), true);
}

EcdsaP256 EcdsaP256::fromPublicPoint(const QByteArray &x, const QByteArray &y)
{
    if (x.size() != kCoordinateSize || y.size() != kCoordinateSize)
        return EcdsaP256(nullptr, false);
    QByteArray point(1, '\x04'); // uncompressed: 04 || x || y
    point.append(x).append(y);
    ParamBuilder builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        !OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1",
                                         0) ||
        !OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                          size_t(point.size())))
        return EcdsaP256(nullptr, false);
    Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    auto key = std::make_unique<Key>();
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &key->pkey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        ERR_clear_error();
        return EcdsaP256(nullptr, false);
    }
    // The point must lie on the curve (an invalid-curve point would leak nothing here, as
    // nothing is derived from it, but it is not a key either).
    PkeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key->pkey, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        ERR_clear_error(); // leave no error behind for the next TLS call on this thread
        return EcdsaP256(nullptr, false);
    }
    return EcdsaP256(std::move(key), false);
}

QByteArray EcdsaP256::coordinate(const char *name) const
{
    if (!m_key)
        return {};
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(m_key->pkey, name, &raw) != 1)
        return {};
    const Bignum number(raw);
    return padded(number.get());
}

QByteArray EcdsaP256::x() const
{
    return coordinate(OSSL_PKEY_PARAM_EC_PUB_X);
}

QByteArray EcdsaP256::y() const
{
    return coordinate(OSSL_PKEY_PARAM_EC_PUB_Y);
}

QByteArray EcdsaP256::sign(const QByteArray &data) const
{
    if (!m_key || !m_private)
        return {};
    MdContext context(EVP_MD_CTX_new());
    size_t size = 0;
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key->pkey) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &size, bytes(data), size_t(data.size())) != 1)
        return {};
    QByteArray der(qsizetype(size), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(der.data()), &size,
                       bytes(data), size_t(data.size())) != 1)
        return {};
    const unsigned char *cursor = bytes(der);
    const Signature signature(d2i_ECDSA_SIG(nullptr, &cursor, long(size)));
    if (!signature)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(signature.get(), &r, &s);
    const QByteArray rBytes = padded(r);
    const QByteArray sBytes = padded(s);
    if (rBytes.isEmpty() || sBytes.isEmpty())
        return {};
    return QByteArray(rBytes).append(sBytes);
}

bool EcdsaP256::verify(const QByteArray &data, const QByteArray &signature) const
{
    if (!m_key || signature.size() != 2 * kCoordinateSize)
        return false;
    Signature parsed(ECDSA_SIG_new());
    Bignum r(BN_bin2bn(bytes(signature), kCoordinateSize, nullptr));
    Bignum s(BN_bin2bn(bytes(signature) + kCoordinateSize, kCoordinateSize, nullptr));
    if (!parsed || !r || !s || ECDSA_SIG_set0(parsed.get(), r.get(), s.get()) != 1)
        return false;
    (void)r.release(); // owned by parsed now
    (void)s.release();
    unsigned char *der = nullptr;
    const int derSize = i2d_ECDSA_SIG(parsed.get(), &der);
    if (derSize <= 0)
        return false;
    const QByteArray derBytes(reinterpret_cast<const char *>(der), derSize);
    OPENSSL_free(der);
    MdContext context(EVP_MD_CTX_new());
    const bool verified =
        context &&
        EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key->pkey) == 1 &&
        EVP_DigestVerify(context.get(), bytes(derBytes), size_t(derBytes.size()), bytes(data),
                         size_t(data.size())) == 1;
    if (!verified)
        ERR_clear_error(); // a bad signature is an answer, not an error to leave queued
    return verified;
}

} // namespace weft::webhooks
