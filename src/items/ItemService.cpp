#include "items/ItemService.h"

#include "items/ItemRemoval.h"
#include "items/ItemsLogging.h"
#include "items/RemoteItems.h"
#include "plaid/PlaidClient.h"
#include "vault/ItemStore.h"
#include "vault/TokenVault.h"

#include <QJsonArray>
#include <QTimer>

namespace weft::items {

void applyLinkSession(vault::ItemRecord &record, const link::LinkSuccess &success,
                      const QList<link::LinkEvent> &events)
{
    if (success.institution) {
        record.institutionId = success.institution->institutionId;
        record.institutionName = success.institution->name;
    }
    if (!success.accounts.isEmpty()) {
        QList<vault::StoredAccount> accounts;
        for (const link::LinkAccount &account : success.accounts) {
            vault::StoredAccount stored;
            stored.id = account.id;
            stored.name = account.name;
            stored.mask = account.mask;
            stored.type = account.type;
            stored.subtype = account.subtype;
            // Keep balances a refresh already learnt for the same account.
            for (const vault::StoredAccount &known : std::as_const(record.accounts)) {
                if (known.id == account.id)
                    stored = known;
            }
            accounts.append(stored);
        }
        record.accounts = accounts;
    }
    record.linkSessionId = success.linkSessionId;
    record.events.clear();
    for (const link::LinkEvent &event : events) {
        record.events.append({event.timestamp, event.name, event.viewName, event.metadata});
        record.addRequestId(event.metadata.value(QLatin1StringView("request_id")).toString());
    }
}

ItemService::ItemService(vault::ItemStore *store, vault::TokenVault *vault,
                         plaid::PlaidClient *client, QString environment, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_vault(vault)
    , m_client(client)
    , m_environment(std::move(environment))
{
}

void ItemService::recordPendingExchange(const link::LinkSuccess &success)
{
    vault::PendingExchange pending;
    pending.linkSessionId = success.linkSessionId;
    pending.environment = m_environment;
    if (success.institution) {
        pending.institutionId = success.institution->institutionId;
        pending.institutionName = success.institution->name;
    }
    pending.startedAt = QDateTime::currentDateTimeUtc();
    m_store->addPendingExchange(pending);
    QString error;
    if (!m_store->flush(&error))
        qCWarning(lcItems) << "the pending exchange could not be recorded:" << error;
}

void ItemService::forgetPendingExchange(const QString &linkSessionId)
{
    if (m_store->removePendingExchange(linkSessionId))
        m_store->flush();
}

void ItemService::addLinkedItem(const link::LinkedItem &item, const QList<link::LinkEvent> &events)
{
    vault::ItemRecord record;
    if (const vault::ItemRecord *known = m_store->item(item.itemId))
        record = *known;
    record.itemId = item.itemId;
    record.environment = m_environment;
    if (!record.createdAt.isValid())
        record.createdAt = item.linkedAt;
    record.tokenSaved = m_remote != nullptr; // the server holds it
    applyLinkSession(record, item.success, events);
    if (m_remote) {
        m_store->upsert(record);
        m_store->removePendingExchange(item.success.linkSessionId);
        m_store->flush();
        return;
    }
    // The index first, and at once: a crash from here on leaves an Item marked "token not
    // saved", never a token in the keychain that no Item points to.
    m_store->upsert(record);
    m_store->removePendingExchange(item.success.linkSessionId); // the Item is recorded now
    m_store->flush();
    m_unsaved.insert(item.itemId, item.accessToken);
    saveToken(item.itemId, item.accessToken);
}

void ItemService::markRepaired(const QString &itemId, const link::LinkSuccess &success,
                               const QList<link::LinkEvent> &events)
{
    m_store->update(itemId, [&](vault::ItemRecord &record) {
        record.errorType.clear();
        record.errorCode.clear();
        record.errorMessage.clear();
        record.displayMessage.clear();
        applyLinkSession(record, success, events);
    });
}

void ItemService::adoptUnsavedTokens(const QHash<QString, QString> &tokens)
{
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
        m_unsaved.insert(it.key(), it.value());
        saveToken(it.key(), it.value());
    }
}

void ItemService::saveToken(const QString &itemId, const QString &accessToken)
{
    m_vault->store(
        tokenKey(itemId), accessToken, this, [this, itemId](const vault::SecretResult &result) {
            if (!result.ok()) {
                m_saveProblems.insert(itemId, result.describe());
                qCWarning(lcItems)
                    << "the access token of" << itemId << "is not saved:" << result.describe();
                emit tokenSaveFailed(itemId, result.describe());
                return;
            }
            if (m_store->update(itemId,
                                [](vault::ItemRecord &record) { record.tokenSaved = true; }))
                m_store->flush();
            m_unsaved.remove(itemId);
            m_saveProblems.remove(itemId);
            m_missing.remove(itemId);
            emit tokenSaved(itemId);
        });
}

TokenState ItemService::tokenState(const QString &itemId) const
{
    if (m_remote)
        return TokenState::Saved; // on the server
    if (m_unsaved.contains(itemId))
        return TokenState::Unsaved;
    const vault::ItemRecord *record = m_store->item(itemId);
    if (m_missing.contains(itemId) || (record && !record->tokenSaved))
        return TokenState::Missing;
    return TokenState::Saved;
}

QString ItemService::tokenProblem(const QString &itemId) const
{
    switch (tokenState(itemId)) {
    case TokenState::Saved:
        return {};
    case TokenState::Unsaved:
        return tr("Not saved: %1").arg(m_saveProblems.value(itemId, tr("saving…")));
    case TokenState::Missing:
        if (const vault::ItemRecord *record = m_store->item(itemId);
            record && !record->tokenLost.isEmpty())
            return record->tokenLost;
        return tr("The access token is missing from the keychain. Link this bank again, or "
                  "remove the Item.");
    }
    return {};
}

void ItemService::retrySave(const QString &itemId)
{
    const auto it = m_unsaved.constFind(itemId);
    if (it != m_unsaved.constEnd())
        saveToken(itemId, *it);
}

void ItemService::lastChanceSave(const QString &why, std::chrono::milliseconds timeout,
                                 std::function<void()> done)
{
    if (m_unsaved.isEmpty()) {
        done();
        return;
    }
    struct Pending
    {
        QSet<QString> items;
        bool finished = false;
        std::function<void()> done;
        QList<QMetaObject::Connection> connections;
    };
    auto pending = std::make_shared<Pending>();
    pending->items = QSet<QString>(m_unsaved.keyBegin(), m_unsaved.keyEnd());
    pending->done = std::move(done);
    auto finish = [this, pending, why] {
        if (pending->finished)
            return;
        pending->finished = true;
        for (const QMetaObject::Connection &connection : std::as_const(pending->connections))
            disconnect(connection);
        markUnsavedLost(why);
        pending->done();
    };
    auto settled = [pending, finish](const QString &itemId) {
        pending->items.remove(itemId);
        if (pending->items.isEmpty())
            finish();
    };
    pending->connections << connect(this, &ItemService::tokenSaved, this, settled)
                         << connect(this, &ItemService::tokenSaveFailed, this,
                                    [settled](const QString &itemId, const QString &) {
                                        settled(itemId);
                                    });
    QTimer::singleShot(timeout, this, finish);
    const QStringList ids = m_unsaved.keys();
    for (const QString &itemId : ids)
        retrySave(itemId);
}

void ItemService::markUnsavedLost(const QString &why)
{
    const QStringList lost = m_unsaved.keys();
    for (const QString &itemId : lost) {
        m_store->update(itemId, [&why](vault::ItemRecord &record) {
            record.tokenSaved = false;
            record.tokenLost = tr("The access token was lost: Weft stopped (%1) before the "
                                  "keychain could save it. Link this bank again to use it in "
                                  "Weft; the old connection can no longer be used or removed "
                                  "from here.")
                                   .arg(why);
        });
        qCCritical(lcItems).nospace() << "the access token of " << itemId
                                      << " was lost: not saved before Weft stopped (" << why << ")";
        m_unsaved.remove(itemId);
        m_saveProblems.remove(itemId);
    }
    if (!lost.isEmpty())
        m_store->flush();
}

void ItemService::withAccessToken(const QString &itemId, QObject *context, const TokenDone &done)
{
    if (m_remote) {
        vault::SecretResult result;
        result.status = vault::SecretStatus::Other;
        result.message = tr("Your provider's server holds this Item's access token.");
        done(result);
        return;
    }
    const auto it = m_unsaved.constFind(itemId);
    if (it != m_unsaved.constEnd()) {
        vault::SecretResult result;
        result.status = vault::SecretStatus::Ok;
        result.secret = *it;
        done(result);
        return;
    }
    m_vault->read(
        tokenKey(itemId), context, [this, itemId, done](const vault::SecretResult &result) {
            if (result.status == vault::SecretStatus::NotFound && !m_missing.contains(itemId)) {
                m_missing.insert(itemId);
                emit tokenMissing(itemId);
            }
            done(result);
        });
}

void ItemService::removeItem(const QString &itemId)
{
    if (m_removing.contains(itemId))
        return;
    m_removing.insert(itemId);
    if (m_remote) {
        m_remote->removeItem(itemId, this, [this, itemId](const QString &problem) {
            if (!problem.isEmpty()) {
                m_removing.remove(itemId);
                emit removeFailed(itemId, tr("server"), problem);
                return;
            }
            forget(itemId);
            emit itemRemoved(itemId);
        });
        return;
    }
    withAccessToken(itemId, this, [this, itemId](const vault::SecretResult &token) {
        auto *removal = new ItemRemoval(m_client, m_vault, itemId, tokenKey(itemId), this);
        connect(removal, &ItemRemoval::removed, this, [this, removal](const QString &id) {
            removal->deleteLater();
            forget(id);
            emit itemRemoved(id);
        });
        connect(removal, &ItemRemoval::failed, this,
                [this, removal](const QString &id, const QString &stage, const QString &reason) {
                    removal->deleteLater();
                    m_removing.remove(id);
                    emit removeFailed(id, stage, reason);
                });
        removal->start(token);
    });
}

void ItemService::forget(const QString &itemId)
{
    m_unsaved.remove(itemId);
    m_saveProblems.remove(itemId);
    m_missing.remove(itemId);
    m_removing.remove(itemId);
    m_store->remove(itemId);
    m_store->flush();
}

QString ItemService::tokenKey(const QString &itemId) const
{
    // The Item's own environment names the key (it may differ from this service's after a
    // change of settings).
    const vault::ItemRecord *record = m_store->item(itemId);
    return vault::TokenVault::accessTokenKey(record ? record->environment : m_environment, itemId);
}

bool ItemService::belongsHere(const vault::ItemRecord &record) const
{
    return record.environment == m_environment;
}

bool ItemService::belongsHere(const QString &itemId) const
{
    const vault::ItemRecord *record = m_store->item(itemId);
    return record && belongsHere(*record);
}

QStringList ItemService::itemsHere() const
{
    QStringList ids;
    for (const vault::ItemRecord &record : m_store->items()) {
        if (belongsHere(record))
            ids.append(record.itemId);
    }
    return ids;
}

ItemActions ItemService::actionsFor(const QString &itemId) const
{
    ItemActions actions;
    const vault::ItemRecord *record = m_store->item(itemId);
    if (!record || !belongsHere(*record) || m_removing.contains(itemId))
        return actions;
    // A missing token is found out by the action that needs it, which then says so.
    actions.refresh = true;
    if (m_remote && m_remote->isReadOnly())
        return actions; // a support account reads others' Items again, and only that
    actions.fixConnection = !record->isHealthy();
    // Plaid repairs a broken Item in the same session, so choosing is never blocked by one.
    actions.chooseAccounts = true;
    actions.retrySave = tokenState(itemId) == TokenState::Unsaved;
    actions.remove = true;
    actions.simulateLoginRequired =
        !m_remote && record->isHealthy() && isSandboxEnvironment(m_environment);
    return actions;
}

QString ItemService::displayName(const vault::ItemRecord &record)
{
    return record.institutionName.isEmpty() ? tr("Your bank") : record.institutionName;
}

QString ItemService::displayName(const QString &itemId) const
{
    const vault::ItemRecord *record = m_store->item(itemId);
    return record ? displayName(*record) : tr("Your bank");
}

QString ItemService::statusText(const vault::ItemRecord &record)
{
    const QString code = record.errorCode;
    if (record.isHealthy())
        return tr("Connected");
    if (code == u"ITEM_LOGIN_REQUIRED")
        return tr("Sign-in needed");
    if (code == u"PENDING_EXPIRATION")
        return tr("Access ends soon");
    if (code == u"PENDING_DISCONNECT")
        return tr("Disconnects soon");
    if (code == u"NEW_ACCOUNTS_AVAILABLE")
        return tr("New accounts found");
    if (code == u"INSTITUTION_DOWN" || code == u"INSTITUTION_NOT_RESPONDING" ||
        code == u"INSTITUTION_NOT_AVAILABLE")
        return tr("Bank not answering");
    if (code == u"INSTITUTION_NO_LONGER_SUPPORTED")
        return tr("Bank no longer supported");
    if (code == u"ITEM_LOCKED")
        return tr("Locked at the bank");
    if (code == u"USER_PERMISSION_REVOKED" || code == u"ACCESS_NOT_GRANTED")
        return tr("Access withdrawn");
    return tr("Not working");
}

bool ItemService::needsUser(const vault::ItemRecord &record)
{
    const QString &code = record.errorCode;
    return code == u"ITEM_LOGIN_REQUIRED" || code == u"PENDING_EXPIRATION" ||
           code == u"PENDING_DISCONNECT" || code == u"NEW_ACCOUNTS_AVAILABLE" ||
           code == u"ITEM_LOCKED";
}

QString ItemService::userActionText(const vault::ItemRecord &record)
{
    if (!needsUser(record))
        return {};
    const QString name = displayName(record);
    if (wantsAccountSelection(record))
        return tr("Choose accounts to share from %1").arg(name);
    return tr("Sign in to %1 again").arg(name);
}

QStringList ItemService::itemsNeedingUser() const
{
    if (m_remote && m_remote->isReadOnly())
        return {}; // others' Items: not the support account's to sign in to
    QStringList ids;
    for (const vault::ItemRecord &record : m_store->items()) {
        if (belongsHere(record) && needsUser(record))
            ids.append(record.itemId);
    }
    return ids;
}

bool ItemService::wantsAccountSelection(const vault::ItemRecord &record)
{
    return record.errorCode == u"NEW_ACCOUNTS_AVAILABLE";
}

QString ItemService::tokenSummary(const vault::ItemRecord &record) const
{
    if (!belongsHere(record))
        return tr("Kept for the %1 environment (not the current one)").arg(record.environment);
    if (m_remote)
        return tr("Kept by your provider's server");
    const QString problem = tokenProblem(record.itemId);
    return problem.isEmpty() ? tr("Saved in the keychain") : problem;
}

QJsonObject ItemService::recordJson(const vault::ItemRecord &record)
{
    QJsonObject json = record.toJson();
    QJsonObject institution = json.value(QLatin1StringView("institution")).toObject();
    institution.remove(QStringLiteral("logo"));
    json.insert(QStringLiteral("institution"), institution);
    return json;
}

bool ItemService::isSandboxEnvironment(const QString &environment)
{
    return environment == u"embedded" || environment == u"sandbox";
}

void ItemService::simulateLoginRequired(const QString &itemId)
{
    const vault::ItemRecord *record = m_store->item(itemId);
    if (!record || !isSandboxEnvironment(m_environment) || !belongsHere(*record)) {
        emit loginResetFailed(itemId, tr("only Items of a sandbox environment can be reset"));
        return;
    }
    withAccessToken(itemId, this, [this, itemId](const vault::SecretResult &token) {
        if (!token.ok()) {
            emit loginResetFailed(itemId, token.describe());
            return;
        }
        m_client->resetSandboxLogin(token.secret, this,
                                    [this, itemId](const plaid::PlaidResult<plaid::Done> &r) {
                                        if (r.ok())
                                            emit loginReset(itemId);
                                        else
                                            emit loginResetFailed(itemId, r.describe());
                                    });
    });
}

QJsonObject ItemService::diagnostics(const QString &itemId) const
{
    const vault::ItemRecord *record = m_store->item(itemId);
    if (!record)
        return {};
    QJsonObject json = recordJson(*record);
    QJsonArray accounts; // balances are not needed to diagnose
    for (const vault::StoredAccount &account : record->accounts) {
        accounts.append(QJsonObject{{QStringLiteral("account_id"), account.id},
                                    {QStringLiteral("mask"), account.mask},
                                    {QStringLiteral("type"), account.type},
                                    {QStringLiteral("subtype"), account.subtype}});
    }
    json.insert(QStringLiteral("accounts"), accounts);
    json.insert(QStringLiteral("token"), [&] {
        switch (tokenState(itemId)) {
        case TokenState::Saved:
            return QStringLiteral("saved in the keychain");
        case TokenState::Unsaved:
            return QStringLiteral("not saved");
        case TokenState::Missing:
            return QStringLiteral("missing");
        }
        return QString();
    }());
    return json;
}

} // namespace weft::items
