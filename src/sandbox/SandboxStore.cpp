#include "sandbox/SandboxStore.h"

#include "core/AtomicFile.h"
#include "plaid/JsonReader.h"

#include <QFile>
#include <QJsonDocument>

namespace weft::sandbox {
namespace {

constexpr int kFormatVersion = 1;

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject linkTokenJson(const QByteArray &hash, const LinkTokenRecord &record)
{
    return {{QStringLiteral("sha256"), QString::fromLatin1(hash)},
            {QStringLiteral("client_id"), record.clientId},
            {QStringLiteral("created_at"), isoTime(record.createdAt)},
            {QStringLiteral("expiration"), isoTime(record.expiration)},
            {QStringLiteral("metadata"), record.metadata},
            {QStringLiteral("update_item_id"), record.updateItemId},
            {QStringLiteral("account_selection"), record.accountSelection},
            {QStringLiteral("completed"), record.completed},
            {QStringLiteral("failed_logins"), record.failedLogins},
            {QStringLiteral("hosted_link_sha256"), QString::fromLatin1(record.hostedLinkHash)},
            {QStringLiteral("completion_redirect_uri"), record.completionRedirectUri}};
}

QJsonObject publicTokenJson(const QByteArray &hash, const PublicTokenRecord &record)
{
    return {{QStringLiteral("sha256"), QString::fromLatin1(hash)},
            {QStringLiteral("client_id"), record.clientId},
            {QStringLiteral("item_id"), record.itemId},
            {QStringLiteral("expiration"), isoTime(record.expiration)},
            {QStringLiteral("used"), record.used}};
}

QJsonArray accountsJson(const QList<plaid::Account> &list)
{
    QJsonArray accounts;
    for (const plaid::Account &account : list)
        accounts.append(account.toJson());
    return accounts;
}

QJsonArray transactionLogJson(const QList<TransactionChange> &log)
{
    QJsonArray changes;
    for (const TransactionChange &change : log)
        changes.append(change.toJson());
    return changes;
}

QJsonObject itemJson(const ItemRecord &record)
{
    return {{QStringLiteral("client_id"), record.clientId},
            {QStringLiteral("access_token_sha256"), QString::fromLatin1(record.accessTokenHash)},
            {QStringLiteral("item"), record.item.toJson()},
            {QStringLiteral("accounts"), accountsJson(record.accounts)},
            {QStringLiteral("unshared_accounts"), accountsJson(record.unsharedAccounts)},
            {QStringLiteral("new_account_ids"), QJsonArray::fromStringList(record.newAccountIds)},
            {QStringLiteral("transaction_log"), transactionLogJson(record.transactionLog)}};
}

QByteArray hashField(plaid::JsonReader &reader, QLatin1StringView key)
{
    return reader.string(key).toLatin1();
}

} // namespace

void SandboxStore::prune(const QDateTime &now)
{
    const QDateTime horizon = now.addDays(-1);
    for (auto it = linkTokens.begin(); it != linkTokens.end();)
        it = it->expiration < horizon ? linkTokens.erase(it) : std::next(it);
    for (auto it = publicTokens.begin(); it != publicTokens.end();)
        it = it->expiration < horizon ? publicTokens.erase(it) : std::next(it);
}

QJsonObject SandboxStore::toJson() const
{
    QJsonArray links;
    for (auto it = linkTokens.cbegin(); it != linkTokens.cend(); ++it)
        links.append(linkTokenJson(it.key(), it.value()));
    QJsonArray publics;
    for (auto it = publicTokens.cbegin(); it != publicTokens.cend(); ++it)
        publics.append(publicTokenJson(it.key(), it.value()));
    QJsonArray itemList;
    for (const ItemRecord &record : items)
        itemList.append(itemJson(record));
    return {{QStringLiteral("format"), QStringLiteral("weft-sandbox-state")},
            {QStringLiteral("version"), kFormatVersion},
            {QStringLiteral("link_tokens"), links},
            {QStringLiteral("public_tokens"), publics},
            {QStringLiteral("items"), itemList}};
}

bool SandboxStore::fromJson(const QJsonObject &object, QString *error)
{
    plaid::JsonReader root(object);
    if (root.string(QLatin1StringView("format")) != u"weft-sandbox-state" ||
        object.value(QLatin1StringView("version")).toInt() != kFormatVersion) {
        *error = QStringLiteral("not a Weft sandbox state file of version %1").arg(kFormatVersion);
        return false;
    }
    SandboxStore loaded;
    for (plaid::JsonReader &r : root.objectList(QLatin1StringView("link_tokens"))) {
        LinkTokenRecord record;
        record.clientId = r.string(QLatin1StringView("client_id"));
        record.createdAt = r.dateTime(QLatin1StringView("created_at"));
        record.expiration = r.dateTime(QLatin1StringView("expiration"));
        record.metadata = r.object(QLatin1StringView("metadata")).json();
        record.updateItemId = r.optionalString(QLatin1StringView("update_item_id"));
        record.accountSelection = r.json().value(QLatin1StringView("account_selection")).toBool();
        record.completed = r.boolean(QLatin1StringView("completed"));
        record.failedLogins = r.json().value(QLatin1StringView("failed_logins")).toInt();
        record.hostedLinkHash =
            r.optionalString(QLatin1StringView("hosted_link_sha256")).toLatin1();
        record.completionRedirectUri =
            r.optionalString(QLatin1StringView("completion_redirect_uri"));
        loaded.linkTokens.insert(hashField(r, QLatin1StringView("sha256")), record);
    }
    for (plaid::JsonReader &r : root.objectList(QLatin1StringView("public_tokens"))) {
        PublicTokenRecord record;
        record.clientId = r.string(QLatin1StringView("client_id"));
        record.itemId = r.string(QLatin1StringView("item_id"));
        record.expiration = r.dateTime(QLatin1StringView("expiration"));
        record.used = r.boolean(QLatin1StringView("used"));
        loaded.publicTokens.insert(hashField(r, QLatin1StringView("sha256")), record);
    }
    for (plaid::JsonReader &r : root.objectList(QLatin1StringView("items"))) {
        ItemRecord record;
        record.clientId = r.string(QLatin1StringView("client_id"));
        record.accessTokenHash =
            r.optionalString(QLatin1StringView("access_token_sha256")).toLatin1();
        plaid::JsonReader item = r.object(QLatin1StringView("item"));
        record.item = plaid::Item::fromJson(item);
        for (plaid::JsonReader &account : r.objectList(QLatin1StringView("accounts")))
            record.accounts.append(plaid::Account::fromJson(account));
        // Files written before account selection have neither list.
        if (r.json().contains(QLatin1StringView("unshared_accounts"))) {
            for (plaid::JsonReader &account : r.objectList(QLatin1StringView("unshared_accounts")))
                record.unsharedAccounts.append(plaid::Account::fromJson(account));
        }
        record.newAccountIds = r.stringList(QLatin1StringView("new_account_ids"), false);
        const QJsonArray changes = r.json().value(QLatin1StringView("transaction_log")).toArray();
        for (const QJsonValue change : changes) {
            const std::optional<TransactionChange> read =
                TransactionChange::fromJson(change.toObject());
            if (!read) {
                r.fail(QStringLiteral("transaction_log: a change is not readable"));
                break;
            }
            record.transactionLog.append(*read);
        }
        if (!record.accessTokenHash.isEmpty())
            loaded.itemByAccessToken.insert(record.accessTokenHash, record.item.itemId);
        loaded.items.insert(record.item.itemId, record);
    }
    if (!root.ok()) {
        *error = root.errorString();
        return false;
    }
    *this = std::move(loaded);
    return true;
}

bool SandboxStore::save(const QString &path, QString *error) const
{
    return writeFileAtomically(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented),
                               error);
}

bool SandboxStore::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = path + QStringLiteral(": not valid JSON (") + parseError.errorString() +
                 QStringLiteral(" at offset ") + QString::number(parseError.offset) +
                 QStringLiteral(")");
        return false;
    }
    if (!document.isObject()) {
        *error = path + QStringLiteral(": not a Weft sandbox state file (a JSON object)");
        return false;
    }
    QString reason;
    if (!fromJson(document.object(), &reason)) {
        *error = path + QStringLiteral(": ") + reason;
        return false;
    }
    return true;
}

} // namespace weft::sandbox
