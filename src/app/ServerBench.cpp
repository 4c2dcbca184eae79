#include "ServerBench.h"

#include "BusyLoad.h"
#include "ServerBenchDesktop.h"
#include "ServerBenchHttp.h"
#include "core/Clock.h"
#include "sandbox/EmbeddedSandbox.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace weft;
using weft::serverbench::Answer;
using weft::serverbench::percentile;
using weft::serverbench::request;

namespace {

const QString kClientId = QStringLiteral("weft_server_bench");
const QString kSecret = QStringLiteral("weft_server_bench_secret");
constexpr int kRealItems = 8; // the bench user's Items at the sandbox, for the webhooks

// `count` Items for `users` other users, straight into the database, in one transaction: what
// a deployment holds. Their access tokens are never opened by listing, so a placeholder does.
bool seed(server::ServerDatabase *database, int count, QString *error)
{
    QSqlQuery query(database->connection());
    if (!database->beginWrite(error))
        return false;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const int perUser = 10;
    const int users = (count + perUser - 1) / perUser;
    const int batch = 500;
    for (int first = 0; first < users; first += batch) {
        QStringList rows;
        for (int u = first; u < std::min(users, first + batch); ++u)
            rows << QStringLiteral("('seed-%1@example.com', 'user', '%2')").arg(u).arg(now);
        if (!query.exec(QStringLiteral("INSERT INTO users (email, role, created_at) VALUES ") +
                        rows.join(u','))) {
            *error = query.lastError().text();
            database->rollback();
            return false;
        }
    }
    for (int first = 0; first < count; first += batch) {
        QStringList rows;
        for (int i = first; i < std::min(count, first + batch); ++i)
            rows << QStringLiteral("('seed-item-%1', (SELECT id FROM users WHERE email = "
                                   "'seed-%2@example.com'), 'ins_%3', 'Bank %3', 'v1.seed.x', "
                                   "'healthy', '%4', '%4')")
                        .arg(i)
                        .arg(i / perUser)
                        .arg(i % 97)
                        .arg(now);
        if (!query.exec(QStringLiteral("INSERT INTO items (item_id, user_id, institution_id, "
                                       "institution_name, access_token_sealed, status, "
                                       "created_at, updated_at) VALUES ") +
                        rows.join(u','))) {
            *error = query.lastError().text();
            database->rollback();
            return false;
        }
    }
    return database->commit(error);
}

// Runs `clients` loops, each sending the next request as soon as the last is answered, for
// `seconds`; the latencies of the answers with the expected status.
QList<double> hammer(int clients, int seconds, int expectedStatus,
                     const std::function<QNetworkRequest(int)> &makeRequest,
                     const std::function<QByteArray(int)> &makeBody, int *failures)
{
    QList<double> latencies;
    *failures = 0;
    std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
    QElapsedTimer clock;
    clock.start();
    const qint64 end = qint64(seconds) * 1000;
    int running = clients;
    int sequence = 0;
    QEventLoop loop;
    std::function<void(QNetworkAccessManager *)> next = [&](QNetworkAccessManager *network) {
        if (clock.elapsed() >= end) {
            if (--running == 0)
                loop.quit();
            return;
        }
        const int n = sequence++;
        const QByteArray body = makeBody(n);
        const qint64 sent = clock.nsecsElapsed();
        QNetworkReply *reply =
            body.isNull() ? network->get(makeRequest(n)) : network->post(makeRequest(n), body);
        QObject::connect(reply, &QNetworkReply::finished, network, [&, reply, network, sent] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == expectedStatus)
                latencies.append(double(clock.nsecsElapsed() - sent) / 1e6);
            else
                ++*failures;
            reply->readAll();
            reply->deleteLater();
            next(network);
        });
    };
    for (int i = 0; i < clients; ++i) {
        networks.push_back(std::make_unique<QNetworkAccessManager>());
        next(networks.back().get());
    }
    loop.exec();
    return latencies;
}

QByteArray webhookBody(const QString &itemId, bool broken)
{
    QJsonObject body{{QStringLiteral("webhook_type"), QStringLiteral("ITEM")},
                     {QStringLiteral("item_id"), itemId},
                     {QStringLiteral("environment"), QStringLiteral("sandbox")}};
    if (broken) {
        body.insert(QStringLiteral("webhook_code"), QStringLiteral("ERROR"));
        body.insert(
            QStringLiteral("error"),
            QJsonObject{{QStringLiteral("error_type"), QStringLiteral("ITEM_ERROR")},
                        {QStringLiteral("error_code"), QStringLiteral("ITEM_LOGIN_REQUIRED")},
                        {QStringLiteral("error_message"), QStringLiteral("login required")},
                        {QStringLiteral("display_message"), QJsonValue::Null}});
    } else {
        body.insert(QStringLiteral("webhook_code"), QStringLiteral("LOGIN_REPAIRED"));
        body.insert(QStringLiteral("error"), QJsonValue::Null);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void report(const char *what, const QList<double> &latencies, int seconds, int failures)
{
    std::printf("%-34s %9.0f /s   p50 %7.2f ms   p95 %7.2f ms   (%lld answered, %d failed)\n", what,
                double(latencies.size()) / seconds, percentile(latencies, 0.5),
                percentile(latencies, 0.95), static_cast<long long>(latencies.size()), failures);
}

} // namespace

int runServerBench(const ServerBenchOptions &options)
{
    QTemporaryDir dir;
    // Plaid: the embedded sandbox on a thread of its own, as a separate server would be.
    sandbox::SandboxThread plaid(Clock::system());
    sandbox::EmbeddedSandboxOptions sandboxOptions;
    sandboxOptions.credentials = {kClientId, kSecret};
    QString error;
    if (!plaid.start(sandboxOptions, &error)) {
        std::fprintf(stderr, "weft-server-bench: the sandbox: %s\n", qPrintable(error));
        return 1;
    }

    // The database: migrated, emptied of earlier runs' rows, then seeded.
    {
        auto database = server::ServerDatabase::open(options.database, &error);
        if (!database) {
            std::fprintf(stderr, "weft-server-bench: %s\n", qPrintable(error));
            return 1;
        }
        QSqlQuery query(database->connection());
        for (const char *table : {"audit_log", "item_events", "public_token_exchanges",
                                  "credentials", "enrolments", "items", "users"})
            query.exec(QStringLiteral("DELETE FROM ") + QLatin1StringView(table));
        QElapsedTimer timer;
        timer.start();
        if (!seed(database.get(), options.items, &error)) {
            std::fprintf(stderr, "weft-server-bench: seeding: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("seeded %d Items for %d users in %.1f s\n", options.items,
                    (options.items + 9) / 10, double(timer.elapsed()) / 1000);
    }

    // The real server, as `weft-server serve` runs.
    const QString keys = dir.filePath(QStringLiteral("keys"));
    QProcess::execute(options.serverBinary, {QStringLiteral("keys"), QStringLiteral("init"), keys});
    const QString configPath = dir.filePath(QStringLiteral("weft-server.conf"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write(QStringLiteral("database = %1\nkeys = %2\nlisten = 127.0.0.1:0\nplaid_env = %3\n"
                                "plaid_client_id = %4\nplaid_secret = %5\n")
                     .arg(options.database, keys, plaid.baseUrl().toString(), kClientId, kSecret)
                     .toUtf8());
    config.close();
    config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcess serverProcess;
    serverProcess.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("weft.*.info=false"));
    serverProcess.setProcessEnvironment(environment);
    serverProcess.start(options.serverBinary,
                        {QStringLiteral("serve"), QStringLiteral("--config"), configPath});
    if (!serverProcess.waitForReadyRead(30000)) {
        std::fprintf(stderr, "weft-server-bench: weft-server did not start: %s\n",
                     serverProcess.readAllStandardError().constData());
        return 1;
    }
    const QUrl base(QString::fromUtf8(serverProcess.readLine()).trimmed());

    // The bench user: enrolled, with real Items at the sandbox.
    QNetworkAccessManager network;
    QString accessToken;
    QStringList itemIds;
    {
        auto database = server::ServerDatabase::open(options.database, &error);
        const auto enrolment =
            server::UserDirectory(database.get())
                .add(QStringLiteral("bench@example.com"), server::UserDirectory::Role::User,
                     QDateTime::currentDateTimeUtc(), &error);
        if (!enrolment) {
            std::fprintf(stderr, "weft-server-bench: %s\n", qPrintable(error));
            return 1;
        }
        accessToken = request(network, "POST", base.resolved(QUrl(QStringLiteral("/v1/enrol"))),
                              {{QStringLiteral("enrolment_code"), enrolment->code}})
                          .json.value(QStringLiteral("access_token"))
                          .toString();
        for (int i = 0; i < kRealItems; ++i) {
            const Answer created = request(
                network, "POST",
                plaid.baseUrl().resolved(QUrl(QStringLiteral("/sandbox/public_token/create"))),
                {{QStringLiteral("client_id"), kClientId},
                 {QStringLiteral("secret"), kSecret},
                 {QStringLiteral("institution_id"), QStringLiteral("ins_109508")},
                 {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}}});
            const Answer linked =
                request(network, "POST", base.resolved(QUrl(QStringLiteral("/v1/items"))),
                        {{QStringLiteral("public_token"),
                          created.json.value(QStringLiteral("public_token"))}},
                        accessToken);
            itemIds << linked.json.value(QStringLiteral("item"))
                           .toObject()
                           .value(QStringLiteral("item_id"))
                           .toString();
        }
        if (accessToken.isEmpty() || itemIds.contains(QString())) {
            std::fprintf(stderr, "weft-server-bench: could not enrol and link\n");
            return 1;
        }
    }

    std::unique_ptr<BusyLoad> busy;
    if (options.busy)
        busy = std::make_unique<BusyLoad>(QThread::idealThreadCount(),
                                          std::chrono::seconds(options.seconds * 3 + 120));
    std::printf("weft-server %s, %d Items in %s; %d clients, %d s each%s\n",
                qPrintable(base.toString()), options.items + kRealItems,
                options.database.startsWith(u"postgresql") ? "PostgreSQL" : "SQLite",
                options.clients, options.seconds, options.busy ? "; every core busy" : "");
    std::printf("machine: %s, %d logical CPUs, %s\n", qPrintable(QSysInfo::prettyProductName()),
                QThread::idealThreadCount(), qPrintable(QSysInfo::currentCpuArchitecture()));

    // 1. List my Items.
    int failures = 0;
    const QUrl itemsUrl = base.resolved(QUrl(QStringLiteral("/v1/items")));
    QList<double> latencies = hammer(
        options.clients, options.seconds, 200,
        [&](int) {
            QNetworkRequest r(itemsUrl);
            r.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
            return r;
        },
        [](int) { return QByteArray(); }, &failures);
    report("GET /v1/items (list my Items)", latencies, options.seconds, failures);

    // 2. Webhooks verified and applied: each Item broken, repaired, broken, ... in turn.
    const QUrl hookUrl = base.resolved(QUrl(QStringLiteral("/plaid/webhook")));
    QList<int> turns(itemIds.size(), 0);
    QByteArray lastBody;
    latencies = hammer(
        options.clients, options.seconds, 200,
        [&](int) {
            QNetworkRequest r(hookUrl);
            r.setRawHeader("Content-Type", "application/json");
            r.setRawHeader("Plaid-Verification", plaid.signWebhook(lastBody));
            return r;
        },
        [&](int n) {
            const int item = n % int(itemIds.size());
            lastBody = webhookBody(itemIds.at(item), turns[item]++ % 2 == 0);
            return lastBody;
        },
        &failures);
    report("POST /plaid/webhook (verify, apply)", latencies, options.seconds, failures);

    // 3. From a webhook to the desktop: the push socket's item_changed.
    QWebSocket socket;
    QList<double> pushLatencies;
    QElapsedTimer clock;
    QString awaited;
    QEventLoop loop;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &loop, [&](const QString &message) {
        const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
        const QJsonObject item = object.value(QStringLiteral("item")).toObject();
        if (object.value(QStringLiteral("type")).toString() == u"ready" ||
            (item.value(QStringLiteral("item_id")).toString() == itemIds.first() &&
             item.value(QStringLiteral("status")).toString() == awaited))
            loop.quit();
    });
    QObject::connect(&socket, &QWebSocket::connected, &socket, [&] {
        socket.sendTextMessage(
            QStringLiteral("{\"type\":\"auth\",\"access_token\":\"%1\"}").arg(accessToken));
    });
    QUrl pushUrl = base.resolved(QUrl(QStringLiteral("/v1/push")));
    pushUrl.setScheme(QStringLiteral("ws"));
    socket.open(pushUrl);
    loop.exec();
    // Item 0's status now: fetch it so the first webhook changes it.
    bool broken = request(network, "GET", itemsUrl, {}, accessToken)
                      .json.value(QStringLiteral("items"))
                      .toArray()
                      .at(0)
                      .toObject()
                      .value(QStringLiteral("status"))
                      .toString() != u"login_required";
    for (int round = 0; round < options.rounds; ++round, broken = !broken) {
        awaited = broken ? QStringLiteral("login_required") : QStringLiteral("healthy");
        const QByteArray body = webhookBody(itemIds.first(), broken);
        QNetworkRequest r(hookUrl);
        r.setRawHeader("Content-Type", "application/json");
        r.setRawHeader("Plaid-Verification", plaid.signWebhook(body));
        clock.start();
        QNetworkReply *posted = network.post(r, body);
        QObject::connect(posted, &QNetworkReply::finished, posted, &QObject::deleteLater);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        pushLatencies.append(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("%-34s p50 %7.2f ms   p95 %7.2f ms   (%d rounds)\n",
                "webhook to desktop push message", percentile(pushLatencies, 0.5),
                percentile(pushLatencies, 0.95), options.rounds);
    std::fflush(stdout);

    // 4. From a bank's login reset to the banner in the real window.
    bool desktopMeasured = true;
    if (!options.desktopBinary.isEmpty()) {
        DesktopBenchSetup desktop;
        desktop.weftBinary = options.desktopBinary;
        desktop.database = options.database;
        desktop.keysFile = keys;
        desktop.serverUrl = base;
        desktop.plaidUrl = plaid.baseUrl();
        desktop.plaidClientId = kClientId;
        desktop.plaidSecret = kSecret;
        desktop.scratchDirectory = dir.path();
        desktop.rounds = std::min(options.rounds, 20);
        desktopMeasured = measureWebhookToBanner(desktop);
    }

    busy.reset();
    serverProcess.terminate();
    serverProcess.waitForFinished(10000);
    return desktopMeasured ? 0 : 1;
}
