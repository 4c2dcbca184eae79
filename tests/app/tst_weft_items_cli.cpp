// `weft items` / `weft item`: the real binary, with its data and settings in a temporary home.
#include "core/Clock.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "support/SignalWaiter.h"
#include "support/UtcDateTime.h"
#include "vault/ItemStore.h"
#include "vault/KeychainSecretStore.h"
#include "vault/TokenVault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestWeftItemsCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void emptyIndex();
    void listAndShow();
    void usageErrors();
    void damagedIndex();
    void refreshWithoutKeychain();
    void refreshWorksAndReportsMissingTokens();

private:
    Run weft(const QStringList &args, const QProcessEnvironment &extra = {});
    QString dataDir() const { return m_home->filePath(QStringLiteral("data/Weft/Weft")); }
    vault::ItemRecord record(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestWeftItemsCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

Run TestWeftItemsCli::weft(const QStringList &args, const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_home->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("weft.*.debug=false"));
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("WEFT_BINARY"), args);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        return run;
    }
    run.code = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

vault::ItemRecord TestWeftItemsCli::record(const QString &id) const
{
    vault::ItemRecord r;
    r.itemId = id;
    r.environment = QStringLiteral("embedded");
    r.institutionId = QStringLiteral("ins_109508");
    r.institutionName = QStringLiteral("First Platypus Bank");
    r.institutionLogo = QStringLiteral("iVBORw0KGgo=");
    r.createdAt = test::utcDateTime(QDate(2026, 2, 1), QTime(8, 0));
    r.linkSessionId = QStringLiteral("sess-") + id;
    r.accounts.append({QStringLiteral("acc-1"), QStringLiteral("Plaid Checking"), QString(),
                       QStringLiteral("0000"), QStringLiteral("depository"),
                       QStringLiteral("checking"), 100.0, 110.0, std::nullopt,
                       QStringLiteral("USD")});
    r.tokenSaved = true;
    return r;
}

void TestWeftItemsCli::emptyIndex()
{
    const Run run = weft({QStringLiteral("items"), QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QLatin1StringView("format")).toString(), QStringLiteral("weft-items-list"));
    QCOMPARE(json.value(QLatin1StringView("version")).toInt(), 1);
    QCOMPARE(json.value(QLatin1StringView("items")).toArray().size(), 0);
}

void TestWeftItemsCli::listAndShow()
{
    vault::ItemStore store(dataDir() + QStringLiteral("/items.json"));
    vault::ItemRecord broken = record(QStringLiteral("item-b"));
    broken.errorCode = QStringLiteral("ITEM_LOGIN_REQUIRED");
    broken.errorType = QStringLiteral("ITEM_ERROR");
    store.upsert(record(QStringLiteral("item-a")));
    store.upsert(broken);
    QVERIFY(store.flush());

    const Run list = weft({QStringLiteral("items"), QStringLiteral("--json")});
    QCOMPARE(list.code, 0);
    const QJsonArray items =
        QJsonDocument::fromJson(list.out).object().value(QLatin1StringView("items")).toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject b = items.at(1).toObject();
    QCOMPARE(b.value(QLatin1StringView("item_id")).toString(), QStringLiteral("item-b"));
    QCOMPARE(b.value(QLatin1StringView("status")).toString(),
             QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(b.value(QLatin1StringView("error_code")).toString(),
             QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(b.value(QLatin1StringView("institution_name")).toString(),
             QStringLiteral("First Platypus Bank"));
    QCOMPARE(b.value(QLatin1StringView("accounts")).toInt(), 1);
    QCOMPARE(b.value(QLatin1StringView("token_saved")).toBool(), true);
    QCOMPARE(items.at(0).toObject().value(QLatin1StringView("error_code")),
             QJsonValue(QJsonValue::Null));

    const Run table = weft({QStringLiteral("items")});
    QCOMPARE(table.code, 0);
    QVERIFY(table.out.contains("item-a"));
    QVERIFY(table.out.contains("ITEM_LOGIN_REQUIRED"));

    const Run one =
        weft({QStringLiteral("item"), QStringLiteral("item-a"), QStringLiteral("--json")});
    QCOMPARE(one.code, 0);
    const QJsonObject full = QJsonDocument::fromJson(one.out).object();
    QCOMPARE(full.value(QLatin1StringView("item_id")).toString(), QStringLiteral("item-a"));
    QCOMPARE(full.value(QLatin1StringView("link_session_id")).toString(),
             QStringLiteral("sess-item-a"));
    QCOMPARE(full.value(QLatin1StringView("accounts")).toArray().size(), 1);
    QVERIFY(!full.value(QLatin1StringView("institution"))
                 .toObject()
                 .contains(QLatin1StringView("logo")));

    const Run text = weft({QStringLiteral("item"), QStringLiteral("item-b")});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("ITEM_LOGIN_REQUIRED"));
    QVERIFY(text.out.contains("Plaid Checking"));

    const Run missing = weft({QStringLiteral("item"), QStringLiteral("no-such-item")});
    QCOMPARE(missing.code, 3);
    QVERIFY(missing.err.contains("no-such-item"));
}

void TestWeftItemsCli::usageErrors()
{
    QCOMPARE(weft({QStringLiteral("item")}).code, 2);
    QCOMPARE(weft({QStringLiteral("item"), QStringLiteral("a"), QStringLiteral("b")}).code, 2);
    QCOMPARE(weft({QStringLiteral("item"), QStringLiteral("a"), QStringLiteral("--refresh")}).code,
             2);
    const Run help = weft({QStringLiteral("items"), QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains("Exit codes"));
}

void TestWeftItemsCli::damagedIndex()
{
    QDir().mkpath(dataDir());
    QFile file(dataDir() + QStringLiteral("/items.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ damaged");
    file.close();
    const Run run = weft({QStringLiteral("items"), QStringLiteral("--json")});
    QCOMPARE(run.code, 6);
    QVERIFY(run.err.contains("kept as"));
    const QStringList kept = QDir(dataDir()).entryList({QStringLiteral("items.json.corrupt-*")});
    QCOMPARE(kept.size(), 1);
}

void TestWeftItemsCli::refreshWithoutKeychain()
{
    vault::ItemStore store(dataDir() + QStringLiteral("/items.json"));
    store.upsert(record(QStringLiteral("item-a")));
    QVERIFY(store.flush());
    QProcessEnvironment noBus;
    noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=/nonexistent/weft-no-bus"));
    const Run run = weft(
        {QStringLiteral("items"), QStringLiteral("--refresh"), QStringLiteral("--json")}, noBus);
    QCOMPARE(run.code, 4);
    QVERIFY2(run.err.contains("keychain") || run.err.contains("keyring"), run.err.constData());
}

void TestWeftItemsCli::refreshWorksAndReportsMissingTokens()
{
    // An Item made at the embedded sandbox whose state file weft will load, with its token in
    // the real keychain, and a second Item whose token is missing.
    QString itemId;
    {
        sandbox::EmbeddedSandbox sandbox(Clock::system());
        sandbox::EmbeddedSandboxOptions options;
        options.stateFile = dataDir() + QStringLiteral("/embedded-sandbox.json");
        QString error;
        QVERIFY2(sandbox.start(options, &error), qPrintable(error));
        QNetworkAccessManager network;
        plaid::PlaidConfig config;
        config.baseUrl = sandbox.baseUrl();
        config.clientId = QStringLiteral("weft-embedded");
        config.secret = QStringLiteral("any-secret-for-setup");
        plaid::PlaidClient client(&network, config, Clock::system());
        QObject context;
        plaid::SandboxPublicTokenCreateRequest request;
        request.institutionId = QStringLiteral("ins_109508");
        request.initialProducts = {QStringLiteral("transactions")};
        test::Waiter<plaid::PlaidResult<QString>> created;
        client.createSandboxPublicToken(request, &context, created.callback());
        QVERIFY(created.wait() && created.value().ok());
        test::Waiter<plaid::PlaidResult<plaid::PublicTokenExchange>> exchanged;
        client.exchangePublicToken(created.value().value, &context, exchanged.callback());
        QVERIFY(exchanged.wait() && exchanged.value().ok());
        itemId = exchanged.value().value.itemId;
        vault::KeychainSecretStore keychain;
        vault::TokenVault vault(&keychain);
        test::Waiter<vault::SecretResult> stored;
        vault.store(vault::TokenVault::accessTokenKey(QStringLiteral("embedded"), itemId),
                    exchanged.value().value.accessToken, &context, stored.callback());
        QVERIFY(stored.wait() && stored.value().ok());
        sandbox.api().flushState();
    }
    vault::ItemStore store(dataDir() + QStringLiteral("/items.json"));
    store.upsert(record(itemId));
    store.upsert(record(QStringLiteral("item-without-token")));
    QVERIFY(store.flush());

    const Run run =
        weft({QStringLiteral("items"), QStringLiteral("--refresh"), QStringLiteral("--json")});
    QCOMPARE(run.code, 5); // one Item could not be refreshed
    QVERIFY2(run.err.contains("item-without-token"), run.err.constData());
    const QJsonArray items =
        QJsonDocument::fromJson(run.out).object().value(QLatin1StringView("items")).toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject refreshed = items.at(0).toObject();
    QCOMPARE(refreshed.value(QLatin1StringView("item_id")).toString(), itemId);
    QVERIFY(refreshed.value(QLatin1StringView("last_refresh")).isString());
    QCOMPARE(refreshed.value(QLatin1StringView("status")).toString(), QStringLiteral("healthy"));
    QVERIFY(refreshed.value(QLatin1StringView("accounts")).toInt() >= 5);
    QVERIFY(items.at(1)
                .toObject()
                .value(QLatin1StringView("refresh_problem"))
                .toString()
                .contains(u"missing"));
    QVERIFY(!run.out.contains("access-sandbox-"));
    QVERIFY(!run.err.contains("access-sandbox-"));
}

QTEST_GUILESS_MAIN(TestWeftItemsCli)
#include "tst_weft_items_cli.moc"
