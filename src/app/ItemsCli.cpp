#include "ItemsCli.h"

#include "core/AppSettings.h"
#include "core/Logging.h"
#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "session/Session.h"
#include "vault/ItemStore.h"
#include "vault/KeychainSecretStore.h"
#include "vault/TokenVault.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

using namespace weft;

namespace {

void print(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

// One line of `weft items --json`.
QJsonObject summaryJson(const vault::ItemRecord &r)
{
    return {{QStringLiteral("item_id"), r.itemId},
            {QStringLiteral("environment"), r.environment},
            {QStringLiteral("institution_id"), r.institutionId},
            {QStringLiteral("institution_name"), r.institutionName},
            {QStringLiteral("status"), r.status()},
            {QStringLiteral("error_code"),
             r.errorCode.isEmpty() ? QJsonValue() : QJsonValue(r.errorCode)},
            {QStringLiteral("refresh_problem"),
             r.refreshProblem.isEmpty() ? QJsonValue() : QJsonValue(r.refreshProblem)},
            {QStringLiteral("token_saved"), r.tokenSaved},
            {QStringLiteral("accounts"), int(r.accounts.size())},
            {QStringLiteral("created_at"),
             r.createdAt.isValid() ? QJsonValue(r.createdAt.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("last_refresh"), r.lastRefresh.isValid()
                                                 ? QJsonValue(r.lastRefresh.toString(Qt::ISODate))
                                                 : QJsonValue()},
            {QStringLiteral("link_session_id"), r.linkSessionId}};
}

QByteArray table(const QList<vault::ItemRecord> &items)
{
    QByteArray out;
    out += QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(QStringLiteral("ITEM_ID"), -38)
               .arg(QStringLiteral("ENVIRONMENT"), -11)
               .arg(QStringLiteral("STATUS"), -22)
               .arg(QStringLiteral("LAST REFRESH"), -20)
               .arg(QStringLiteral("INSTITUTION"))
               .toUtf8();
    for (const vault::ItemRecord &r : items) {
        out +=
            QStringLiteral("%1  %2  %3  %4  %5\n")
                .arg(r.itemId, -38)
                .arg(r.environment, -11)
                .arg(r.status() + (r.tokenSaved ? QString() : QStringLiteral(" (no token)")), -22)
                .arg(r.lastRefresh.isValid() ? r.lastRefresh.toLocalTime().toString(
                                                   QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                             : QStringLiteral("never"),
                     -20)
                .arg(r.institutionName)
                .toUtf8();
    }
    return out;
}

QByteArray details(const vault::ItemRecord &r)
{
    QByteArray out;
    auto line = [&out](const QString &key, const QString &value) {
        out += QStringLiteral("%1 %2\n").arg(key + u':', -26).arg(value).toUtf8();
    };
    line(QStringLiteral("item_id"), r.itemId);
    line(QStringLiteral("environment"), r.environment);
    line(QStringLiteral("institution"),
         r.institutionName + QStringLiteral(" (") + r.institutionId + u')');
    line(QStringLiteral("status"), r.status());
    if (!r.isHealthy()) {
        line(QStringLiteral("error"),
             r.errorType + u'/' + r.errorCode + QStringLiteral(": ") + r.errorMessage);
        line(QStringLiteral("display_message"), r.displayMessage);
    }
    if (!r.refreshProblem.isEmpty())
        line(QStringLiteral("refresh problem"), r.refreshProblem);
    line(QStringLiteral("token"),
         r.tokenSaved ? QStringLiteral("saved in the keychain") : QStringLiteral("not saved"));
    line(QStringLiteral("created_at"), r.createdAt.toString(Qt::ISODate));
    line(QStringLiteral("last refresh"),
         r.lastRefresh.isValid() ? r.lastRefresh.toString(Qt::ISODate) : QStringLiteral("never"));
    line(QStringLiteral("products (billed)"), r.billedProducts.join(QStringLiteral(", ")));
    line(QStringLiteral("products (available)"), r.availableProducts.join(QStringLiteral(", ")));
    line(QStringLiteral("consent expiration"), r.consentExpiration.isValid()
                                                   ? r.consentExpiration.toString(Qt::ISODate)
                                                   : QStringLiteral("none"));
    line(QStringLiteral("update_type"), r.updateType);
    line(QStringLiteral("link_session_id"), r.linkSessionId);
    line(QStringLiteral("request ids"), r.requestIds.join(QStringLiteral(", ")));
    for (const vault::StoredAccount &a : r.accounts) {
        line(QStringLiteral("account"),
             QStringLiteral("%1 ••%2 %3/%4 available %5 current %6 %7")
                 .arg(a.name, a.mask, a.type, a.subtype,
                      a.available ? QString::number(*a.available) : QStringLiteral("-"),
                      a.current ? QString::number(*a.current) : QStringLiteral("-"), a.currency));
    }
    for (const vault::StoredEvent &e : r.events)
        line(QStringLiteral("event"),
             e.timestamp.toString(Qt::ISODateWithMs) + u' ' + e.name + u' ' + e.viewName);
    return out;
}

// Refreshes the Items of the configured environment; the exit code.
int refresh(vault::ItemStore *store)
{
    QSettings qsettings;
    AppSettings settings = AppSettings::load(qsettings);
    settings.fillDefaults();
    vault::KeychainSecretStore secrets;
    // The keychain is needed for every token: find out first whether there is one.
    vault::TokenVault vault(&secrets);
    int code = cli::Ok;
    bool probed = false;
    QObject context;
    vault.read(vault::TokenVault::clientSecretKey(QStringLiteral("probe")), &context,
               [&](const vault::SecretResult &result) {
                   probed = true;
                   if (!result.ok() && result.status != vault::SecretStatus::NotFound) {
                       std::fprintf(stderr, "weft: %s\n", qPrintable(result.describe()));
                       code = cli::KeychainUnavailable;
                   }
               });
    while (!probed)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (code != cli::Ok)
        return code;

    session::Session::Options options;
    options.withLink = false;
    options.dataDirectory = QFileInfo(store->path()).absolutePath();
    std::unique_ptr<session::Session> session;
    QString error;
    bool created = false;
    session::Session::create(settings, options, &secrets, store, &context,
                             [&](std::unique_ptr<session::Session> s, const QString &e) {
                                 session = std::move(s);
                                 error = e;
                                 created = true;
                             });
    while (!created)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (!session) {
        std::fprintf(stderr, "weft: %s\n", qPrintable(error));
        return error.contains(u"keychain", Qt::CaseInsensitive) ? cli::KeychainUnavailable
                                                                : cli::ApiError;
    }
    const QStringList ids = session->items()->itemsHere();
    bool finished = false;
    int failed = 0;
    QObject::connect(session->refresher(), &items::ItemRefresher::itemRefreshed, &context,
                     [](const QString &itemId, bool ok, const QString &problem) {
                         if (!ok)
                             std::fprintf(stderr, "weft: %s: %s\n", qPrintable(itemId),
                                          qPrintable(problem));
                     });
    QObject::connect(session->refresher(), &items::ItemRefresher::finished, &context,
                     [&](int, int failures, bool) {
                         failed = failures;
                         finished = true;
                     });
    session->refresher()->refresh(ids);
    while (!finished)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QString saveError;
    if (!store->flush(&saveError))
        std::fprintf(stderr, "weft: %s\n", qPrintable(saveError));
    return failed == 0 ? cli::Ok : cli::ApiError;
}

} // namespace

int runItemsCommand(int argc, char *argv[])
{
    configureLogging();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Weft"));
    QCoreApplication::setOrganizationName(QStringLiteral("Weft"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "weft items [--json] [--refresh]: the Items Weft knows, from its index.\n"
        "weft item ITEM_ID [--json]: one Item in full.\n"
        "Exit codes: 0 ok, 2 usage, 3 no such Item, 4 keychain unavailable, 5 network or API "
        "error, 6 index damaged."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption refreshOption(
        QStringLiteral("refresh"),
        QStringLiteral("Refresh the Items of the configured environment from Plaid first (reads "
                       "their tokens from the keychain)."));
    parser.addOptions({json, refreshOption});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("items or item"));
    parser.addPositionalArgument(QStringLiteral("item_id"), QStringLiteral("for item"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const bool one = args.value(0) == u"item";
    if ((one && args.size() != 2) || (!one && args.size() != 1) ||
        (one && parser.isSet(refreshOption))) {
        std::fprintf(stderr,
                     "weft: usage: weft items [--json] [--refresh] | weft item ITEM_ID [--json]\n");
        return cli::Usage;
    }

    vault::ItemStore store(vault::ItemStore::defaultPath());
    const vault::ItemStore::LoadReport report = store.load();
    if (!report.ok) {
        std::fprintf(stderr, "weft: the Items index is damaged: %s%s\n", qPrintable(report.error),
                     report.backupPath.isEmpty()
                         ? ""
                         : qPrintable(QStringLiteral(" (kept as ") + report.backupPath + u')'));
        return cli::IndexDamaged;
    }
    int code = cli::Ok;
    if (parser.isSet(refreshOption))
        code = refresh(&store);

    if (one) {
        const vault::ItemRecord *record = store.item(args.at(1));
        if (!record) {
            std::fprintf(stderr, "weft: no Item %s in the index\n", qPrintable(args.at(1)));
            return cli::NoSuchItem;
        }
        print(parser.isSet(json) ? QJsonDocument(items::ItemService::recordJson(*record))
                                       .toJson(QJsonDocument::Indented)
                                 : details(*record));
        return code;
    }
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const vault::ItemRecord &r : store.items())
            list.append(summaryJson(r));
        print(
            QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("weft-items-list")},
                                      {QStringLiteral("version"), 1},
                                      {QStringLiteral("items"), list}})
                .toJson(QJsonDocument::Indented));
    } else {
        print(table(store.items()));
    }
    return code;
}
