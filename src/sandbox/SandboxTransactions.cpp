#include "sandbox/SandboxTransactions.h"

#include "sandbox/SandboxIds.h"

#include <QJsonArray>
#include <QSet>

namespace weft::sandbox {
namespace {

struct Template
{
    int daysAgo;
    double amount; // positive: money out, as Plaid signs it
    const char *name;
    const char *merchant; // nullptr: no merchant name (yet)
    const char *channel;  // online, in store, other
    const char *primary;  // personal_finance_category
    const char *detailed;
};

const Template kDepository[] = {
    {2, 6.33, "Uber 072515 SF**POOL**", "Uber", "online", "TRANSPORTATION",
     "TRANSPORTATION_TAXIS_AND_RIDE_SHARES"},
    {4, 500, "United Airlines", "United Airlines", "in store", "TRAVEL", "TRAVEL_FLIGHTS"},
    {6, 12, "McDonald's", "McDonald's", "in store", "FOOD_AND_DRINK", "FOOD_AND_DRINK_FAST_FOOD"},
    {7, 4.33, "Starbucks", "Starbucks", "in store", "FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE"},
    {9, 89.4, "SparkFun", nullptr, "in store", "GENERAL_MERCHANDISE",
     "GENERAL_MERCHANDISE_ELECTRONICS"},
    {12, -4.22, "INTRST PYMNT", nullptr, "other", "INCOME", "INCOME_INTEREST_EARNED"},
    {14, 1000, "CD DEPOSIT .INITIAL.", nullptr, "other", "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"},
    {17, 78.5, "Touchstone Climbing", "Touchstone", "in store", "PERSONAL_CARE",
     "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"},
    {20, -500, "United Airlines", "United Airlines", "in store", "TRAVEL", "TRAVEL_FLIGHTS"},
    {23, 5.4, "Uber 063015 SF**POOL**", "Uber", "online", "TRANSPORTATION",
     "TRANSPORTATION_TAXIS_AND_RIDE_SHARES"},
    {26, 25, "CREDIT CARD 3333 PAYMENT *//", nullptr, "other", "LOAN_PAYMENTS",
     "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"},
    {28, 5850, "ACH Electronic CreditGUSTO PAY 123456", nullptr, "online", "INCOME",
     "INCOME_WAGES"},
};

const Template kCredit[] = {
    {3, 500, "Tectra Inc", nullptr, "in store", "ENTERTAINMENT", "ENTERTAINMENT_OTHER"},
    {8, 2078.5, "AUTOMATIC PAYMENT - THANK", nullptr, "other", "LOAN_PAYMENTS",
     "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"},
    {15, 500, "KFC", "KFC", "in store", "FOOD_AND_DRINK", "FOOD_AND_DRINK_FAST_FOOD"},
    {21, 500, "Madison Bicycle Shop", "Madison Bicycle Shop", "in store", "GENERAL_MERCHANDISE",
     "GENERAL_MERCHANDISE_SPORTING_GOODS"},
};

QJsonValue nullable(const char *text)
{
    return text ? QJsonValue(QLatin1StringView(text)) : QJsonValue(QJsonValue::Null);
}

QJsonObject nullFields(std::initializer_list<const char *> keys)
{
    QJsonObject object;
    for (const char *key : keys)
        object.insert(QLatin1StringView(key), QJsonValue::Null);
    return object;
}

QJsonObject transaction(const plaid::Account &account, const Template &t, const QDate &date,
                        bool pending, const QString &pendingId = {})
{
    const QString day = date.toString(Qt::ISODate);
    return {
        {QStringLiteral("transaction_id"), ids::objectId()},
        {QStringLiteral("account_id"), account.accountId},
        {QStringLiteral("account_owner"), QJsonValue::Null},
        {QStringLiteral("amount"), t.amount},
        {QStringLiteral("iso_currency_code"), account.balances.isoCurrencyCode.isEmpty()
                                                  ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(account.balances.isoCurrencyCode)},
        {QStringLiteral("unofficial_currency_code"), QJsonValue::Null},
        {QStringLiteral("check_number"), QJsonValue::Null},
        {QStringLiteral("counterparties"), QJsonArray()},
        {QStringLiteral("date"), day},
        {QStringLiteral("datetime"), QJsonValue::Null},
        {QStringLiteral("authorized_date"), day},
        {QStringLiteral("authorized_datetime"), QJsonValue::Null},
        {QStringLiteral("location"), nullFields({"address", "city", "region", "postal_code",
                                                 "country", "lat", "lon", "store_number"})},
        {QStringLiteral("name"), QLatin1StringView(t.name)},
        {QStringLiteral("merchant_name"), nullable(t.merchant)},
        {QStringLiteral("merchant_entity_id"), QJsonValue::Null},
        {QStringLiteral("logo_url"), QJsonValue::Null},
        {QStringLiteral("website"), QJsonValue::Null},
        {QStringLiteral("payment_meta"),
         nullFields({"by_order_of", "payee", "payer", "payment_method", "payment_processor",
                     "ppd_id", "reason", "reference_number"})},
        {QStringLiteral("payment_channel"), QLatin1StringView(t.channel)},
        {QStringLiteral("pending"), pending},
        {QStringLiteral("pending_transaction_id"),
         pendingId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(pendingId)},
        {QStringLiteral("personal_finance_category"),
         QJsonObject{{QStringLiteral("primary"), QLatin1StringView(t.primary)},
                     {QStringLiteral("detailed"), QLatin1StringView(t.detailed)},
                     {QStringLiteral("confidence_level"), QStringLiteral("VERY_HIGH")}}},
        {QStringLiteral("transaction_code"), QJsonValue::Null},
        {QStringLiteral("original_description"), QJsonValue::Null},
    };
}

QString kindName(TransactionChange::Kind kind)
{
    switch (kind) {
    case TransactionChange::Kind::Added:
        return QStringLiteral("added");
    case TransactionChange::Kind::Modified:
        return QStringLiteral("modified");
    case TransactionChange::Kind::Removed:
        return QStringLiteral("removed");
    }
    return {};
}

// The transactions as they stand after the log: transaction_id -> the latest version.
QHash<QString, QJsonObject> current(const QList<TransactionChange> &log)
{
    QHash<QString, QJsonObject> state;
    for (const TransactionChange &change : log) {
        const QString id = change.transaction.value(QLatin1StringView("transaction_id")).toString();
        if (change.kind == TransactionChange::Kind::Removed)
            state.remove(id);
        else
            state.insert(id, change.transaction);
    }
    return state;
}

} // namespace

QJsonObject TransactionChange::toJson() const
{
    return {{QStringLiteral("kind"), kindName(kind)}, {QStringLiteral("transaction"), transaction}};
}

std::optional<TransactionChange> TransactionChange::fromJson(const QJsonObject &object)
{
    TransactionChange change;
    const QString kind = object.value(QLatin1StringView("kind")).toString();
    if (kind == u"added")
        change.kind = Kind::Added;
    else if (kind == u"modified")
        change.kind = Kind::Modified;
    else if (kind == u"removed")
        change.kind = Kind::Removed;
    else
        return std::nullopt;
    change.transaction = object.value(QLatin1StringView("transaction")).toObject();
    if (change.transaction.value(QLatin1StringView("transaction_id")).toString().isEmpty())
        return std::nullopt;
    return change;
}

bool SandboxTransactions::hasTransactions(const plaid::Account &account)
{
    return account.type == u"credit" ||
           (account.type == u"depository" &&
            (account.subtype == u"checking" || account.subtype == u"savings"));
}

void SandboxTransactions::addHistory(QList<TransactionChange> *log,
                                     const QList<plaid::Account> &accounts, const QDateTime &now)
{
    QSet<QString> covered;
    for (const TransactionChange &change : std::as_const(*log))
        covered.insert(change.transaction.value(QLatin1StringView("account_id")).toString());
    const QDate today = now.toUTC().date();
    for (const plaid::Account &account : accounts) {
        if (!hasTransactions(account) || covered.contains(account.accountId))
            continue;
        const bool credit = account.type == u"credit";
        const Template *begin = credit ? std::begin(kCredit) : std::begin(kDepository);
        const Template *end = credit ? std::end(kCredit) : std::end(kDepository);
        // Oldest first, as a bank's history arrives.
        for (const Template *t = end; t != begin;) {
            --t;
            log->append({TransactionChange::Kind::Added,
                         transaction(account, *t, today.addDays(-t->daysAgo), false)});
        }
    }
}

bool SandboxTransactions::refresh(QList<TransactionChange> *log,
                                  const QList<plaid::Account> &accounts, const QDateTime &now)
{
    const plaid::Account *spender = nullptr;
    for (const plaid::Account &account : accounts) {
        if (hasTransactions(account) && !spender)
            spender = &account;
    }
    if (!spender)
        return false;
    addHistory(log, accounts, now);
    const QDate today = now.toUTC().date();
    const QHash<QString, QJsonObject> state = current(*log);
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        const QJsonObject &t = it.value();
        if (t.value(QLatin1StringView("pending")).toBool()) {
            // Yesterday's pending purchase posts: Plaid removes the pending transaction and adds
            // the posted one, which names it.
            log->append(
                {TransactionChange::Kind::Removed,
                 {{QStringLiteral("transaction_id"), it.key()},
                  {QStringLiteral("account_id"), t.value(QLatin1StringView("account_id"))}}});
            QJsonObject posted = t;
            posted.insert(QStringLiteral("transaction_id"), ids::objectId());
            posted.insert(QStringLiteral("pending"), false);
            posted.insert(QStringLiteral("pending_transaction_id"), it.key());
            posted.insert(QStringLiteral("date"), today.toString(Qt::ISODate));
            log->append({TransactionChange::Kind::Added, posted});
        } else if (t.value(QLatin1StringView("merchant_name")).isNull() &&
                   t.value(QLatin1StringView("name")).toString() == u"SparkFun") {
            QJsonObject named = t; // the merchant is recognised now
            named.insert(QStringLiteral("merchant_name"), QStringLiteral("SparkFun Electronics"));
            log->append({TransactionChange::Kind::Modified, named});
        }
    }
    static const Template purchase{
        0, 4.89, "Starbucks", "Starbucks", "in store", "FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE"};
    log->append({TransactionChange::Kind::Added, transaction(*spender, purchase, today, true)});
    return true;
}

} // namespace weft::sandbox
