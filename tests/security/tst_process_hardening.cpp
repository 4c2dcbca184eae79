// The process: no core file can hold a token (the real weft, killed by SIGSEGV in a folder
// where core files land, beside a control process that does leave one), and SIGTERM, SIGINT
// and SIGHUP end weft the normal way.
#include "core/ProcessHardening.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

using namespace weft;
using namespace Qt::Literals::StringLiterals;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// "Max core file size  0  0  bytes" in /proc/PID/limits.
bool coreLimitIsZero(qint64 pid)
{
    static const QRegularExpression line(u"Max core file size\\s+(\\S+)\\s+(\\S+)"_s);
    const auto match = line.match(readFile(u"/proc/%1/limits"_s.arg(pid)));
    return match.hasMatch() && match.captured(1) == u"0" && match.captured(2) == u"0";
}

QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QStringList tasks =
        QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        const QStringList ids = readFile(u"/proc/%1/task/%2/children"_s.arg(pid).arg(task))
                                    .split(u' ', Qt::SkipEmptyParts);
        for (const QString &id : ids)
            children << id.toLongLong();
    }
    return children;
}

QStringList coreFiles(const QString &folder)
{
    return QDir(folder).entryList({u"core*"_s}, QDir::Files);
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void weftLeavesNoCoreFile();
    void terminationSignalsEndWeftNormally_data();
    void terminationSignalsEndWeftNormally();
    void inThisProcess(); // last: it takes this process's own right to dump core for good

private:
    // Starts weft --sandbox with its own data folders, in folder; true once Link's host page
    // has loaded (the web engine and its helper processes are up).
    bool launch(const QString &folder);

    QString m_binary;
    std::unique_ptr<QProcess> m_weft;
    QByteArray m_log;
};

void TestProcessHardening::initTestCase()
{
    m_binary = qEnvironmentVariable("WEFT_BINARY");
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
    // Whatever the machine's default, children may write core files unless they refuse.
    const struct rlimit unlimited = {RLIM_INFINITY, RLIM_INFINITY};
    QCOMPARE(setrlimit(RLIMIT_CORE, &unlimited), 0);
}

void TestProcessHardening::cleanup()
{
    if (m_weft && m_weft->state() != QProcess::NotRunning) {
        m_weft->kill();
        m_weft->waitForFinished(10000);
    }
    m_weft.reset();
    m_log.clear();
}

bool TestProcessHardening::launch(const QString &folder)
{
    m_weft = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, folder + u"/data"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, folder + u"/config"_s);
    m_weft->setProcessEnvironment(env);
    m_weft->setWorkingDirectory(folder);
    m_weft->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_weft.get(), &QProcess::readyRead, this, [this] { m_log += m_weft->readAll(); });
    m_weft->start(m_binary, {u"--sandbox"_s});
    if (!m_weft->waitForStarted(10000))
        return false;
    return QTest::qWaitFor(
               [this] {
                   return m_log.contains("host page loaded") ||
                          m_weft->state() == QProcess::NotRunning;
               },
               60000) &&
           m_weft->state() == QProcess::Running;
}

void TestProcessHardening::inThisProcess()
{
    QVERIFY(!coreDumpsDisabled()); // the test raised its limit in initTestCase
    disableCoreDumps();
    QVERIFY(coreDumpsDisabled());
    QVERIFY(coreLimitIsZero(QCoreApplication::applicationPid()));
    const struct rlimit raise = {RLIM_INFINITY, RLIM_INFINITY};
    QVERIFY(setrlimit(RLIMIT_CORE, &raise) != 0); // the hard limit is 0 too: no way back
}

void TestProcessHardening::weftLeavesNoCoreFile()
{
    const QString pattern = readFile(u"/proc/sys/kernel/core_pattern"_s).trimmed();
    QTemporaryDir folder;
    // The control: a process without Weft's protection, killed the same way, leaves a core
    // file here; if it does not, this machine writes none and nothing can be shown.
    QTemporaryDir controlFolder;
    QProcess control;
    control.setWorkingDirectory(controlFolder.path());
    control.start(u"sh"_s, {u"-c"_s, u"kill -SEGV $$"_s});
    QVERIFY(control.waitForFinished(10000));
    if (coreFiles(controlFolder.path()).isEmpty())
        QSKIP(qPrintable(u"this machine writes no core file (core_pattern: %1)"_s.arg(pattern)));

    QVERIFY2(launch(folder.path()), m_log.constData());
    const qint64 pid = m_weft->processId();
    QVERIFY(coreLimitIsZero(pid));
    // The web engine's helper processes inherit the limit.
    const QList<qint64> helpers = childrenOf(pid);
    QVERIFY(!helpers.isEmpty());
    for (qint64 helper : helpers)
        QVERIFY2(coreLimitIsZero(helper), qPrintable(QString::number(helper)));
    ::kill(pid_t(pid), SIGSEGV);
    QVERIFY(m_weft->waitForFinished(20000));
    QCOMPARE(m_weft->exitStatus(), QProcess::CrashExit);
    QTest::qWait(500);
    QCOMPARE(coreFiles(folder.path()), QStringList());
}

void TestProcessHardening::terminationSignalsEndWeftNormally_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGTERM") << int(SIGTERM) << u"SIGTERM"_s;
    QTest::newRow("SIGINT") << int(SIGINT) << u"SIGINT"_s;
    QTest::newRow("SIGHUP") << int(SIGHUP) << u"SIGHUP"_s;
}

void TestProcessHardening::terminationSignalsEndWeftNormally()
{
    QFETCH(int, number);
    QFETCH(QString, name);
    QTemporaryDir folder;
    QVERIFY2(launch(folder.path()), m_log.constData());
    ::kill(pid_t(m_weft->processId()), number);
    QVERIFY(m_weft->waitForFinished(20000));
    QCOMPARE(m_weft->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_weft->exitCode(), 0);
    m_log += m_weft->readAll();
    QVERIFY2(m_log.contains(QByteArray("closing on " + name.toLatin1())),
             m_log.right(2000).constData());
}

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_process_hardening.moc"
