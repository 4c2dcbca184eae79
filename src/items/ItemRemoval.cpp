#include "items/ItemRemoval.h"

#include "plaid/PlaidClient.h"
#include "vault/TokenVault.h"

namespace weft::items {

ItemRemoval::ItemRemoval(plaid::PlaidClient *client, vault::TokenVault *vault, QString itemId,
                         QString tokenKey, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_vault(vault)
    , m_itemId(std::move(itemId))
    , m_tokenKey(std::move(tokenKey))
{
}

void ItemRemoval::start(const vault::SecretResult &token)
{
    if (token.status == vault::SecretStatus::NotFound) {
        removeFromKeychain();
        return;
    }
    if (!token.ok()) {
        emit failed(m_itemId, tr("keychain"), token.describe());
        return;
    }
    removeAtPlaid(token.secret);
}

void ItemRemoval::removeAtPlaid(const QString &accessToken)
{
    m_client->removeItem(accessToken, this, [this](const plaid::PlaidResult<plaid::Done> &r) {
        // An Item Plaid no longer knows is as removed as it gets.
        const bool gone = r.ok() || (r.status == plaid::PlaidStatus::ApiError &&
                                     r.apiError.errorCode == u"INVALID_ACCESS_TOKEN");
        if (!gone) {
            emit failed(m_itemId, tr("Plaid"), r.describe());
            return;
        }
        removeFromKeychain();
    });
}

void ItemRemoval::removeFromKeychain()
{
    m_vault->remove(m_tokenKey, this, [this](const vault::SecretResult &result) {
        if (!result.ok()) {
            emit failed(m_itemId, tr("keychain"), result.describe());
            return;
        }
        emit removed(m_itemId);
    });
}

} // namespace weft::items
