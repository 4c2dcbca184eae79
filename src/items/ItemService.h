#pragma once

#include "link/LinkOutcome.h"
#include "vault/ItemRecord.h"
#include "vault/SecretStore.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <chrono>
#include <functional>

namespace weft::plaid {
class PlaidClient;
}

namespace weft::vault {
class ItemStore;
class TokenVault;
} // namespace weft::vault

namespace weft::items {

class RemoteItems;

// Where an Item's access token is.
enum class TokenState {
    Saved,   // in the keychain (as far as the index knows; checked when an action needs it)
    Unsaved, // held in memory only: the keychain write failed (see tokenProblem())
    Missing, // the keychain has no entry (found out when an action needed it)
};

// What can be done with an Item now (the window enables its actions from this).
struct ItemActions
{
    bool refresh = false;
    bool fixConnection = false;  // the Item needs the user (an error) and Link can repair it
    bool chooseAccounts = false; // update mode with account selection
    bool retrySave = false;      // its token is only in memory
    bool remove = false;
    bool simulateLoginRequired = false; // sandbox environments only
};

// The business of Items between Link, Plaid, the keychain and the index, so that nothing is
// lost: a linked Item enters the index first (without its token), then the access token is
// written to the keychain and verified; if that fails the token stays in memory, the Item
// shows "not saved" with the reason, and saving can be retried or the Item removed at Plaid.
// Start-up reads no secret: a token is read when an action needs it.
class ItemService : public QObject
{
    Q_OBJECT

public:
    ItemService(vault::ItemStore *store, vault::TokenVault *vault, plaid::PlaidClient *client,
                QString environment, QObject *parent = nullptr);

    const QString &environment() const { return m_environment; }
    // The "Your provider's server" mode: the server holds every access token; refreshing and
    // removing go through it, and nothing is read from or written to the keychain for an Item.
    void setRemote(RemoteItems *remote) { m_remote = remote; }
    RemoteItems *remote() const { return m_remote; }
    vault::ItemStore *store() const { return m_store; }
    plaid::PlaidClient *client() const { return m_client; }

    // The rules for one Item, kept here so that windows and the command line only show them.
    // An Item belongs here when it was linked in this service's environment: only those can
    // be acted on (their tokens are Plaid's for this environment).
    bool belongsHere(const vault::ItemRecord &record) const;
    bool belongsHere(const QString &itemId) const;
    QStringList itemsHere() const;
    ItemActions actionsFor(const QString &itemId) const;
    bool isRemoving(const QString &itemId) const { return m_removing.contains(itemId); }
    // The bank's name as people read it; never an id.
    static QString displayName(const vault::ItemRecord &record);
    QString displayName(const QString &itemId) const;
    // The Item's state in plain words, for the list; Plaid's code is for the support view.
    static QString statusText(const vault::ItemRecord &record);
    // The Item needs its user: signing in again, renewing consent, sharing new accounts.
    static bool needsUser(const vault::ItemRecord &record);
    // What the user can do about it, as a button says it ("Sign in to … again").
    static QString userActionText(const vault::ItemRecord &record);
    // The Items of the current environment that need their user (needsUser), in list order.
    QStringList itemsNeedingUser() const;
    // Whether fixing the Item means choosing accounts again (new accounts at its bank).
    static bool wantsAccountSelection(const vault::ItemRecord &record);
    // Where the Item's token is, in a sentence.
    QString tokenSummary(const vault::ItemRecord &record) const;
    // The whole record as support and scripts see it: everything but the logo's bytes.
    static QJsonObject recordJson(const vault::ItemRecord &record);

    // Before the exchange: the pending exchange goes to the index, on disk, at once (never the
    // public token). addLinkedItem() or forgetPendingExchange() ends it.
    void recordPendingExchange(const link::LinkSuccess &success);
    void forgetPendingExchange(const QString &linkSessionId);
    // After a successful exchange: index the Item, then save and verify its token.
    void addLinkedItem(const link::LinkedItem &item, const QList<link::LinkEvent> &events);
    // After update mode succeeded: the error is cleared; the token is unchanged.
    void markRepaired(const QString &itemId, const link::LinkSuccess &success,
                      const QList<link::LinkEvent> &events);

    TokenState tokenState(const QString &itemId) const;
    QString tokenProblem(const QString &itemId) const;
    bool hasUnsavedTokens() const { return !m_unsaved.isEmpty(); }
    QStringList unsavedItems() const { return m_unsaved.keys(); }
    void retrySave(const QString &itemId);
    // Weft is about to end without asking (a termination signal, a logout that allows no
    // questions): every token still only in memory gets one more save; each that is still
    // not saved after timeout is marked lost in the index, with why and what to do (never a
    // silent loss). done() follows once the index is written.
    void lastChanceSave(const QString &why, std::chrono::milliseconds timeout,
                        std::function<void()> done);
    // The tokens still only in memory are given up (the user chose to quit anyway): each Item
    // is marked lost in the index, with why and what to do, and the index is written.
    void markUnsavedLost(const QString &why);
    // Unsaved tokens move to the next service when the backend is rebuilt, so that changing
    // the settings never drops a token that only exists in memory.
    QHash<QString, QString> unsavedTokens() const { return m_unsaved; }
    void adoptUnsavedTokens(const QHash<QString, QString> &tokens);

    // The access token for an action: the unsaved one in memory, else the keychain's.
    using TokenDone = std::function<void(const vault::SecretResult &)>;
    void withAccessToken(const QString &itemId, QObject *context, const TokenDone &done);

    // Remove: Plaid's /item/remove, then the keychain entry, then the index entry, in that
    // order; a failure stops there and is reported with its stage.
    void removeItem(const QString &itemId);

    // Sandbox environments only: /sandbox/item/reset_login, which puts the Item into
    // ITEM_LOGIN_REQUIRED at Plaid (to try Fix connection). loginReset() follows; refresh the
    // Item to see Plaid's new state.
    void simulateLoginRequired(const QString &itemId);
    static bool isSandboxEnvironment(const QString &environment);

    // A JSON of the Item for support: ids, statuses, request ids, events; no token or secret.
    QJsonObject diagnostics(const QString &itemId) const;

signals:
    void tokenSaved(const QString &itemId);
    void tokenSaveFailed(const QString &itemId, const QString &reason);
    void tokenMissing(const QString &itemId);
    void itemRemoved(const QString &itemId);
    void removeFailed(const QString &itemId, const QString &stage, const QString &reason);
    void loginReset(const QString &itemId);
    void loginResetFailed(const QString &itemId, const QString &reason);

private:
    void saveToken(const QString &itemId, const QString &accessToken);
    // The keychain entry of an Item: named by the environment it was linked in.
    QString tokenKey(const QString &itemId) const;
    void forget(const QString &itemId);

    vault::ItemStore *m_store;
    vault::TokenVault *m_vault;
    plaid::PlaidClient *m_client;
    RemoteItems *m_remote = nullptr;
    QString m_environment;
    QHash<QString, QString> m_unsaved;      // item_id -> access token, in memory only
    QHash<QString, QString> m_saveProblems; // item_id -> why the keychain write failed
    QSet<QString> m_missing;
    QSet<QString> m_removing;
};

// Fills the Link parts of a record: institution, accounts, link_session_id, events.
void applyLinkSession(vault::ItemRecord &record, const link::LinkSuccess &success,
                      const QList<link::LinkEvent> &events);

} // namespace weft::items
