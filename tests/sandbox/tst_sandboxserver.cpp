// SandboxServer and EmbeddedSandbox over real loopback HTTP: binding, API routing, static files,
// the admin switch and the Link emulator's session route. Fault injection is in
// tst_sandboxserver_faults.cpp.
#include "SandboxHttpTestKit.h"
#include "webhooks/WebhookVerifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kInstitutionPath = u"/institutions/get_by_id"_s;

QJsonObject institutionRequest()
{
    return {{u"institution_id"_s, u"ins_109508"_s}, {u"country_codes"_s, QJsonArray{u"US"_s}}};
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ServerKit::quietLog(); }
    void init() { QVERIFY(m_kit.start(adminOn())); }
    void cleanup() { m_kit.sandbox.reset(); }

    void listensOnLoopbackOnly();
    void portInUse();
    void apiOverHttp();
    void getOnEndpoint();
    void staticFiles_data();
    void staticFiles();
    void adminDisabled();
    void linkSessionRoutes();
    void hostedLinkPage();
    void webhookDelivered();

private:
    static EmbeddedSandboxOptions adminOn()
    {
        EmbeddedSandboxOptions options;
        options.adminRoutes = true;
        return options;
    }

    ServerKit m_kit;
};

void TestSandboxServer::listensOnLoopbackOnly()
{
    const QUrl base = m_kit.sandbox->baseUrl();
    QCOMPARE(base.scheme(), u"http"_s);
    QCOMPARE(base.host(), u"127.0.0.1"_s);
    QVERIFY(base.port() > 0);
    QCOMPARE(base.port(), int(m_kit.port()));

    QHostAddress outside;
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            outside = address;
    }
    if (outside.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to try");
    QTcpSocket socket;
    socket.connectToHost(outside, m_kit.port());
    QTRY_VERIFY(socket.state() == QAbstractSocket::UnconnectedState ||
                socket.state() == QAbstractSocket::ConnectedState);
    QVERIFY2(socket.state() != QAbstractSocket::ConnectedState,
             qPrintable(outside.toString() + u" accepted a connection"_s));
}

void TestSandboxServer::portInUse()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost));
    EmbeddedSandboxOptions options;
    options.port = blocker.serverPort();
    EmbeddedSandbox sandbox(weft::Clock::system());
    QString error;
    QVERIFY(!sandbox.start(options, &error));
    QVERIFY2(error.contains(QString::number(options.port)), qPrintable(error));
}

void TestSandboxServer::apiOverHttp()
{
    const HttpResult result = m_kit.post(kInstitutionPath, institutionRequest());
    QVERIFY(result.finished);
    QCOMPARE(result.status, 200);
    QVERIFY(result.contentType.startsWith("application/json"));
    QCOMPARE(result.json()[u"institution"][u"name"].toString(), u"First Platypus Bank"_s);

    // Pinned credentials, sent with header names in another case.
    EmbeddedSandboxOptions options;
    options.credentials = {u"pinned-id"_s, u"pinned-secret"_s};
    ServerKit pinned;
    QVERIFY(pinned.start(options));
    const QUrl url = pinned.sandbox->baseUrl().resolved(QUrl(kInstitutionPath));
    const QByteArray body = QJsonDocument(institutionRequest()).toJson();
    const HttpResult accepted =
        httpSend(m_kit.nam, "POST", url, body,
                 {{"plaid-client-id", "pinned-id"}, {"plaid-secret", "pinned-secret"}});
    QCOMPARE(accepted.status, 200);
    const HttpResult refused = httpSend(m_kit.nam, "POST", url, body,
                                        {{"PLAID-CLIENT-ID", "pinned-id"}, {"PLAID-SECRET", "x"}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.field(u"error_code"), u"INVALID_API_KEYS"_s);
}

void TestSandboxServer::getOnEndpoint()
{
    const HttpResult result = m_kit.send("GET", u"/item/get"_s);
    QCOMPARE(result.status, 404);
    QVERIFY(result.contentType.startsWith("application/json"));
    const QJsonObject error = result.json();
    QCOMPARE(error[u"error_type"].toString(), u"INVALID_REQUEST"_s);
    QCOMPARE(error[u"error_code"].toString(), u"NOT_FOUND"_s);
    QVERIFY(error[u"error_message"].toString().contains(u"POST"));
    QCOMPARE(error[u"request_id"].toString().size(), 15);
    QVERIFY(error.contains(u"display_message"));
    QCOMPARE(m_kit.send("POST", u"/item/nothing"_s, "{}").field(u"error_code"), u"NOT_FOUND"_s);
}

void TestSandboxServer::staticFiles_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    const QByteArray html = "text/html; charset=utf-8";
    const QByteArray index = "<h1>Link</h1>";
    QTest::newRow("prefix with slash") << QByteArray("/host/") << 200 << html << index;
    QTest::newRow("prefix") << QByteArray("/host") << 200 << html << index;
    QTest::newRow("index.html") << QByteArray("/host/index.html") << 200 << html << index;
    QTest::newRow("script") << QByteArray("/host/app.js") << 200
                            << QByteArray("text/javascript; charset=utf-8")
                            << QByteArray("console.log('weft');");
    QTest::newRow("subfolder") << QByteArray("/host/sub/page.html") << 200 << html
                               << QByteArray("<p>sub</p>");
    QTest::newRow("inner ..") << QByteArray("/host/sub/../app.js") << 200
                              << QByteArray("text/javascript; charset=utf-8")
                              << QByteArray("console.log('weft');");
    const QByteArray json = "application/json; charset=utf-8";
    for (const char *target :
         {"/host/missing.html", "/host/../secret.txt", "/host/sub/../../secret.txt",
          "/host/%2e%2e/secret.txt", "/host/%2E%2E/secret.txt", "/host/..%2fsecret.txt",
          "/host/sub/..%2f..%2fsecret.txt", "/host/..%5csecret.txt", "/host/..\\secret.txt",
          "/secret.txt", "/host//SECRET_PATH"}) {
        QTest::addRow("refused %s", target) << QByteArray(target) << 404 << json << QByteArray();
    }
}

void TestSandboxServer::staticFiles()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray secret = "TOP SECRET, outside the root";
    const QList<QPair<QString, QByteArray>> files{{u"root/index.html"_s, "<h1>Link</h1>"},
                                                  {u"root/app.js"_s, "console.log('weft');"},
                                                  {u"root/sub/page.html"_s, "<p>sub</p>"},
                                                  {u"secret.txt"_s, secret}};
    for (const auto &[name, content] : files) {
        QVERIFY(QDir(dir.path()).mkpath(QFileInfo(dir.filePath(name)).path()));
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    m_kit.sandbox->server().addStaticRoot(u"/host"_s, dir.filePath(u"root"_s));
    target.replace("SECRET_PATH", dir.filePath(u"secret.txt"_s).toUtf8());

    const RawResult result = rawExchange(m_kit.port(), rawGet(target, m_kit.port()));
    QVERIFY(result.connected);
    QCOMPARE(result.status, status);
    QCOMPARE(result.header("Content-Type"), contentType);
    QVERIFY(!result.body.contains(secret));
    if (status == 200)
        QCOMPARE(result.body, body);
    else
        QCOMPARE(QJsonDocument::fromJson(result.body)[u"error_code"].toString(), u"NOT_FOUND"_s);
}

void TestSandboxServer::adminDisabled()
{
    QVERIFY(m_kit.start({}));
    const QByteArray fault = R"({"kind":"server_error"})";
    for (const auto &[verb, path] :
         QList<QPair<QByteArray, QString>>{{"POST", u"/weft/admin/faults"_s},
                                           {"GET", u"/weft/admin/faults"_s},
                                           {"POST", u"/weft/admin/faults/clear"_s}}) {
        const HttpResult result = m_kit.send(verb, path, fault);
        QCOMPARE(result.status, 403);
        QVERIFY(!result.field(u"error").isEmpty());
    }
    QVERIFY(m_kit.sandbox->server().faults().pending().isEmpty());
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 200);
}

void TestSandboxServer::linkSessionRoutes()
{
    QVERIFY(m_kit.start({})); // admin routes off: the Link emulator still works
    const QJsonObject create{{u"client_name"_s, u"Weft"_s},
                             {u"language"_s, u"en"_s},
                             {u"country_codes"_s, QJsonArray{u"US"_s}},
                             {u"user"_s, QJsonObject{{u"client_user_id"_s, u"u1"_s}}},
                             {u"products"_s, QJsonArray{u"transactions"_s}}};
    const QString link = m_kit.post(u"/link/token/create"_s, create).field(u"link_token");
    QVERIFY(!link.isEmpty());
    const QUrl complete = m_kit.sandbox->baseUrl().resolved(QUrl(u"/weft/link/session/complete"_s));
    const QJsonObject session{{u"link_token"_s, link},
                              {u"link_session_id"_s, u"s-1"_s},
                              {u"institution_id"_s, u"ins_109508"_s},
                              {u"username"_s, u"user_good"_s},
                              {u"password"_s, u"pass_good"_s}};
    // Only the Link emulator's origin (localhost: another site than the host page) may call.
    const QByteArray linkOrigin = m_kit.sandbox->linkBaseUrl().toString().toLatin1();
    const QList<QPair<QByteArray, QByteArray>> fromLink{{"Origin", linkOrigin}};
    for (const QByteArray &origin :
         {QByteArray(), m_kit.sandbox->baseUrl().toString().toLatin1(),
          QByteArray("http://localhost:1"), QByteArray("null"), QByteArray("https://evil.test")}) {
        const QList<QPair<QByteArray, QByteArray>> headers =
            origin.isNull() ? QList<QPair<QByteArray, QByteArray>>{}
                            : QList<QPair<QByteArray, QByteArray>>{{"Origin", origin}};
        const HttpResult refused =
            httpSend(m_kit.nam, "POST", complete, QJsonDocument(session).toJson(), headers);
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.field(u"public_token").isEmpty());
    }
    const HttpResult done =
        httpSend(m_kit.nam, "POST", complete, QJsonDocument(session).toJson(), fromLink);
    QCOMPARE(done.status, 200);
    const QString publicToken = done.field(u"public_token");
    QVERIFY(publicToken.startsWith(u"public-sandbox-"));
    QCOMPARE(done.json()[u"link_session_id"].toString(), u"s-1"_s);
    const HttpResult exchange =
        m_kit.post(u"/item/public_token/exchange"_s, {{u"public_token"_s, publicToken}});
    QCOMPARE(exchange.status, 200);

    const HttpResult again =
        httpSend(m_kit.nam, "POST", complete, QJsonDocument(session).toJson(), fromLink);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.field(u"error_code"), u"INVALID_LINK_TOKEN"_s);
    QCOMPARE(httpSend(m_kit.nam, "POST", complete, "not json", fromLink).status, 400);
}

void TestSandboxServer::hostedLinkPage()
{
    QVERIFY(m_kit.start({}));
    const QJsonObject create{{u"client_name"_s, u"Weft"_s},
                             {u"language"_s, u"en"_s},
                             {u"country_codes"_s, QJsonArray{u"US"_s}},
                             {u"user"_s, QJsonObject{{u"client_user_id"_s, u"u1"_s}}},
                             {u"products"_s, QJsonArray{u"transactions"_s}},
                             {u"hosted_link"_s, QJsonObject()}};
    const HttpResult created = m_kit.post(u"/link/token/create"_s, create);
    QCOMPARE(created.status, 200);
    // hosted_link_url is on the Link emulator's origin (localhost), like Link's frame.
    const QUrl hosted(created.field(u"hosted_link_url"));
    QCOMPARE(hosted.adjusted(QUrl::RemovePath), m_kit.sandbox->linkBaseUrl());
    const QByteArray target = hosted.path().toLatin1();
    const QByteArray hostHeader = "localhost:" + QByteArray::number(m_kit.port());
    const RawResult page = rawExchange(
        m_kit.port(), "GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n");
    QCOMPARE(page.status, 303);
    const QUrl location(QString::fromLatin1(page.header("Location")));
    QCOMPARE(location.adjusted(QUrl::RemovePath | QUrl::RemoveFragment),
             m_kit.sandbox->linkBaseUrl());
    QCOMPARE(location.path(), u"/link/v2/stable/link.html"_s);
    QCOMPARE(location.fragment(), u"hosted="_s + hosted.path().section(u'/', -1));
    QCOMPARE(page.header("Referrer-Policy"), QByteArray("no-referrer"));
    // The page it leads to is served.
    const HttpResult html = httpSend(m_kit.nam, "GET", location);
    QCOMPARE(html.status, 200);
    QVERIFY(html.body.contains("pane-HOSTED_DONE"));
    // Unknown ids, other methods: nothing.
    const RawResult unknown = rawExchange(
        m_kit.port(), "GET /hl/0123456789abcdef HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n");
    QCOMPARE(unknown.status, 404);
    QVERIFY(unknown.header("Location").isEmpty());
    const RawResult empty =
        rawExchange(m_kit.port(), "GET /hl/ HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n");
    QCOMPARE(empty.status, 404);
    const HttpResult post = httpSend(m_kit.nam, "POST", hosted, "{}");
    QVERIFY(post.status != 303 && post.status != 200);
    // The exit route answers only the emulator's origin, like the others.
    const QUrl exit = m_kit.sandbox->baseUrl().resolved(QUrl(u"/weft/link/session/exit"_s));
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"hosted_link_id"_s, hosted.path().section(u'/', -1)},
                                  {u"link_session_id"_s, u"s"_s},
                                  {u"error"_s, QJsonValue()},
                                  {u"metadata"_s, QJsonObject()}})
            .toJson();
    QCOMPARE(httpSend(m_kit.nam, "POST", exit, body, {{"Origin", "https://evil.test"}}).status,
             403);
    QCOMPARE(httpSend(m_kit.nam, "POST", exit, body,
                      {{"Origin", m_kit.sandbox->linkBaseUrl().toString().toLatin1()}})
                 .status,
             200);
}

void TestSandboxServer::webhookDelivered()
{
    // A receiver on loopback: reads one request, answers 200 and hangs up.
    QTcpServer receiver;
    QVERIFY(receiver.listen(QHostAddress::LocalHost));
    QByteArray received;
    connect(&receiver, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = receiver.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&received, socket] {
            received += socket->readAll();
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (end >= 0 && received.size() > end + 4 && received.endsWith('}')) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
    });
    // An Item whose webhook is the receiver; its access token.
    const auto itemFor = [this](const QString &hook, QString *itemId) {
        const HttpResult created =
            m_kit.post(u"/sandbox/public_token/create"_s,
                       {{u"institution_id"_s, u"ins_109508"_s},
                        {u"initial_products"_s, QJsonArray{u"transactions"_s}},
                        {u"options"_s, QJsonObject{{u"webhook"_s, hook}}}});
        const HttpResult exchanged =
            m_kit.post(u"/item/public_token/exchange"_s,
                       {{u"public_token"_s, created.field(u"public_token")}});
        *itemId = exchanged.field(u"item_id");
        return exchanged.field(u"access_token");
    };
    QString itemId;
    const QString access =
        itemFor(u"http://127.0.0.1:%1/plaid/hook"_s.arg(receiver.serverPort()), &itemId);
    QVERIFY(!access.isEmpty());

    QSignalSpy delivered(&m_kit.sandbox->webhooks(), &WebhookSender::delivered);
    const HttpResult fired =
        m_kit.post(u"/sandbox/item/fire_webhook"_s,
                   {{u"access_token"_s, access}, {u"webhook_code"_s, u"NEW_ACCOUNTS_AVAILABLE"_s}});
    QCOMPARE(fired.status, 200);
    QCOMPARE(fired.json()[u"webhook_fired"].toBool(), true);
    // The delivery may end while the API call's answer is still on its way: count, not wait.
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty(), 5000);
    QCOMPARE(delivered.at(0).at(2).toInt(), 200);
    QVERIFY2(received.startsWith("POST /plaid/hook HTTP/1.1\r\n"), received.constData());
    QVERIFY(received.toLower().contains("content-type: application/json"));
    const QJsonObject payload =
        QJsonDocument::fromJson(received.mid(received.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(payload[u"webhook_code"].toString(), u"NEW_ACCOUNTS_AVAILABLE"_s);
    QCOMPARE(payload[u"item_id"].toString(), itemId);
    QVERIFY(!received.contains(access.toUtf8())); // a webhook never carries the token
    // Signed as Plaid signs: the Plaid-Verification JWT verifies with the key the API publishes
    // for its kid, over the body exactly as it arrived.
    const QByteArray head = received.left(received.indexOf("\r\n\r\n"));
    QByteArray verification;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("plaid-verification:"))
            verification = line.mid(line.indexOf(':') + 1).trimmed();
    }
    QVERIFY(!verification.isEmpty());
    const QString keyId = weft::webhooks::WebhookVerifier::keyIdOf(verification);
    const HttpResult key = m_kit.post(u"/webhook_verification_key/get"_s, {{u"key_id"_s, keyId}});
    QCOMPARE(key.status, 200);
    const QByteArray body = received.mid(received.indexOf("\r\n\r\n") + 4);
    const auto problem = weft::webhooks::WebhookVerifier::verify(
        verification, body, key.json()[u"key"].toObject(), QDateTime::currentSecsSinceEpoch());
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));

    // Nobody listening (a port just freed): the sandbox logs it and answers all the same.
    QTcpServer gone;
    QVERIFY(gone.listen(QHostAddress::LocalHost));
    const quint16 freed = gone.serverPort();
    gone.close();
    QString otherId;
    const QString other = itemFor(u"http://127.0.0.1:%1/plaid/hook"_s.arg(freed), &otherId);
    delivered.clear();
    const HttpResult again =
        m_kit.post(u"/sandbox/item/fire_webhook"_s,
                   {{u"access_token"_s, other}, {u"webhook_code"_s, u"LOGIN_REPAIRED"_s}});
    QCOMPARE(again.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!delivered.isEmpty(), WebhookSender::kTimeoutMs + 2000);
    QCOMPARE(delivered.at(0).at(2).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
