// Two sandboxes never share a state file: the second is told who holds it.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestSandboxStateLock : public QObject
{
    Q_OBJECT

private slots:
    void secondAttachIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state/sandbox.json"));
        sandbox::SandboxApi first(Clock::system(), {});
        QString error;
        QVERIFY2(first.attachStateFile(path, &error), qPrintable(error));
        sandbox::SandboxApi second(Clock::system(), {});
        QVERIFY(!second.attachStateFile(path, &error));
        QVERIFY2(error.contains(u"in use by another process"), qPrintable(error));
        QVERIFY(error.contains(QString::number(QCoreApplication::applicationPid())));
    }

    void freedWhenTheFirstGoes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sandbox.json"));
        QString error;
        {
            sandbox::SandboxApi first(Clock::system(), {});
            QVERIFY(first.attachStateFile(path, &error));
        }
        sandbox::SandboxApi second(Clock::system(), {});
        QVERIFY2(second.attachStateFile(path, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSandboxStateLock)
#include "tst_sandboxstate_lock.moc"
