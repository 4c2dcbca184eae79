// weft-bench: figures, not pass/fail. Starts weft-sandbox as a child process and measures
// /item/get throughput and latency over loopback keep-alive connections.
#include "BenchClient.h"
#include "FloorChild.h"
#include "ItemsBench.h"
#include "LinkBench.h"
#include "LinkItemRun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

const QString kClientId = QStringLiteral("weft_bench_client");
const QString kSecret = QStringLiteral("weft_bench_secret");

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

QJsonObject post(const QUrl &url, const QString &path, const QJsonObject &body)
{
    int status = 0;
    const QByteArray answer = BenchClient::postOnce(
        url,
        BenchClient::postRequest(url, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                 kClientId, kSecret),
        &status);
    if (status != 200) {
        std::fprintf(stderr, "weft-bench: %s answered %d: %s\n", qPrintable(path), status,
                     answer.constData());
        return {};
    }
    return QJsonDocument::fromJson(answer).object();
}

int benchSandbox(const QString &sandboxPath, int requests, int connections, int runs)
{
    QProcess sandbox;
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start(sandboxPath,
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--client-id"),
                   kClientId, QStringLiteral("--secret"), kSecret});
    if (!sandbox.waitForStarted(10000) || !sandbox.waitForReadyRead(10000)) {
        std::fprintf(stderr, "weft-bench: could not start %s\n", qPrintable(sandboxPath));
        return 1;
    }
    const QUrl url(QString::fromUtf8(sandbox.readLine().trimmed()));
    const QJsonObject created =
        post(url, QStringLiteral("/sandbox/public_token/create"),
             {{QStringLiteral("institution_id"), QStringLiteral("ins_109508")},
              {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}}});
    const QJsonObject exchanged =
        post(url, QStringLiteral("/item/public_token/exchange"),
             {{QStringLiteral("public_token"), created.value(QLatin1StringView("public_token"))}});
    const QString accessToken = exchanged.value(QLatin1StringView("access_token")).toString();
    if (accessToken.isEmpty()) {
        sandbox.kill();
        return 1;
    }
    const QByteArray request = BenchClient::postRequest(
        url, QStringLiteral("/item/get"),
        QJsonDocument(QJsonObject{{QStringLiteral("access_token"), accessToken}})
            .toJson(QJsonDocument::Compact),
        kClientId, kSecret);

    BenchClient client(url, request);
    client.run(std::min(requests, 2000), connections); // warm-up
    QList<double> rates;
    QList<double> latencies;
    int failed = 0;
    for (int run = 0; run < runs; ++run) {
        const BenchClient::Result result = client.run(requests, connections);
        failed += result.failed;
        const double rate = double(result.answered) / result.seconds;
        rates.append(rate);
        latencies += result.latenciesMs;
        std::printf("  run %d: %d answers in %.3f s = %.0f requests/s\n", run + 1, result.answered,
                    result.seconds, rate);
    }
    std::printf("sandbox /item/get over loopback: %d runs x %d requests, %d connections\n", runs,
                requests, connections);
    std::printf("  throughput median: %.0f requests/s (min %.0f, max %.0f)\n",
                percentile(rates, 0.5), *std::min_element(rates.begin(), rates.end()),
                *std::max_element(rates.begin(), rates.end()));
    std::printf("  latency: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms\n", percentile(latencies, 0.5),
                percentile(latencies, 0.95), percentile(latencies, 0.99));
    std::printf("  failed answers: %d\n", failed);
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    return failed == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 2 && qstrcmp(argv[1], "--floor-child") == 0)
        return runFloorChild(argc, argv);
    if (argc >= 2 && qstrcmp(argv[1], "--items-child") == 0)
        return runItemsBenchChild(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints Weft's performance figures."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("benchmark"),
                                 QStringLiteral("sandbox, link, items, or all (default); "
                                                "link-item links one Item through weft"));
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox-binary"), QStringLiteral("Path of weft-sandbox."),
        QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/weft-sandbox"));
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
                                            QStringLiteral("Requests per run."),
                                            QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"),
                                               QStringLiteral("Concurrent connections."),
                                               QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Measured runs."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption weftOption(
        QStringLiteral("weft-binary"), QStringLiteral("Path of weft."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/weft"));
    const QCommandLineOption busyOption(
        QStringLiteral("busy-threads"),
        QStringLiteral("Threads that keep the machine busy in the busy runs (default: one a "
                       "core)."),
        QStringLiteral("N"), QString::number(QThread::idealThreadCount()));
    const QCommandLineOption itemsOption(QStringLiteral("items"),
                                         QStringLiteral("Items in the \"with Items\" runs."),
                                         QStringLiteral("N"), QStringLiteral("100"));
    parser.addOptions({sandboxOption, weftOption, requestsOption, connectionsOption, runsOption,
                       busyOption, itemsOption});
    parser.process(app);

    if (parser.positionalArguments().value(0) == u"link-item")
        return runLinkItem(parser.value(weftOption), 180);
    std::printf("weft-bench %s on %s, %d logical CPUs, Qt %s\n", WEFT_VERSION,
                qPrintable(QSysInfo::prettyProductName()), QThread::idealThreadCount(), qVersion());
    const QString which = parser.positionalArguments().value(0, QStringLiteral("all"));
    if (which != u"sandbox" && which != u"link" && which != u"items" && which != u"all") {
        std::fprintf(stderr, "weft-bench: unknown benchmark %s\n", qPrintable(which));
        return 2;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    int failures = 0;
    if (which == u"sandbox" || which == u"all") {
        failures += benchSandbox(parser.value(sandboxOption),
                                 std::max(1, parser.value(requestsOption).toInt()),
                                 std::max(1, parser.value(connectionsOption).toInt()), runs);
    }
    if (which == u"link" || which == u"all") {
        LinkBenchOptions options;
        options.weft = parser.value(weftOption);
        options.self = QCoreApplication::applicationFilePath();
        options.runs = runs;
        options.busyThreads = std::max(1, parser.value(busyOption).toInt());
        options.items = std::max(0, parser.value(itemsOption).toInt());
        failures += runLinkBench(options);
    }
    if (which == u"items" || which == u"all")
        failures += runItemsBench(QCoreApplication::applicationFilePath(), runs);
    return failures == 0 ? 0 : 1;
}
