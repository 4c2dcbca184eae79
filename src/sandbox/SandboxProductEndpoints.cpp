// SandboxApi: the product endpoints over an Item's accounts, with Plaid's Sandbox data:
// /accounts/balance/get, /auth/get (account and routing numbers) and /identity/get (the
// account holder Plaid's Sandbox shows for every account).
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxValidation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace weft::sandbox {
namespace {

// Plaid's Sandbox account holder.
QJsonObject sandboxOwner()
{
    const auto phone = [](const char *number, const char *type) {
        return QJsonObject{{QStringLiteral("data"), QLatin1StringView(number)},
                           {QStringLiteral("primary"), false},
                           {QStringLiteral("type"), QLatin1StringView(type)}};
    };
    const auto email = [](const char *address, bool primary, const char *type) {
        return QJsonObject{{QStringLiteral("data"), QLatin1StringView(address)},
                           {QStringLiteral("primary"), primary},
                           {QStringLiteral("type"), QLatin1StringView(type)}};
    };
    const auto address = [](const char *street, const char *city, const char *region,
                            const char *postal, bool primary) {
        return QJsonObject{{QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("city"), QLatin1StringView(city)},
                                        {QStringLiteral("country"), QStringLiteral("US")},
                                        {QStringLiteral("postal_code"), QLatin1StringView(postal)},
                                        {QStringLiteral("region"), QLatin1StringView(region)},
                                        {QStringLiteral("street"), QLatin1StringView(street)}}},
                           {QStringLiteral("primary"), primary}};
    };
    return {{QStringLiteral("names"), QJsonArray{QStringLiteral("Alberta Bobbeth Charleson")}},
            {QStringLiteral("phone_numbers"),
             QJsonArray{phone("+1 111-555-3333", "home"), phone("+1 111-555-4444", "work"),
                        phone("+1 111-555-5555", "mobile")}},
            {QStringLiteral("emails"),
             QJsonArray{email("accountholder0@example.com", true, "primary"),
                        email("accountholder1@example.com", false, "secondary"),
                        email("extraordinarily.long.email.username.123456@reallylonghostname.com",
                              false, "other")}},
            {QStringLiteral("addresses"),
             QJsonArray{address("2992 Cameron Road", "Malakoff", "NY", "14236", true),
                        address("2493 Leisure Lane", "San Matias", "CA", "93405-2255", false)}}};
}

// The account number Plaid's Sandbox gives an account: 1111222233330000 style, by mask.
QString accountNumber(const plaid::Account &account)
{
    return QStringLiteral("111122223333") + account.mask.rightJustified(4, u'0').right(4);
}

// Plaid's Sandbox holdings, securities and liabilities, by the account masks they belong to.
const QJsonObject &productData()
{
    static const QJsonObject data = [] {
        QFile file(QStringLiteral(":/weft/sandbox/product-data.json"));
        if (!file.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return data;
}

// The entries of a product-data list for account (matched by mask), with its account_id.
QJsonArray entriesFor(const QJsonArray &templates, const plaid::Account &account)
{
    QJsonArray entries;
    for (const QJsonValue entry : templates) {
        QJsonObject object = entry.toObject();
        if (object.value(QLatin1StringView("account_id")).toString() != account.mask)
            continue;
        object.insert(QStringLiteral("account_id"), account.accountId);
        entries.append(object);
    }
    return entries;
}

bool hasNumbers(const plaid::Account &account)
{
    return account.type == u"depository" &&
           (account.subtype == u"checking" || account.subtype == u"savings");
}

} // namespace

std::optional<SandboxResponse> SandboxApi::useProduct(const Call &call, ItemRecord *item,
                                                      const QString &product)
{
    if (item->item.billedProducts.contains(product))
        return std::nullopt;
    const CatalogInstitution *institution = SandboxCatalog::institution(item->item.institutionId);
    if (!institution || !institution->institution.products.contains(product) ||
        !SandboxCatalog::supportedProducts().contains(product))
        return fail(call, u"PRODUCTS_NOT_SUPPORTED");
    item->item.billedProducts.append(product);
    item->item.products.append(product);
    stateChanged();
    return std::nullopt;
}

SandboxResponse SandboxApi::accountsBalanceGet(const Call &call)
{
    const QJsonValue since = call.body.value(QLatin1StringView("options"))
                                 .toObject()
                                 .value(QLatin1StringView("min_last_updated_datetime"));
    if (!since.isUndefined() && !since.isNull() &&
        !QDateTime::fromString(since.toString(), Qt::ISODateWithMs).isValid())
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("options.min_last_updated_datetime must be an ISO 8601 time"));
    ItemRecord *item = nullptr;
    QList<plaid::Account> chosen;
    if (auto error = itemAccounts(call, &item, &chosen))
        return *error;
    QJsonArray accounts;
    for (const plaid::Account &account : std::as_const(chosen)) {
        // The sandbox's balances are live: they are as of now.
        QJsonObject json = account.toJson();
        QJsonObject balances = json.value(QLatin1StringView("balances")).toObject();
        balances.insert(QStringLiteral("last_updated_datetime"),
                        m_clock->now().toUTC().toString(Qt::ISODate));
        json.insert(QStringLiteral("balances"), balances);
        accounts.append(json);
    }
    return ok(call,
              {{QStringLiteral("accounts"), accounts}, {QStringLiteral("item"), itemJson(*item)}});
}

SandboxResponse SandboxApi::authGet(const Call &call)
{
    ItemRecord *item = nullptr;
    QList<plaid::Account> chosen;
    if (auto error = itemAccounts(call, &item, &chosen))
        return *error;
    if (auto error = useProduct(call, item, QStringLiteral("auth")))
        return *error;
    const CatalogInstitution *institution = SandboxCatalog::institution(item->item.institutionId);
    const QStringList &countries = institution->institution.countryCodes;
    const QString routing = institution->institution.routingNumbers.value(0);
    QJsonArray accounts;
    QJsonArray ach;
    QJsonArray bacs;
    QJsonArray international;
    for (const plaid::Account &account : std::as_const(chosen)) {
        accounts.append(account.toJson());
        if (!hasNumbers(account))
            continue;
        const QString number = accountNumber(account);
        if (countries.contains(u"US")) {
            ach.append(QJsonObject{{QStringLiteral("account_id"), account.accountId},
                                   {QStringLiteral("account"), number},
                                   {QStringLiteral("routing"), routing},
                                   {QStringLiteral("wire_routing"), routing},
                                   {QStringLiteral("can_transfer_in"), true},
                                   {QStringLiteral("can_transfer_out"), true}});
        } else if (countries.contains(u"GB")) {
            bacs.append(QJsonObject{{QStringLiteral("account_id"), account.accountId},
                                    {QStringLiteral("account"), number.right(8)},
                                    {QStringLiteral("sort_code"), QStringLiteral("560029")}});
            international.append(
                QJsonObject{{QStringLiteral("account_id"), account.accountId},
                            {QStringLiteral("iban"),
                             QString(QStringLiteral("GB33BUKB2020155555") + number.right(4))},
                            {QStringLiteral("bic"), QStringLiteral("BUKBGB22")}});
        } else {
            international.append(
                QJsonObject{{QStringLiteral("account_id"), account.accountId},
                            {QStringLiteral("iban"),
                             QString(QStringLiteral("FR14200410100505000") + number.right(4))},
                            {QStringLiteral("bic"), QStringLiteral("PSSTFRPP")}});
        }
    }
    const QJsonObject numbers{{QStringLiteral("ach"), ach},
                              {QStringLiteral("eft"), QJsonArray()},
                              {QStringLiteral("international"), international},
                              {QStringLiteral("bacs"), bacs}};
    return ok(call, {{QStringLiteral("accounts"), accounts},
                     {QStringLiteral("numbers"), numbers},
                     {QStringLiteral("item"), itemJson(*item)}});
}

SandboxResponse SandboxApi::identityGet(const Call &call)
{
    ItemRecord *item = nullptr;
    QList<plaid::Account> chosen;
    if (auto error = itemAccounts(call, &item, &chosen))
        return *error;
    if (auto error = useProduct(call, item, QStringLiteral("identity")))
        return *error;
    QJsonArray accounts;
    for (const plaid::Account &account : std::as_const(chosen)) {
        QJsonObject json = account.toJson();
        json.insert(QStringLiteral("owners"), QJsonArray{sandboxOwner()});
        accounts.append(json);
    }
    return ok(call,
              {{QStringLiteral("accounts"), accounts}, {QStringLiteral("item"), itemJson(*item)}});
}

SandboxResponse SandboxApi::investmentsHoldingsGet(const Call &call)
{
    ItemRecord *item = nullptr;
    QList<plaid::Account> chosen;
    if (auto error = itemAccounts(call, &item, &chosen))
        return *error;
    if (auto error = useProduct(call, item, QStringLiteral("investments")))
        return *error;
    const QJsonArray templates = productData().value(QLatin1StringView("holdings")).toArray();
    QJsonArray accounts;
    QJsonArray holdings;
    QStringList securityIds;
    bool investmentAccount = false;
    for (const plaid::Account &account : std::as_const(chosen)) {
        // Investment answers' balances carry margin_loan_amount (none in the sandbox).
        QJsonObject json = account.toJson();
        QJsonObject balances = json.value(QLatin1StringView("balances")).toObject();
        balances.insert(QStringLiteral("margin_loan_amount"), QJsonValue::Null);
        json.insert(QStringLiteral("balances"), balances);
        accounts.append(json);
        if (account.type != u"investment")
            continue;
        investmentAccount = true;
        for (const QJsonValue holding : entriesFor(templates, account)) {
            holdings.append(holding);
            const QString security =
                holding.toObject().value(QLatin1StringView("security_id")).toString();
            if (!securityIds.contains(security))
                securityIds.append(security);
        }
    }
    if (!investmentAccount)
        return fail(call, u"NO_INVESTMENT_ACCOUNTS");
    QJsonArray securities;
    for (const QJsonValue security :
         productData().value(QLatin1StringView("securities")).toArray()) {
        if (securityIds.contains(
                security.toObject().value(QLatin1StringView("security_id")).toString()))
            securities.append(security);
    }
    return ok(call, {{QStringLiteral("accounts"), accounts},
                     {QStringLiteral("holdings"), holdings},
                     {QStringLiteral("securities"), securities},
                     {QStringLiteral("item"), itemJson(*item)}});
}

SandboxResponse SandboxApi::liabilitiesGet(const Call &call)
{
    ItemRecord *item = nullptr;
    QList<plaid::Account> chosen;
    if (auto error = itemAccounts(call, &item, &chosen))
        return *error;
    if (auto error = useProduct(call, item, QStringLiteral("liabilities")))
        return *error;
    const QJsonObject templates = productData().value(QLatin1StringView("liabilities")).toObject();
    QJsonArray accounts;
    QJsonArray credit;
    QJsonArray mortgage;
    QJsonArray student;
    const auto add = [&](QJsonArray &list, QLatin1StringView kind, const plaid::Account &account) {
        for (const QJsonValue entry : entriesFor(templates.value(kind).toArray(), account))
            list.append(entry);
    };
    for (const plaid::Account &account : std::as_const(chosen)) {
        accounts.append(account.toJson());
        if (account.type == u"credit")
            add(credit, QLatin1StringView("credit"), account);
        else if (account.type == u"loan" && account.subtype == u"mortgage")
            add(mortgage, QLatin1StringView("mortgage"), account);
        else if (account.type == u"loan" && account.subtype == u"student")
            add(student, QLatin1StringView("student"), account);
    }
    if (credit.isEmpty() && mortgage.isEmpty() && student.isEmpty())
        return fail(call, u"NO_LIABILITY_ACCOUNTS");
    const QJsonObject liabilities{{QStringLiteral("credit"), credit},
                                  {QStringLiteral("mortgage"), mortgage},
                                  {QStringLiteral("student"), student}};
    return ok(call, {{QStringLiteral("accounts"), accounts},
                     {QStringLiteral("liabilities"), liabilities},
                     {QStringLiteral("item"), itemJson(*item)}});
}

} // namespace weft::sandbox
