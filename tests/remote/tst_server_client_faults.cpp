// The desktop's side of weft-server against a server that misbehaves (a fake one on loopback,
// for fault injection): an access token refused once is refreshed and the call sent once more
// (never a loop); answers that are not JSON, carry no error code, are too large or redirect
// elsewhere are clear errors (and a redirect carries no token away); Link's backend and the
// Items list refuse answers of the wrong shape, and a sync keeps the Items of other modes.
#include "net/HttpResponder.h"
#include "net/HttpServer.h"
#include "remote/ServerClient.h"
#include "remote/ServerCredential.h"
#include "remote/ServerItems.h"
#include "remote/ServerLinkBackend.h"
#include "remote/ServerTransport.h"
#include "session/Session.h"
#include "support/FakeSecretStore.h"
#include "support/ManualClock.h"
#include "vault/ItemStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject issued(int n)
{
    return {
        {QStringLiteral("refresh_token"), QStringLiteral("wsr-refresh-%1").arg(n)},
        {QStringLiteral("access_token"), QStringLiteral("wsa-access-%1").arg(n)},
        {QStringLiteral("access_expires_at"),
         QDateTime::currentDateTimeUtc().addSecs(900).toString(Qt::ISODate)},
        {QStringLiteral("refresh_expires_at"),
         QDateTime::currentDateTimeUtc().addDays(90).toString(Qt::ISODate)},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("email"), QStringLiteral("a@b")},
                                             {QStringLiteral("role"), QStringLiteral("user")}}}};
}

// An empty Items index in a folder of its own, gone with the test function.
struct ScratchStore
{
    QTemporaryDir dir;
    vault::ItemStore store{dir.filePath(QStringLiteral("items.json"))};
    bool loaded = store.load().ok;
};

// A weft-server whose answers the test writes: route -> answer; refresh always works.
struct FakeServer
{
    FakeServer()
    {
        server.setHandler([this](const net::HttpRequest &request, const net::HttpResponder &r) {
            seen.append(QString::fromLatin1(request.method) + u' ' + request.path);
            bearers.append(QString::fromLatin1(request.header("authorization")));
            if (request.path == u"/v1/session/refresh") {
                ++refreshes;
                r.respond(refreshRefused
                              ? net::HttpResponse::json(401, R"({"error_code":"UNAUTHORIZED",)"
                                                             R"("error_message":"revoked"})")
                              : net::HttpResponse::json(200, json(issued(refreshes))));
                return;
            }
            QList<net::HttpResponse> &queue = answers[request.path];
            r.respond(queue.size() > 1 ? queue.takeFirst()
                      : queue.isEmpty()
                          ? net::HttpResponse::json(
                                404, R"({"error_code":"NOT_FOUND","error_message":"no"})")
                          : queue.first());
        });
        QString error;
        listening = server.listen(QHostAddress::LocalHost, 0, &error);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())); }

    net::HttpServer server;
    bool listening = false;
    QHash<QString, QList<net::HttpResponse>> answers; // the last one repeats
    QStringList seen;
    QStringList bearers;
    int refreshes = 0;
    bool refreshRefused = false;
};

} // namespace

class TestServerClientFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void refusedTokenIsRefreshedAndSentOnceMore();
    void refusedAgainEndsWithoutLoop();
    void malformedAnswersAreClearErrors_data();
    void malformedAnswersAreClearErrors();
    void oversizedAnswerIsNotRead();
    void redirectIsNotFollowed();
    void linkBackendRefusesWrongShapes();
    void syncKeepsOtherModesAndDropsWhatIsGone();
    void syncRefusesAListThatIsNotOne();
    void serverStatusesReadAsPlaidErrors();
    void endedSignInIsNotTriedAgain();
    void onlyTheServersNotFoundForgetsAnItem();
    void syncKeepsAnItemLinkedMeanwhile();
    void refreshSaysWhatPlaidCouldNot();
    void supportAccountReadsOnly();
    void sessionRefusesAForeignLinkScript_data();
    void sessionRefusesAForeignLinkScript();
    void sessionSaysWhenTheServerIsAway();

private:
    remote::ServerReply call(const QByteArray &method, const QString &path);

    std::unique_ptr<FakeServer> m_fake;
    QNetworkAccessManager m_network;
    test::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    test::FakeSecretStore m_keychain;
    std::unique_ptr<remote::ServerTransport> m_transport;
    std::unique_ptr<remote::ServerCredential> m_credential;
    std::unique_ptr<remote::ServerClient> m_client;
};

void TestServerClientFaults::init()
{
    m_fake = std::make_unique<FakeServer>();
    QVERIFY(m_fake->listening);
    m_transport = std::make_unique<remote::ServerTransport>(&m_network, m_fake->url());
    m_keychain.entries.clear();
    m_keychain.entries.insert(remote::ServerCredential::keychainKey(m_fake->url()),
                              QStringLiteral("wsr-refresh-0"));
    m_credential =
        std::make_unique<remote::ServerCredential>(m_transport.get(), &m_keychain, &m_clock);
    m_client = std::make_unique<remote::ServerClient>(m_transport.get(), m_credential.get());
}

void TestServerClientFaults::cleanup()
{
    m_client.reset();
    m_credential.reset();
    m_transport.reset();
    m_fake.reset();
}

remote::ServerReply TestServerClientFaults::call(const QByteArray &method, const QString &path)
{
    remote::ServerReply reply;
    bool done = false;
    m_client->call(method, path, {}, this, [&](const remote::ServerReply &r) {
        reply = r;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    return reply;
}

void TestServerClientFaults::refusedTokenIsRefreshedAndSentOnceMore()
{
    m_fake->answers[QStringLiteral("/v1/me")] = {
        net::HttpResponse::json(401, R"({"error_code":"UNAUTHORIZED","error_message":"lapsed"})"),
        net::HttpResponse::json(200, R"({"email":"a@b","role":"user"})")};
    const remote::ServerReply reply = call("GET", QStringLiteral("/v1/me"));
    QVERIFY2(reply.ok(), qPrintable(reply.describe()));
    QCOMPARE(m_fake->seen.count(QStringLiteral("GET /v1/me")), 2);
    QCOMPARE(m_fake->refreshes, 2); // the first token, then the one after the refusal
    QCOMPARE(m_fake->bearers.last(), QStringLiteral("Bearer wsa-access-2"));
    QCOMPARE(m_keychain.entries.value(remote::ServerCredential::keychainKey(m_fake->url())),
             QStringLiteral("wsr-refresh-2"));
}

void TestServerClientFaults::refusedAgainEndsWithoutLoop()
{
    m_fake->answers[QStringLiteral("/v1/me")] = {
        net::HttpResponse::json(401, R"({"error_code":"UNAUTHORIZED","error_message":"no"})")};
    const remote::ServerReply reply = call("GET", QStringLiteral("/v1/me"));
    QCOMPARE(reply.httpStatus, 401);
    QCOMPARE(reply.errorCode, QStringLiteral("UNAUTHORIZED"));
    QCOMPARE(m_fake->seen.count(QStringLiteral("GET /v1/me")), 2);
}

void TestServerClientFaults::malformedAnswersAreClearErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expected");
    QTest::newRow("html") << 200 << QByteArray("<html>proxy login</html>")
                          << int(plaid::PlaidStatus::InvalidJson);
    QTest::newRow("array") << 200 << QByteArray("[1,2]") << int(plaid::PlaidStatus::InvalidJson);
    QTest::newRow("empty") << 502 << QByteArray() << int(plaid::PlaidStatus::InvalidJson);
    QTest::newRow("no error code")
        << 500 << QByteArray(R"({"oops":true})") << int(plaid::PlaidStatus::InvalidResponse);
    QTest::newRow("code not a string")
        << 400 << QByteArray(R"({"error_code":7,"error_message":"x"})")
        << int(plaid::PlaidStatus::InvalidResponse);
}

void TestServerClientFaults::malformedAnswersAreClearErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, expected);
    net::HttpResponse response = net::HttpResponse::json(status, body);
    m_fake->answers[QStringLiteral("/v1/items")] = {response};
    const remote::ServerReply reply = call("GET", QStringLiteral("/v1/items"));
    QCOMPARE(int(reply.status), expected);
    QVERIFY(!reply.errorString.isEmpty());
    QVERIFY(!reply.describe().isEmpty());
}

void TestServerClientFaults::oversizedAnswerIsNotRead()
{
    QByteArray big = R"({"items":[)";
    big.append(QByteArray(int(remote::ServerTransport::kMaxBodyBytes), ' '));
    big.append("]}");
    m_fake->answers[QStringLiteral("/v1/items")] = {net::HttpResponse::json(200, big)};
    const remote::ServerReply reply = call("GET", QStringLiteral("/v1/items"));
    QCOMPARE(reply.status, plaid::PlaidStatus::BodyTooLarge);
}

void TestServerClientFaults::redirectIsNotFollowed()
{
    FakeServer elsewhere;
    QVERIFY(elsewhere.listening);
    net::HttpResponse redirect = net::HttpResponse::json(307, R"({})");
    redirect.headers.append({"Location", elsewhere.url().toString().toLatin1() + "/v1/items"});
    m_fake->answers[QStringLiteral("/v1/items")] = {redirect};
    const remote::ServerReply reply = call("GET", QStringLiteral("/v1/items"));
    QVERIFY(!reply.ok());
    QTest::qWait(200);
    QVERIFY2(elsewhere.seen.isEmpty(), qPrintable(elsewhere.seen.join(u',')));
}

void TestServerClientFaults::linkBackendRefusesWrongShapes()
{
    remote::ServerLinkBackend backend(m_client.get());
    m_fake->answers[QStringLiteral("/v1/link_token")] = {
        net::HttpResponse::json(200, R"({"link_token":42})")};
    plaid::PlaidResult<plaid::LinkToken> token;
    bool done = false;
    backend.createLinkToken(link::LinkTokenPurpose::newItem(), this,
                            [&](const plaid::PlaidResult<plaid::LinkToken> &r) {
                                token = r;
                                done = true;
                            });
    QTRY_VERIFY(done);
    QCOMPARE(token.status, plaid::PlaidStatus::InvalidResponse);

    m_fake->answers[QStringLiteral("/v1/items")] = {
        net::HttpResponse::json(201, R"({"item":{"status":"healthy"}})")};
    plaid::PlaidResult<plaid::PublicTokenExchange> exchange;
    done = false;
    backend.exchangePublicToken(QStringLiteral("public-sandbox-x"), this,
                                [&](const plaid::PlaidResult<plaid::PublicTokenExchange> &r) {
                                    exchange = r;
                                    done = true;
                                });
    QTRY_VERIFY(done);
    QCOMPARE(exchange.status, plaid::PlaidStatus::InvalidResponse);

    // Update mode asks by item_id; the desktop has no access token to give.
    const QJsonObject update = remote::ServerLinkBackend::requestBody(
        link::LinkTokenPurpose::update(QStringLiteral("item-1"), {}, true));
    QCOMPARE(update.value(QStringLiteral("item_id")).toString(), QStringLiteral("item-1"));
    QCOMPARE(update.value(QStringLiteral("account_selection")).toBool(), true);
    QVERIFY(!update.contains(QStringLiteral("access_token")));
    // The server's refusal reaches Link with its words.
    m_fake->answers[QStringLiteral("/v1/link_token")] = {net::HttpResponse::json(
        404, R"({"error_code":"NOT_FOUND","error_message":"no such Item"})")};
    done = false;
    backend.createLinkToken(link::LinkTokenPurpose::update(QStringLiteral("item-9"), {}), this,
                            [&](const plaid::PlaidResult<plaid::LinkToken> &r) {
                                token = r;
                                done = true;
                            });
    QTRY_VERIFY(done);
    QCOMPARE(token.status, plaid::PlaidStatus::ApiError);
    QCOMPARE(token.apiError.errorCode, QStringLiteral("NOT_FOUND"));
    QCOMPARE(token.apiError.displayMessage, QStringLiteral("no such Item"));
}

void TestServerClientFaults::syncKeepsOtherModesAndDropsWhatIsGone()
{
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    vault::ItemRecord mine;
    mine.itemId = QStringLiteral("item-embedded");
    mine.environment = QStringLiteral("embedded");
    vault::ItemRecord gone;
    gone.itemId = QStringLiteral("item-gone");
    gone.environment = QStringLiteral("server");
    store.resetItems({mine, gone});
    m_fake->answers[QStringLiteral("/v1/items")] = {net::HttpResponse::json(200, R"({"items":[
            {"item_id":"item-a","institution_id":"ins_109508","institution_name":"First Platypus Bank",
             "status":"login_required","error_code":"ITEM_LOGIN_REQUIRED",
             "created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"},
            {"item_id":"item-bad"},
            "not an object"]})")};
    m_fake->answers[QStringLiteral("/v1/items/item-a")] = {net::HttpResponse::json(
        200,
        R"({"item":{"item_id":"item-a","institution_id":"ins_109508","institution_name":"First Platypus Bank",
             "status":"login_required","error_code":"ITEM_LOGIN_REQUIRED",
             "created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"},
             "accounts":[{"account_id":"acc-1","name":"Plaid Checking","mask":"0000","type":"depository",
             "subtype":"checking","balances":{"available":100,"current":110,"limit":null,"iso_currency_code":"USD"}}]})")};
    remote::ServerItems items(m_client.get(), &store, QStringLiteral("server"));
    QSignalSpy synced(&items, &remote::ServerItems::synced);
    QSignalSpy goneSpy(&items, &remote::ServerItems::itemGone);
    items.sync();
    QVERIFY(synced.wait(10000));
    // item-a and item-bad are listed (item-bad unreadable, so not stored); the string is not.
    QCOMPARE(synced.first().first().toInt(), 2);
    QVERIFY(store.item(QStringLiteral("item-embedded"))); // another mode's: untouched
    QVERIFY(!store.item(QStringLiteral("item-gone")));
    QCOMPARE(goneSpy.size(), 1);
    QVERIFY(!store.item(QStringLiteral("item-bad")));
    QTRY_VERIFY(store.item(QStringLiteral("item-a")) &&
                store.item(QStringLiteral("item-a"))->accounts.size() == 1);
    const vault::ItemRecord *a = store.item(QStringLiteral("item-a"));
    QCOMPARE(a->environment, QStringLiteral("server"));
    QCOMPARE(a->errorCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(a->accounts.first().available.value_or(0), 100.0);
    QVERIFY(a->tokenSaved);
}

void TestServerClientFaults::syncRefusesAListThatIsNotOne()
{
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    vault::ItemRecord kept;
    kept.itemId = QStringLiteral("item-kept");
    kept.environment = QStringLiteral("server");
    store.resetItems({kept});
    m_fake->answers[QStringLiteral("/v1/items")] = {
        net::HttpResponse::json(200, R"({"items":{"item_id":"x"}})")};
    remote::ServerItems items(m_client.get(), &store, QStringLiteral("server"));
    QSignalSpy failed(&items, &remote::ServerItems::syncFailed);
    items.sync();
    QVERIFY(failed.wait(10000));
    QVERIFY(store.item(QStringLiteral("item-kept"))); // nothing dropped on a bad answer
}

void TestServerClientFaults::serverStatusesReadAsPlaidErrors()
{
    using remote::ServerItems;
    QCOMPARE(ServerItems::errorCodeFor(QStringLiteral("healthy"), {}), QString());
    QCOMPARE(ServerItems::errorCodeFor(QStringLiteral("login_required"), {}),
             QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(ServerItems::errorCodeFor(QStringLiteral("pending_expiration"), {}),
             QStringLiteral("PENDING_EXPIRATION"));
    QCOMPARE(ServerItems::errorCodeFor(QStringLiteral("pending_disconnect"), {}),
             QStringLiteral("PENDING_DISCONNECT"));
    QCOMPARE(ServerItems::errorCodeFor(QStringLiteral("new_accounts"), {}),
             QStringLiteral("NEW_ACCOUNTS_AVAILABLE"));
    QCOMPARE(ServerItems::errorCodeFor(QStringLiteral("error"), QStringLiteral("INSTITUTION_DOWN")),
             QStringLiteral("INSTITUTION_DOWN"));
    QCOMPARE(ServerItems::errorCodeFor(QStringLiteral("permission_revoked"), {}),
             QStringLiteral("USER_PERMISSION_REVOKED"));
}

void TestServerClientFaults::endedSignInIsNotTriedAgain()
{
    m_fake->refreshRefused = true;
    QSignalSpy ended(m_credential.get(), &remote::ServerCredential::signInEnded);
    QCOMPARE(call("GET", QStringLiteral("/v1/me")).errorCode, QStringLiteral("SIGN_IN_ENDED"));
    QCOMPARE(m_fake->refreshes, 1);
    // Again (the push socket's minute, the user's next click): said at once, no dead token sent.
    QCOMPARE(call("GET", QStringLiteral("/v1/items")).errorCode, QStringLiteral("SIGN_IN_ENDED"));
    QCOMPARE(m_fake->refreshes, 1);
    QCOMPARE(ended.size(), 1);
}

void TestServerClientFaults::onlyTheServersNotFoundForgetsAnItem()
{
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    vault::ItemRecord kept;
    kept.itemId = QStringLiteral("item-k");
    kept.environment = QStringLiteral("server");
    store.resetItems({kept});
    remote::ServerItems items(m_client.get(), &store, QStringLiteral("server"));
    // A proxy's 404 page: a problem, not a removal.
    net::HttpResponse page = net::HttpResponse::text(404, QStringLiteral("<h1>Not Found</h1>"));
    m_fake->answers[QStringLiteral("/v1/items/item-k")] = {page};
    QString problem = QStringLiteral("pending");
    items.fetchItem(QStringLiteral("item-k"), this, [&](const QString &p) { problem = p; });
    QTRY_VERIFY(problem != u"pending");
    QVERIFY(!problem.isEmpty());
    QVERIFY(store.item(QStringLiteral("item-k")));
    // The server's own word: gone.
    m_fake->answers[QStringLiteral("/v1/items/item-k")] = {net::HttpResponse::json(
        404, R"({"error_code":"NOT_FOUND","error_message":"no such Item"})")};
    problem = QStringLiteral("pending");
    items.fetchItem(QStringLiteral("item-k"), this, [&](const QString &p) { problem = p; });
    QTRY_VERIFY(problem != u"pending");
    QVERIFY(!store.item(QStringLiteral("item-k")));
}

void TestServerClientFaults::syncKeepsAnItemLinkedMeanwhile()
{
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    m_fake->answers[QStringLiteral("/v1/items")] = {
        net::HttpResponse::json(200, R"({"items":[]})")};
    remote::ServerItems items(m_client.get(), &store, QStringLiteral("server"));
    QSignalSpy synced(&items, &remote::ServerItems::synced);
    items.sync();
    // The exchange answers while the list is on its way: the Item enters the index.
    vault::ItemRecord linked;
    linked.itemId = QStringLiteral("item-new");
    linked.environment = QStringLiteral("server");
    linked.createdAt = QDateTime::currentDateTimeUtc().addMSecs(1);
    store.upsert(linked);
    QVERIFY(synced.wait(10000));
    QVERIFY(store.item(QStringLiteral("item-new")));
}

void TestServerClientFaults::refreshSaysWhatPlaidCouldNot()
{
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    m_fake->answers[QStringLiteral("/v1/items/item-r/refresh")] = {net::HttpResponse::json(
        503, R"({"error_code":"PLAID_UNAVAILABLE","error_message":"Plaid could not be reached"})")};
    m_fake->answers[QStringLiteral("/v1/items/item-r")] = {net::HttpResponse::json(
        200, R"({"item":{"item_id":"item-r","status":"healthy","created_at":"2026-01-01T00:00:00Z",
            "updated_at":"2026-01-01T00:00:00Z"},"accounts":[]})")};
    remote::ServerItems items(m_client.get(), &store, QStringLiteral("server"));
    QString problem = QStringLiteral("pending");
    items.refreshItem(QStringLiteral("item-r"), this, [&](const QString &p) { problem = p; });
    QTRY_VERIFY(problem != u"pending");
    QVERIFY2(problem.contains(u"Plaid could not be reached"), qPrintable(problem));
    QVERIFY(store.item(QStringLiteral("item-r"))); // what the server knows is still shown
}

void TestServerClientFaults::supportAccountReadsOnly()
{
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    m_fake->answers[QStringLiteral("/v1/support/items")] = {net::HttpResponse::json(
        200, R"({"items":[{"item_id":"item-z","institution_id":null,"institution_name":null,
            "status":"login_required","error_code":"ITEM_LOGIN_REQUIRED","user_email":"ada@example.com",
            "created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"}]})")};
    m_fake->answers[QStringLiteral("/v1/support/items/item-z")] = {net::HttpResponse::json(
        200,
        R"({"item":{"item_id":"item-z","status":"login_required","error_code":"ITEM_LOGIN_REQUIRED",
            "user_email":"ada@example.com","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"},
            "timeline":[{"at":"2026-01-02T00:00:00Z","source":"webhook","webhook_type":"ITEM","code":"ERROR",
            "error_code":"ITEM_LOGIN_REQUIRED"}]})")};
    remote::ServerItems items(m_client.get(), &store, QStringLiteral("server"));
    items.setSupport(true);
    QVERIFY(items.isReadOnly());
    QSignalSpy synced(&items, &remote::ServerItems::synced);
    items.sync();
    QVERIFY(synced.wait(10000));
    QCOMPARE(store.item(QStringLiteral("item-z"))->owner, QStringLiteral("ada@example.com"));
    QTest::qWait(200);
    // Listing reads no one's details: each read is audited at the server, so only on request.
    QVERIFY(!m_fake->seen.contains(QStringLiteral("GET /v1/support/items/item-z")));
    QString problem = QStringLiteral("pending");
    items.refreshItem(QStringLiteral("item-z"), this, [&](const QString &p) { problem = p; });
    QTRY_VERIFY(problem != u"pending");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!m_fake->seen.contains(QStringLiteral("POST /v1/items/item-z/refresh"))); // not Plaid
    const vault::ItemRecord *z = store.item(QStringLiteral("item-z"));
    QCOMPARE(z->events.size(), 1);
    QCOMPARE(z->events.first().name, QStringLiteral("ERROR"));
    QCOMPARE(z->events.first().viewName, QStringLiteral("webhook"));
    problem = QStringLiteral("pending");
    items.removeItem(QStringLiteral("item-z"), this, [&](const QString &p) { problem = p; });
    QVERIFY(!problem.isEmpty() && problem != u"pending");
    QVERIFY(!m_fake->seen.contains(QStringLiteral("DELETE /v1/items/item-z")));
}

namespace {

// Session::create in the server mode, with Link: the session, or why there is none.
std::pair<std::unique_ptr<session::Session>, QString>
createSession(const QUrl &server, vault::SecretStore *keychain, vault::ItemStore *store)
{
    AppSettings settings;
    settings.fillDefaults();
    settings.mode = BackendMode::ProviderServer;
    settings.serverUrl = server.toString();
    std::pair<std::unique_ptr<session::Session>, QString> result;
    bool done = false;
    QObject context;
    session::Session::create(settings, {}, keychain, store, &context,
                             [&](std::unique_ptr<session::Session> s, const QString &error) {
                                 result = {std::move(s), error};
                                 done = true;
                             });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    return result;
}

} // namespace

void TestServerClientFaults::sessionRefusesAForeignLinkScript_data()
{
    QTest::addColumn<QString>("script");
    QTest::newRow("another site") << "https://evil.example/link-initialize.js";
    QTest::newRow("http elsewhere") << "http://evil.example:8080/link-initialize.js";
    QTest::newRow("loopback by number") << "http://127.0.0.1:9/link-initialize.js";
    QTest::newRow("javascript") << "javascript:alert(1)";
    QTest::newRow("file") << "file:///etc/passwd";
}

void TestServerClientFaults::sessionRefusesAForeignLinkScript()
{
    // A server (or whoever answers in its place) may name only Plaid's Link or a sandbox on
    // this computer's localhost origin: nothing else is loaded into Link's frame.
    QFETCH(QString, script);
    QJsonObject me{{QStringLiteral("email"), QStringLiteral("a@b")},
                   {QStringLiteral("role"), QStringLiteral("user")},
                   {QStringLiteral("link_script_url"), script}};
    m_fake->answers[QStringLiteral("/v1/me")] = {net::HttpResponse::json(200, json(me))};
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    auto [session, error] = createSession(m_fake->url(), &m_keychain, &store);
    QVERIFY(!session);
    QVERIFY2(error.contains(u"Link script"), qPrintable(error));
}

void TestServerClientFaults::sessionSaysWhenTheServerIsAway()
{
    const QUrl away = m_fake->url();
    m_fake.reset(); // nothing listens there now
    ScratchStore scratch;
    QVERIFY(scratch.loaded);
    vault::ItemStore &store = scratch.store;
    auto [session, error] = createSession(away, &m_keychain, &store);
    QVERIFY(!session);
    QVERIFY2(error.contains(u"could not be reached"), qPrintable(error));
    m_fake = std::make_unique<FakeServer>(); // for cleanup()
}

QTEST_GUILESS_MAIN(TestServerClientFaults)
#include "tst_server_client_faults.moc"
