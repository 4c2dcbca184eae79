// Windows asked for by hostile script — in Link's frame, in the host page, in a popup — with and
// without a user's click: the app never crashes, a refused window never appears, at most one
// popup is open, and the system browser is not flooded.
#include "ExternalUrls.h"
#include "GuestFixture.h"
#include "link/LinkWindowPolicy.h"
#include "ui/PopupWindow.h"

#include <QtTest>

using namespace weft;

class TestPopupAttacks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void firstUrlsThatCrashedTheApp_data();
    void firstUrlsThatCrashedTheApp();
    void refusedTargetsLeaveNoWindow_data();
    void refusedTargetsLeaveNoWindow();
    void popupFlood();
    void popupFloodFromScript();
    void systemBrowserFlood();
    void fromInsideAPopup();

private:
    QString bankPage(const test::GuestFixture &f) const;

    std::unique_ptr<test::GuestFixture> m_shared;
};

void TestPopupAttacks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPopupAttacks::cleanupTestCase()
{
    m_shared.reset();
}

void TestPopupAttacks::init()
{
    const QByteArray test = QTest::currentTestFunction();
    if (test != "firstUrlsThatCrashedTheApp" && test != "refusedTargetsLeaveNoWindow")
        m_shared.reset(); // the tests with an app of their own see no window of another's
    link::LinkWindowPolicy::resetForTests();
}

QString TestPopupAttacks::bankPage(const test::GuestFixture &f) const
{
    // A page Link may open in a popup: the emulator's bank login page.
    return f.manager.session()
        ->linkHost()
        ->environment()
        .linkScriptUrl.resolved(QUrl(QStringLiteral("oauth.html")))
        .toString();
}

void TestPopupAttacks::firstUrlsThatCrashedTheApp_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("host");    // in the host page, else in Link's frame
    QTest::addColumn<bool>("gesture"); // on a real click, else from script alone
    QTest::addColumn<int>("popups");   // windows that may legitimately open
    const QList<std::pair<const char *, QString>> actions{
        {"javascript: URL", QStringLiteral("window.open('javascript:\"x\"');")},
        {"about:blank then document.write",
         QStringLiteral("var w=window.open('about:blank');if(w)w.document.write("
                        "'<title>t</title><p>x</p>');")},
        {"empty URL then write",
         QStringLiteral("var w=window.open('');if(w)w.document.write('<p>x</p>');")},
        {"no URL, named, then write",
         QStringLiteral("var w=window.open(undefined,'n');if(w){w.document.write('<p>x</p>');"
                        "w.document.close();}")},
        {"about:srcdoc", QStringLiteral("window.open('about:srcdoc');")},
        {"bank page then write", QStringLiteral("var w=window.open(BANK);try{w.document.write("
                                                "'<title>t</title>');}catch(e){}")},
        {"bank page then javascript:",
         QStringLiteral("var w=window.open(BANK);try{w.location='javascript:\"x\"';}catch(e){}")},
    };
    // Script rows first: a click's activation lasts a few seconds, and the rows share one app.
    for (const bool gesture : {false, true}) {
        for (const auto &[name, action] : actions) {
            for (const bool host : {false, true}) {
                const bool bank = QByteArray(name).startsWith("bank page");
                QTest::addRow("%s, %s, %s", name, host ? "host page" : "Link's frame",
                              gesture ? "click" : "script")
                    << action << host << gesture << (bank && gesture ? 1 : 0);
            }
        }
    }
}

void TestPopupAttacks::firstUrlsThatCrashedTheApp()
{
    QFETCH(QString, action);
    QFETCH(bool, host);
    QFETCH(bool, gesture);
    QFETCH(int, popups);
    if (!m_shared) { // one app for every row: each row's attack must leave it as it was
        m_shared = std::make_unique<test::GuestFixture>();
        QVERIFY(m_shared->ready());
        QVERIFY(m_shared->openLink());
    }
    test::GuestFixture &f = *m_shared;
    QVERIFY(f.window.isLinkShown());
    action.replace(QStringLiteral("BANK"), QStringLiteral("'%1'").arg(bankPage(f)));
    if (gesture) {
        QVERIFY(f.armClick(action, host));
        f.clickLinkFrame();
    } else {
        const QString script = QStringLiteral("(function(){%1 return true;})()").arg(action);
        QVERIFY(host ? f.inHostPage(script).toBool() : f.inLinkFrame(script).toBool());
    }
    QTest::qWait(1500); // the windows would be there by now
    // A popup Weft let open is shown once its page loaded, or dropped unseen.
    QTRY_COMPARE_WITH_TIMEOUT(link::LinkWindowPolicy::openPopups(), int(f.otherWindows().size()),
                              15000);
    QVERIFY(f.window.isVisible());
    QVERIFY(f.otherWindows().size() <= popups);
    if (popups == 0)
        QCOMPARE(f.otherWindows().size(), 0);
    // Link is still usable afterwards.
    QVERIFY(f.inLinkFrame(QStringLiteral("document.body.dataset.view")).isValid());
    QVERIFY(f.store.items().isEmpty());
    for (QWidget *window : f.otherWindows())
        window->close();
    QTRY_COMPARE(link::LinkWindowPolicy::openPopups(), 0);
}

void TestPopupAttacks::refusedTargetsLeaveNoWindow_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("data:") << QStringLiteral("data:text/html,<p>hi</p>");
    QTest::newRow("blob:") << QStringLiteral(
        "URL.createObjectURL(new Blob(['<p>hi</p>'],{type:'text/html'}))");
    QTest::newRow("file:") << QStringLiteral("'file:///etc/passwd'");
    QTest::newRow("mailto:") << QStringLiteral("'mailto:someone@example.com'");
    QTest::newRow("custom scheme") << QStringLiteral("'weft-evil:payload'");
    QTest::newRow("foreign http") << QStringLiteral("'http://203.0.113.9/login'");
    QTest::newRow("host page origin") << QStringLiteral("location.origin.replace('localhost',"
                                                        "'127.0.0.1')+'/weft/host/index.html'");
    QTest::newRow("view-source:") << QStringLiteral("'view-source:'+location.href");
}

void TestPopupAttacks::refusedTargetsLeaveNoWindow()
{
    QFETCH(QString, target);
    if (target.startsWith(u"data:"))
        target = u'\'' + target + u'\'';
    if (!m_shared) {
        m_shared = std::make_unique<test::GuestFixture>();
        QVERIFY(m_shared->ready());
        QVERIFY(m_shared->openLink());
    }
    test::GuestFixture &f = *m_shared;
    test::ExternalUrls external;
    QVERIFY(f.armClick(QStringLiteral("window.open(%1);").arg(target)));
    f.clickLinkFrame();
    // Weft refuses it (or Chromium does, before asking: file: and view-source: from a web page).
    QTest::qWait(1500);
    QCOMPARE(f.otherWindows().size(), 0);
    QVERIFY(external.opened.isEmpty());
}

void TestPopupAttacks::popupFlood()
{
    test::GuestFixture f;
    test::ExternalUrls external;
    QVERIFY(f.ready());
    QVERIFY(f.openLink());
    QVERIFY(f.armClick(
        QStringLiteral("for(var i=0;i<50;i++)window.open('%1#'+i,'w'+i);").arg(bankPage(f))));
    f.clickLinkFrame();
    f.clickLinkFrame();
    QTest::qWait(2000);
    QVERIFY2(f.otherWindows().size() <= 1, qPrintable(QString::number(f.otherWindows().size())));
    QCOMPARE(link::LinkWindowPolicy::openPopups(), int(f.otherWindows().size()));
}

void TestPopupAttacks::popupFloodFromScript()
{
    // Without a click (a fresh app: a click's activation lasts a few seconds), none at all.
    test::GuestFixture f;
    QVERIFY(f.ready());
    QVERIFY(f.openLink());
    QSignalSpy refused(f.page(), &link::GuestPage::windowRefused);
    f.inLinkFrame(
        QStringLiteral("for(var i=0;i<50;i++)window.open('%1#'+i,'s'+i);true").arg(bankPage(f)));
    f.inHostPage(
        QStringLiteral("for(var i=0;i<50;i++)window.open('%1#'+i,'h'+i);true").arg(bankPage(f)));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 100, 10000);
    QTest::qWait(500);
    QCOMPARE(f.otherWindows().size(), 0);
    QCOMPARE(link::LinkWindowPolicy::openPopups(), 0);
}

void TestPopupAttacks::systemBrowserFlood()
{
    test::GuestFixture f;
    test::ExternalUrls external;
    QVERIFY(f.ready());
    QVERIFY(f.openLink());
    // A page to read (any https page in sandbox mode) goes to the system browser: 50 at once,
    // then three more clicks, give one.
    QVERIFY(f.armClick(
        QStringLiteral("for(var i=0;i<50;i++)window.open('https://example.com/help/'+i);")));
    for (int i = 0; i < 4; ++i) {
        f.clickLinkFrame();
        QTest::qWait(100);
    }
    QTRY_COMPARE_WITH_TIMEOUT(external.opened.size(), 1, 5000);
    QTest::qWait(1000);
    QCOMPARE(external.opened.size(), 1);
    QCOMPARE(f.otherWindows().size(), 0);
}

void TestPopupAttacks::fromInsideAPopup()
{
    test::GuestFixture f;
    test::ExternalUrls external;
    QVERIFY(f.ready());
    QVERIFY(f.openLink());
    QWebEnginePage *page = f.page();
    QVERIFY(test::waitFrameJs(page, test::clickTestId(QStringLiteral("consent-continue"))));
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(QStringLiteral("SELECT_INSTITUTION"))));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(QStringLiteral("institution-ins_127287"))));
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(QStringLiteral("OAUTH"))));
    QVERIFY(test::userClickTestId(f.view(), QStringLiteral("oauth-continue")));
    QTRY_COMPARE_WITH_TIMEOUT(f.otherWindows().size(), 1, 10000);
    auto *window = qobject_cast<ui::PopupWindow *>(f.otherWindows().first());
    QVERIFY(window);
    auto *popupView = window->findChild<QWebEngineView *>();
    QWebEnginePage *popup = popupView->page();
    QTRY_VERIFY_WITH_TIMEOUT(test::runJs(popup, QStringLiteral("document.readyState")) ==
                                 QStringLiteral("complete"),
                             10000);
    // The host page and its web channel are out of reach (another site).
    QCOMPARE(test::runJs(popup, QStringLiteral("(function(){try{return typeof opener.parent.qt;}"
                                               "catch(e){return 'blocked';}})()"))
                 .toString(),
             QStringLiteral("blocked"));
    QCOMPARE(test::runJs(popup, QStringLiteral("typeof qt")).toString(),
             QStringLiteral("undefined"));
    // No windows from the popup, with or without a click.
    QSignalSpy refused(f.page(), &link::GuestPage::windowRefused);
    test::runJs(
        popup,
        QStringLiteral("window.open('%1');window.open('javascript:1');true").arg(bankPage(f)));
    test::runJs(popup,
                QStringLiteral("(function(){var o=document.createElement('div');o.style.cssText="
                               "'position:fixed;inset:0;z-index:2147483647';o.onclick=function(){"
                               "window.open('about:blank').document.write('x');window.open('%1');};"
                               "document.documentElement.appendChild(o);return true;})()")
                    .arg(bankPage(f)));
    test::userClick(popupView, QPointF(50, 50));
    QTRY_VERIFY_WITH_TIMEOUT(refused.size() >= 3, 5000);
    QTest::qWait(500);
    QCOMPARE(f.otherWindows().size(), 1);
    // Navigations away from the bank's origin are refused.
    QSignalSpy blocked(qobject_cast<link::GuestPage *>(popup), &link::GuestPage::navigationBlocked);
    test::runJs(popup, QStringLiteral("location.href='data:text/html,<p>x</p>';true"));
    test::runJs(popup, QStringLiteral("location.href='http://203.0.113.9/';true"));
    QTRY_VERIFY_WITH_TIMEOUT(blocked.size() >= 1, 5000);
    QTest::qWait(500);
    QCOMPARE(popup->url().host(), QStringLiteral("localhost"));
    QVERIFY(external.opened.isEmpty());
    // The system browser's limit is the app's, not each page's: a page to read from the popup,
    // then one from Link's frame right after: one goes out.
    test::runJs(popup,
                QStringLiteral("(function(){var o=document.createElement('div');o.style.cssText="
                               "'position:fixed;inset:0;z-index:2147483647';o.onclick=function(){"
                               "window.open('https://example.com/from-popup');};"
                               "document.documentElement.appendChild(o);return true;})()"));
    QVERIFY(f.armClick(QStringLiteral("window.open('https://example.com/from-link');")));
    test::userClick(popupView, QPointF(60, 60));
    f.clickLinkFrame();
    QTRY_COMPARE_WITH_TIMEOUT(external.opened.size(), 1, 5000);
    QTest::qWait(1000);
    QCOMPARE(external.opened, QList<QUrl>{QUrl(QStringLiteral("https://example.com/from-popup"))});
    QVERIFY(f.store.items().isEmpty());
}

WEFT_GUEST_TEST_MAIN(TestPopupAttacks)
#include "tst_popup_attacks.moc"
