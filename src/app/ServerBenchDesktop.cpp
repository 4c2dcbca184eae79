#include "ServerBenchDesktop.h"

#include "ServerBenchHttp.h"
#include "server/KeyRing.h"
#include "server/ServerDatabase.h"
#include "server/TokenCipher.h"
#include "server/UserDirectory.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlQuery>
#include <QTimer>

#include <cstdio>

using namespace weft;
using serverbench::request;

namespace {

// The milestones a child weft prints ("weft-milestone NAME NS"), counted by name.
class MilestoneReader
{
public:
    explicit MilestoneReader(QProcess *process)
        : m_process(process)
    {
        QObject::connect(process, &QProcess::readyReadStandardOutput, process, [this] {
            while (m_process->canReadLine()) {
                const QList<QByteArray> words = m_process->readLine().trimmed().split(' ');
                if (words.size() == 3 && words.at(0) == "weft-milestone")
                    ++m_counts[QString::fromLatin1(words.at(1))];
            }
            m_loop.quit();
        });
        QObject::connect(process, &QProcess::finished, process, [this] { m_loop.quit(); });
    }
    int count(const QString &name) const { return m_counts.value(name); }
    // Waits until name has been marked more than `seen` times.
    bool waitFor(const QString &name, int seen, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (count(name) <= seen && m_process->state() != QProcess::NotRunning &&
               timer.elapsed() < timeoutMs) {
            QTimer::singleShot(int(timeoutMs - timer.elapsed()), &m_loop, &QEventLoop::quit);
            m_loop.exec();
        }
        return count(name) > seen;
    }

private:
    QProcess *m_process;
    QHash<QString, int> m_counts;
    QEventLoop m_loop;
};

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

bool measureWebhookToBanner(const DesktopBenchSetup &setup)
{
    QString error;
    auto database = server::ServerDatabase::open(setup.database, &error);
    const auto ring = server::KeyRing::load(setup.keysFile, &error);
    if (!database || !ring) {
        std::fprintf(stderr, "weft-server-bench: desktop: %s\n", qPrintable(error));
        return false;
    }
    // The desktop's user: one code for the bench's own calls, another for the window.
    server::UserDirectory users(database.get());
    const QString email = QStringLiteral("desktop@example.com");
    const auto first = users.add(email, server::UserDirectory::Role::User,
                                 QDateTime::currentDateTimeUtc(), &error);
    const auto second =
        first ? users.issueCode(email, QDateTime::currentDateTimeUtc(), &error) : std::nullopt;
    if (!second) {
        std::fprintf(stderr, "weft-server-bench: desktop: %s\n", qPrintable(error));
        return false;
    }
    QNetworkAccessManager network;
    const QString token =
        request(network, "POST", setup.serverUrl.resolved(QUrl(QStringLiteral("/v1/enrol"))),
                {{QStringLiteral("enrolment_code"), first->code}})
            .json.value(QStringLiteral("access_token"))
            .toString();
    // Its Items: linked at the sandbox with this server's webhook, exchanged by the server.
    const QString webhook =
        setup.serverUrl.resolved(QUrl(QStringLiteral("/plaid/webhook"))).toString();
    QStringList itemIds;
    for (int i = 0; i < setup.rounds; ++i) {
        const auto created = request(
            network, "POST",
            setup.plaidUrl.resolved(QUrl(QStringLiteral("/sandbox/public_token/create"))),
            {{QStringLiteral("client_id"), setup.plaidClientId},
             {QStringLiteral("secret"), setup.plaidSecret},
             {QStringLiteral("institution_id"), QStringLiteral("ins_109508")},
             {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}},
             {QStringLiteral("options"), QJsonObject{{QStringLiteral("webhook"), webhook}}}});
        itemIds << request(network, "POST",
                           setup.serverUrl.resolved(QUrl(QStringLiteral("/v1/items"))),
                           {{QStringLiteral("public_token"),
                             created.json.value(QStringLiteral("public_token"))}},
                           token)
                       .json.value(QStringLiteral("item"))
                       .toObject()
                       .value(QStringLiteral("item_id"))
                       .toString();
    }
    if (token.isEmpty() || itemIds.contains(QString())) {
        std::fprintf(stderr, "weft-server-bench: desktop: could not enrol and link\n");
        return false;
    }

    // The real window, on the server.
    QProcess weft;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("WEFT_ENROLMENT_CODE"), second->code);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), setup.scratchDirectory + u"/config");
    environment.insert(QStringLiteral("XDG_DATA_HOME"), setup.scratchDirectory + u"/data");
    if (!environment.contains(QStringLiteral("QT_LOGGING_RULES")))
        environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("weft.*.debug=false;weft.*.info=false"));
    weft.setProcessEnvironment(environment);
    weft.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    MilestoneReader milestones(&weft);
    weft.start(setup.weftBinary, {QStringLiteral("--bench-milestones"), QStringLiteral("--server"),
                                  setup.serverUrl.toString()});
    if (!milestones.waitFor(QStringLiteral("server-push-ready"), 0, 60000)) {
        std::fprintf(stderr,
                     "weft-server-bench: desktop: weft did not sign in to the server (it needs a "
                     "display and a Secret Service): %s, exit %d\n",
                     qPrintable(weft.state() == QProcess::Running ? QStringLiteral("running")
                                                                  : weft.errorString()),
                     weft.exitCode());
        weft.kill();
        weft.waitForFinished();
        return false;
    }
    pause(3000); // its first sync: the list, then each Item's details

    QList<double> latencies;
    int missed = 0;
    for (const QString &itemId : std::as_const(itemIds)) {
        QSqlQuery query(database->connection());
        query.prepare(QStringLiteral("SELECT access_token_sealed FROM items WHERE item_id = ?"));
        query.addBindValue(itemId);
        if (!query.exec() || !query.next())
            return false;
        const auto opened =
            server::TokenCipher(*ring).open(query.value(0).toString(), itemId.toUtf8());
        const int shown = milestones.count(QStringLiteral("attention-banner-shown"));
        const int hidden = milestones.count(QStringLiteral("attention-banner-hidden"));
        QElapsedTimer clock;
        clock.start();
        request(network, "POST",
                setup.plaidUrl.resolved(QUrl(QStringLiteral("/sandbox/item/reset_login"))),
                {{QStringLiteral("client_id"), setup.plaidClientId},
                 {QStringLiteral("secret"), setup.plaidSecret},
                 {QStringLiteral("access_token"),
                  QString::fromUtf8(opened.plaintext.value_or(QByteArray()))}});
        if (milestones.waitFor(QStringLiteral("attention-banner-shown"), shown, 20000))
            latencies.append(double(clock.nsecsElapsed()) / 1e6);
        else
            ++missed;
        request(network, "DELETE",
                setup.serverUrl.resolved(QUrl(QStringLiteral("/v1/items/%1").arg(itemId))), {},
                token);
        milestones.waitFor(QStringLiteral("attention-banner-hidden"), hidden, 20000);
    }
    std::printf("%-34s p50 %7.2f ms   p95 %7.2f ms   (%d rounds%s)\n",
                "reset_login to the banner in weft", serverbench::percentile(latencies, 0.5),
                serverbench::percentile(latencies, 0.95), int(latencies.size()),
                missed ? qPrintable(QStringLiteral(", %1 missed").arg(missed)) : "");
    weft.write("quit\n");
    if (!weft.waitForFinished(15000))
        weft.kill();
    return missed == 0;
}
