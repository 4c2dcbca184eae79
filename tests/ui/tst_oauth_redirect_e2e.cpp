// OAuth by redirect end to end: the real window and session on the embedded sandbox with
// redirect_uri weft://oauth, the bank's sign-in page in a real Chromium page standing in for
// the user's browser, and the real `weft` executable started with the weft:// address as the
// system would start it — it hands the address to the running Weft (this test's window,
// listening as the first instance does) and ends; Link is re-initialised with
// receivedRedirectUri and the same session goes on to an Item in the keychain.
#include "MainWindowFixture.h"
#include "net/SingleInstance.h"

#include <QDesktopServices>
#include <QFileOpenEvent>
#include <QLabel>
#include <QProcess>
#include <QScopeGuard>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>
#include <QtTest>

using namespace weft;
using namespace Qt::Literals::StringLiterals;
using test::embeddedSettings;
using Fixture = test::MainWindowFixture;

namespace {

// What the system does with a weft:// address the browser was sent to (the desktop file's
// x-scheme-handler/weft): here, the test keeps it and starts `weft` with it itself.
class SchemeHandler : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> addresses;

public slots:
    void open(const QUrl &url) { addresses.append(url); }
};

AppSettings redirectSettings()
{
    AppSettings settings = embeddedSettings();
    settings.redirectUri = QStringLiteral("weft://oauth");
    return settings;
}

// The weft executable, started by "the system" with an address, in a home whose
// configuration folder is configHome.
struct SecondWeft
{
    SecondWeft(const QString &configHome, const QString &home, const QStringList &args)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("WEFT_BINARY"), args);
    }
    // Waits with the event loop running: the first instance (this process) must answer.
    bool finished(int timeoutMs = 30000)
    {
        return QTest::qWaitFor([this] { return process.state() == QProcess::NotRunning; },
                               timeoutMs);
    }
    QProcess process;
};

} // namespace

class TestOAuthRedirectE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bankSignInComesBackThroughWeftUrl();
    void addressesThatAreNotTheRedirectChangeNothing();

private:
    QTemporaryDir m_home;
    QString configHome() const { return m_home.filePath(QStringLiteral("config")); }
};

void TestOAuthRedirectE2E::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("weft-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_oauth_redirect_e2e"));
    QVERIFY(QFileInfo::exists(qEnvironmentVariable("WEFT_BINARY")));
    QVERIFY(QDir().mkpath(configHome()));
}

void TestOAuthRedirectE2E::bankSignInComesBackThroughWeftUrl()
{
    Fixture f(true);
    net::SingleInstance instance(net::SingleInstance::nameFor(configHome()));
    QString error;
    QVERIFY2(instance.listen(&error), qPrintable(error));
    f.window.takeMessagesFrom(&instance);
    SchemeHandler system;
    QDesktopServices::setUrlHandler(QStringLiteral("weft"), &system, "open");
    auto unsetHandler =
        qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("weft")); });
    QWebEngineProfile profile;
    QWebEnginePage browser(&profile);
    // A browser asks before it hands an address to another app; this one always does.
    browser.settings()->setUnknownUrlSchemePolicy(QWebEngineSettings::AllowAllUnknownUrlSchemes);
    QWebEngineView browserView;
    browserView.setPage(&browser);
    browserView.resize(600, 700);
    f.window.setBrowserOpener([&](const QUrl &url) {
        browser.load(url);
        browserView.show();
        return true;
    });
    QWebEnginePage *page = f.openLink(redirectSettings());
    QVERIFY(page);
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"consent-continue"_s)));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"institution-ins_127287"_s)));
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(u"OAUTH"_s)));
    const QString sessionBefore =
        test::frameJs(page, u"window.WeftLink.state.sessionId"_s).toString();
    QVERIFY(!sessionBefore.isEmpty());
    // A real click (a window needs the user's gesture); the bank's page opens in the browser,
    // not in a Weft window.
    QVERIFY(test::userClickTestId(f.window.linkView(), u"oauth-continue"_s));
    QTRY_VERIFY_WITH_TIMEOUT(browser.url().path().endsWith(u"/oauth.html"), 15000);
    QVERIFY(test::waitFrameJs(
        page, u"!document.querySelector('[data-testid=\"oauth-waiting\"]').hidden"_s));
    QVERIFY(test::waitJs(&browser, u"document.querySelector('[data-role=\"bank-name\"]')"
                                   u".textContent === 'Platypus OAuth Bank'"_s));
    QVERIFY(test::waitJs(&browser, test::clickTestId(u"oauth-authorize"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(system.addresses.size(), 1, 15000);
    const QUrl address = system.addresses.first();
    QCOMPARE(address.toString(QUrl::RemoveQuery), u"weft://oauth"_s);

    // The system starts weft with the address; it hands it over and ends.
    SecondWeft second(configHome(), m_home.path(), {address.toString(QUrl::FullyEncoded)});
    QVERIFY(second.finished());
    const QByteArray said = second.process.readAllStandardError();
    QCOMPARE(second.process.exitCode(), 0);
    QVERIFY2(said.contains("already running"), said.constData());

    // Link comes back on the same session, at the bank's answer.
    QTRY_VERIFY_WITH_TIMEOUT(f.window.isLinkShown(), 20000);
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(u"SELECT_ACCOUNT"_s), 20000));
    QCOMPARE(test::frameJs(page, u"window.WeftLink.state.sessionId"_s).toString(), sessionBefore);
    QSignalSpy saved(f.manager.session()->items(), &items::ItemService::tokenSaved);
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"accounts-continue"_s)));
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(u"CONNECTED"_s)));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"connected-continue"_s)));
    QVERIFY2(QTest::qWaitFor([&] { return saved.size() == 1; }, 30000),
             qPrintable(f.window.noticeText()));
    const QString itemId = saved.first().first().toString();
    QCOMPARE(f.store.item(itemId)->institutionName, QStringLiteral("Platypus OAuth Bank"));
    QCOMPARE(f.keychain.entries.size(), 1);
}

void TestOAuthRedirectE2E::addressesThatAreNotTheRedirectChangeNothing()
{
    Fixture f(true);
    net::SingleInstance instance(net::SingleInstance::nameFor(configHome()));
    QString error;
    QVERIFY2(instance.listen(&error), qPrintable(error));
    f.window.takeMessagesFrom(&instance);
    f.manager.start(redirectSettings());
    QTRY_VERIFY(f.manager.session());
    f.window.show();
    link::LinkController *controller = f.manager.session()->linkHost()->controller();
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), link::LinkController::State::Ready, 30000);
    // Another app's address, a redirect without a state, Weft's address for something else:
    // handed over (the second weft ends), said in the window, and Link is left as it was.
    for (const char *address : {"weft://other?oauth_state_id=x", "weft://oauth",
                                "weft://oauth?oauth_state_id=x&next=javascript:alert(1)"}) {
        SecondWeft second(configHome(), m_home.path(), {QString::fromLatin1(address)});
        QVERIFY(second.finished());
        QCOMPARE(second.process.exitCode(), 0);
        if (QByteArrayView(address).startsWith("weft://oauth?")) {
            // The right address with a state Link does not know: Link reopens and says so.
            QTRY_VERIFY_WITH_TIMEOUT(f.window.isLinkShown(), 20000);
            QVERIFY(test::waitFrameJs(f.manager.session()->linkHost()->page(),
                                      test::linkViewIs(u"ERROR"_s), 20000));
        } else {
            QTRY_VERIFY(f.window.noticeText().contains(u"not the one Weft gave the bank"));
            QVERIFY(!f.window.isLinkShown());
            QCOMPARE(controller->state(), link::LinkController::State::Ready);
        }
    }
    // macOS hands the running app its address as an event: the same rules.
    qApp->installEventFilter(&f.window);
    f.window.findChild<QLabel *>(QStringLiteral("noticeLabel"))->clear();
    QFileOpenEvent opened(QUrl(QStringLiteral("weft://other?oauth_state_id=y")));
    QCoreApplication::sendEvent(qApp, &opened);
    QVERIFY(f.window.noticeText().contains(u"not the one Weft gave the bank"));
    qApp->removeEventFilter(&f.window);
    // A plain second start only brings the window forward.
    SecondWeft plain(configHome(), m_home.path(), {});
    QVERIFY(plain.finished());
    QCOMPARE(plain.process.exitCode(), 0);
    QVERIFY(plain.process.readAllStandardError().contains("brought forward"));
}

QTEST_MAIN(TestOAuthRedirectE2E)
#include "tst_oauth_redirect_e2e.moc"
