// A webhook receiver's input, as an attacker controls it: the Plaid-Verification header, the body
// and (when the key's address is spoofed) the JWK. The header is the input up to its first
// newline, the rest is the body (and, when it is a JSON object, a JWK); the header is checked
// against the genuine key and against a JWK read from the input. Never a crash, never an
// acceptance: nothing here holds the private key.
#include "webhooks/WebhookSigningKey.h"
#include "webhooks/WebhookVerifier.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace weft::webhooks;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const WebhookSigningKey genuine(1'800'000'000);
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray token = newline < 0 ? input : input.left(newline);
    const QByteArray rest = newline < 0 ? QByteArray() : input.mid(newline + 1);
    (void)WebhookVerifier::keyIdOf(token);
    if (!WebhookVerifier::verify(token, rest, genuine.jwk(), 1'800'000'000))
        std::abort(); // a forgery accepted
    const QJsonDocument jwk = QJsonDocument::fromJson(rest);
    if (jwk.isObject())
        (void)WebhookVerifier::verify(token, rest, jwk.object(), 1'800'000'000);
    return 0;
}
