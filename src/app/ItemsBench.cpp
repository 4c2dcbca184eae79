#include "ItemsBench.h"

#include "BenchItems.h"
#include "items/ItemService.h"
#include "items/ItemsModel.h"
#include "ui/ItemsPanel.h"
#include "vault/ItemStore.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace weft;

namespace {

constexpr int kItems = 10000;
constexpr int kWarmRepeats = 4;
const QString kEnvironment = QStringLiteral("sandbox");

// Knows when a widget has been painted.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QWidget *widget) { widget->installEventFilter(this); }
    bool painted = false;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

// Runs the event loop until the watched widget has been painted and the paint handled.
bool waitForPaint(PaintWatcher &watcher)
{
    const QDeadlineTimer deadline(10000);
    while (!watcher.painted && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    return watcher.painted;
}

void report(const char *name, double ms)
{
    std::printf("%s %.3f\n", name, ms);
    std::fflush(stdout);
}

double since(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
}

} // namespace

int runItemsBenchChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int count = argc > 2 ? QByteArray(argv[2]).toInt() : kItems;
    QTemporaryDir directory;
    vault::ItemStore store(directory.filePath(QStringLiteral("items.json")));
    store.resetItems(generateBenchItems(count));
    store.flush(); // the file is written now, not while measuring
    items::ItemService service(&store, nullptr, nullptr, kEnvironment);

    for (int repeat = 0; repeat <= kWarmRepeats; ++repeat) {
        QElapsedTimer timer;
        timer.start();
        auto panel = std::make_unique<ui::ItemsPanel>(&store);
        panel->setServices(&service, nullptr);
        panel->resize(1280, 800);
        QWidget *viewport = panel->tableView()->viewport();
        PaintWatcher shown(viewport);
        panel->show();
        if (!waitForPaint(shown))
            return 1;
        report(repeat == 0 ? "show-cold" : "show-warm", since(timer));
        if (count == 0) { // the floor: nothing to filter or sort
            panel.reset();
            QCoreApplication::processEvents();
            continue;
        }

        PaintWatcher filtered(viewport);
        timer.restart();
        panel->setFilterText(QStringLiteral("tartan"));
        if (!waitForPaint(filtered))
            return 1;
        report("filter", since(timer));

        PaintWatcher cleared(viewport);
        panel->setFilterText(QString());
        waitForPaint(cleared);

        PaintWatcher sorted(viewport);
        timer.restart();
        panel->tableView()->sortByColumn(items::ItemsModel::Status, Qt::AscendingOrder);
        if (!waitForPaint(sorted))
            return 1;
        report("sort", since(timer));
        panel.reset();
        QCoreApplication::processEvents();
    }
    std::printf("done 0\n");
    return 0;
}

int runItemsBench(const QString &self, int runs)
{
    QHash<QString, QList<double>> samples;
    int failures = 0;
    const QList<int> counts{kItems, 0};
    for (int run = 0; run < runs; ++run) {
        for (const int count : counts) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(self, {QStringLiteral("--items-child"), QString::number(count)});
            if (!child.waitForFinished(120000) || child.exitCode() != 0) {
                child.kill();
                child.waitForFinished(5000);
                ++failures;
                continue;
            }
            const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
            for (const QByteArray &line : lines) {
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() == 2)
                    samples[QString::number(count) + u':' + QString::fromLatin1(parts.at(0))]
                        .append(parts.at(1).toDouble());
            }
        }
        std::fprintf(stderr, "weft-bench: items run %d of %d done\n", run + 1, runs);
    }
    const auto print = [&samples](const char *label, const QString &key) {
        const QList<double> values = samples.value(key);
        if (values.isEmpty()) {
            std::printf("  %-52s n/a\n", label);
            return;
        }
        std::printf("  %-52s median %8.1f ms   p95 %8.1f ms   (n=%lld)\n", label,
                    percentile(values, 0.5), percentile(values, 0.95),
                    static_cast<long long>(values.size()));
    };
    std::printf("Items panel with %d Items (%d runs, each a fresh process; 1 cold + %d warm "
                "shows per process)\n",
                kItems, runs, kWarmRepeats);
    const QString n = QString::number(kItems) + u':';
    print("model + panel + show -> first paint, cold", n + QStringLiteral("show-cold"));
    print("model + panel + show -> first paint, warm", n + QStringLiteral("show-warm"));
    print("  floor, empty index: cold", QStringLiteral("0:show-cold"));
    print("  floor, empty index: warm", QStringLiteral("0:show-warm"));
    print("filter \"tartan\" -> repainted", n + QStringLiteral("filter"));
    print("sort by status -> repainted", n + QStringLiteral("sort"));
    std::printf("  %-52s %s\n", "target, show (cold)", "<= 150 ms");
    std::printf("  failed runs: %d\n", failures);
    return failures == 0 ? 0 : 1;
}
