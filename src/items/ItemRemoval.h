#pragma once

#include "vault/SecretStore.h"

#include <QObject>

namespace weft::plaid {
class PlaidClient;
}

namespace weft::vault {
class TokenVault;
}

namespace weft::items {

// Removing one Item, step by step: Plaid's /item/remove, then its keychain entry. Either
// removed() or failed() (with the step that failed) follows start(), once. With no token
// left in the keychain there is nothing to call Plaid with, and only the keychain step runs.
// Forgetting the Item locally is the caller's business, after removed().
class ItemRemoval : public QObject
{
    Q_OBJECT

public:
    ItemRemoval(plaid::PlaidClient *client, vault::TokenVault *vault, QString itemId,
                QString tokenKey, QObject *parent = nullptr);

    const QString &itemId() const { return m_itemId; }
    // token: the Item's access token as the keychain (or memory) answered.
    void start(const vault::SecretResult &token);

signals:
    void removed(const QString &itemId);
    void failed(const QString &itemId, const QString &stage, const QString &reason);

private:
    void removeAtPlaid(const QString &accessToken);
    void removeFromKeychain();

    plaid::PlaidClient *m_client;
    vault::TokenVault *m_vault;
    QString m_itemId;
    QString m_tokenKey;
};

} // namespace weft::items
