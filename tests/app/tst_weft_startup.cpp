// The real weft starting on the embedded sandbox, in a temporary home: --bench-milestones (what
// weft-bench reads), and the window's composition on displays whose OpenGL is rasterised in
// software or missing altogether (which used to end in SIGSEGV).
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A running weft and what it printed.
class Weft
{
public:
    // home: another Weft's home (the same user configuration), or empty for a new one.
    Weft(const QStringList &args, const QProcessEnvironment &extra = {}, QString home = {})
    {
        if (home.isEmpty())
            home = m_home.path();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home);
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/d"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/c"));
        for (const QString &key : extra.keys())
            environment.insert(key, extra.value(key));
        m_process.setProcessEnvironment(environment);
        m_process.start(qEnvironmentVariable("WEFT_BINARY"), args);
        m_process.waitForStarted(10000);
    }
    ~Weft()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Waits for a milestone; its place among all milestones printed so far, or -1.
    int waitFor(const QByteArray &name, int timeoutMs = 60000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_order.contains(name) && m_process.state() == QProcess::Running &&
               !deadline.hasExpired()) {
            m_process.waitForReadyRead(100);
            read();
        }
        read();
        return m_order.value(name, -1);
    }
    bool waitForLog(const QByteArray &text, int timeoutMs = 60000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!errors().contains(text) && m_process.state() == QProcess::Running &&
               !deadline.hasExpired())
            m_process.waitForReadyRead(100);
        return errors().contains(text);
    }
    qint64 nanoseconds(const QByteArray &name) const { return m_times.value(name, -1); }
    void send(const QByteArray &line)
    {
        m_process.write(line + '\n');
        m_process.waitForBytesWritten(1000);
    }
    bool finished(int timeoutMs) { return m_process.waitForFinished(timeoutMs); }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    QByteArray errors()
    {
        m_errors += m_process.readAllStandardError();
        return m_errors;
    }
    QByteArray output() const { return m_output; }
    QString home() const { return m_home.path(); }

private:
    void read()
    {
        m_errors += m_process.readAllStandardError();
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine();
            m_output += line;
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() == 3 && parts.at(0) == "weft-milestone" &&
                !m_order.contains(parts.at(1))) {
                m_order.insert(parts.at(1), int(m_order.size()));
                m_times.insert(parts.at(1), parts.at(2).toLongLong());
            }
        }
    }

    QTemporaryDir m_home;
    QProcess m_process;
    QHash<QByteArray, int> m_order;
    QHash<QByteArray, qint64> m_times;
    QByteArray m_output;
    QByteArray m_errors;
};

} // namespace

class TestWeftStartup : public QObject
{
    Q_OBJECT

private slots:
    void milestonesAndCommands();
    void noMilestonesWithoutTheSwitch();
    void softwareOpenGlIsComposedInSoftware();
    void withoutOpenGlLinkStillOpens();
    void oneWeftPerUserConfiguration();
};

void TestWeftStartup::oneWeftPerUserConfiguration()
{
    Weft first({QStringLiteral("--sandbox"), QStringLiteral("--bench-milestones")});
    QVERIFY2(first.waitFor("window-shown") >= 0, first.errors().constData());
    // A second start hands over to the first and ends; the first goes on.
    Weft second({}, {}, first.home());
    QVERIFY(second.finished(30000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(second.errors().contains("already running"), second.errors().constData());
    QVERIFY(second.output().isEmpty()); // no milestones: it never built a window
    // An address: handed over too; this Weft has no redirect_uri, so it says so and ignores it.
    Weft address({QStringLiteral("weft://oauth?oauth_state_id=abc")}, {}, first.home());
    QVERIFY(address.finished(30000));
    QCOMPARE(address.exitCode(), 0);
    QVERIFY(first.waitForLog("not its OAuth redirect", 15000));
    // Another user configuration is another Weft.
    Weft other({QStringLiteral("--sandbox"), QStringLiteral("--bench-milestones")});
    QVERIFY2(other.waitFor("window-shown") >= 0, other.errors().constData());
    first.send("quit");
    QVERIFY(first.finished(15000));
    QCOMPARE(first.exitCode(), 0);
}

void TestWeftStartup::milestonesAndCommands()
{
    Weft weft({QStringLiteral("--sandbox"), QStringLiteral("--bench-milestones")});
    QVERIFY2(weft.waitFor("ready") >= 0, weft.errors().constData());
    // The path to "Link ready", in the order it must happen.
    for (const char *name : {"main", "app", "graphics-chosen", "window-shown", "token-requested",
                             "token-fetched", "handler-requested", "host-page-requested"})
        QVERIFY2(weft.waitFor(name, 0) >= 0, name);
    QVERIFY(weft.waitFor("main") < weft.waitFor("app"));
    QVERIFY(weft.waitFor("app") < weft.waitFor("graphics-chosen"));
    QVERIFY(weft.waitFor("graphics-chosen") < weft.waitFor("window-shown"));
    QVERIFY(weft.waitFor("token-requested") < weft.waitFor("token-fetched"));
    QVERIFY(weft.waitFor("token-fetched") < weft.waitFor("handler-requested"));
    QVERIFY(weft.waitFor("handler-requested") < weft.waitFor("ready"));
    QVERIFY(weft.nanoseconds("main") <= weft.nanoseconds("ready"));

    // Unknown commands are said and ignored; "connect" is the user's click.
    weft.send("format-disk");
    weft.send("connect");
    QVERIFY(weft.waitFor("link-open-event") >= 0);
    QVERIFY(weft.waitFor("connect-clicked") < weft.waitFor("open"));
    QVERIFY(weft.waitFor("open") < weft.waitFor("link-open-event"));
    QVERIFY(weft.errors().contains("unknown bench command: format-disk"));

    // "quit" closes the window the normal way.
    weft.send("quit");
    QVERIFY(weft.finished(15000));
    QCOMPARE(weft.exitStatus(), QProcess::NormalExit);
    QCOMPARE(weft.exitCode(), 0);
}

void TestWeftStartup::noMilestonesWithoutTheSwitch()
{
    Weft weft({QStringLiteral("--sandbox")});
    QVERIFY2(weft.waitForLog("host page loaded"), weft.errors().constData());
    // Without the switch there is no command channel either: the window stays until closed.
    weft.send("quit");
    QVERIFY(!weft.finished(2000));
    weft.waitFor("none", 0);
    QVERIFY2(!weft.output().contains("weft-milestone"), weft.output().constData());
}

void TestWeftStartup::softwareOpenGlIsComposedInSoftware()
{
    // Xvfb's OpenGL is Mesa's, rasterised on the CPU (or missing when Mesa's drivers are).
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X display (the test runner uses Xvfb)");
    Weft weft({QStringLiteral("--sandbox"), QStringLiteral("--bench-milestones")});
    QVERIFY2(weft.waitFor("ready") >= 0, weft.errors().constData());
    QVERIFY2(weft.errors().contains("Weft composes its window in software"),
             weft.errors().constData());
}

void TestWeftStartup::withoutOpenGlLinkStillOpens()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X display (the test runner uses Xvfb)");
    QProcessEnvironment noGl;
    noGl.insert(QStringLiteral("QT_XCB_GL_INTEGRATION"), QStringLiteral("none"));
    Weft weft({QStringLiteral("--sandbox"), QStringLiteral("--bench-milestones"),
               QStringLiteral("--connect")},
              noGl);
    QVERIFY2(weft.waitFor("link-open-event") >= 0, weft.errors().constData());
    QVERIFY2(weft.errors().contains("no OpenGL on this display"), weft.errors().constData());
    weft.send("quit");
    QVERIFY(weft.finished(15000));
    QCOMPARE(weft.exitStatus(), QProcess::NormalExit);
    QCOMPARE(weft.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestWeftStartup)
#include "tst_weft_startup.moc"
