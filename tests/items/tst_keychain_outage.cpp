// No Secret Service on the bus: linking reports the failure in plain words, the token stays in
// memory only, nothing is written in plaintext, and saving works once the service is back.
// This test runs on a D-Bus session bus of its own, without any keyring (and without service
// activation), then starts gnome-keyring on it.
#include "core/Logging.h"
#include "items/ItemService.h"
#include "support/PrivateSessionBus.h"
#include "support/SignalWaiter.h"
#include "vault/ItemStore.h"
#include "vault/KeychainSecretStore.h"
#include "vault/TokenVault.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

namespace {

const QString kToken = QStringLiteral("access-sandbox-6a1f3b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c");
QStringList s_log;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_log.append(message);
}

} // namespace

class TestKeychainOutage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tokenStaysInMemoryUntilTheKeychainIsBack();

private:
    test::PrivateSessionBus m_bus;
};

void TestKeychainOutage::initTestCase()
{
    QVERIFY(m_bus.start()); // no keyring yet
    qInstallMessageHandler(capture);
    installRedactingMessageHandler();
}

void TestKeychainOutage::cleanupTestCase()
{
    qInstallMessageHandler(nullptr);
}

void TestKeychainOutage::tokenStaysInMemoryUntilTheKeychainIsBack()
{
    vault::KeychainSecretStore keychain;
    vault::TokenVault vault(&keychain);
    vault::ItemStore store(m_bus.path(QStringLiteral("data/items.json")));
    items::ItemService service(&store, &vault, nullptr, QStringLiteral("embedded"));
    QSignalSpy failed(&service, &items::ItemService::tokenSaveFailed);
    QSignalSpy saved(&service, &items::ItemService::tokenSaved);

    link::LinkedItem linked;
    linked.itemId = QStringLiteral("item-outage");
    linked.accessToken = kToken;
    linked.linkedAt = QDateTime::currentDateTimeUtc();
    linked.success.institution =
        link::LinkInstitution{QStringLiteral("ins_109508"), QStringLiteral("First Platypus Bank")};
    linked.success.linkSessionId = QStringLiteral("session-1");
    service.addLinkedItem(linked, {});

    QVERIFY(failed.wait(20000));
    const QString reason = failed.first().at(1).toString();
    QVERIFY2(reason.contains(u"keychain", Qt::CaseInsensitive), qPrintable(reason));
    QCOMPARE(service.tokenState(linked.itemId), items::TokenState::Unsaved);
    QVERIFY(service.tokenProblem(linked.itemId).startsWith(u"Not saved"));
    QVERIFY(store.item(linked.itemId));
    QVERIFY(!store.item(linked.itemId)->tokenSaved);
    // The token is still usable from memory.
    test::Waiter<vault::SecretResult> fromMemory;
    QObject context;
    service.withAccessToken(linked.itemId, &context, fromMemory.callback());
    QVERIFY(fromMemory.wait());
    QCOMPARE(fromMemory.value().secret, kToken);
    QVERIFY(store.flush());

    // Nothing in plaintext: not in any file of the test's home and data, not in the logs.
    QDirIterator files(m_bus.path(QString()), QDir::Files | QDir::Hidden,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(kToken.toUtf8()), qPrintable(file.fileName()));
    }
    QVERIFY(!s_log.join(u'\n').contains(kToken));

    // The keyring comes back.
    QVERIFY(m_bus.startKeyring());
    QDeadlineTimer deadline(30000);
    while (saved.isEmpty() && !deadline.hasExpired()) {
        QTest::qWait(500);
        service.retrySave(linked.itemId);
        saved.wait(3000);
    }
    QVERIFY2(!saved.isEmpty(), "saving did not work once the keyring was back");
    QCOMPARE(service.tokenState(linked.itemId), items::TokenState::Saved);
    QVERIFY(store.item(linked.itemId)->tokenSaved);
    test::Waiter<vault::SecretResult> fromKeychain;
    vault.read(vault::TokenVault::accessTokenKey(QStringLiteral("embedded"), linked.itemId),
               &context, fromKeychain.callback());
    QVERIFY(fromKeychain.wait());
    QCOMPARE(fromKeychain.value().secret, kToken);
}

QTEST_GUILESS_MAIN(TestKeychainOutage)
#include "tst_keychain_outage.moc"
