#include "remote/ServerItems.h"

#include "remote/RemoteLogging.h"
#include "remote/ServerClient.h"
#include "vault/ItemStore.h"

#include <QJsonArray>
#include <QPointer>
#include <QSet>
#include <QUrl>

namespace weft::remote {
namespace {

// The server says the Item is not there (not a proxy's or balancer's 404 page).
bool isGone(const ServerReply &reply)
{
    return reply.status == plaid::PlaidStatus::ApiError && reply.httpStatus == 404 &&
           reply.errorCode == u"NOT_FOUND";
}

QString itemPath(const QString &itemId, const QString &suffix = {})
{
    return QStringLiteral("/v1/items/%1%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(itemId)), suffix);
}

std::optional<double> number(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

} // namespace

ServerItems::ServerItems(ServerClient *client, vault::ItemStore *store, QString environment,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_environment(std::move(environment))
{
}

QString ServerItems::errorCodeFor(const QString &status, const QString &errorCode)
{
    if (status == u"healthy")
        return {};
    if (status == u"login_required")
        return QStringLiteral("ITEM_LOGIN_REQUIRED");
    if (status == u"pending_expiration")
        return QStringLiteral("PENDING_EXPIRATION");
    if (status == u"pending_disconnect")
        return QStringLiteral("PENDING_DISCONNECT");
    if (status == u"new_accounts")
        return QStringLiteral("NEW_ACCOUNTS_AVAILABLE");
    if (status == u"permission_revoked")
        return errorCode.isEmpty() ? QStringLiteral("USER_PERMISSION_REVOKED") : errorCode;
    return errorCode.isEmpty() ? status.toUpper() : errorCode;
}

bool ServerItems::applyItem(vault::ItemRecord &record, const QJsonObject &item, QString *error)
{
    const QString itemId = item.value(QLatin1StringView("item_id")).toString();
    const QJsonValue status = item.value(QLatin1StringView("status"));
    if (itemId.isEmpty() || !status.isString() || status.toString().isEmpty()) {
        *error = QStringLiteral("the server's Item has no item_id or status");
        return false;
    }
    record.itemId = itemId;
    record.institutionId = item.value(QLatin1StringView("institution_id")).toString();
    const QString name = item.value(QLatin1StringView("institution_name")).toString();
    if (!name.isEmpty())
        record.institutionName = name;
    const QString code =
        errorCodeFor(status.toString(), item.value(QLatin1StringView("error_code")).toString());
    if (code != record.errorCode) {
        record.errorCode = code;
        record.errorType = code.isEmpty() ? QString() : QStringLiteral("ITEM_ERROR");
        record.errorMessage.clear();
        record.displayMessage.clear();
    }
    const QDateTime created =
        QDateTime::fromString(item.value(QLatin1StringView("created_at")).toString(), Qt::ISODate);
    if (created.isValid())
        record.createdAt = created;
    const QDateTime updated =
        QDateTime::fromString(item.value(QLatin1StringView("updated_at")).toString(), Qt::ISODate);
    if (updated.isValid())
        record.lastRefresh = updated;
    record.refreshProblem.clear();
    record.owner = item.value(QLatin1StringView("user_email")).toString();
    record.tokenSaved = true; // held by the server
    return true;
}

void ServerItems::applyTimeline(vault::ItemRecord &record, const QJsonArray &timeline)
{
    record.events.clear();
    for (const QJsonValue value : timeline) {
        const QJsonObject event = value.toObject();
        QJsonObject metadata;
        for (const char *key : {"webhook_type", "error_code"}) {
            const QJsonValue field = event.value(QLatin1StringView(key));
            if (field.isString())
                metadata.insert(QLatin1StringView(key), field);
        }
        record.events.append(
            {QDateTime::fromString(event.value(QLatin1StringView("at")).toString(), Qt::ISODate),
             event.value(QLatin1StringView("code")).toString(),
             event.value(QLatin1StringView("source")).toString(), metadata});
    }
}

void ServerItems::applyAccounts(vault::ItemRecord &record, const QJsonArray &accounts)
{
    record.accounts.clear();
    for (const QJsonValue value : accounts) {
        const QJsonObject a = value.toObject();
        const QJsonObject balances = a.value(QLatin1StringView("balances")).toObject();
        record.accounts.append({a.value(QLatin1StringView("account_id")).toString(),
                                a.value(QLatin1StringView("name")).toString(),
                                a.value(QLatin1StringView("official_name")).toString(),
                                a.value(QLatin1StringView("mask")).toString(),
                                a.value(QLatin1StringView("type")).toString(),
                                a.value(QLatin1StringView("subtype")).toString(),
                                number(balances, QLatin1StringView("available")),
                                number(balances, QLatin1StringView("current")),
                                number(balances, QLatin1StringView("limit")),
                                balances.value(QLatin1StringView("iso_currency_code")).toString()});
    }
}

bool ServerItems::storeAnswer(const QString &itemId, const QJsonObject &answer, QString *problem)
{
    vault::ItemRecord record;
    if (const vault::ItemRecord *known = m_store->item(itemId))
        record = *known;
    record.environment = m_environment;
    if (!applyItem(record, answer.value(QLatin1StringView("item")).toObject(), problem))
        return false;
    if (record.itemId != itemId) {
        *problem = QStringLiteral("the server answered with another Item");
        return false;
    }
    const QJsonValue accounts = answer.value(QLatin1StringView("accounts"));
    if (accounts.isArray())
        applyAccounts(record, accounts.toArray());
    const QJsonValue timeline = answer.value(QLatin1StringView("timeline"));
    if (timeline.isArray())
        applyTimeline(record, timeline.toArray());
    m_store->upsert(record);
    m_store->flush();
    emit itemUpdated(itemId);
    return true;
}

void ServerItems::sync()
{
    const QString path = m_support
                             ? QStringLiteral("/v1/support/items?limit=%1").arg(kSupportListLimit)
                             : QStringLiteral("/v1/items");
    const QDateTime asked = QDateTime::currentDateTimeUtc();
    m_client->call("GET", path, {}, this, [this, asked](const ServerReply &reply) {
        if (!reply.ok()) {
            emit syncFailed(reply.describe());
            return;
        }
        const QJsonValue list = reply.body.value(QLatin1StringView("items"));
        if (!list.isArray()) {
            emit syncFailed(QStringLiteral("the server's list of Items is not a list"));
            return;
        }
        QSet<QString> listed;
        QStringList changed;
        for (const QJsonValue value : list.toArray()) {
            vault::ItemRecord record;
            const QString itemId = value.toObject().value(QLatin1StringView("item_id")).toString();
            if (const vault::ItemRecord *known = m_store->item(itemId))
                record = *known;
            const vault::ItemRecord before = record;
            record.environment = m_environment;
            QString problem;
            if (!itemId.isEmpty())
                listed.insert(itemId); // listed, even if this answer about it is not readable
            if (!applyItem(record, value.toObject(), &problem)) {
                qCWarning(lcRemote) << "an Item in the server's list was skipped:" << problem;
                continue;
            }
            if (before.itemId.isEmpty() || before.lastRefresh != record.lastRefresh ||
                before.errorCode != record.errorCode)
                changed.append(itemId);
            m_store->upsert(record);
        }
        QStringList gone;
        for (const vault::ItemRecord &record : m_store->items()) {
            // An Item linked here after the list was asked for is not in it yet: it stays.
            const bool linkedSince = record.createdAt.isValid() && record.createdAt > asked;
            if (record.environment == m_environment && !listed.contains(record.itemId) &&
                !linkedSince)
                gone.append(record.itemId);
        }
        for (const QString &itemId : std::as_const(gone))
            m_store->remove(itemId);
        m_store->flush();
        for (const QString &itemId : std::as_const(gone))
            emit itemGone(itemId);
        // Accounts and balances of what is new. A support account reads an Item's details
        // only when asked (Refresh): each read is audited at the server.
        if (!m_support) {
            for (const QString &itemId : std::as_const(changed))
                fetchItem(itemId, this, [](const QString &) {});
        }
        emit synced(int(listed.size()));
    });
}

void ServerItems::fetchItem(const QString &itemId, QObject *context, const Done &done)
{
    QPointer<QObject> guard(context);
    const QString path = m_support ? QStringLiteral("/v1/support/items/%1")
                                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(itemId)))
                                   : itemPath(itemId);
    m_client->call("GET", path, {}, this, [this, itemId, guard, done](const ServerReply &reply) {
        QString problem;
        if (isGone(reply)) {
            forgetItem(itemId);
            problem = tr("The server no longer has this Item.");
        } else if (!reply.ok()) {
            problem = reply.describe();
            m_store->update(itemId,
                            [&](vault::ItemRecord &record) { record.refreshProblem = problem; });
        } else {
            storeAnswer(itemId, reply.body, &problem);
        }
        if (guard)
            done(problem);
    });
}

void ServerItems::forgetItem(const QString &itemId)
{
    const vault::ItemRecord *record = m_store->item(itemId);
    if (!record || record->environment != m_environment)
        return;
    m_store->remove(itemId);
    m_store->flush();
    emit itemGone(itemId);
}

void ServerItems::refreshItem(const QString &itemId, QObject *context, Done done)
{
    if (m_support) { // read again: support does not send anyone's Item to Plaid
        fetchItem(itemId, context, done);
        return;
    }
    QPointer<QObject> guard(context);
    // The server asks Plaid for the Item's state first; then the details, with balances.
    m_client->call("POST", itemPath(itemId, QStringLiteral("/refresh")), {}, this,
                   [this, itemId, guard, done](const ServerReply &reply) {
                       if (isGone(reply)) {
                           forgetItem(itemId);
                           if (guard)
                               done(tr("The server no longer has this Item."));
                           return;
                       }
                       // What Plaid could not say (unreachable, an error of its own) is the
                       // refresh's outcome, beside what the server still knows of the Item.
                       const QString refreshProblem = reply.ok() ? QString() : reply.describe();
                       fetchItem(itemId, this, [guard, done, refreshProblem](const QString &p) {
                           if (guard)
                               done(refreshProblem.isEmpty() ? p : refreshProblem);
                       });
                   });
}

void ServerItems::removeItem(const QString &itemId, QObject *context, Done done)
{
    if (m_support) {
        done(tr("A support account cannot remove someone's connection."));
        return;
    }
    QPointer<QObject> guard(context);
    m_client->call("DELETE", itemPath(itemId), {}, this, [guard, done](const ServerReply &reply) {
        // Not found: already gone from the server, which is what was asked.
        const bool removed = reply.ok() || isGone(reply);
        if (guard)
            done(removed ? QString() : reply.describe());
    });
}

} // namespace weft::remote
