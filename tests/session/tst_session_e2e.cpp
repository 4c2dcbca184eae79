// The whole chain in sandbox mode with the real keychain (gnome-keyring on scripts/test's
// private bus): link through the Link emulator, the token lands in the Secret Service and the
// Item in the index; a restart (a new session on the same data folder, the sandbox's state
// file) still works with the token; reset_login then Fix connection repairs the Item; Remove
// deletes it everywhere; and no token is in any file or log line.
#include "../link/WebTestKit.h"
#include "core/Logging.h"
#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "link/LinkController.h"
#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "plaid/PlaidClient.h"
#include "session/Session.h"
#include "support/SignalWaiter.h"
#include "vault/ItemStore.h"
#include "vault/KeychainSecretStore.h"
#include "vault/TokenVault.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebEngineView>
#include <QtTest>

using namespace weft;

namespace {

QStringList s_log;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_log.append(message);
}

const QRegularExpression
    kTokenPattern(QStringLiteral("(access|public)-sandbox-[0-9a-f]{8}-[0-9a-f]{4}"));

} // namespace

class TestSessionE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void linkRestartRepairRemove();

private:
    std::unique_ptr<session::Session> newSession();
    bool drive(const QString &script) { return test::waitFrameJs(m_view->page(), script, 15000); }
    // Update mode from its first pane to the credentials sent: consent, user_good.
    bool signInForUpdate()
    {
        return drive(test::linkViewIs(QStringLiteral("CONSENT"))) &&
               drive(test::clickTestId(QStringLiteral("consent-continue"))) &&
               drive(test::linkViewIs(QStringLiteral("CREDENTIAL"))) &&
               drive(test::typeTestId(QStringLiteral("username"), QStringLiteral("user_good"))) &&
               drive(test::typeTestId(QStringLiteral("password"), QStringLiteral("pass_good"))) &&
               drive(test::clickTestId(QStringLiteral("credentials-submit")));
    }
    void linkUserGood();

    QTemporaryDir m_dir;
    vault::KeychainSecretStore m_keychain;
    std::unique_ptr<vault::ItemStore> m_store;
    std::unique_ptr<session::Session> m_session;
    std::unique_ptr<QWebEngineView> m_view;
};

void TestSessionE2E::initTestCase()
{
    qInstallMessageHandler(capture);
    installRedactingMessageHandler();
    m_store = std::make_unique<vault::ItemStore>(m_dir.filePath(QStringLiteral("data/items.json")));
    QVERIFY(m_store->load().ok);
    m_view = std::make_unique<QWebEngineView>();
    m_view->resize(900, 720);
    m_view->show();
}

void TestSessionE2E::cleanupTestCase()
{
    m_view->setPage(nullptr);
    m_session.reset();
    qInstallMessageHandler(nullptr);
}

std::unique_ptr<session::Session> TestSessionE2E::newSession()
{
    AppSettings settings;
    settings.fillDefaults();
    session::Session::Options options;
    options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
    std::unique_ptr<session::Session> created;
    bool done = false;
    QObject context;
    session::Session::create(settings, options, &m_keychain, m_store.get(), &context,
                             [&](std::unique_ptr<session::Session> s, const QString &) {
                                 created = std::move(s);
                                 done = true;
                             });
    QDeadlineTimer deadline(10000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (created) {
        m_view->setPage(created->linkHost()->page());
        test::installFrameDriver(created->linkHost()->page());
        created->linkHost()->load();
        created->linkHost()->controller()->start();
    }
    return created;
}

void TestSessionE2E::linkUserGood()
{
    link::LinkController *controller = m_session->linkHost()->controller();
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), link::LinkController::State::Ready, 30000);
    controller->open();
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CONSENT"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("consent-continue"))));
    QVERIFY(drive(test::linkViewIs(QStringLiteral("SELECT_INSTITUTION"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("institution-ins_109508"))));
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CREDENTIAL"))));
    QVERIFY(drive(test::typeTestId(QStringLiteral("username"), QStringLiteral("user_good"))));
    QVERIFY(drive(test::typeTestId(QStringLiteral("password"), QStringLiteral("pass_good"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("credentials-submit"))));
    QVERIFY(drive(test::linkViewIs(QStringLiteral("SELECT_ACCOUNT"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("accounts-continue"))));
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CONNECTED"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("connected-continue"))));
}

void TestSessionE2E::linkRestartRepairRemove()
{
    m_session = newSession();
    QVERIFY(m_session);
    QSignalSpy saved(m_session->items(), &items::ItemService::tokenSaved);
    linkUserGood();
    QVERIFY(saved.wait(20000));
    const QString itemId = saved.first().first().toString();
    const vault::ItemRecord *record = m_store->item(itemId);
    QVERIFY(record && record->tokenSaved);
    QCOMPARE(record->institutionId, QStringLiteral("ins_109508"));
    QVERIFY(!record->linkSessionId.isEmpty());
    QVERIFY(record->events.size() >= 5); // the Link timeline is kept
    const QString key = vault::TokenVault::accessTokenKey(QStringLiteral("embedded"), itemId);
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"), key});
    QVERIFY(tool.waitForFinished(20000));
    const QString found =
        QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    QVERIFY2(found.contains(key), qPrintable(found));

    // Restart: a new session on the same data folder; the Item is still there, and its token
    // still works at the (restarted) sandbox.
    m_view->setPage(nullptr);
    m_session.reset();
    QVERIFY(m_store->flush());
    m_store = std::make_unique<vault::ItemStore>(m_dir.filePath(QStringLiteral("data/items.json")));
    QCOMPARE(m_store->load().count, 1);
    m_session = newSession();
    QVERIFY(m_session);
    QSignalSpy refreshed(m_session->refresher(), &items::ItemRefresher::finished);
    m_session->refresher()->refresh({itemId});
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(refreshed.first().at(1).toInt(), 0);
    QVERIFY(m_store->item(itemId)->lastRefresh.isValid());
    QVERIFY(m_store->item(itemId)->isHealthy());
    QVERIFY(!m_store->item(itemId)->institutionLogo.isEmpty());

    // reset_login, then Fix connection (update mode) repairs it without a new exchange.
    test::Waiter<vault::SecretResult> token;
    QObject context;
    m_session->items()->withAccessToken(itemId, &context, token.callback());
    QVERIFY(token.wait() && token.value().ok());
    test::Waiter<plaid::PlaidResult<plaid::Done>> reset;
    m_session->client()->resetSandboxLogin(token.value().secret, &context, reset.callback());
    QVERIFY(reset.wait() && reset.value().ok());
    QSignalSpy again(m_session->refresher(), &items::ItemRefresher::finished);
    m_session->refresher()->refresh({itemId});
    QVERIFY(again.wait(20000));
    QCOMPARE(m_store->item(itemId)->status(), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    link::LinkController *controller = m_session->linkHost()->controller();
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), link::LinkController::State::Ready, 30000);
    QSignalSpy repaired(controller, &link::LinkController::itemRepaired);
    m_session->fixConnection(itemId);
    QVERIFY(signInForUpdate());
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CONNECTED"))));
    // Continue, again if the first click came before the pane was ready for it.
    QDeadlineTimer deadline(20000);
    while (repaired.isEmpty() && !deadline.hasExpired()) {
        test::frameJs(m_view->page(), test::clickTestId(QStringLiteral("connected-continue")));
        repaired.wait(1000);
    }
    QCOMPARE(repaired.size(), 1);
    QCOMPARE(m_store->item(itemId)->status(), QStringLiteral("healthy"));
    QSignalSpy third(m_session->refresher(), &items::ItemRefresher::finished);
    m_session->refresher()->refresh({itemId});
    QVERIFY(third.wait(20000));
    QCOMPARE(m_store->item(itemId)->status(), QStringLiteral("healthy")); // Plaid agrees

    // New accounts at the bank (a webhook told of them): fixing the Item is choosing its
    // accounts. One fewer here; the Item's accounts follow once Link is done.
    const int before = int(m_store->item(itemId)->accounts.size());
    QVERIFY(before > 1);
    const QString dropped = m_store->item(itemId)->accounts.last().id;
    m_store->update(itemId, [](vault::ItemRecord &record) {
        record.errorCode = QStringLiteral("NEW_ACCOUNTS_AVAILABLE");
    });
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), link::LinkController::State::Ready, 30000);
    QSignalSpy chosen(controller, &link::LinkController::itemRepaired);
    QSignalSpy refreshedAfter(m_session->refresher(), &items::ItemRefresher::finished);
    m_session->fixConnection(itemId);
    QVERIFY(signInForUpdate());
    QVERIFY(drive(test::linkViewIs(QStringLiteral("SELECT_ACCOUNT"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("account-") + dropped)));
    QVERIFY(drive(test::clickTestId(QStringLiteral("accounts-continue"))));
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CONNECTED"))));
    QDeadlineTimer chooseDeadline(20000);
    while (chosen.isEmpty() && !chooseDeadline.hasExpired()) {
        test::frameJs(m_view->page(), test::clickTestId(QStringLiteral("connected-continue")));
        chosen.wait(1000);
    }
    QCOMPARE(chosen.size(), 1);
    // The session refreshes a repaired Item by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!refreshedAfter.isEmpty(), 20000);
    QCOMPARE(m_store->item(itemId)->accounts.size(), before - 1);
    for (const vault::StoredAccount &account : m_store->item(itemId)->accounts)
        QVERIFY(account.id != dropped && account.current.has_value()); // balances, fresh
    QCOMPARE(m_store->item(itemId)->status(), QStringLiteral("healthy"));

    // Remove: Plaid, keychain, index.
    QSignalSpy removed(m_session->items(), &items::ItemService::itemRemoved);
    m_session->items()->removeItem(itemId);
    QVERIFY(removed.wait(20000));
    QVERIFY(!m_store->item(itemId));
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("user"), key});
    QVERIFY(tool.waitForFinished(20000));
    QVERIFY(tool.readAllStandardOutput().isEmpty());
    QVERIFY(m_store->flush());

    // No token anywhere on disk or in the logs.
    QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!kTokenPattern.match(QString::fromUtf8(file.readAll())).hasMatch(),
                     qPrintable(file.fileName()));
    }
    QVERIFY(!kTokenPattern.match(s_log.join(u'\n')).hasMatch());
}

QTEST_MAIN(TestSessionE2E)
#include "tst_session_e2e.moc"
