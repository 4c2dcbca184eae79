// The Link emulator's public API, used by a plain page the way Plaid's documentation shows:
// open() before onLoad, exit({force: true}), destroy() twice, and the INVALID_LINK_TOKEN
// recipe (destroy, then a new handler with a fresh token).
#include "WebTestKit.h"
#include "core/Clock.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "support/SignalWaiter.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QtTest>

using namespace weft;

class TestLinkEmulator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openBeforeOnLoadIsDeferred();
    void forcedExitCallsOnExitOnce();
    void destroyTwiceIsHarmless();
    void invalidLinkTokenRecipe();
    void successMetadataHasEveryTypedField();
    void versionIsAString();
    void exitBeforeOnLoadEndsInOnExit();
    void frameThatNeverLoadsEndsInOnExit();
    void nothingStaysAfterTheLastHandler();
    void linkOriginFromThePage();

private:
    // Loads the test page with Link's script from scriptUrl.
    bool loadPage(const QUrl &scriptUrl);
    QUrl emulatorScript(const QString &query = {}) const
    {
        QUrl url = m_sandbox->linkBaseUrl().resolved(
            QUrl(QStringLiteral("/link/v2/stable/link-initialize.js")));
        url.setQuery(query);
        return url;
    }
    QString newLinkToken();
    bool call(const QString &script) { return test::runJs(m_page, script).isValid(); }
    int count(const char *callback)
    {
        return test::runJs(
                   m_page,
                   QStringLiteral("window.countCalls('%1')").arg(QLatin1StringView(callback)))
            .toInt();
    }

    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<plaid::PlaidClient> m_client;
    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
};

void TestLinkEmulator::initTestCase()
{
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(Clock::system());
    sandbox::EmbeddedSandboxOptions options;
    options.credentials = {QStringLiteral("emu"), QStringLiteral("emu_secret")};
    QString error;
    QVERIFY2(m_sandbox->start(options, &error), qPrintable(error));
    m_sandbox->server().addStaticRoot(QStringLiteral("/weft/test"),
                                      QStringLiteral(WEFT_EMULATOR_PAGE_DIR));
    plaid::PlaidConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.clientId = options.credentials.clientId;
    config.secret = options.credentials.secret;
    m_client = std::make_unique<plaid::PlaidClient>(&m_network, config, Clock::system());
}

void TestLinkEmulator::init()
{
    m_profile = new QWebEngineProfile();
    m_page = new QWebEnginePage(m_profile);
    test::installFrameDriver(m_page);
    QVERIFY(loadPage(emulatorScript()));
}

bool TestLinkEmulator::loadPage(const QUrl &scriptUrl)
{
    QSignalSpy loaded(m_page, &QWebEnginePage::loadFinished);
    QUrl url = m_sandbox->baseUrl().resolved(QUrl(QStringLiteral("/weft/test/index.html")));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("link_script"),
                       QString::fromUtf8(QUrl::toPercentEncoding(scriptUrl.toString())));
    url.setQuery(query);
    m_page->load(url);
    return loaded.wait(15000) && loaded.first().first().toBool();
}

void TestLinkEmulator::cleanup()
{
    delete m_page;
    delete m_profile;
}

QString TestLinkEmulator::newLinkToken()
{
    plaid::LinkTokenCreateRequest request;
    request.clientUserId = QStringLiteral("u");
    request.clientName = QStringLiteral("Weft");
    request.products = {QStringLiteral("transactions")};
    request.countryCodes = {QStringLiteral("US")};
    QObject context;
    test::Waiter<plaid::PlaidResult<plaid::LinkToken>> waiter;
    m_client->createLinkToken(request, &context, waiter.callback());
    return waiter.wait() && waiter.value().ok() ? waiter.value().value.linkToken : QString();
}

void TestLinkEmulator::openBeforeOnLoadIsDeferred()
{
    const QString token = newLinkToken();
    QVERIFY(!token.isEmpty());
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false)"
                                ".then(function(){ window.linkHandler.open(); }); true")
                     .arg(token)));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    // Opened as soon as it loaded: the overlay shows and the session began.
    QVERIFY(test::waitJs(
        m_page,
        QStringLiteral(
            "window.calls.some(function(c){return c.name==='onEvent' && c.args[0]==='OPEN';})")));
    QVERIFY(test::waitJs(m_page, QStringLiteral("getComputedStyle(document.querySelector('iframe["
                                                "data-weft-link]')).display !== 'none'")));
    QVERIFY(test::waitFrameJs(m_page, test::linkViewIs(QStringLiteral("CONSENT"))));
}

void TestLinkEmulator::forcedExitCallsOnExitOnce()
{
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    QVERIFY(call(QStringLiteral("window.linkHandler.open(); true")));
    QVERIFY(test::waitFrameJs(m_page, test::linkViewIs(QStringLiteral("CONSENT"))));
    QVERIFY(call(QStringLiteral("window.linkHandler.exit({force: true}); true")));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onExit') === 1")));
    const QVariantList args =
        test::runJs(
            m_page,
            QStringLiteral("window.calls.filter(function(c){return c.name==='onExit';})[0].args"))
            .toList();
    QVERIFY(args.value(0).isNull()); // no error
    const QVariantMap metadata = args.value(1).toMap();
    QVERIFY(!metadata.value(QStringLiteral("link_session_id")).toString().isEmpty());
    QVERIFY(metadata.contains(QStringLiteral("status")));
    QVERIFY(test::waitJs(m_page, QStringLiteral("getComputedStyle(document.querySelector('iframe["
                                                "data-weft-link]')).display === 'none'")));
    QTest::qWait(300);
    QCOMPARE(count("onExit"), 1);
    QCOMPARE(count("onSuccess"), 0);
}

void TestLinkEmulator::destroyTwiceIsHarmless()
{
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    const QVariant result = test::runJs(
        m_page, QStringLiteral(
                    "(function(){try{window.linkHandler.destroy();window.linkHandler.destroy();"
                    "window.linkHandler.open();window.linkHandler.exit({force:true});return 'ok';}"
                    "catch(e){return 'threw: '+e;}})()"));
    QCOMPARE(result.toString(), QStringLiteral("ok"));
    QCOMPARE(test::runJs(m_page, test::frameCount()).toInt(), 0);
    QTest::qWait(300);
    QCOMPARE(count("onExit"), 0); // nothing fires after destroy
}

void TestLinkEmulator::invalidLinkTokenRecipe()
{
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1','%2'); window.startLink(true); true")
                     .arg(newLinkToken(), newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    QVERIFY(call(QStringLiteral("document.getElementById('link-button').click(); true")));
    QVERIFY(test::waitFrameJs(m_page, test::linkViewIs(QStringLiteral("CONSENT"))));
    QVERIFY(test::waitFrameJs(m_page, test::clickTestId(QStringLiteral("consent-continue"))));
    QVERIFY(test::waitFrameJs(m_page, test::linkViewIs(QStringLiteral("SELECT_INSTITUTION"))));
    QVERIFY(test::waitFrameJs(m_page, test::clickTestId(QStringLiteral("institution-ins_109508"))));
    QVERIFY(test::waitFrameJs(m_page, test::linkViewIs(QStringLiteral("CREDENTIAL"))));
    QVERIFY(test::waitFrameJs(
        m_page, test::typeTestId(QStringLiteral("username"), QStringLiteral("user_custom"))));
    QVERIFY(test::waitFrameJs(
        m_page, test::typeTestId(QStringLiteral("password"),
                                 QStringLiteral(R"({"force_error":"INVALID_LINK_TOKEN"})"))));
    QVERIFY(test::waitFrameJs(m_page, test::clickTestId(QStringLiteral("credentials-submit"))));
    QVERIFY(test::waitFrameJs(m_page, test::linkViewIs(QStringLiteral("ERROR"))));
    QVERIFY(test::waitFrameJs(m_page, test::clickTestId(QStringLiteral("error-exit"))));
    QVERIFY(test::waitJs(m_page,
                         QStringLiteral("window.countCalls('onLoad') === 2"))); // the new handler
    QCOMPARE(test::runJs(m_page, QStringLiteral("window.tokenFetches")).toInt(), 2);
    QCOMPARE(test::runJs(m_page, test::frameCount()).toInt(), 1); // the old iframe is gone
    const QVariantList exitArgs =
        test::runJs(
            m_page,
            QStringLiteral("window.calls.filter(function(c){return c.name==='onExit';})[0].args"))
            .toList();
    QCOMPARE(exitArgs.value(0).toMap().value(QStringLiteral("error_code")).toString(),
             QStringLiteral("INVALID_LINK_TOKEN"));
}

void TestLinkEmulator::successMetadataHasEveryTypedField()
{
    // @types/plaid-link: accounts[].class_type and wallet in onSuccess; account_number_mask,
    // match_reason and routing_number in every event (null when they do not apply).
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    QVERIFY(call(QStringLiteral("window.linkHandler.open(); true")));
    QVERIFY(test::linkUserGoodToConnected(m_page));
    QVERIFY(test::waitFrameJs(m_page, test::clickTestId(QStringLiteral("connected-continue"))));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onSuccess') === 1")));
    const QString check = QStringLiteral(
        "(function(){var m=window.calls.filter(function(c){return c.name==='onSuccess';})[0]"
        ".args[1];if(!('wallet' in m) || m.wallet !== null) return 'wallet';"
        "if(!m.accounts.length) return 'no accounts';"
        "for(var i=0;i<m.accounts.length;i++){var a=m.accounts[i];"
        "if(!('class_type' in a) || a.class_type !== null) return 'class_type of '+a.id;}"
        "var events=window.calls.filter(function(c){return c.name==='onEvent';});"
        "if(events.length < 5) return 'few events';"
        "for(var j=0;j<events.length;j++){var e=events[j].args[1];"
        "var keys=['account_number_mask','match_reason','routing_number'];"
        "for(var k=0;k<keys.length;k++) if(!(keys[k] in e) || e[keys[k]] !== null)"
        " return keys[k]+' in '+events[j].args[0];}"
        "return 'ok';})()");
    QCOMPARE(test::runJs(m_page, check).toString(), QStringLiteral("ok"));
}

void TestLinkEmulator::versionIsAString()
{
    const QString version = test::runJs(m_page, QStringLiteral("window.Plaid.version")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+")).match(version).hasMatch(),
             qPrintable(version));
}

void TestLinkEmulator::exitBeforeOnLoadEndsInOnExit()
{
    // Plaid: exit() ends in onExit (or onSuccess), even before Link has loaded.
    const QString token = newLinkToken();
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false).then("
                                "function(){ if (window.countCalls('onLoad') === 0) {"
                                "window.linkHandler.open(); window.linkHandler.exit({force: true});"
                                "window.exitedEarly = true; } }); true")
                     .arg(token)));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.exitedEarly === true")));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onExit') === 1")));
    const QVariantList args =
        test::runJs(
            m_page,
            QStringLiteral("window.calls.filter(function(c){return c.name==='onExit';})[0].args"))
            .toList();
    QVERIFY(args.value(0).isNull());
    const QVariantMap metadata = args.value(1).toMap();
    QVERIFY(!metadata.value(QStringLiteral("link_session_id")).toString().isEmpty());
    QCOMPARE(metadata.value(QStringLiteral("status")).toString(),
             QStringLiteral("requires_credentials"));
    // Link loads afterwards (onLoad), but does not open by itself.
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    QTest::qWait(300);
    QCOMPARE(count("onExit"), 1);
    QVERIFY(
        !test::runJs(m_page, QStringLiteral("window.calls.some(function(c){"
                                            "return c.name==='onEvent' && c.args[0]==='OPEN';})"))
             .toBool());
}

void TestLinkEmulator::frameThatNeverLoadsEndsInOnExit()
{
    // Link's files unreachable (its frames at a port nobody listens on): open() waits a
    // bounded time, then onExit with Plaid's error shape.
    QVERIFY(loadPage(emulatorScript(
        QStringLiteral("weft_link_origin=http://127.0.0.1:9&weft_load_timeout_ms=1500"))));
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false)"
                                ".then(function(){ window.linkHandler.open(); }); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onExit') === 1"), 10000));
    const QVariantMap error =
        test::runJs(m_page, QStringLiteral("window.calls.filter(function(c){"
                                           "return c.name==='onExit';})[0].args[0]"))
            .toMap();
    QCOMPARE(error.value(QStringLiteral("error_type")).toString(), QStringLiteral("API_ERROR"));
    QCOMPARE(error.value(QStringLiteral("error_code")).toString(),
             QStringLiteral("INTERNAL_SERVER_ERROR"));
    QVERIFY(!error.value(QStringLiteral("error_message")).toString().isEmpty());
    QVERIFY(error.contains(QStringLiteral("display_message")));
    QCOMPARE(count("onLoad"), 0);
}

void TestLinkEmulator::nothingStaysAfterTheLastHandler()
{
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    QTest::qWait(500); // a spare frame for the next handler loads in the meantime
    QVERIFY(call(QStringLiteral("window.linkHandler.destroy(); true")));
    QTest::qWait(500);
    QCOMPARE(
        test::runJs(m_page, QStringLiteral("document.querySelectorAll('iframe').length")).toInt(),
        0);
    // A new handler still works, with a frame of its own.
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 2")));
}

void TestLinkEmulator::linkOriginFromThePage()
{
    // The script from another address (here the API's origin, as a page would take it from
    // Plaid's CDN address), the frames where the page says: the sandbox's Link origin.
    const QString linkOrigin =
        m_sandbox->linkBaseUrl().adjusted(QUrl::RemovePath).toString(QUrl::StripTrailingSlash);
    QUrl script =
        m_sandbox->baseUrl().resolved(QUrl(QStringLiteral("/link/v2/stable/link-initialize.js")));
    script.setQuery(QStringLiteral("weft_link_origin=") + linkOrigin);
    QVERIFY(loadPage(script));
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    const QString src =
        test::runJs(m_page, QStringLiteral("document.querySelector('iframe[data-weft-link]').src"))
            .toString();
    QVERIFY2(src.startsWith(linkOrigin + QStringLiteral("/link/v2/stable/link.html")),
             qPrintable(src));
    QVERIFY(call(QStringLiteral("window.linkHandler.open(); true")));
    QVERIFY(test::waitFrameJs(m_page, test::linkViewIs(QStringLiteral("CONSENT"))));

    // Anything but an http(s) origin is ignored: the frames stay with the script.
    script.setQuery(QStringLiteral("weft_link_origin=javascript:alert(1)"));
    QVERIFY(loadPage(script));
    QVERIFY(call(QStringLiteral("window.testTokens.push('%1'); window.startLink(false); true")
                     .arg(newLinkToken())));
    QVERIFY(test::waitJs(m_page, QStringLiteral("window.countCalls('onLoad') === 1")));
    const QString kept =
        test::runJs(m_page, QStringLiteral("document.querySelector('iframe[data-weft-link]').src"))
            .toString();
    QVERIFY2(kept.startsWith(m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash)),
             qPrintable(kept));
}

QTEST_MAIN(TestLinkEmulator)
#include "tst_link_emulator.moc"
