// SandboxApi: /transactions/sync (cursors into the Item's log of changes, pages of `count`) and
// /transactions/refresh (new activity at the bank, then SYNC_UPDATES_AVAILABLE to the Item's
// webhook).
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxValidation.h"

#include <QJsonArray>

#include <cmath>

namespace weft::sandbox {
namespace {

constexpr int kDefaultCount = 100;
constexpr int kMaxCount = 500;

// A cursor names a position in the Item's log and the log's length when it was given: a
// cursor given mid-pagination (position short of that length) goes stale when the log grows.
QString cursorFor(const QString &itemId, qsizetype position, qsizetype logSize)
{
    return QString::fromLatin1(
        QStringLiteral("v1:%1:%2:%3")
            .arg(itemId)
            .arg(position)
            .arg(logSize)
            .toUtf8()
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

struct CursorPosition
{
    qsizetype position = -1; // -1: not a cursor of this Item's log
    qsizetype logSize = -1;  // the log's length when it was given (-1: not recorded)
};

CursorPosition positionOf(const QString &cursor, const QString &itemId, qsizetype logSize)
{
    const QByteArray decoded = QByteArray::fromBase64(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QList<QByteArray> parts = decoded.split(':');
    if ((parts.size() != 3 && parts.size() != 4) || parts.at(0) != "v1" ||
        QString::fromUtf8(parts.at(1)) != itemId)
        return {};
    bool ok = false;
    const qsizetype position = parts.at(2).toLongLong(&ok);
    if (!ok || position < 0 || position > logSize)
        return {};
    if (parts.size() == 3) // given before the length was recorded
        return {position, -1};
    const qsizetype given = parts.at(3).toLongLong(&ok);
    if (!ok || given < position || given > logSize)
        return {};
    return {position, given};
}

} // namespace

SandboxResponse SandboxApi::transactionsSync(const Call &call)
{
    ItemRecord *item = nullptr;
    QList<plaid::Account> accounts;
    if (auto error = itemAccounts(call, &item, &accounts))
        return *error;
    const QJsonValue countValue = call.body.value(QLatin1StringView("count"));
    int count = kDefaultCount;
    if (!countValue.isUndefined() && !countValue.isNull()) {
        const double number = countValue.toDouble(-1);
        if (!countValue.isDouble() || number != std::floor(number) || number < 1 ||
            number > kMaxCount)
            return fail(call, u"INVALID_FIELD",
                        QStringLiteral("count must be a whole number from 1 to %1").arg(kMaxCount));
        count = int(number);
    }
    const QJsonObject options = call.body.value(QLatin1StringView("options")).toObject();
    const QString onlyAccount = options.value(QLatin1StringView("account_id")).toString();
    if (!onlyAccount.isEmpty() &&
        std::none_of(accounts.cbegin(), accounts.cend(),
                     [&](const plaid::Account &a) { return a.accountId == onlyAccount; }))
        return fail(call, u"INVALID_ACCOUNT_ID");
    if (auto error = useProduct(call, item, QStringLiteral("transactions")))
        return *error;
    const qsizetype before = item->transactionLog.size();
    SandboxTransactions::addHistory(&item->transactionLog, item->accounts, m_clock->now());
    if (item->transactionLog.size() != before)
        stateChanged();

    const QString cursor = call.body.value(QLatin1StringView("cursor")).toString();
    const QList<TransactionChange> &log = item->transactionLog;
    qsizetype position = 0;
    if (!cursor.isEmpty()) {
        const CursorPosition at = positionOf(cursor, item->item.itemId, log.size());
        if (at.position < 0)
            return fail(call, u"INVALID_FIELD",
                        QStringLiteral("cursor is not one that /transactions/sync gave for this "
                                       "Item"));
        // Mid-pagination (has_more was true) and the data changed since: Plaid makes the
        // client start the pagination over from its first cursor.
        if (at.logSize >= 0 && at.position < at.logSize && at.logSize != log.size())
            return fail(call, u"TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION");
        position = at.position;
    }
    // A page: the next `count` changes, each transaction reported once, as it stands at the
    // end of the page.
    QList<QString> order;
    QHash<QString, QJsonObject> added;
    QHash<QString, QJsonObject> modified;
    QHash<QString, QJsonObject> removed;
    const qsizetype end = std::min(log.size(), position + count);
    for (qsizetype i = position; i < end; ++i) {
        const TransactionChange &change = log.at(i);
        const QJsonObject &t = change.transaction;
        if (!onlyAccount.isEmpty() &&
            t.value(QLatin1StringView("account_id")).toString() != onlyAccount)
            continue;
        const QString id = t.value(QLatin1StringView("transaction_id")).toString();
        if (!order.contains(id))
            order.append(id);
        switch (change.kind) {
        case TransactionChange::Kind::Added:
            added.insert(id, t);
            break;
        case TransactionChange::Kind::Modified:
            if (added.contains(id))
                added.insert(id, t);
            else
                modified.insert(id, t);
            break;
        case TransactionChange::Kind::Removed:
            if (!added.remove(id))
                removed.insert(id, t);
            modified.remove(id);
            break;
        }
    }
    QJsonArray addedList;
    QJsonArray modifiedList;
    QJsonArray removedList;
    const bool descriptions =
        options.value(QLatin1StringView("include_original_description")).toBool();
    const auto shown = [descriptions](QJsonObject t) {
        if (descriptions)
            t.insert(QStringLiteral("original_description"),
                     t.value(QLatin1StringView("name")).toString().toUpper());
        return t;
    };
    for (const QString &id : std::as_const(order)) {
        if (added.contains(id))
            addedList.append(shown(added.value(id)));
        else if (modified.contains(id))
            modifiedList.append(shown(modified.value(id)));
        else if (removed.contains(id))
            removedList.append(removed.value(id));
    }
    QJsonArray accountList;
    for (const plaid::Account &account : std::as_const(item->accounts)) {
        if (onlyAccount.isEmpty() || account.accountId == onlyAccount)
            accountList.append(account.toJson());
    }
    return ok(call, {{QStringLiteral("transactions_update_status"),
                      QStringLiteral("HISTORICAL_UPDATE_COMPLETE")},
                     {QStringLiteral("accounts"), accountList},
                     {QStringLiteral("added"), addedList},
                     {QStringLiteral("modified"), modifiedList},
                     {QStringLiteral("removed"), removedList},
                     {QStringLiteral("next_cursor"), cursorFor(item->item.itemId, end, log.size())},
                     {QStringLiteral("has_more"), end < log.size()}});
}

SandboxResponse SandboxApi::transactionsRefresh(const Call &call)
{
    ItemRecord *item = nullptr;
    QList<plaid::Account> accounts;
    if (auto error = itemAccounts(call, &item, &accounts))
        return *error;
    if (!item->item.billedProducts.contains(u"transactions"))
        return fail(call, u"PRODUCTS_NOT_SUPPORTED",
                    QStringLiteral("transactions is not enabled for this Item"));
    if (SandboxTransactions::refresh(&item->transactionLog, item->accounts, m_clock->now())) {
        stateChanged();
        queueSyncWebhook(*item);
    }
    return ok(call, {});
}

void SandboxApi::queueSyncWebhook(const ItemRecord &item)
{
    if (item.item.webhook.isEmpty() || !validation::isWebUrl(item.item.webhook))
        return;
    m_outbox.append(
        {QUrl(item.item.webhook),
         QJsonObject{{QStringLiteral("webhook_type"), QStringLiteral("TRANSACTIONS")},
                     {QStringLiteral("webhook_code"), QStringLiteral("SYNC_UPDATES_AVAILABLE")},
                     {QStringLiteral("item_id"), item.item.itemId},
                     {QStringLiteral("initial_update_complete"), true},
                     {QStringLiteral("historical_update_complete"), true},
                     {QStringLiteral("environment"), QStringLiteral("sandbox")}}});
}

} // namespace weft::sandbox
