#pragma once

#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// A benchmarked child process (weft or the floor) and the milestones it prints
// ("weft-milestone NAME NS", steady clock), kept as milliseconds after the moment the
// benchmark started it. Also the wall-clock (epoch) time of that moment, to place Chromium's
// timestamps on the same axis.
class BenchChild
{
public:
    BenchChild(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment);
    ~BenchChild();

    bool started() const { return m_started; }
    qint64 pid() const { return m_process.processId(); }
    double startEpochMs() const { return m_startEpochMs; }
    // Milliseconds after start of the n-th (from 0) occurrence of a milestone, waiting up to
    // timeoutMs for it; -1 when it did not come (or the process ended).
    double waitFor(const QString &name, int occurrence = 0, int timeoutMs = 60000);
    double at(const QString &name, int occurrence = 0) const;
    void send(const QByteArray &line);
    // Asks the child to quit, then kills it if it has not after a few seconds.
    void finish();

private:
    void readLines();

    QProcess m_process;
    bool m_started = false;
    qint64 m_startSteadyNs = 0;
    double m_startEpochMs = 0;
    QHash<QString, QList<double>> m_milestones;
};
