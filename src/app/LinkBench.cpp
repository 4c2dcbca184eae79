#include "LinkBench.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

using Samples = QHash<QString, QList<double>>;

// Resident memory, in MiB, of pid and every process below it (Linux /proc).
double residentMiB(qint64 pid)
{
    QHash<qint64, qint64> parentOf;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 id = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(id));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        parentOf.insert(id, fields.value(1).toLongLong());
    }
    double kib = 0;
    for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it) {
        qint64 walk = it.key();
        while (walk > 1 && walk != pid)
            walk = parentOf.value(walk, 0);
        if (walk != pid)
            continue;
        QFile status(QStringLiteral("/proc/%1/status").arg(it.key()));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("VmRSS:"))
                kib += line.mid(6).trimmed().split(' ').value(0).toDouble();
        }
    }
    return kib / 1024.0;
}

// Runs one child; collects "<name> <ms>" lines (child clock) and, for the names in
// `wallClock`, the parent's time since it started the process.
bool runChild(const QString &self, const QString &mode, const char *last, Samples *samples)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer wall;
    wall.start();
    child.start(self, {QStringLiteral("--child"), mode});
    if (!child.waitForStarted(10000))
        return false;
    QElapsedTimer deadline;
    deadline.start();
    bool finished = false;
    while (!finished && deadline.elapsed() < 60000 && child.state() == QProcess::Running) {
        if (!child.canReadLine() && !child.waitForReadyRead(1000))
            continue;
        while (child.canReadLine()) {
            const QList<QByteArray> parts = child.readLine().trimmed().split(' ');
            const QString name = QString::fromLatin1(parts.value(0));
            const double wallMs = double(wall.nsecsElapsed()) / 1e6;
            if (name == u"shown" || name == u"ready")
                (*samples)[mode + u':' + name + QStringLiteral("-wall")].append(wallMs);
            (*samples)[mode + u':' + name].append(parts.value(1).toDouble());
            if (name == u"done" || (name == u"ready" && mode == u"floor"))
                (*samples)[mode + QStringLiteral(":rss")].append(residentMiB(child.processId()));
            if (name == QLatin1StringView(last))
                finished = true;
        }
    }
    child.write("quit\n");
    child.closeWriteChannel();
    if (!child.waitForFinished(10000)) {
        child.kill();
        child.waitForFinished(5000);
    }
    return finished;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
}

void print(const Samples &samples, const char *label, const QString &key, const char *unit = "ms")
{
    const QList<double> values = samples.value(key);
    if (values.isEmpty()) {
        std::printf("  %-52s n/a\n", label);
        return;
    }
    std::printf("  %-52s median %8.1f %s   p95 %8.1f %s   (n=%lld)\n", label,
                percentile(values, 0.5), unit, percentile(values, 0.95), unit,
                static_cast<long long>(values.size()));
}

} // namespace

int runLinkBench(const QString &self, int runs)
{
    Samples samples;
    int failures = 0;
    for (int run = 0; run < runs; ++run) {
        failures += runChild(self, QStringLiteral("floor"), "ready", &samples) ? 0 : 1;
        failures += runChild(self, QStringLiteral("link"), "finished", &samples) ? 0 : 1;
        failures += runChild(self, QStringLiteral("link-no-preload"), "finished", &samples) ? 0 : 1;
        std::fprintf(stderr, "weft-bench: link run %d of %d done\n", run + 1, runs);
    }
    std::printf(
        "Link in the desktop window (%d runs, each a fresh process; times from process start "
        "as seen by the parent)\n",
        runs);
    print(samples, "process start -> window shown", QStringLiteral("link:shown-wall"));
    print(samples, "process start -> Link ready (token + onLoad)",
          QStringLiteral("link:ready-wall"));
    print(samples, "floor: process start -> bare QWebEngineView page loaded",
          QStringLiteral("floor:ready-wall"));
    const double ready = percentile(samples.value(QStringLiteral("link:ready-wall")), 0.5);
    const double floor = percentile(samples.value(QStringLiteral("floor:ready-wall")), 0.5);
    if (floor > 0)
        std::printf("  %-52s %8.2f x (target <= 1.5)\n", "Link ready / floor (medians)",
                    ready / floor);
    print(samples, "click -> Link visible, preloaded", QStringLiteral("link:visible"));
    print(samples, "click -> Link visible, preloaded, after a recovery",
          QStringLiteral("link:visible-again"));
    print(samples, "click -> Link visible, without preload",
          QStringLiteral("link-no-preload:visible"));
    print(samples, "INVALID_LINK_TOKEN -> new handler ready", QStringLiteral("link:recovered"));
    print(samples, "one link token round trip (median of 15)", QStringLiteral("link:token-rtt"));
    print(samples, "resident memory, app + web engine, Link open", QStringLiteral("link:rss"),
          "MiB");
    print(samples, "resident memory, floor", QStringLiteral("floor:rss"), "MiB");
    std::printf("  failed runs: %d\n", failures);
    return failures == 0 ? 0 : 1;
}
