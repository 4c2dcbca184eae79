// LinkPage: the web view is a guest. Real QtWebEngine pages under Xvfb.
#include "WebTestKit.h"
#include "link/LinkBridge.h"
#include "link/LinkEnvironment.h"
#include "link/LinkPage.h"
#include "link/LinkWindowPolicy.h"
#include "net/UrlOrigin.h"

#include <QApplication>
#include <QHttpServer>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineView>
#include <QtTest>

using namespace weft;
using namespace weft::link;

class TestLinkPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void hostPageLoads();
    void mainFrameStaysOnTheHostOrigin_data();
    void mainFrameStaysOnTheHostOrigin();
    void framesOnlyFromLinksOrigin();
    void permissionsAreDenied();
    void cameraForLinkOnlyWhenThePersonAllows_data();
    void cameraForLinkOnlyWhenThePersonAllows();
    void dialogsAreNeverShown();
    void popupsArePolicedToo();
    void certificateErrorsAreRejected();
    void environmentRules();

private:
    QHttpServer m_server;
    QTcpServer *m_tcp = nullptr;
    QUrl m_base;
    QUrl m_linkBase; // Link's origin: the same server under another name (another site)
    LinkEnvironment m_environment;
    QWebEngineProfile *m_profile = nullptr;
    LinkPage *m_page = nullptr;
};

void TestLinkPage::initTestCase()
{
    m_server.route(QStringLiteral("/weft/host/index.html"), [] {
        return QHttpServerResponse(
            QByteArrayLiteral("text/html"),
            QByteArrayLiteral("<!DOCTYPE html><html><body>host</body></html>"));
    });
    m_server.route(QStringLiteral("/link/v2/stable/frame.html"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/html"),
                                   QByteArrayLiteral("<p>link</p>"));
    });
    m_tcp = new QTcpServer(this);
    QVERIFY(m_tcp->listen(QHostAddress::LocalHost));
    m_server.bind(m_tcp);
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp->serverPort()));
    m_linkBase = QUrl(QStringLiteral("http://localhost:%1").arg(m_tcp->serverPort()));
    m_environment = LinkEnvironment::forSandbox(m_base, m_linkBase);
}

void TestLinkPage::cleanupTestCase() {}

void TestLinkPage::init()
{
    LinkWindowPolicy::resetForTests();
    m_profile = LinkPage::createProfile(m_environment, nullptr);
    m_page = new LinkPage(m_environment, m_profile);
    test::installFrameDriver(m_page);
    QSignalSpy loaded(m_page, &QWebEnginePage::loadFinished);
    m_page->load(m_environment.hostPageUrl);
    QVERIFY(loaded.wait(15000));
    QVERIFY(loaded.first().first().toBool());
}

void TestLinkPage::cleanup()
{
    delete m_page; // before its profile
    delete m_profile;
}

void TestLinkPage::hostPageLoads()
{
    QCOMPARE(m_page->url(), m_environment.hostPageUrl);
    QVERIFY(m_profile->isOffTheRecord());
    QCOMPARE(test::runJs(m_page, QStringLiteral("document.body.textContent")).toString(),
             QStringLiteral("host"));
}

void TestLinkPage::mainFrameStaysOnTheHostOrigin_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("expectSignal");
    QTest::newRow("another host") << QStringLiteral("http://203.0.113.7/steal") << true;
    QTest::newRow("another loopback port") << QStringLiteral("http://127.0.0.1:1/") << true;
    QTest::newRow("https elsewhere") << QStringLiteral("https://example.com/") << true;
    QTest::newRow("file URL") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("unknown scheme") << QStringLiteral("weft-unknown-scheme:payload") << false;
    QTest::newRow("javascript URL in a new document")
        << QStringLiteral("data:text/html,<b>x</b>") << false;
}

void TestLinkPage::mainFrameStaysOnTheHostOrigin()
{
    QFETCH(QString, target);
    QFETCH(bool, expectSignal);
    QSignalSpy blocked(m_page, &LinkPage::navigationBlocked);
    test::runJs(m_page, QStringLiteral("location.href = '%1'; true").arg(target));
    if (expectSignal)
        QTRY_COMPARE_WITH_TIMEOUT(blocked.size(), 1, 5000);
    else
        QTest::qWait(500); // Chromium refuses these itself, or our policy does
    QCOMPARE(m_page->url(), m_environment.hostPageUrl);
    QCOMPARE(test::runJs(m_page, QStringLiteral("document.body.textContent")).toString(),
             QStringLiteral("host"));
}

void TestLinkPage::framesOnlyFromLinksOrigin()
{
    QSignalSpy blocked(m_page, &LinkPage::navigationBlocked);
    const QString linkFrame =
        m_linkBase.resolved(QUrl(QStringLiteral("/link/v2/stable/frame.html"))).toString();
    const QString hostOriginFrame =
        m_base.resolved(QUrl(QStringLiteral("/link/v2/stable/frame.html"))).toString();
    test::runJs(m_page,
                QStringLiteral("var a=document.createElement('iframe');a.id='ok';a.src='%1';"
                               "document.body.appendChild(a);"
                               "var b=document.createElement('iframe');b.id='bad';"
                               "b.src='http://198.51.100.9/';document.body.appendChild(b);"
                               "var c=document.createElement('iframe');c.id='host';"
                               "c.src='%2';document.body.appendChild(c);true")
                    .arg(linkFrame, hostOriginFrame));
    QVERIFY(test::waitFrameJs(
        m_page, QStringLiteral("!!document.body && document.body.textContent==='link'"), 15000,
        QStringLiteral("#ok")));
    QVERIFY(test::frameJs(m_page, QStringLiteral("location.origin"), 5000, QStringLiteral("#ok"))
                .toString() == m_linkBase.toString());
    // Link's frame is cross-origin: the host page cannot read into it.
    QCOMPARE(
        test::runJs(m_page, QStringLiteral("(function(){try{return String(document.getElementById("
                                           "'ok').contentDocument);}catch(e){return 'threw';}})()"))
            .toString(),
        QStringLiteral("null"));
    QTRY_COMPARE_WITH_TIMEOUT(blocked.size(), 2, 5000);
    QStringList hosts;
    for (const QList<QVariant> &signal : std::as_const(blocked))
        hosts << signal.first().toUrl().host();
    hosts.sort();
    QCOMPARE(hosts, QStringList({QStringLiteral("127.0.0.1"), QStringLiteral("198.51.100.9")}));
}

void TestLinkPage::permissionsAreDenied()
{
    QSignalSpy denied(m_page, &LinkPage::permissionDenied);
    // (Geolocation is left out: without a position source QtWebEngine never answers it.)
    test::runJs(m_page,
                QStringLiteral("window.notif='pending';Notification.requestPermission().then("
                               "function(p){window.notif=p;});true"));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.notif !== 'pending'")));
    QCOMPARE(test::runJs(m_page, QStringLiteral("window.notif")).toString(),
             QStringLiteral("denied"));
    test::runJs(
        m_page,
        QStringLiteral(
            "window.media='pending';navigator.mediaDevices.getUserMedia({video:true})"
            ".then(function(){window.media='granted';},function(e){window.media='denied';});true"));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.media !== 'pending'")));
    QCOMPARE(test::runJs(m_page, QStringLiteral("window.media")).toString(),
             QStringLiteral("denied"));
    test::runJs(m_page,
                QStringLiteral(
                    "window.clip='pending';navigator.clipboard.readText().then("
                    "function(){window.clip='granted';},function(){window.clip='denied';});true"));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.clip !== 'pending'")));
    QCOMPARE(test::runJs(m_page, QStringLiteral("window.clip")).toString(),
             QStringLiteral("denied"));
    // Notifications and the camera (a fake one here) reach the page's policy and are denied
    // there; the clipboard is refused earlier (clipboard access switched off in the settings).
    QVERIFY(!denied.isEmpty());
    QCOMPARE(denied.first().at(1).toString(), QStringLiteral("Notifications"));
}

void TestLinkPage::cameraForLinkOnlyWhenThePersonAllows_data()
{
    QTest::addColumn<bool>("allow");
    QTest::newRow("the person says no") << false;
    QTest::newRow("the person allows it") << true;
}

// Identity verification takes a photo: Link's own frame may ask for the camera, the person
// decides. (This test's web engine has a fake camera, so that requests reach the policy.)
void TestLinkPage::cameraForLinkOnlyWhenThePersonAllows()
{
    QFETCH(bool, allow);
    QStringList asked;
    // Answered later, as a dialog would be.
    const QMetaObject::Connection answering =
        connect(m_page, &GuestPage::cameraRequested, m_page, [&](const QUrl &origin) {
            asked << net::originOf(origin).toString();
            QTimer::singleShot(50, m_page, [this, allow] { m_page->answerCameraRequest(allow); });
        });
    const QString video = test::askForMedia(QStringLiteral("{video:true}"));

    // The host page (or a script that took it over) is never asked about.
    test::runJs(m_page, video);
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.cam !== 'pending'")));
    QCOMPARE(test::runJs(m_page, QStringLiteral("window.cam")).toString(),
             QStringLiteral("denied"));
    QVERIFY(asked.isEmpty());

    // Link's frame (with the camera allowed by its embedder, as Plaid's script does).
    const QString frame =
        m_linkBase.resolved(QUrl(QStringLiteral("/link/v2/stable/frame.html"))).toString();
    test::runJs(m_page, QStringLiteral("var f=document.createElement('iframe');f.id='cam';"
                                       "f.allow='camera;microphone';f.src='%1';"
                                       "document.body.appendChild(f);true")
                            .arg(frame));
    const QString cam = QStringLiteral("#cam");
    QVERIFY(test::waitFrameJs(m_page, QStringLiteral("document.readyState === 'complete'"), 15000,
                              cam));
    test::frameJs(m_page, video, 5000, cam);
    QVERIFY(test::waitFrameJs(m_page, QStringLiteral("window.cam !== 'pending'"), 15000, cam));
    QCOMPARE(test::frameJs(m_page, QStringLiteral("window.cam"), 5000, cam).toString(),
             allow ? QStringLiteral("granted") : QStringLiteral("denied"));
    QCOMPARE(asked, QStringList{net::originOf(m_linkBase).toString()});

    // Asked for again: after an allow the person is asked again (nothing is remembered);
    // after a refusal not — a frame cannot flood the person with questions.
    test::frameJs(m_page, video, 5000, cam);
    QVERIFY(test::waitFrameJs(m_page, QStringLiteral("window.cam !== 'pending'"), 15000, cam));
    QCOMPARE(test::frameJs(m_page, QStringLiteral("window.cam"), 5000, cam).toString(),
             allow ? QStringLiteral("granted") : QStringLiteral("denied"));
    QCOMPARE(asked.size(), allow ? 2 : 1);

    // The microphone stays refused, without a question.
    test::frameJs(m_page, test::askForMedia(QStringLiteral("{audio:true}")), 5000, cam);
    QVERIFY(test::waitFrameJs(m_page, QStringLiteral("window.cam !== 'pending'"), 15000, cam));
    QCOMPARE(test::frameJs(m_page, QStringLiteral("window.cam"), 5000, cam).toString(),
             QStringLiteral("denied"));
    QCOMPARE(asked.size(), allow ? 2 : 1);
    disconnect(answering);
}

void TestLinkPage::dialogsAreNeverShown()
{
    // A native dialog would block runJavaScript until someone closed it.
    QCOMPARE(test::runJs(m_page, QStringLiteral("alert('x'); 'after alert'"), 3000).toString(),
             QStringLiteral("after alert"));
    QCOMPARE(test::runJs(m_page, QStringLiteral("confirm('sure?')"), 3000).toBool(), false);
    QVERIFY(test::runJs(m_page, QStringLiteral("prompt('name?', 'x') === null"), 3000).toBool());
}

void TestLinkPage::popupsArePolicedToo()
{
    QWebEngineView view;
    view.setPage(m_page);
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy created(m_page, &LinkPage::popupCreated);
    QSignalSpy refused(m_page, &GuestPage::windowRefused);
    QList<QUrl> external;
    connect(m_page, &GuestPage::externalLinkRequested, this,
            [&](const QUrl &url) { external << url; });
    const QString bank =
        m_linkBase.resolved(QUrl(QStringLiteral("/link/v2/stable/frame.html"))).toString();
    test::runJs(m_page,
                QStringLiteral("document.body.innerHTML='<a id=bank target=_blank href=\"%1\" "
                               "style=\"position:fixed;left:0;top:0;width:200px;height:40px;"
                               "display:block\">bank</a><a id=help target=_blank "
                               "href=\"https://plaid.com/legal\" style=\"position:fixed;"
                               "left:0;top:100px;width:200px;height:40px;display:block\">"
                               "help</a>'; true")
                    .arg(bank));

    // From script alone (no user gesture): refused, and no window is made.
    test::runJs(m_page, QStringLiteral("window.open('%1', 'bank'); true").arg(bank));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
    QCOMPARE(refused.first().at(1).toString(), QStringLiteral("no user gesture"));
    QCOMPARE(created.size(), 0);

    // A user's click on a link to Link's origin: a popup. (Clicked once the links are laid out
    // and hit-testable: a click that comes earlier lands on nothing.)
    QVERIFY(test::waitJs(m_page, QStringLiteral("(function(){var e=document.elementFromPoint(100,"
                                                "20);return !!e&&e.id==='bank'&&!!document."
                                                "elementFromPoint(100,120)&&document."
                                                "elementFromPoint(100,120).id==='help';})()")));
    test::userClick(&view, QPointF(100, 20));
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 5000);
    auto *popup = qobject_cast<LinkPopupPage *>(created.first().first().value<QWebEnginePage *>());
    QVERIFY(popup);
    QTRY_COMPARE_WITH_TIMEOUT(popup->url().path(), QStringLiteral("/link/v2/stable/frame.html"),
                              5000);
    QVERIFY(popup->webChannel() == nullptr); // no bridge in popups
    QSignalSpy blocked(popup, &GuestPage::navigationBlocked);
    popup->load(QUrl(QStringLiteral("http://203.0.113.7/")));
    QTRY_COMPARE_WITH_TIMEOUT(blocked.size(), 1, 5000);

    // One popup at a time.
    test::userClick(&view, QPointF(100, 20));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 2, 5000);
    QCOMPARE(refused.last().at(1).toString(), QStringLiteral("a popup is already open"));
    // A popup opens no windows of its own.
    test::runJs(popup, QStringLiteral("window.open('%1'); true").arg(bank));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 3, 5000);
    QCOMPARE(created.size(), 1);

    // A page to read goes to the system browser, not into an app window; a second one right
    // after is refused (the app-wide limit).
    test::userClick(&view, QPointF(100, 120));
    QTRY_COMPARE_WITH_TIMEOUT(external.size(), 1, 5000);
    QCOMPARE(external.first(), QUrl(QStringLiteral("https://plaid.com/legal")));
    test::userClick(&view, QPointF(100, 120));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 4, 5000);
    QCOMPARE(refused.last().at(1).toString(),
             QStringLiteral("too many pages for the system browser"));
    QCOMPARE(external.size(), 1);
    QCOMPARE(created.size(), 1);
    view.setPage(nullptr);
}

void TestLinkPage::certificateErrorsAreRejected()
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                   QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem"))});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/html\r\n\r\nok");
            });
        }
    });
    const QUrl host(
        QStringLiteral("https://127.0.0.1:%1/weft/host/index.html").arg(server.serverPort()));
    LinkEnvironment plaid = LinkEnvironment::forPlaid(host);
    QWebEngineProfile *profile = LinkPage::createProfile(plaid, nullptr);
    auto *page = new LinkPage(plaid, profile);
    QSignalSpy rejected(page, &LinkPage::certificateRejected);
    QSignalSpy loaded(page, &QWebEnginePage::loadFinished);
    page->load(host);
    QVERIFY(loaded.wait(15000));
    QCOMPARE(loaded.first().first().toBool(), false);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().first().toUrl().host(), QStringLiteral("127.0.0.1"));
    delete page;
    delete profile;
}

void TestLinkPage::environmentRules()
{
    const LinkEnvironment sandbox =
        LinkEnvironment::forSandbox(QUrl(QStringLiteral("http://127.0.0.1:9000")),
                                    QUrl(QStringLiteral("http://localhost:9000")));
    QCOMPARE(sandbox.linkScriptUrl,
             QUrl(QStringLiteral("http://localhost:9000/link/v2/stable/link-initialize.js")));
    QVERIFY(sandbox.linkMayLoad(
        QUrl(QStringLiteral("http://localhost:9000/link/v2/stable/link.html"))));
    QVERIFY(!sandbox.linkMayLoad( // the host page's origin is not Link's
        QUrl(QStringLiteral("http://127.0.0.1:9000/link/v2/stable/link.html"))));
    QVERIFY(!sandbox.linkMayLoad(QUrl(QStringLiteral("http://localhost:9001/"))));
    QVERIFY(sandbox.mainFrameMayNavigate(QUrl(QStringLiteral("http://127.0.0.1:9000/weft/x"))));
    QVERIFY(!sandbox.mainFrameMayNavigate(QUrl(QStringLiteral("http://localhost:9000/weft/x"))));
    QVERIFY(!sandbox.linkMayLoad(
        QUrl(QStringLiteral("https://cdn.plaid.com/link/v2/stable/link.html"))));
    const LinkEnvironment plaid = LinkEnvironment::forPlaid(
        QUrl(QStringLiteral("http://127.0.0.1:9100/weft/host/index.html")));
    QCOMPARE(plaid.linkScriptUrl,
             QUrl(QStringLiteral("https://cdn.plaid.com/link/v2/stable/link-initialize.js")));
    QVERIFY(
        plaid.linkMayLoad(QUrl(QStringLiteral("https://cdn.plaid.com/link/v2/stable/link.html"))));
    QVERIFY(plaid.linkMayLoad(QUrl(QStringLiteral("https://secure.plaid.com/x"))));
    QVERIFY(!plaid.linkMayLoad(QUrl(QStringLiteral("http://cdn.plaid.com/"))));
    QVERIFY(!plaid.linkMayLoad(QUrl(QStringLiteral("https://plaid.com.evil.example/"))));
    QVERIFY(plaid.isExternalLink(QUrl(QStringLiteral("https://plaid.com/legal"))));
    // Google reCAPTCHA's frames, which Link shows for some sign-ins: on its documented hosts.
    for (const char *ok : {"https://www.google.com/recaptcha/api2/anchor?k=x",
                           "https://www.google.com/recaptcha/enterprise/bframe?k=x",
                           "https://www.gstatic.com/recaptcha/releases/x/recaptcha__en.js",
                           "https://recaptcha.google.com/recaptcha/api2/anchor",
                           "https://www.recaptcha.net/recaptcha/api2/anchor"})
        QVERIFY2(plaid.linkMayLoad(QUrl(QString::fromLatin1(ok))), ok);
    for (const char *bad : {"http://www.google.com/recaptcha/api2/anchor",
                            "https://www.google.com/search?q=recaptcha", "https://www.google.com/",
                            "https://evil.example/recaptcha/api2/anchor",
                            "https://www.google.com.evil.example/recaptcha/api2/anchor"})
        QVERIFY2(!plaid.linkMayLoad(QUrl(QString::fromLatin1(bad))), bad);
    QVERIFY(
        !sandbox.linkMayLoad(QUrl(QStringLiteral("https://www.google.com/recaptcha/api2/anchor"))));
    // The camera: Link's own origin only.
    QVERIFY(plaid.mayAskForCamera(QUrl(QStringLiteral("https://verify.plaid.com"))));
    QVERIFY(!plaid.mayAskForCamera(QUrl(QStringLiteral("http://verify.plaid.com"))));
    QVERIFY(!plaid.mayAskForCamera(QUrl(QStringLiteral("https://www.google.com"))));
    QVERIFY(!plaid.mayAskForCamera(QUrl(QStringLiteral("http://127.0.0.1:9100"))));
    QVERIFY(sandbox.mayAskForCamera(QUrl(QStringLiteral("http://localhost:9000"))));
    QVERIFY(!sandbox.mayAskForCamera(QUrl(QStringLiteral("http://127.0.0.1:9000"))));
    QVERIFY(!plaid.isExternalLink(QUrl(QStringLiteral("https://my.bank.example/oauth"))));
    QVERIFY(!plaid.isExternalLink(QUrl(QStringLiteral("http://plaid.com/legal"))));
    QVERIFY(sandbox.isExternalLink(QUrl(QStringLiteral("https://plaid.com/legal"))));

    // OAuth by redirect: banks' pages go to the system browser (after a click, within the
    // hand-off limits); the way back is the redirect_uri with an oauth_state_id, nothing else.
    LinkWindowPolicy::resetForTests();
    const QUrl bank(QStringLiteral("https://my.bank.example/oauth"));
    QCOMPARE(LinkWindowPolicy::decide(plaid, bank, true, false).verdict,
             LinkWindowPolicy::Verdict::Popup);
    LinkEnvironment redirect = plaid;
    redirect.redirectUri = QStringLiteral("weft://oauth");
    QCOMPARE(LinkWindowPolicy::decide(redirect, bank, true, false).verdict,
             LinkWindowPolicy::Verdict::SystemBrowser);
    QCOMPARE(LinkWindowPolicy::decide(redirect, bank, false, false).verdict,
             LinkWindowPolicy::Verdict::Refuse); // no click, no window
    QCOMPARE(LinkWindowPolicy::decide(redirect, QUrl(QStringLiteral("http://my.bank.example/")),
                                      true, false)
                 .verdict,
             LinkWindowPolicy::Verdict::Refuse);
    LinkWindowPolicy::resetForTests();
    QVERIFY(redirect.isOAuthReturn(QUrl(QStringLiteral("weft://oauth?oauth_state_id=abc"))));
    QVERIFY(redirect.isOAuthReturn(QUrl(QStringLiteral("weft://oauth/?oauth_state_id=abc"))));
    for (const char *bad : {"weft://oauth", "weft://oauth?state=abc",
                            "weft://other?oauth_state_id=a", "https://oauth?oauth_state_id=a",
                            "weft://oauth/x?oauth_state_id=a", "javascript:alert(1)", ""})
        QVERIFY2(!redirect.isOAuthReturn(QUrl(QString::fromLatin1(bad))), bad);
    QVERIFY(!plaid.isOAuthReturn(QUrl(QStringLiteral("weft://oauth?oauth_state_id=abc"))));
}

int main(int argc, char *argv[])
{
    // A fake camera and microphone: without a device, Chromium refuses a page's getUserMedia
    // before Weft's policy is asked.
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    flags.append(" --use-fake-device-for-media-stream");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestLinkPage test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_linkpage.moc"
