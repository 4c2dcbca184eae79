#pragma once

#include "plaid/PlaidModels.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace weft::sandbox {

// One change to an Item's transactions, in the order /transactions/sync reports them. A cursor
// is a position in this log.
struct TransactionChange
{
    enum class Kind { Added, Modified, Removed };
    Kind kind = Kind::Added;
    QJsonObject transaction; // Plaid's Transaction (Removed: only transaction_id, account_id)

    QJsonObject toJson() const;
    static std::optional<TransactionChange> fromJson(const QJsonObject &object);
};

// Plaid's Sandbox transactions: a month of history for each depository and credit account, and
// what a refresh brings (a pending purchase, which posts at the next refresh; a merchant name
// filled in).
class SandboxTransactions
{
public:
    // Appends the history of the accounts that have none in log yet (a new Item, or an account
    // the user chose to share later), dated up to today.
    static void addHistory(QList<TransactionChange> *log, const QList<plaid::Account> &accounts,
                           const QDateTime &now);
    // What /transactions/refresh finds at the bank; false when none of accounts has
    // transactions.
    static bool refresh(QList<TransactionChange> *log, const QList<plaid::Account> &accounts,
                        const QDateTime &now);
    // Whether the account has transactions at all (depository and credit accounts).
    static bool hasTransactions(const plaid::Account &account);
};

} // namespace weft::sandbox
