// Hosted Link end to end: the real window, session and embedded sandbox, and a real Chromium
// page standing in for the user's browser (its own profile: nothing shared with Link's). The
// browser setting links an Item through hosted_link_url, the completion redirect and
// /link/token/get; an exit in the browser, Cancel, and the "Use your browser instead" offer
// after embedded Link was left at the bank's sign-in step.
#include "MainWindowFixture.h"
#include "items/ItemRefresher.h"
#include "link/HostedLinkController.h"
#include "plaid/PlaidClient.h"
#include "support/SignalWaiter.h"
#include "ui/HostedLinkPane.h"
#include "ui/ItemsPanel.h"

#include <QClipboard>
#include <QPushButton>
#include <QWebEngineProfile>
#include <QWebEngineView>
#include <QtTest>

using namespace weft;
using namespace Qt::Literals::StringLiterals;
using test::embeddedSettings;
using Fixture = test::MainWindowFixture;
using HostedState = link::HostedLinkController::State;

namespace {

// The user's web browser: a page of its own profile, opened where Weft says.
struct Browser
{
    Browser()
        : profile(new QWebEngineProfile())
        , page(new QWebEnginePage(profile.get()))
    {
        view.setPage(page.get());
        view.resize(700, 760);
    }
    ~Browser() { view.setPage(nullptr); }

    bool open(const QUrl &url)
    {
        opened.append(url);
        page->load(url);
        view.show();
        return works;
    }

    std::unique_ptr<QWebEngineProfile> profile;
    std::unique_ptr<QWebEnginePage> page;
    QWebEngineView view;
    QList<QUrl> opened;
    bool works = true;
};

AppSettings browserSettings()
{
    AppSettings settings = embeddedSettings();
    settings.presentation = LinkPresentation::Browser;
    return settings;
}

QPushButton *button(QWidget &window, const char *name)
{
    return window.findChild<QPushButton *>(QString::fromLatin1(name));
}

// The window on settings, its browser the test's, shown, with "Connect" enabled.
bool startWindow(Fixture &f, Browser &browser, const AppSettings &settings, int timeoutMs = 15000)
{
    f.window.setBrowserOpener([&browser](const QUrl &url) { return browser.open(url); });
    f.manager.start(settings);
    if (!QTest::qWaitFor([&f] { return f.manager.session() != nullptr; }, timeoutMs))
        return false;
    f.window.show();
    return QTest::qWaitFor([&f] { return button(f.window, "connectButton")->isEnabled(); },
                           timeoutMs);
}

} // namespace

class TestHostedLinkE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void browserSettingLinksAnItem();
    void exitInTheBrowserEndsTheWait();
    void cancelStopsWaiting();
    void embeddedOAuthExitOffersTheBrowser();
    void fixingAConnectionInTheBrowser();
};

void TestHostedLinkE2E::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("weft-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostedlink_e2e"));
}

void TestHostedLinkE2E::browserSettingLinksAnItem()
{
    Fixture f(true);
    Browser browser;
    QVERIFY(startWindow(f, browser, browserSettings())); // nothing to preload for the browser
    QPushButton *connect = button(f.window, "connectButton");
    QSignalSpy saved(f.manager.session()->items(), &items::ItemService::tokenSaved);
    connect->click();
    QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 1, 15000);
    QVERIFY(!f.window.isLinkShown()); // Link is in the browser, not in the window
    const QUrl hosted = browser.opened.first();
    QCOMPARE(hosted.host(), QStringLiteral("localhost"));
    QVERIFY(hosted.path().startsWith(u"/hl/"));
    ui::HostedLinkPane *pane = f.window.hostedLinkPane();
    QTRY_VERIFY(pane->isVisible());
    QVERIFY(pane->text().contains(u"web browser"));
    QVERIFY(!connect->isEnabled()); // one attempt at a time

    QVERIFY(test::pageUserGoodToConnected(browser.page.get()));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"connected-continue"_s)));
    // The page goes to Weft's loopback completion address, which answers in words.
    QTRY_VERIFY_WITH_TIMEOUT(browser.page->url().host() == u"127.0.0.1" &&
                                 browser.page->url().path().startsWith(u"/weft/hosted-link/done/"),
                             15000);
    QVERIFY(test::waitJs(
        browser.page.get(),
        u"document.body && document.body.innerText.indexOf('go back to Weft') >= 0"_s));
    QVERIFY2(QTest::qWaitFor([&] { return saved.size() == 1; }, 30000),
             qPrintable(f.window.noticeText()));
    const QString itemId = saved.first().first().toString();
    QVERIFY(f.store.item(itemId));
    QCOMPARE(f.store.item(itemId)->institutionName, QStringLiteral("First Platypus Bank"));
    QCOMPARE(f.keychain.entries.size(), 1);
    QVERIFY(f.window.noticeText().contains(u"First Platypus Bank is connected"));
    QVERIFY(!f.window.noticeText().contains(itemId));
    QTRY_VERIFY(!pane->isVisible());
    QTRY_VERIFY(connect->isEnabled());
    QCOMPARE(f.window.itemsPanel()->currentItemId(), itemId);
}

void TestHostedLinkE2E::exitInTheBrowserEndsTheWait()
{
    Fixture f(true);
    Browser browser;
    QVERIFY(startWindow(f, browser, browserSettings()));
    button(f.window, "connectButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 1, 15000);
    QVERIFY(test::waitJs(browser.page.get(), test::linkViewIs(u"CONSENT"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"close"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::linkViewIs(u"EXIT"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"exit-confirm"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(f.window.noticeText().contains(u"closed in your browser"), 20000);
    QTRY_VERIFY(!f.window.hostedLinkPane()->isVisible());
    QVERIFY(f.store.items().isEmpty());
    QCOMPARE(f.manager.session()->hostedLink()->state(), HostedState::Idle);
}

void TestHostedLinkE2E::cancelStopsWaiting()
{
    Fixture f(true);
    Browser browser;
    browser.works = false; // no browser could be opened: the address is there to copy
    QVERIFY(startWindow(f, browser, browserSettings()));
    button(f.window, "connectButton")->click();
    ui::HostedLinkPane *pane = f.window.hostedLinkPane();
    QTRY_VERIFY_WITH_TIMEOUT(pane->text().contains(u"could not open your web browser"), 15000);
    QVERIFY(button(f.window, "hostedCopyButton")->isVisible());
    button(f.window, "hostedCopyButton")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), browser.opened.first().toString());
    button(f.window, "hostedCancelButton")->click();
    QVERIFY(!pane->isVisible());
    QVERIFY(button(f.window, "connectButton")->isEnabled());
    // Finishing in the browser after Cancel changes nothing in Weft.
    QSignalSpy saved(f.manager.session()->items(), &items::ItemService::tokenSaved);
    QVERIFY(test::pageUserGoodToConnected(browser.page.get()));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"connected-continue"_s)));
    QTest::qWait(2 *
                 int(std::chrono::milliseconds(link::HostedLinkController::kPollInterval).count()));
    QCOMPARE(saved.size(), 0);
    QVERIFY(f.store.items().isEmpty());
}

void TestHostedLinkE2E::embeddedOAuthExitOffersTheBrowser()
{
    Fixture f(true);
    Browser browser;
    QVERIFY(startWindow(f, browser, embeddedSettings(), 30000)); // Link preloaded
    QPushButton *connect = button(f.window, "connectButton");
    connect->click();
    QVERIFY(f.window.isLinkShown());
    QWebEnginePage *page = f.manager.session()->linkHost()->page();
    QPushButton *offer = button(f.window, "browserButton");
    QVERIFY(!offer->isVisible());
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(u"CONSENT"_s)));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"consent-continue"_s)));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"institution-ins_127287"_s)));
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(u"OAUTH"_s)));
    // Left at the bank's sign-in step: the offer appears once Link has closed.
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"close"_s)));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(u"exit-confirm"_s)));
    QTRY_VERIFY(!f.window.isLinkShown());
    QTRY_VERIFY(offer->isVisible());
    offer->click();
    QVERIFY(!offer->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 1, 15000);
    QVERIFY(browser.opened.first().path().startsWith(u"/hl/"));
    QTRY_VERIFY(f.window.hostedLinkPane()->isVisible());
    // This attempt only: the setting is unchanged.
    QCOMPARE(f.manager.settings().presentation, LinkPresentation::Embedded);
    button(f.window, "hostedCancelButton")->click();
}

// With the browser setting, "Fix connection" (update mode) goes to the browser too: signing in
// there repairs the Item, with no new exchange and the same access token.
void TestHostedLinkE2E::fixingAConnectionInTheBrowser()
{
    Fixture f(true);
    Browser browser;
    QVERIFY(startWindow(f, browser, browserSettings()));
    session::Session *session = f.manager.session();
    QSignalSpy saved(session->items(), &items::ItemService::tokenSaved);
    button(f.window, "connectButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 1, 15000);
    QVERIFY(test::pageUserGoodToConnected(browser.page.get()));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"connected-continue"_s)));
    QVERIFY(QTest::qWaitFor([&] { return saved.size() == 1; }, 30000));
    const QString itemId = saved.first().first().toString();
    const QString accessToken = f.keychain.entries.begin().value();

    // The bank wants the user to sign in again.
    test::Waiter<plaid::PlaidResult<plaid::Done>> reset;
    QObject context;
    session->client()->resetSandboxLogin(accessToken, &context, reset.callback());
    QVERIFY(reset.wait() && reset.value().ok());
    QSignalSpy refreshed(session->refresher(), &items::ItemRefresher::finished);
    session->refresher()->refresh({itemId});
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(f.store.item(itemId)->status(), QStringLiteral("ITEM_LOGIN_REQUIRED"));

    QSignalSpy repaired(session->hostedLink(), &link::HostedLinkController::itemRepaired);
    session->fixConnection(itemId);
    QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 2, 15000);
    QVERIFY(!f.window.isLinkShown());
    QVERIFY(test::waitJs(browser.page.get(), test::linkViewIs(u"CONSENT"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"consent-continue"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::linkViewIs(u"CREDENTIAL"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::typeTestId(u"username"_s, u"user_good"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::typeTestId(u"password"_s, u"pass_good"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"credentials-submit"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::linkViewIs(u"CONNECTED"_s)));
    QVERIFY(test::waitJs(browser.page.get(), test::clickTestId(u"connected-continue"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(repaired.size(), 1, 30000);
    QCOMPARE(repaired.first().first().toString(), itemId);
    QCOMPARE(f.store.item(itemId)->status(), QStringLiteral("healthy"));
    QCOMPARE(saved.size(), 1); // no new exchange, no new token
    QCOMPARE(f.keychain.entries.size(), 1);
    QVERIFY(f.window.noticeText().contains(u"works again"));
    // Plaid agrees.
    QSignalSpy again(session->refresher(), &items::ItemRefresher::finished);
    session->refresher()->refresh({itemId});
    QVERIFY(again.wait(20000));
    QCOMPARE(f.store.item(itemId)->status(), QStringLiteral("healthy"));
}

QTEST_MAIN(TestHostedLinkE2E)
#include "tst_hostedlink_e2e.moc"
