// "Your provider's server", end to end through the desktop: weft-server (on SQLite, with the
// embedded sandbox as its Plaid, over real loopback HTTP) and the real window on the real
// keychain (gnome-keyring on scripts/test's private bus). A user enrols with the code the
// administrator gave, links a bank in Link, the bank asks for the login again (Plaid's signed
// webhook to the server, the server's push to the desktop) and the window shows the banner;
// its one action repairs the connection in Link's update mode; support staff find the Item and
// its timeline on the server. The keychain holds only the server's sign-in, and no Plaid token
// is in any file of the desktop or line of its log.
#include "../server/ServerRig.h"
#include "MainWindowFixture.h"
#include "core/Logging.h"
#include "items/ItemRefresher.h"
#include "remote/PushClient.h"
#include "remote/ServerCredential.h"
#include "support/FakeSecretStore.h"
#include "ui/AttentionBanner.h"
#include "vault/KeychainSecretStore.h"
#include "vault/TokenVault.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

using namespace weft;

namespace {

QStringList s_log;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_log.append(message);
}

const QRegularExpression kPlaidToken(QStringLiteral("(access|public)-sandbox-[0-9a-f]{8}"));

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString secretTool(const QStringList &arguments)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), arguments);
    tool.waitForFinished(20000);
    return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
}

} // namespace

class TestServerModeE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void enrolLinkBannerFixSupport();

private:
    QString enrolmentCode(const QString &email, server::UserDirectory::Role role);

    std::unique_ptr<server::testkit::ServerRig> m_rig;
    int m_server = -1;
};

void TestServerModeE2E::initTestCase()
{
    qInstallMessageHandler(capture);
    installRedactingMessageHandler();
    m_rig = std::make_unique<server::testkit::ServerRig>();
    QVERIFY(m_rig->ok());
    // A known port, so that the link tokens name this server's /plaid/webhook.
    server::ServerConfig config =
        m_rig->config(QStringLiteral("sqlite:%1/weft-server.db").arg(m_rig->dir()));
    config.listenPort = freePort();
    config.publicUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(config.listenPort));
    m_server = m_rig->startInstance(config.database, &config);
    QVERIFY(m_server >= 0);
}

void TestServerModeE2E::cleanupTestCase()
{
    m_rig.reset();
    qInstallMessageHandler(nullptr);
}

QString TestServerModeE2E::enrolmentCode(const QString &email, server::UserDirectory::Role role)
{
    QString error;
    const auto enrolment = server::UserDirectory(m_rig->instance(m_server).database())
                               .add(email, role, QDateTime::currentDateTimeUtc(), &error);
    return enrolment ? enrolment->code : error;
}

void TestServerModeE2E::enrolLinkBannerFixSupport()
{
    QVERIFY(test::installTestTranslations());
    QTemporaryDir data;
    vault::ItemStore store(data.filePath(QStringLiteral("items.json")));
    QVERIFY(store.load().ok);
    vault::KeychainSecretStore keychain;
    session::Session::Options options;
    options.dataDirectory = data.path();
    session::SessionManager manager(&keychain, &store, options);
    QObject::connect(&manager, &session::SessionManager::sessionChanged, &manager,
                     [](session::Session *session) {
                         if (session->linkHost())
                             test::installFrameDriver(session->linkHost()->page());
                     });
    ui::MainWindow window(&manager, &store);
    window.resize(1000, 700);

    // Enrol: the code from the administrator, in Settings' server mode.
    AppSettings settings = test::embeddedSettings();
    settings.mode = BackendMode::ProviderServer;
    settings.serverUrl = m_rig->url(m_server, {}).toString();
    QSignalSpy failed(&manager, &session::SessionManager::sessionFailed);
    manager.apply(settings, enrolmentCode(QStringLiteral("ada@example.com"),
                                          server::UserDirectory::Role::User));
    QTRY_VERIFY_WITH_TIMEOUT(manager.session() != nullptr || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    session::Session *session = manager.session();
    QCOMPARE(session->mode(), BackendMode::ProviderServer);
    QVERIFY(session->client() == nullptr); // the desktop never talks to Plaid's API here
    const QString signInKey = remote::ServerCredential::keychainKey(QUrl(settings.serverUrl));
    QVERIFY(secretTool({QStringLiteral("lookup"), QStringLiteral("user"), signInKey})
                .startsWith(u"wsr-"));
    QTRY_VERIFY_WITH_TIMEOUT(session->push()->isReady(), 20000);

    // Link a bank from the window.
    window.show();
    auto *connect = window.findChild<QPushButton *>(QStringLiteral("connectButton"));
    QTRY_VERIFY_WITH_TIMEOUT(connect->isEnabled(), 30000);
    connect->click();
    QWebEnginePage *page = session->linkHost()->page();
    QVERIFY(test::linkUserGoodToConnected(page));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(QStringLiteral("connected-continue"))));
    const auto serverItems = [&store] {
        QStringList ids;
        for (const vault::ItemRecord &record : store.items()) {
            if (record.environment == u"server")
                ids << record.itemId;
        }
        return ids;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!serverItems().isEmpty(), 20000);
    const QString itemId = serverItems().first();
    QTRY_VERIFY_WITH_TIMEOUT(!store.item(itemId)->accounts.isEmpty(), 20000);
    QCOMPARE(store.item(itemId)->institutionId, QStringLiteral("ins_109508"));
    QVERIFY(store.item(itemId)->isHealthy());
    // The server has the Item, the desktop only its sign-in: no access token in the keychain.
    QVERIFY(!m_rig->plaidAccessToken(m_server, itemId).isEmpty());
    QVERIFY(!secretTool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"),
                         vault::TokenVault::accessTokenKey(QStringLiteral("server"), itemId)})
                 .contains(u"secret = "));

    // The bank asks for the login again: Plaid's webhook to the server, its push, the banner.
    auto *banner = window.findChild<ui::AttentionBanner *>();
    QVERIFY(banner && !banner->isVisible());
    QElapsedTimer sinceWebhook;
    sinceWebhook.start();
    const auto reset = m_rig->sandboxCall(
        QStringLiteral("/sandbox/item/reset_login"),
        {{QStringLiteral("access_token"), m_rig->plaidAccessToken(m_server, itemId)}});
    QCOMPARE(reset.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    std::fprintf(stderr, "from reset_login to the banner: %lld ms\n", sinceWebhook.elapsed());
    QCOMPARE(banner->itemId(), itemId);
    QCOMPARE(banner->actionText(), QStringLiteral("Sign in to First Platypus Bank again"));
    QCOMPARE(store.item(itemId)->errorCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));

    // Its one action: Link in update mode, by item_id (the server makes the token).
    auto *action = banner->findChild<QPushButton *>(QStringLiteral("attentionAction"));
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);
    QSignalSpy repaired(session->linkHost()->controller(), &link::LinkController::itemRepaired);
    action->click();
    const auto drive = [page](const QString &code) {
        return test::waitFrameJs(page, code);
    };
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CONSENT"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("consent-continue"))));
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CREDENTIAL"))));
    QVERIFY(drive(test::typeTestId(QStringLiteral("username"), QStringLiteral("user_good"))));
    QVERIFY(drive(test::typeTestId(QStringLiteral("password"), QStringLiteral("pass_good"))));
    QVERIFY(drive(test::clickTestId(QStringLiteral("credentials-submit"))));
    QVERIFY(drive(test::linkViewIs(QStringLiteral("CONNECTED"))));
    QDeadlineTimer deadline(20000);
    while (repaired.isEmpty() && !deadline.hasExpired()) {
        test::frameJs(page, test::clickTestId(QStringLiteral("connected-continue")));
        repaired.wait(1000);
    }
    QCOMPARE(repaired.size(), 1);
    QCOMPARE(repaired.first().first().toString(), itemId);
    // The repair is the server's word too: refreshed there, healthy here, the banner gone.
    QTRY_VERIFY_WITH_TIMEOUT(store.item(itemId)->isHealthy(), 20000);
    QTRY_VERIFY(!banner->isVisible());
    QCOMPARE(store.item(itemId)->tokenSaved, true);

    // Support staff find the Item by its id, with its owner and the webhook in its timeline.
    const QJsonObject support = m_rig->enrolled(m_server, QStringLiteral("sam@example.com"),
                                                server::UserDirectory::Role::Support);
    const QString supportToken = support.value(QStringLiteral("access_token")).toString();
    const auto found =
        m_rig->call(m_server, "GET", QStringLiteral("/v1/support/items?item_id=%1").arg(itemId), {},
                    supportToken);
    QCOMPARE(found.status, 200);
    const QJsonArray foundItems = found.json.value(QStringLiteral("items")).toArray();
    QCOMPARE(foundItems.size(), 1);
    QCOMPARE(foundItems.first().toObject().value(QStringLiteral("user_email")).toString(),
             QStringLiteral("ada@example.com"));
    const auto detail = m_rig->call(
        m_server, "GET", QStringLiteral("/v1/support/items/%1").arg(itemId), {}, supportToken);
    QCOMPARE(detail.status, 200);
    QStringList timeline;
    for (const QJsonValue &event : detail.json.value(QStringLiteral("timeline")).toArray())
        timeline << event.toObject().value(QStringLiteral("code")).toString();
    QVERIFY2(timeline.contains(QStringLiteral("ERROR")), qPrintable(timeline.join(u',')));

    // The same on a desktop signed in with the support account: every user's Items, the owner,
    // the timeline when read, and nothing to act on (no banner for someone else's bank).
    QCOMPARE(m_rig
                 ->sandboxCall(
                     QStringLiteral("/sandbox/item/reset_login"),
                     {{QStringLiteral("access_token"), m_rig->plaidAccessToken(m_server, itemId)}})
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000); // the user's own desktop again
    QTemporaryDir supportData;
    vault::ItemStore supportStore(supportData.filePath(QStringLiteral("items.json")));
    QVERIFY(supportStore.load().ok);
    test::FakeSecretStore supportKeychain; // the real one holds the user's sign-in here
    session::Session::Options supportOptions;
    supportOptions.withLink = false;
    supportOptions.dataDirectory = supportData.path();
    session::SessionManager supportManager(&supportKeychain, &supportStore, supportOptions);
    ui::MainWindow supportWindow(&supportManager, &supportStore);
    QString error;
    const auto supportCode =
        server::UserDirectory(m_rig->instance(m_server).database())
            .issueCode(QStringLiteral("sam@example.com"), QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(supportCode, qPrintable(error));
    supportManager.apply(settings, supportCode->code);
    QTRY_VERIFY_WITH_TIMEOUT(supportManager.session() != nullptr, 20000);
    supportWindow.show();
    QTRY_VERIFY_WITH_TIMEOUT(supportStore.item(itemId) &&
                                 supportStore.item(itemId)->errorCode == u"ITEM_LOGIN_REQUIRED",
                             20000);
    QCOMPARE(supportStore.item(itemId)->owner, QStringLiteral("ada@example.com"));
    items::ItemService *supportItems = supportManager.session()->items();
    QVERIFY(supportItems->itemsNeedingUser().isEmpty());
    QVERIFY(!supportWindow.findChild<ui::AttentionBanner *>()->isVisible());
    const items::ItemActions actions = supportItems->actionsFor(itemId);
    QVERIFY(actions.refresh && !actions.fixConnection && !actions.remove &&
            !actions.chooseAccounts);
    QSignalSpy supportRefreshed(supportManager.session()->refresher(),
                                &items::ItemRefresher::finished);
    supportManager.session()->refresher()->refresh({itemId});
    QVERIFY(supportRefreshed.wait(20000));
    QVERIFY2(supportStore.item(itemId),
             qPrintable(s_log.filter(QStringLiteral("support")).join(u'\n')));
    QStringList readTimeline;
    for (const vault::StoredEvent &event : supportStore.item(itemId)->events)
        readTimeline << event.name;
    QVERIFY2(readTimeline.contains(QStringLiteral("ERROR")), qPrintable(readTimeline.join(u',')));
    QSignalSpy refused(supportItems, &items::ItemService::removeFailed);
    supportItems->removeItem(itemId);
    QTRY_COMPARE(refused.size(), 1);
    QVERIFY(m_rig->plaidAccessToken(m_server, itemId).size() > 0); // still there
    supportWindow.hide();

    // Nothing of Plaid's tokens on the desktop: not in its files, not in its log.
    QDirIterator files(data.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(!kPlaidToken.match(text).hasMatch(), qPrintable(file.fileName()));
        QVERIFY2(!text.contains(u"wsr-") && !text.contains(u"wsa-"), qPrintable(file.fileName()));
    }
    for (const QString &line : std::as_const(s_log)) {
        QVERIFY2(!kPlaidToken.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(
            !QRegularExpression(QStringLiteral("ws[ra]-[A-Za-z0-9_-]{8}")).match(line).hasMatch(),
            qPrintable(line));
    }

    // Leaving the mode: "Remove all my data" signs out at the server and removes the sign-in
    // from the keychain.
    const QString signedIn =
        secretTool({QStringLiteral("lookup"), QStringLiteral("user"), signInKey});
    QVERIFY(signedIn.startsWith(u"wsr-"));
    bool erased = false;
    window.hide();
    manager.eraseAllData([&erased](const QStringList &problems) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        erased = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(erased, 20000);
    QVERIFY(secretTool({QStringLiteral("lookup"), QStringLiteral("user"), signInKey}).isEmpty());
    // ... and the server ended it: that refresh token no longer signs anyone in.
    QCOMPARE(m_rig
                 ->call(m_server, "POST", QStringLiteral("/v1/session/refresh"),
                        {{QStringLiteral("refresh_token"), signedIn}})
                 .status,
             401);
}

QTEST_MAIN(TestServerModeE2E)
#include "tst_server_mode_e2e.moc"
