#pragma once

#include "plaid/PlaidModels.h"
#include "sandbox/SandboxTransactions.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace weft::sandbox {

// Everything the sandbox remembers. Tokens are kept only as hashes (ids::tokenHash), so the
// state, in memory or in its file, holds no credential that works.

struct LinkTokenRecord
{
    QString clientId;
    QDateTime createdAt;
    QDateTime expiration;
    QJsonObject metadata;          // what /link/token/get returns under "metadata"
    QString updateItemId;          // set for update mode (created with an access_token)
    bool accountSelection = false; // update.account_selection_enabled: the user picks again
    bool completed = false;
    int failedLogins = 0;
    // Hosted Link (created with hosted_link): the hash of the id in hosted_link_url, and where
    // the hosted page goes when the session ends (empty: it stays).
    QByteArray hostedLinkHash;
    QString completionRedirectUri;
    QJsonArray sessions; // link_sessions for /link/token/get; in memory only, as they hold
                         // public tokens
};

struct PublicTokenRecord
{
    QString clientId;
    QString itemId;
    QDateTime expiration;
    bool used = false;
};

struct ItemRecord
{
    QString clientId;
    QByteArray accessTokenHash; // empty until the public token is exchanged
    plaid::Item item;
    QList<plaid::Account> accounts; // the accounts the user shared
    // The other accounts the user has at the bank: not chosen in Link, or opened since
    // (newAccountIds, from /sandbox/item/fire_webhook NEW_ACCOUNTS_AVAILABLE) and not yet
    // offered. Update mode with account selection offers them.
    QList<plaid::Account> unsharedAccounts;
    QStringList newAccountIds;
    QList<TransactionChange> transactionLog; // /transactions/sync's cursors point into it
};

class SandboxStore
{
public:
    QHash<QByteArray, LinkTokenRecord> linkTokens;     // by token hash
    QHash<QByteArray, PublicTokenRecord> publicTokens; // by token hash
    QHash<QString, ItemRecord> items;                  // by item_id
    QHash<QByteArray, QString> itemByAccessToken;      // access token hash -> item_id

    // Forgets link and public tokens that expired more than a day before now.
    void prune(const QDateTime &now);

    QJsonObject toJson() const;
    // Replaces the state with the one in object; on error leaves it unchanged and says why.
    bool fromJson(const QJsonObject &object, QString *error);

    // Replaces the file atomically (writeFileAtomically): on failure, with the reason, the file
    // keeps its last good state.
    bool save(const QString &path, QString *error) const;
    // A missing file is an empty state. A corrupt one is an error and stays untouched.
    bool load(const QString &path, QString *error);
};

} // namespace weft::sandbox
