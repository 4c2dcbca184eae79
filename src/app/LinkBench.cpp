#include "LinkBench.h"

#include "BenchChild.h"
#include "BenchItems.h"
#include "BusyLoad.h"
#include "ChromiumTimeline.h"
#include "DevToolsClient.h"
#include "LinkFrames.h"
#include "ProcessMemory.h"
#include "vault/ItemStore.h"

#include <QDir>
#include <QEventLoop>
#include <QHash>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace weft;

namespace {

// The milestones of weft's own clock on the path to "Link ready", in order.
const char *const kAppSteps[] = {"main",
                                 "app",
                                 "graphics-chosen",
                                 "window-shown",
                                 "window-exposed",
                                 "session-up",
                                 "token-requested",
                                 "host-page-requested",
                                 "token-fetched",
                                 "handler-requested",
                                 "host-page-loaded",
                                 "ready"};

using Samples = QHash<QString, QList<double>>;

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct Config
{
    QString name;
    bool floor = false;
    bool gpuProcess = false; // Chromium's GPU process on (no --disable-gpu), over the display's GL
    int items = 0;
    int busyThreads = 0;
};

QProcessEnvironment environmentFor(const Config &config, const QString &home, quint16 port)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    QStringList flags =
        env.value(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS")).split(u' ', Qt::SkipEmptyParts);
    if (config.gpuProcess)
        flags.removeAll(QStringLiteral("--disable-gpu"));
    env.insert(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"), flags.join(u' '));
    if (config.floor) // weft opens the same DevTools endpoint through --remote-debugging-port
        env.insert(QStringLiteral("QTWEBENGINE_REMOTE_DEBUGGING"),
                   QStringLiteral("127.0.0.1:%1").arg(port));
    return env;
}

bool writeItems(const QString &home, int count)
{
    const QString directory = home + QStringLiteral("/data/Weft/Weft");
    if (!QDir().mkpath(directory))
        return false;
    vault::ItemStore store(directory + QStringLiteral("/items.json"));
    store.resetItems(generateBenchItems(count));
    return store.flush();
}

// One run of one configuration; adds its figures to `samples` under "<config>:<figure>".
bool runOnce(const LinkBenchOptions &options, const Config &config, Samples *samples)
{
    QTemporaryDir home;
    if (config.items > 0 && !writeItems(home.path(), config.items))
        return false;
    const quint16 port = freePort();
    const QProcessEnvironment env = environmentFor(config, home.path(), port);
    std::unique_ptr<BusyLoad> busy;
    if (config.busyThreads > 0)
        busy = std::make_unique<BusyLoad>(config.busyThreads, std::chrono::minutes(5));
    const QString prefix = config.name + u':';
    auto add = [&](const QString &figure, double value) {
        if (value >= 0)
            (*samples)[prefix + figure].append(value);
    };
    if (config.floor) {
        BenchChild floor(options.self, {QStringLiteral("--floor-child")}, env);
        const double ready = floor.waitFor(QStringLiteral("ready"));
        add(QStringLiteral("ready"), ready);
        if (ready >= 0) {
            pause(300);
            const ProcessMemory memory = processTreeMemory(floor.pid());
            add(QStringLiteral("pss"), memory.pssMiB);
            add(QStringLiteral("rss"), memory.rssMiB);
            add(QStringLiteral("processes"), memory.processes);
        }
        return ready >= 0;
    }

    BenchChild weft(options.weft,
                    {QStringLiteral("--sandbox"), QStringLiteral("--bench-milestones"),
                     QStringLiteral("--remote-debugging-port"), QString::number(port)},
                    env);
    if (weft.waitFor(QStringLiteral("ready")) < 0) {
        std::fprintf(stderr, "weft-bench: %s: weft did not get Link ready\n",
                     qPrintable(config.name));
        return false;
    }
    for (const char *step : kAppSteps)
        add(QStringLiteral("app:") + QLatin1StringView(step), weft.at(QLatin1StringView(step)));

    DevToolsClient devtools;
    QString error;
    LinkFrames frames;
    if (devtools.connectTo(port, 5000, &error)) {
        frames = findLinkFrames(devtools, &error);
        if (qEnvironmentVariableIsSet("WEFT_BENCH_TIMELINES"))
            std::fprintf(stderr, "host timeline %s\nframe timeline %s\n",
                         qPrintable(frames.hostTimeline), qPrintable(frames.frameTimeline));
        const QList<TimelineStep> steps =
            chromiumSteps(frames.hostTimeline, frames.frameTimeline, weft.startEpochMs());
        for (const TimelineStep &step : steps)
            add(QStringLiteral("chromium:") + step.name, step.ms);
        add(QStringLiteral("frame-out-of-process"), frames.outOfProcess ? 1 : 0);
    }
    if (!error.isEmpty())
        std::fprintf(stderr, "weft-bench: DevTools: %s\n", qPrintable(error));

    // The user clicks a moment after Link is ready.
    pause(300);
    weft.send("connect");
    const double clicked = weft.waitFor(QStringLiteral("connect-clicked"), 0, 10000);
    const double visible = weft.waitFor(QStringLiteral("link-open-event"), 0, 10000);
    if (clicked >= 0 && visible >= 0)
        add(QStringLiteral("click"), visible - clicked);
    pause(500);
    const ProcessMemory memory = processTreeMemory(weft.pid());
    add(QStringLiteral("pss"), memory.pssMiB);
    add(QStringLiteral("rss"), memory.rssMiB);
    add(QStringLiteral("processes"), memory.processes);

    // INVALID_LINK_TOKEN, as Link reports an expired token, then the new handler.
    if (frames.frameFound()) {
        frames.runInFrame(devtools, forceInvalidTokenScript(), &error);
        const double exited = weft.waitFor(QStringLiteral("recovery-started"), 0, 20000);
        const double readyAgain = weft.waitFor(QStringLiteral("ready"), 1, 20000);
        if (exited >= 0 && readyAgain >= 0)
            add(QStringLiteral("recovery"), readyAgain - exited);
        const double asked = weft.at(QStringLiteral("token-requested"), 1);
        const double answered = weft.at(QStringLiteral("token-fetched"), 1);
        if (asked >= 0 && answered >= 0)
            add(QStringLiteral("token-rtt"), answered - asked);
    }
    const double first = weft.at(QStringLiteral("token-requested"));
    const double firstAnswer = weft.at(QStringLiteral("token-fetched"));
    if (first >= 0 && firstAnswer >= 0)
        add(QStringLiteral("token-rtt"), firstAnswer - first);
    weft.finish();
    return true;
}

void printRow(const Samples &samples, const char *label, const QString &key,
              const QStringList &configs, const char *unit = "ms")
{
    std::printf("  %-46s", label);
    for (const QString &config : configs) {
        const QList<double> values = samples.value(config + u':' + key);
        if (values.isEmpty())
            std::printf(" %21s", "n/a");
        else
            std::printf(" %8.1f (p95 %7.1f)", percentile(values, 0.5), percentile(values, 0.95));
    }
    std::printf(" %s\n", unit);
}

double median(const Samples &samples, const QString &key)
{
    return percentile(samples.value(key), 0.5);
}

void printRatio(const char *label, double value, const char *goal)
{
    if (value < 0)
        std::printf("  %-46s n/a\n", label);
    else
        std::printf("  %-46s %8.2f   (goal %s)\n", label, value, goal);
}

} // namespace

int runLinkBench(const LinkBenchOptions &options)
{
    const QList<Config> configs{
        {QStringLiteral("floor"), true, false, 0, 0},
        {QStringLiteral("weft"), false, false, 0, 0},
        {QStringLiteral("weft-items"), false, false, options.items, 0},
        {QStringLiteral("floor-gl"), true, true, 0, 0},
        {QStringLiteral("weft-gl"), false, true, 0, 0},
        {QStringLiteral("floor-busy"), true, false, 0, options.busyThreads},
        {QStringLiteral("weft-busy"), false, false, 0, options.busyThreads},
    };
    Samples samples;
    int failures = 0;
    for (int run = 0; run < options.runs; ++run) {
        for (const Config &config : configs)
            failures += runOnce(options, config, &samples) ? 0 : 1;
        std::fprintf(stderr, "weft-bench: link run %d of %d done\n", run + 1, options.runs);
    }

    std::printf("Link in weft: %d runs of each configuration, each a fresh process of the real "
                "weft (--sandbox, first run, %d cores); times in ms after process start\n",
                options.runs, QThread::idealThreadCount());
    std::printf("  columns: quiet | with %d Items | Chromium's GPU process on (no --disable-gpu) "
                "| busy (%d busy threads)\n",
                options.items, options.busyThreads);
    const QStringList weftColumns{QStringLiteral("weft"), QStringLiteral("weft-items"),
                                  QStringLiteral("weft-gl"), QStringLiteral("weft-busy")};
    const QStringList floorColumns{QStringLiteral("floor"), QStringLiteral("floor"),
                                   QStringLiteral("floor-gl"), QStringLiteral("floor-busy")};
    printRow(samples, "process start -> Link ready", QStringLiteral("app:ready"), weftColumns);
    printRow(samples, "floor: process start -> page loaded", QStringLiteral("ready"), floorColumns);
    printRow(samples, "click -> Link visible (OPEN event)", QStringLiteral("click"), weftColumns);
    printRow(samples, "INVALID_LINK_TOKEN -> new handler ready", QStringLiteral("recovery"),
             weftColumns);
    printRow(samples, "link token round trip (as weft sees it)", QStringLiteral("token-rtt"),
             weftColumns);
    printRow(samples, "PSS, app + web engine, Link open", QStringLiteral("pss"), weftColumns,
             "MiB");
    printRow(samples, "PSS, floor", QStringLiteral("pss"), floorColumns, "MiB");
    printRow(samples, "RSS, app + web engine, Link open", QStringLiteral("rss"), weftColumns,
             "MiB");
    printRow(samples, "RSS, floor", QStringLiteral("rss"), floorColumns, "MiB");
    printRow(samples, "processes, app + web engine", QStringLiteral("processes"), weftColumns, "");
    printRow(samples, "processes, floor", QStringLiteral("processes"), floorColumns, "");
    printRow(samples, "Link's frame in a process of its own (1 = yes)",
             QStringLiteral("frame-out-of-process"), weftColumns, "");

    auto ratio = [&](const QString &a, const QString &b) {
        const double x = median(samples, a);
        const double y = median(samples, b);
        return x < 0 || y <= 0 ? -1.0 : x / y;
    };
    std::printf("Goals\n");
    printRatio("Link ready / floor, quiet (medians)",
               ratio(QStringLiteral("weft:app:ready"), QStringLiteral("floor:ready")), "<= 1.5");
    printRatio("Link ready / floor, GPU process on (medians)",
               ratio(QStringLiteral("weft-gl:app:ready"), QStringLiteral("floor-gl:ready")),
               "<= 1.5");
    const double quietMedian = median(samples, QStringLiteral("weft:app:ready"));
    const double busyP95 = percentile(samples.value(QStringLiteral("weft-busy:app:ready")), 0.95);
    printRatio("busy p95 / quiet median, Link ready",
               quietMedian > 0 && busyP95 >= 0 ? busyP95 / quietMedian : -1, "<= 2");
    const double floorQuiet = median(samples, QStringLiteral("floor:ready"));
    const double floorBusyP95 = percentile(samples.value(QStringLiteral("floor-busy:ready")), 0.95);
    printRatio("  the floor's own: busy p95 / quiet median",
               floorQuiet > 0 && floorBusyP95 >= 0 ? floorBusyP95 / floorQuiet : -1,
               "none; for comparison");
    printRatio("click -> visible p95, quiet (ms)",
               percentile(samples.value(QStringLiteral("weft:click")), 0.95), "<= 30");
    const double rtt = median(samples, QStringLiteral("weft:token-rtt"));
    const double recoveryP95 = percentile(samples.value(QStringLiteral("weft:recovery")), 0.95);
    if (rtt >= 0 && recoveryP95 >= 0)
        std::printf("  %-46s %8.2f   (goal <= token round trip + 100 = %.1f)\n",
                    "recovery p95, quiet (ms)", recoveryP95, rtt + 100);
    else
        std::printf("  %-46s n/a\n", "recovery p95, quiet (ms)");
    printRatio("PSS / floor's PSS (medians)",
               ratio(QStringLiteral("weft:pss"), QStringLiteral("floor:pss")), "<= 1.2");

    std::printf("Breakdown of the path to Link ready (medians, ms after process start)\n");
    std::printf("  weft's clock (--bench-milestones)\n");
    for (const char *step : kAppSteps)
        printRow(samples, step, QStringLiteral("app:") + QLatin1StringView(step), weftColumns);
    std::printf("  Chromium's clock (performance timelines over DevTools)\n");
    for (const TimelineStep &step : chromiumSteps({}, {}, 0))
        printRow(samples, qPrintable(step.name), QStringLiteral("chromium:") + step.name,
                 weftColumns);
    std::printf("  failed runs: %d\n", failures);
    return failures == 0 ? 0 : 1;
}
