// A real gnome-keyring that stops answering, dies and comes back, on a D-Bus session bus of
// this test's own (no service activation): every keychain call ends within its timeout (a
// refresh never hangs), the failure is said in plain words, and once a good keyring is back
// "Retry saving" works — on a fresh Secret Service connection, not libsecret's dead session.
#include "ItemsFixture.h"
#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "support/PrivateSessionBus.h"
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
    test::PrivateSessionBus m_bus;
};

void TestKeychainFaults::initTestCase()
{
    QVERIFY(m_bus.start());
    QVERIFY(m_bus.startKeyring());
}

void TestKeychainFaults::cleanupTestCase()
{
    if (QProcess *keyring = m_bus.keyring())
        ::kill(pid_t(keyring->processId()), SIGCONT);
    m_bus.stopKeyring();
}

void TestKeychainFaults::stoppedKilledAndRestartedKeyring()
{
    test::PlaidTestFixture plaid;
    QVERIFY(plaid.started);
    vault::KeychainSecretStore keychain(QStringLiteral("Weft-faults"), 3s);
    vault::TokenVault vault(&keychain);
    vault::ItemStore store(m_bus.path(QStringLiteral("data/items.json")));
    items::ItemService service(&store, &vault, plaid.client.get(), QStringLiteral("embedded"));
    QSignalSpy saved(&service, &items::ItemService::tokenSaved);
    QSignalSpy failed(&service, &items::ItemService::tokenSaveFailed);
    auto link = [&](const QString &institution) {
        const link::LinkedItem linked = test::newLinkedItem(plaid, institution);
        service.addLinkedItem(linked, {});
        return linked.itemId;
    };

    // A working keyring: saved.
    const QString first = link(QStringLiteral("ins_109508"));
    QVERIFY(saved.wait(10000));

    // The keyring stops answering (a stopped daemon keeps its name on the bus).
    QCOMPARE(::kill(pid_t(m_bus.keyring()->processId()), SIGSTOP), 0);
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
    ::kill(pid_t(m_bus.keyring()->processId()), SIGKILL);
    m_bus.keyring()->waitForFinished(5000);
    QVERIFY(m_bus.startKeyring());
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
