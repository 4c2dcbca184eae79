#include "BenchItems.h"

#include "sandbox/SandboxCatalog.h"

#include <QHash>
#include <QRandomGenerator>

using namespace weft;

namespace {

QString base62(QRandomGenerator &random, int length)
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString text(length, u'0');
    for (QChar &c : text)
        c = QLatin1Char(alphabet[random.bounded(62)]);
    return text;
}

} // namespace

QList<vault::ItemRecord> generateBenchItems(int count)
{
    QRandomGenerator random(20261125);
    const QList<sandbox::CatalogInstitution> &institutions =
        sandbox::SandboxCatalog::institutions();
    QHash<QString, QList<vault::StoredAccount>> accountsOf;
    for (const sandbox::CatalogInstitution &entry : institutions) {
        QList<vault::StoredAccount> accounts;
        const auto list = sandbox::SandboxCatalog::newAccounts(entry);
        for (const plaid::Account &a : list) {
            accounts.append({a.accountId, a.name, a.officialName, a.mask, a.type, a.subtype,
                             a.balances.available, a.balances.current, a.balances.limit,
                             a.balances.isoCurrencyCode});
        }
        accountsOf.insert(entry.institution.institutionId, accounts);
    }
    const QStringList otherErrors{QStringLiteral("INSTITUTION_DOWN"), QStringLiteral("ITEM_LOCKED"),
                                  QStringLiteral("INSTITUTION_NOT_RESPONDING")};
    const QDateTime base =
        QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
    QList<vault::ItemRecord> items;
    items.reserve(count);
    for (int i = 0; i < count; ++i) {
        const sandbox::CatalogInstitution &entry = institutions.at(i % institutions.size());
        vault::ItemRecord r;
        r.itemId = base62(random, 37);
        r.environment = i % 10 == 9 ? QStringLiteral("production") : QStringLiteral("sandbox");
        r.institutionId = entry.institution.institutionId;
        r.institutionName = entry.institution.name;
        r.institutionLogo = sandbox::SandboxCatalog::logoBase64(r.institutionId);
        r.institutionColor = entry.institution.primaryColor;
        r.createdAt = base.addSecs(qint64(random.bounded(300 * 86400)));
        r.lastRefresh = i % 5 == 0 ? QDateTime() : r.createdAt.addSecs(random.bounded(86400));
        const int roll = random.bounded(100);
        if (roll < 6) {
            r.errorType = QStringLiteral("ITEM_ERROR");
            r.errorCode = QStringLiteral("ITEM_LOGIN_REQUIRED");
            r.errorMessage = QStringLiteral("the login details of this item have changed");
        } else if (roll < 9) {
            r.errorType = QStringLiteral("INSTITUTION_ERROR");
            r.errorCode = otherErrors.at(roll % otherErrors.size());
            r.errorMessage = QStringLiteral("this institution is not currently responding");
        } else if (roll < 10) {
            r.refreshProblem = QStringLiteral("the network is unreachable");
        }
        r.availableProducts = {QStringLiteral("balance"), QStringLiteral("auth")};
        r.billedProducts = {QStringLiteral("transactions")};
        r.accounts = accountsOf.value(r.institutionId).mid(0, 2 + i % 3);
        r.linkSessionId = base62(random, 8) + u'-' + base62(random, 4);
        for (int k = 0; k < 3; ++k)
            r.addRequestId(base62(random, 15));
        for (const char *name : {"OPEN", "TRANSITION_VIEW", "SELECT_INSTITUTION", "HANDOFF"})
            r.events.append({r.createdAt, QString::fromLatin1(name), {}, {}});
        r.tokenSaved = true;
        items.append(std::move(r));
    }
    return items;
}
