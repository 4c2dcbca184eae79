// Desktop notifications over a real session bus: when a refresh finds that a connection needs
// its user, the freedesktop Notifications service (here the test's own, on the bus the test
// runs in) is told once; without such a service Weft still asks for attention.
#include "ItemsPanelFixture.h"
#include "ui/AttentionNotifier.h"
#include "ui/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QWidget>
#include <QtTest>

using namespace weft;

class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString app;
        QString icon;
        QString summary;
        QString body;
        QVariantMap hints;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &app, uint, const QString &icon, const QString &summary,
                const QString &body, const QStringList &, const QVariantMap &hints, int)
    {
        calls.append({app, icon, summary, body, hints});
        return uint(calls.size());
    }
};

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refreshThatFindsANeedNotifiesOnce();
    void withoutAServiceTheWindowAsks();

private:
    FakeNotifications m_server;
};

void TestNotifications::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY2(bus.isConnected(), "no session bus (scripts/test runs the tests in one)");
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_server,
                               QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
}

void TestNotifications::refreshThatFindsANeedNotifiesOnce()
{
    test::ItemsPanelFixture f;
    QWidget window;
    ui::DesktopNotifier desktop(&window);
    QSignalSpy shown(&desktop, &ui::DesktopNotifier::shown);
    ui::AttentionNotifier notifier(&desktop);
    notifier.watch(&f.service, &f.refresher);

    const QString itemId = f.linkRealItem();
    QVERIFY(!itemId.isEmpty());
    QSignalSpy finished(&f.refresher, &items::ItemRefresher::finished);
    f.refresher.refresh({itemId});
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QVERIFY(m_server.calls.isEmpty()); // healthy: nothing to say

    QSignalSpy reset(&f.service, &items::ItemService::loginReset);
    f.service.simulateLoginRequired(itemId);
    QVERIFY(reset.wait(10000));
    f.refresher.refresh({itemId});
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE(m_server.calls.size(), 1);
    const FakeNotifications::Call call = m_server.calls.first();
    QCOMPARE(call.app, QStringLiteral("Weft"));
    QCOMPARE(call.summary, QStringLiteral("First Platypus Bank needs you"));
    QVERIFY2(call.body.contains(u"Sign in to First Platypus Bank again"), qPrintable(call.body));
    QVERIFY(!call.body.contains(itemId));
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("app.weft.Weft"));
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(shown.first().first().toString(), QStringLiteral("notification service"));

    // The same need found again is not news.
    f.refresher.refresh({itemId});
    QVERIFY(finished.wait(10000));
    QTest::qWait(200);
    QCOMPARE(m_server.calls.size(), 1);
}

void TestNotifications::withoutAServiceTheWindowAsks()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.unregisterService(QStringLiteral("org.freedesktop.Notifications")));
    QTRY_VERIFY(!bus.interface()
                     ->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications"))
                     .value());
    QWidget window;
    window.show();
    ui::DesktopNotifier desktop(&window);
    QSignalSpy shown(&desktop, &ui::DesktopNotifier::shown);
    const int before = int(m_server.calls.size());
    desktop.notify(QStringLiteral("Tartan Bank needs you"), QStringLiteral("Sign in again."));
    QTRY_COMPARE(shown.size(), 1);
    QVERIFY(shown.first().first().toString() == u"window alert" ||
            shown.first().first().toString() == u"tray");
    QCOMPARE(m_server.calls.size(), before);
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
