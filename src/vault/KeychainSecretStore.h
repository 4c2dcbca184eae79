#pragma once

#include "vault/SecretStore.h"

#include <chrono>
#include <functional>
#include <memory>

namespace weft::vault {

// The OS keychain through QtKeychain: Secret Service or KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows. One service name for the app; the insecure plaintext
// fallback is never enabled.
//
// Every call ends within timeout: a keychain that hangs (locked and waiting for a password
// nobody types, a stopped daemon) yields TimedOut, never a wait without end. After a failure
// the next call starts on a fresh connection to the Secret Service (libsecret keeps one
// process-wide, whose session dies with the daemon: "The session wrapping the secret does not
// exist"), so that saving works again as soon as the keyring is back.
class KeychainSecretStore final : public SecretStore
{
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{20'000};

    explicit KeychainSecretStore(QString service = QStringLiteral("Weft"),
                                 std::chrono::milliseconds timeout = kDefaultTimeout);

    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void read(const QString &key, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;

    // A failure said by QtKeychain, made specific: when the library it reaches the keychain
    // through cannot be loaded (libsecret on Linux), that is the cause, whatever it reported.
    static SecretStatus explainFailure(SecretStatus status,
                                       const std::function<bool()> &libraryLoadable);

private:
    template<typename Job>
    void run(Job *job, const QString &key, QObject *context, Done done);

    QString m_service;
    std::chrono::milliseconds m_timeout;
    // Set by a failed call, read before the next: shared with the calls under way.
    std::shared_ptr<bool> m_reconnect = std::make_shared<bool>(false);
};

} // namespace weft::vault
