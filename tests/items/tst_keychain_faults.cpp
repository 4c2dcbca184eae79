// A real gnome-keyring that stops answering, dies and comes back, on a D-Bus session bus of
// this test's own (no service activation): every keychain call ends within its timeout (a
// refresh never hangs), the failure is said in plain words, and once a good keyring is back
// "Retry saving" works — on a fresh Secret Service connection, not libsecret's dead session.
#include "../plaid/PlaidTestFixture.h"
#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "support/SignalWaiter.h"
#include "vault/ItemStore.h"
#include "vault/KeychainSecretStore.h"
#include "vault/TokenVault.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace weft;
using namespace std::chrono_literals;

class TestKeychainFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void stoppedKilledAndRestartedKeyring();

private:
    bool startKeyring();

    QTemporaryDir m_dir;
    QProcess m_bus;
    std::unique_ptr<QProcess> m_keyring;
};

void TestKeychainFaults::initTestCase()
{
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
               "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
               "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
               "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\"/>"
               "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
    file.close();
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                 QStringLiteral("--print-address=1")});
    QVERIFY(m_bus.waitForStarted(10000));
    QVERIFY(m_bus.waitForReadyRead(10000));
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(!address.isEmpty());
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    qputenv("HOME", m_dir.filePath(QStringLiteral("home")).toUtf8());
    QDir().mkpath(m_dir.filePath(QStringLiteral("home")));
    QVERIFY(startKeyring());
}

void TestKeychainFaults::cleanupTestCase()
{
    if (m_keyring) {
        ::kill(pid_t(m_keyring->processId()), SIGCONT);
        m_keyring->kill();
        m_keyring->waitForFinished(3000);
    }
    m_bus.kill();
    m_bus.waitForFinished(3000);
}

bool TestKeychainFaults::startKeyring()
{
    m_keyring = std::make_unique<QProcess>();
    m_keyring->start(QStringLiteral("gnome-keyring-daemon"),
                     {QStringLiteral("--unlock"), QStringLiteral("--components=secrets"),
                      QStringLiteral("--foreground")});
    if (!m_keyring->waitForStarted(10000))
        return false;
    m_keyring->write("weft-test");
    m_keyring->closeWriteChannel();
    // Ready once it owns its name on the bus.
    return QTest::qWaitFor(
        [] {
            QProcess probe;
            probe.start(QStringLiteral("dbus-send"),
                        {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                         QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/"),
                         QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                         QStringLiteral("string:org.freedesktop.secrets")});
            probe.waitForFinished(5000);
            return probe.readAllStandardOutput().contains("true");
        },
        15000);
}

void TestKeychainFaults::stoppedKilledAndRestartedKeyring()
{
    test::PlaidTestFixture plaid;
    QVERIFY(plaid.started);
    vault::KeychainSecretStore keychain(QStringLiteral("Weft-faults"), 3s);
    vault::TokenVault vault(&keychain);
    vault::ItemStore store(m_dir.filePath(QStringLiteral("data/items.json")));
    items::ItemService service(&store, &vault, plaid.client.get(), QStringLiteral("embedded"));
    QSignalSpy saved(&service, &items::ItemService::tokenSaved);
    QSignalSpy failed(&service, &items::ItemService::tokenSaveFailed);
    auto link = [&](const QString &institution) {
        const plaid::PublicTokenExchange exchange = plaid.newItem(institution);
        link::LinkedItem linked;
        linked.itemId = exchange.itemId;
        linked.accessToken = exchange.accessToken;
        linked.linkedAt = QDateTime::currentDateTimeUtc();
        linked.success.institution = link::LinkInstitution{institution, QString()};
        linked.success.linkSessionId = QStringLiteral("s-") + institution;
        service.addLinkedItem(linked, {});
        return exchange.itemId;
    };

    // A working keyring: saved.
    const QString first = link(QStringLiteral("ins_109508"));
    QVERIFY(saved.wait(10000));

    // The keyring stops answering (a stopped daemon keeps its name on the bus).
    QCOMPARE(::kill(pid_t(m_keyring->processId()), SIGSTOP), 0);
    QElapsedTimer clock;
    clock.start();
    const QString second = link(QStringLiteral("ins_109509"));
    QVERIFY(failed.wait(15000));
    QVERIFY2(clock.elapsed() < 12000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(failed.first().at(0).toString(), second);
    QVERIFY2(failed.first().at(1).toString().contains(u"did not answer"),
             qPrintable(failed.first().at(1).toString()));
    QCOMPARE(service.tokenState(second), items::TokenState::Unsaved);

    // A refresh needs the first Item's token from the keychain: it ends, with the problem.
    items::ItemRefresher refresher(&service, Clock::system());
    QSignalSpy finished(&refresher, &items::ItemRefresher::finished);
    QSignalSpy refreshed(&refresher, &items::ItemRefresher::itemRefreshed);
    clock.restart();
    refresher.refresh({first});
    QVERIFY(finished.wait(15000));
    QVERIFY2(clock.elapsed() < 12000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(refreshed.first().at(1).toBool(), false);
    QVERIFY(!refreshed.first().at(2).toString().isEmpty());

    // The daemon dies; a good one starts. "Retry saving" works.
    ::kill(pid_t(m_keyring->processId()), SIGKILL);
    m_keyring->waitForFinished(5000);
    QVERIFY(startKeyring());
    saved.clear();
    QDeadlineTimer deadline(30000);
    while (saved.isEmpty() && !deadline.hasExpired()) {
        service.retrySave(second);
        saved.wait(5000);
    }
    QVERIFY2(!saved.isEmpty(), "Retry saving did not work once the keyring was back");
    QCOMPARE(service.tokenState(second), items::TokenState::Saved);
    // And it reads back from the new keyring. (The first Item's entry may or may not have
    // reached the disk before its daemon was killed: that is the keyring's business.)
    test::Waiter<vault::SecretResult> token;
    QObject context;
    vault.read(vault::TokenVault::accessTokenKey(QStringLiteral("embedded"), second), &context,
               token.callback());
    QVERIFY(token.wait(10000));
    QVERIFY2(token.value().ok(), qPrintable(token.value().describe()));
}

QTEST_GUILESS_MAIN(TestKeychainFaults)
#include "tst_keychain_faults.moc"
