// The web channel under attack: from Link's frame and popups it is out of reach (another site);
// from the host page, forged and replayed outcomes, property writes, oversized payloads and a
// loop of INVALID_LINK_TOKEN exits get nowhere — no exchange, no Item, a bounded number of
// tokens — and no access token or secret ever reaches a page.
#include "GuestFixture.h"
#include "link/LinkBridge.h"

#include <QRegularExpression>
#include <QtTest>

using namespace weft;

namespace {

// Script for the host page: its own QWebChannel client on the page's transport (as an attacker
// there would make one, keeping the page's own client working beside it), calling method on
// the bridge with payload (a JS expression).
QString callBridge(const QString &method, const QString &payload)
{
    return QStringLiteral("(function(){function go(){window.__evil.%1(JSON.stringify(%2));}"
                          "if(window.__evil){go();return true;}"
                          "var t=qt.webChannelTransport,old=t.onmessage;"
                          "new QWebChannel(t,function(c){var mine=t.onmessage;"
                          "t.onmessage=function(m){try{mine(m);}catch(e){}try{old(m);}catch(e){}};"
                          "window.__evil=c.objects.weftLink;go();});return true;})()")
        .arg(method, payload);
}

QString forgedSuccess(const QString &publicToken)
{
    return QStringLiteral("{handler_id: weftHost.handlerId(), public_token: '%1', metadata: "
                          "{link_session_id: 'forged', institution: {name: 'First Platypus Bank',"
                          " institution_id: 'ins_109508'}, accounts: [{id: 'a', name: 'x', mask:"
                          " '0000', type: 'depository', subtype: 'checking'}]}}")
        .arg(publicToken);
}

const QRegularExpression
    kSecretPattern(QStringLiteral("access-(sandbox|development|production)-[0-9a-f]{8}"));

} // namespace

class TestBridgeAttacks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void linkFrameCannotReachTheChannel();
    void forgedOutcomesWhileLinkIsClosed();
    void hostPageCannotDriveLinkSessions();
    void propertyWritesAndOversizedPayloads();
    void forgedInvalidTokenLoopIsBounded();
    void replayAfterARealSuccess();
};

void TestBridgeAttacks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBridgeAttacks::linkFrameCannotReachTheChannel()
{
    test::GuestFixture f;
    QVERIFY(f.ready());
    QVERIFY(f.openLink());
    for (const char *probe : {"typeof qt",
                              "(function(){try{return typeof parent.qt;}catch(e){"
                              "return 'blocked';}})()",
                              "(function(){try{return typeof top.qt;}catch(e){return "
                              "'blocked';}})()",
                              "(function(){try{return parent.document.title;}catch(e){return "
                              "'blocked';}})()",
                              "(function(){try{return typeof parent.weftHost;}catch(e){return "
                              "'blocked';}})()"}) {
        const QString answer = f.inLinkFrame(QString::fromLatin1(probe)).toString();
        QVERIFY2(answer == u"undefined" || answer == u"blocked",
                 qPrintable(QString::fromLatin1(probe) + u" -> " + answer));
    }
    // Nor from a frame the Link frame makes itself.
    const QString nested =
        f.inLinkFrame(
             QStringLiteral("(function(){var i=document.createElement('iframe');"
                            "document.body.appendChild(i);try{return typeof i.contentWindow.top.qt;"
                            "}catch(e){return 'blocked';}})()"))
            .toString();
    QVERIFY2(nested == u"blocked" || nested == u"undefined", qPrintable(nested));
}

void TestBridgeAttacks::forgedOutcomesWhileLinkIsClosed()
{
    test::GuestFixture f;
    QVERIFY(f.ready()); // preloaded, never opened
    QSignalSpy rejected(f.manager.session()->linkHost()->bridge(), &link::LinkBridge::rejected);
    QSignalSpy linked(f.controller(), &link::LinkController::itemLinked);
    f.inHostPage(callBridge(QStringLiteral("succeeded"),
                            forgedSuccess(QStringLiteral("public-sandbox-00000000-0000-4000-8000-"
                                                         "000000000000"))));
    f.inHostPage(callBridge(QStringLiteral("exited"),
                            QStringLiteral("{handler_id: weftHost.handlerId(), error: null, "
                                           "metadata: {}}")));
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 2, 5000);
    for (const QList<QVariant> &call : std::as_const(rejected))
        QVERIFY(call.at(1).toString().contains(u"not open"));
    QTest::qWait(500);
    QCOMPARE(linked.size(), 0);
    QCOMPARE(f.controller()->state(), link::LinkController::State::Ready);
    QVERIFY(f.store.items().isEmpty());
}

void TestBridgeAttacks::hostPageCannotDriveLinkSessions()
{
    // The attack that once added an Item: the host page read the link token and drove the
    // emulator's session routes itself. They answer only the emulator's own origin now.
    test::GuestFixture f;
    QVERIFY(f.ready());
    const QString linkOrigin = f.manager.session()
                                   ->linkHost()
                                   ->environment()
                                   .linkScriptUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery)
                                   .toString();
    const QString script =
        QStringLiteral(
            "window.__attack='pending';fetch('%1/weft/link/session/complete',{method:'POST',"
            "headers:{'Content-Type':'application/json'},body:JSON.stringify({link_token:'x',"
            "link_session_id:'s',institution_id:'ins_109508',username:'user_good',"
            "password:'pass_good'})}).then(function(r){window.__attack='status '+r.status;},"
            "function(e){window.__attack='failed';});"
            "fetch('%1/weft/link/session/start',{method:'POST',mode:'no-cors',body:'{}'})"
            ".then(function(r){window.__opaque=r.type;});true")
            .arg(linkOrigin);
    f.inHostPage(script);
    QVERIFY(test::waitJs(f.page(), QStringLiteral("window.__attack !== 'pending'")));
    // Refused by the server (403), or not readable at all (no CORS): never a public token.
    const QString outcome = f.inHostPage(QStringLiteral("window.__attack")).toString();
    QVERIFY2(outcome == u"failed" || outcome == u"status 403", qPrintable(outcome));
    QVERIFY(f.store.items().isEmpty());
}

void TestBridgeAttacks::propertyWritesAndOversizedPayloads()
{
    test::GuestFixture f;
    QVERIFY(f.ready());
    link::LinkBridge *bridge = f.manager.session()->linkHost()->bridge();
    const QString name = bridge->objectName();
    QSignalSpy rejected(bridge, &link::LinkBridge::rejected);
    f.inHostPage(callBridge(QStringLiteral("hostReady"), QStringLiteral("{}")));
    QTRY_VERIFY(f.inHostPage(QStringLiteral("!!window.__evil")).toBool());
    f.inHostPage(QStringLiteral("window.__evil.objectName='pwned';true"));
    QTRY_VERIFY_WITH_TIMEOUT(!rejected.isEmpty(), 5000);
    QCOMPARE(bridge->objectName(), name);
    QCOMPARE(rejected.first().first().toString(), QStringLiteral("objectName"));
    // A payload past the limit, a non-object, garbage: refused, nothing else happens.
    f.controller()->open();
    QTRY_VERIFY(f.window.isLinkShown());
    f.inHostPage(callBridge(QStringLiteral("exited"),
                            QStringLiteral("{handler_id: weftHost.handlerId(), error: null, "
                                           "metadata: {pad: 'x'.repeat(70000)}}")));
    f.inHostPage(callBridge(QStringLiteral("succeeded"), QStringLiteral("[1,2,3]")));
    f.inHostPage(callBridge(QStringLiteral("eventOccurred"), QStringLiteral("'\\u0000'")));
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 4, 5000);
    QCOMPARE(f.controller()->state(), link::LinkController::State::Open);
    QVERIFY(f.window.isLinkShown());
}

void TestBridgeAttacks::forgedInvalidTokenLoopIsBounded()
{
    test::GuestFixture f;
    QVERIFY(f.ready());
    QSignalSpy created(f.manager.session()->linkHost()->bridge(),
                       &link::LinkBridge::createRequested);
    QSignalSpy failed(f.controller(), &link::LinkController::failed);
    const QString forgedExit = callBridge(
        QStringLiteral("exited"),
        QStringLiteral("{handler_id: weftHost.handlerId(), error: {error_type: 'INVALID_INPUT',"
                       " error_code: 'INVALID_LINK_TOKEN', error_message: 'forged', "
                       "display_message: null}, metadata: {link_session_id: 'x'}}"));
    // Each time the user opens Link, script in the host page ends the session with
    // INVALID_LINK_TOKEN: three new tokens, then Link stays closed.
    for (int i = 0; i < 15; ++i) {
        if (!f.ready(10000))
            break;
        f.controller()->open();
        QTRY_VERIFY(f.window.isLinkShown());
        f.inHostPage(forgedExit);
        QTRY_VERIFY_WITH_TIMEOUT(f.controller()->state() != link::LinkController::State::Open,
                                 5000);
    }
    QCOMPARE(f.controller()->state(), link::LinkController::State::Failed);
    QCOMPARE(created.size(), link::LinkController::kMaxRecoveries);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!f.window.isLinkShown());
    QVERIFY(f.window.noticeText().contains(u"Try again"));
}

void TestBridgeAttacks::replayAfterARealSuccess()
{
    test::GuestFixture f;
    QVERIFY(f.ready());
    // Everything the app sends to the page, for the last check.
    QStringList toPage;
    connect(f.manager.session()->linkHost()->bridge(), &link::LinkBridge::createRequested, this,
            [&](const QString &config) { toPage << config; });
    QSignalSpy linked(f.controller(), &link::LinkController::itemLinked);
    QVERIFY(f.openLink());
    QWebEnginePage *page = f.page();
    // The host page records every message it sends on the channel, to replay it.
    QVERIFY(
        f.inHostPage(QStringLiteral("(function(){var t=qt.webChannelTransport,send=t.send;"
                                    "window.__sent=[];t.send=function(m){window.__sent.push(m);"
                                    "return send.apply(t,arguments);};window.__send=function(m){"
                                    "send.call(t,m);};return t.send!==send;})()"))
            .toBool());
    QVERIFY(test::linkUserGoodToConnected(page));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(QStringLiteral("connected-continue"))));
    QVERIFY2(QTest::qWaitFor([&] { return linked.size() == 1; }, 30000),
             qPrintable(QStringLiteral("state %1, notice: %2")
                            .arg(int(f.controller()->state()))
                            .arg(f.window.noticeText())));
    QTRY_COMPARE(f.store.items().size(), 1);
    QVERIFY(f.ready());
    // Replays of the very message that carried the success, and of a forged one: refused.
    QSignalSpy rejected(f.manager.session()->linkHost()->bridge(), &link::LinkBridge::rejected);
    QCOMPARE(f.inHostPage(QStringLiteral("(function(){var m=window.__sent.filter(function(x){"
                                         "return x.indexOf('public_token')>=0;});m.forEach("
                                         "window.__send);return m.length;})()"))
                 .toInt(),
             1);
    f.controller()->open(); // even while a new session is open
    QTRY_VERIFY(f.window.isLinkShown());
    f.inHostPage(QStringLiteral("window.__sent.filter(function(x){return x.indexOf("
                                "'public_token')>=0;}).forEach(window.__send);true"));
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 2, 5000);
    QTest::qWait(500);
    QCOMPARE(linked.size(), 1);
    QCOMPARE(f.store.items().size(), 1);
    // No access token or secret in what went to the page, in the host page or in Link's frame.
    for (const QString &config : std::as_const(toPage))
        QVERIFY2(!kSecretPattern.match(config).hasMatch(), qPrintable(config));
    const QString host =
        f.inHostPage(QStringLiteral("document.documentElement.outerHTML + JSON.stringify("
                                    "Object.keys(window).map(function(k){try{return String("
                                    "window[k]).slice(0,200);}catch(e){return '';}}))"))
            .toString();
    QVERIFY(!host.isEmpty());
    QVERIFY2(!kSecretPattern.match(host).hasMatch(), "an access token in the host page");
    const QString frame =
        f.inLinkFrame(QStringLiteral("document.documentElement.outerHTML")).toString();
    QVERIFY(!frame.isEmpty());
    QVERIFY2(!kSecretPattern.match(frame).hasMatch(), "an access token in Link's frame");
}

WEFT_GUEST_TEST_MAIN(TestBridgeAttacks)
#include "tst_bridge_attacks.moc"
