#include "BenchChild.h"

#include <QElapsedTimer>

#include <chrono>

BenchChild::BenchChild(const QString &program, const QStringList &arguments,
                       const QProcessEnvironment &environment)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setProcessEnvironment(environment);
    using namespace std::chrono;
    m_startEpochMs =
        double(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) /
        1000.0;
    m_startSteadyNs = duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
    m_process.start(program, arguments);
    m_started = m_process.waitForStarted(10000);
}

BenchChild::~BenchChild()
{
    finish();
}

void BenchChild::readLines()
{
    while (m_process.canReadLine()) {
        const QList<QByteArray> parts = m_process.readLine().trimmed().split(' ');
        if (parts.size() != 3 || parts.at(0) != "weft-milestone")
            continue;
        const double ms = double(parts.at(2).toLongLong() - m_startSteadyNs) / 1e6;
        m_milestones[QString::fromLatin1(parts.at(1))].append(ms);
    }
}

double BenchChild::at(const QString &name, int occurrence) const
{
    return m_milestones.value(name).value(occurrence, -1);
}

double BenchChild::waitFor(const QString &name, int occurrence, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    readLines();
    while (at(name, occurrence) < 0 && m_process.state() == QProcess::Running &&
           timer.elapsed() < timeoutMs) {
        m_process.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
        readLines();
    }
    return at(name, occurrence);
}

void BenchChild::send(const QByteArray &line)
{
    m_process.write(line + '\n');
    m_process.waitForBytesWritten(1000);
}

void BenchChild::finish()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    send("quit");
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}
