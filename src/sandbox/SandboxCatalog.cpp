#include "sandbox/SandboxCatalog.h"

#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxValidation.h"

#include <QHash>
#include <QMutex>

namespace weft::sandbox {
namespace {

CatalogInstitution make(const char *id, const char *name, LogoPattern pattern, quint32 color,
                        QStringList products, QStringList countries, bool oauth,
                        QStringList routing)
{
    CatalogInstitution entry;
    entry.institution.institutionId = QString::fromLatin1(id);
    entry.institution.name = QString::fromLatin1(name);
    entry.institution.products = std::move(products);
    entry.institution.countryCodes = std::move(countries);
    entry.institution.oauth = oauth;
    entry.institution.routingNumbers = std::move(routing);
    entry.institution.url = QStringLiteral("https://plaid.com");
    entry.institution.primaryColor = QStringLiteral("#%1").arg(color, 6, 16, QLatin1Char('0'));
    entry.pattern = pattern;
    entry.color = color;
    return entry;
}

QStringList allProducts()
{
    return {QStringLiteral("assets"),      QStringLiteral("auth"),
            QStringLiteral("balance"),     QStringLiteral("identity"),
            QStringLiteral("investments"), QStringLiteral("liabilities"),
            QStringLiteral("transactions")};
}

struct AccountTemplate
{
    const char *name;
    const char *officialName;
    const char *mask;
    const char *type;
    const char *subtype;
    std::optional<double> available;
    std::optional<double> current;
    std::optional<double> limit;
};

const AccountTemplate kAccounts[] = {
    {"Plaid Checking", "Plaid Gold Standard 0% Interest Checking", "0000", "depository", "checking",
     100, 110, std::nullopt},
    {"Plaid Saving", "Plaid Silver Standard 0.1% Interest Saving", "1111", "depository", "savings",
     200, 210, std::nullopt},
    {"Plaid CD", "Plaid Bronze Standard 0.2% Interest CD", "2222", "depository", "cd", std::nullopt,
     1000, std::nullopt},
    {"Plaid Credit Card", "Plaid Diamond 12.5% APR Interest Credit Card", "3333", "credit",
     "credit card", std::nullopt, 410, 2000},
    {"Plaid Money Market", "Plaid Platinum Standard 1.85% Interest Money Market", "4444",
     "depository", "money market", 43200, 43200, std::nullopt},
    {"Plaid IRA", nullptr, "5555", "investment", "ira", std::nullopt, 320.76, std::nullopt},
    {"Plaid 401k", nullptr, "6666", "investment", "401k", std::nullopt, 23631.9805, std::nullopt},
    {"Plaid Student Loan", nullptr, "7777", "loan", "student", std::nullopt, 65262, std::nullopt},
    {"Plaid Mortgage", nullptr, "8888", "loan", "mortgage", std::nullopt, 56302.06, std::nullopt},
};

} // namespace

const QList<CatalogInstitution> &SandboxCatalog::institutions()
{
    static const QList<CatalogInstitution> list{
        make("ins_109508", "First Platypus Bank", LogoPattern::Platypus, 0x0A85EA, allProducts(),
             {QStringLiteral("US")}, false, {QStringLiteral("011401533")}),
        make("ins_109509", "First Gingham Credit Union", LogoPattern::Gingham, 0xD62E4C,
             allProducts(), {QStringLiteral("US")}, false, {QStringLiteral("021200339")}),
        make("ins_109510", "Tattersall Federal Credit Union", LogoPattern::Tartan, 0x2E7D32,
             {QStringLiteral("auth"), QStringLiteral("balance"), QStringLiteral("identity"),
              QStringLiteral("transactions")},
             {QStringLiteral("US")}, false, {QStringLiteral("031101279")}),
        make("ins_109511", "Tartan Bank", LogoPattern::Tartan, 0x8E24AA, allProducts(),
             {QStringLiteral("US")}, false, {QStringLiteral("041215663")}),
        make("ins_109512", "Houndstooth Bank", LogoPattern::Houndstooth, 0x37474F, allProducts(),
             {QStringLiteral("US")}, false, {QStringLiteral("051405515")}),
        make("ins_127287", "Platypus OAuth Bank", LogoPattern::Platypus, 0x00897B, allProducts(),
             {QStringLiteral("US")}, true, {QStringLiteral("061000104")}),
        make("ins_117650", "Flexible Platypus Open Banking", LogoPattern::Solid, 0xF57C00,
             {QStringLiteral("auth"), QStringLiteral("balance"), QStringLiteral("identity"),
              QStringLiteral("transactions")},
             {QStringLiteral("GB"), QStringLiteral("FR"), QStringLiteral("ES"),
              QStringLiteral("NL"), QStringLiteral("IE"), QStringLiteral("DE")},
             true, {}),
    };
    return list;
}

const CatalogInstitution *SandboxCatalog::institution(const QString &institutionId)
{
    for (const CatalogInstitution &entry : institutions()) {
        if (entry.institution.institutionId == institutionId)
            return &entry;
    }
    return nullptr;
}

QString SandboxCatalog::logoBase64(const QString &institutionId)
{
    static QMutex mutex;
    static QHash<QString, QString> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(institutionId);
    if (it != cache.constEnd())
        return *it;
    const CatalogInstitution *entry = institution(institutionId);
    if (!entry)
        return {};
    QString logo = QString::fromLatin1(renderLogoPng(entry->pattern, entry->color).toBase64());
    cache.insert(institutionId, logo);
    return logo;
}

QList<plaid::Account> SandboxCatalog::newAccounts(const CatalogInstitution &institution)
{
    const QStringList &products = institution.institution.products;
    QList<plaid::Account> accounts;
    for (const AccountTemplate &t : kAccounts) {
        const QString type = QString::fromLatin1(t.type);
        if (type == u"investment" && !products.contains(u"investments"))
            continue;
        if (type == u"loan" && !products.contains(u"liabilities"))
            continue;
        plaid::Account account;
        account.accountId = ids::objectId();
        account.name = QString::fromLatin1(t.name);
        account.officialName = t.officialName ? QString::fromLatin1(t.officialName) : QString();
        account.mask = QString::fromLatin1(t.mask);
        account.type = type;
        account.subtype = QString::fromLatin1(t.subtype);
        account.balances.available = t.available;
        account.balances.current = t.current;
        account.balances.limit = t.limit;
        const QStringList &countries = institution.institution.countryCodes;
        account.balances.isoCurrencyCode = countries.contains(u"US")   ? QStringLiteral("USD")
                                           : countries.contains(u"GB") ? QStringLiteral("GBP")
                                                                       : QStringLiteral("EUR");
        accounts.append(account);
    }
    return accounts;
}

plaid::Account SandboxCatalog::openedAccount(const CatalogInstitution &institution, int number)
{
    plaid::Account account = newAccounts(institution).constFirst(); // a checking account's shape
    account.name = number == 1 ? QStringLiteral("Plaid Premier Savings")
                               : QStringLiteral("Plaid Premier Savings %1").arg(number);
    account.officialName = QStringLiteral("Plaid Premier 2.5% Interest Savings");
    account.mask = QStringLiteral("%1").arg(9000 + number % 1000, 4, 10, QLatin1Char('0'));
    account.subtype = QStringLiteral("savings");
    account.balances.available = 500;
    account.balances.current = 500;
    return account;
}

const QStringList &SandboxCatalog::supportedProducts()
{
    static const QStringList products{
        QStringLiteral("auth"),        QStringLiteral("balance"),
        QStringLiteral("identity"),    QStringLiteral("investments"),
        QStringLiteral("liabilities"), QStringLiteral("transactions")};
    return products;
}

const QStringList &SandboxCatalog::plaidProducts()
{
    // The Products enum of Plaid's API description (2020-09-14).
    static const QStringList products =
        QStringLiteral(
            "assets,auth,balance,balance_plus,beacon,identity,identity_match,investments,"
            "investments_auth,liabilities,payment_initiation,identity_verification,transactions,"
            "credit_details,income,income_verification,standing_orders,transfer,employment,"
            "recurring_transactions,transactions_refresh,signal,statements,processor_payments,"
            "processor_identity,profile,cra_base_report,cra_income_insights,cra_partner_insights,"
            "cra_network_insights,cra_cashflow_insights,cra_monitoring,cra_lend_score,"
            "cra_plaid_credit_score,layer,pay_by_bank,protect_linked_bank,protect_transactions")
            .split(u',');
    return products;
}

QString SandboxCatalog::productProblem(const QStringList &products, QString *code)
{
    if (const QStringList unknown = validation::notIn(products, plaidProducts());
        !unknown.isEmpty()) {
        *code = QStringLiteral("INVALID_FIELD");
        return QStringLiteral("the following products are not valid: ") +
               unknown.join(QStringLiteral(", "));
    }
    if (const QStringList other = validation::notIn(products, supportedProducts());
        !other.isEmpty()) {
        // What Plaid answers a client that may not use a product.
        *code = QStringLiteral("INVALID_PRODUCT");
        return QStringLiteral("client is not authorized to access the following products: [\"") +
               other.join(QStringLiteral("\", \"")) + QStringLiteral("\"]");
    }
    return {};
}

const QStringList &SandboxCatalog::countryCodes()
{
    static const QStringList codes =
        QStringLiteral("US,GB,ES,NL,FR,IE,CA,DE,IT,PL,DK,NO,SE,EE,LT,LV,PT,BE,AT,FI").split(u',');
    return codes;
}

const QStringList &SandboxCatalog::languages()
{
    static const QStringList languages =
        QStringLiteral("da,nl,en,et,fr,de,hi,it,lv,lt,no,pl,pt,ro,es,sv,vi,ja,zh").split(u',');
    return languages;
}

} // namespace weft::sandbox
