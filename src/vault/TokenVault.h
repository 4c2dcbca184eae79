#pragma once

#include "vault/SecretStore.h"

#include <QObject>

namespace weft::vault {

// Plaid secrets in the keychain: access tokens (one entry per Item) and the client secret of
// the Plaid modes. Keys are namespaced by environment and Item, "plaid:<environment>:<item_id>",
// because Windows ignores the service field; sandbox and production never share an entry.
// Every write is read back, since some keychains report success and store nothing.
class TokenVault : public QObject
{
    Q_OBJECT

public:
    explicit TokenVault(SecretStore *store, QObject *parent = nullptr);

    static QString accessTokenKey(const QString &environment, const QString &itemId);
    static QString clientSecretKey(const QString &environment);

    // Writes, then reads back and compares: VerifyFailed when the keychain lied.
    void store(const QString &key, const QString &secret, QObject *context,
               const SecretStore::Done &done);
    // NotFound means "no secret", which callers handle as such.
    void read(const QString &key, QObject *context, SecretStore::Done done);
    // A missing entry counts as removed.
    void remove(const QString &key, QObject *context, const SecretStore::Done &done);

private:
    SecretStore *m_store;
};

} // namespace weft::vault
