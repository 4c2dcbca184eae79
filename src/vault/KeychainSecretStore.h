#pragma once

#include "vault/SecretStore.h"

namespace weft::vault {

// The OS keychain through QtKeychain: Secret Service or KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows. One service name for the app; the insecure plaintext
// fallback is never enabled.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Weft"));

    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void read(const QString &key, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;

private:
    QString m_service;
};

} // namespace weft::vault
