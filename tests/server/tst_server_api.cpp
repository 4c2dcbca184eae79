// weft-server's HTTP API over real loopback HTTP, against the embedded sandbox as Plaid, on
// SQLite and the fixture's PostgreSQL: a user enrols, links an Item (the exchange happens once
// however often it is asked), reads it with its accounts, gets a login-required webhook (signed,
// verified, confirmed with Plaid), refreshes and removes it. And the attacker's side: another
// user's Items, stolen or made-up credentials, a flood of enrolment guesses (also with a forged
// X-Forwarded-For), forged and altered webhooks, malformed requests; nothing secret in any
// answer or in the database. HTTPS with the server's own certificate. Two instances on one
// PostgreSQL database.
#include "PostgresTestKit.h"
#include "ServerRig.h"
#include "server/WebhookKeyCache.h"
#include "webhooks/WebhookSigningKey.h"
#include "webhooks/WebhookVerifier.h"

#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace weft::server;
using namespace weft::server::testkit;
using weft::server::testkit::postgresUrl;

namespace {

QString itemStatus(ServerRig &rig, int index, const QString &token, const QString &itemId)
{
    const Reply reply = rig.call(index, "GET", u"/v1/items"_s, {}, token);
    for (const QJsonValue &item : reply.json.value(u"items").toArray()) {
        if (item[u"item_id"].toString() == itemId)
            return item[u"status"].toString();
    }
    return {};
}

} // namespace

class TestServerApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void enrolLinkAndWebhookEndToEnd_data() { backends(); }
    void enrolLinkAndWebhookEndToEnd();
    void usersOnlyReachTheirOwnItems();
    void signInRefusals();
    void signInIsRateLimited();
    void trustedProxyNamesTheClient();
    void forgedWebhooksRefused();
    void malformedRequests_data();
    void malformedRequests();
    void supportConsole();
    void https();
    void twoInstancesOneDatabase();

private:
    void backends();
    QString sqlite() { return u"sqlite:"_s + m_dir.filePath(u"api-%1.db"_s.arg(++m_files)); }

    QTemporaryDir m_dir;
    QString m_postgresUrl;
    int m_files = 0;
};

void TestServerApi::initTestCase()
{
    // The refusals this test provokes are logged as warnings; the test checks answers instead.
    QLoggingCategory::setFilterRules(u"weft.sandbox.debug=false\nweft.server.warning=false"_s);
    m_postgresUrl = postgresUrl();
    QVERIFY2(!m_postgresUrl.isEmpty(), "no PostgreSQL: run with ctest (postgres fixture)");
}

void TestServerApi::init()
{
    const QString problem = resetPostgres(m_postgresUrl);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestServerApi::backends()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("SQLite") << sqlite();
    QTest::newRow("PostgreSQL") << m_postgresUrl;
}

void TestServerApi::enrolLinkAndWebhookEndToEnd()
{
    QFETCH(QString, url);
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(url);
    QVERIFY(server >= 0);
    QSignalSpy changed(rig.instance(server).api(), &ServerApi::itemChanged);
    QList<QByteArray> answers;
    const auto keep = [&answers](const Reply &reply) {
        answers.append(reply.body);
        return reply;
    };

    const QJsonObject session = rig.enrolled(server, u"ada@example.com"_s);
    answers.append(QJsonDocument(session).toJson());
    const QString token = session[u"access_token"].toString();
    QVERIFY2(token.startsWith(u"wsa-"_s), QJsonDocument(session).toJson().constData());
    QCOMPARE(session[u"user"][u"email"].toString(), u"ada@example.com"_s);

    Reply reply = keep(rig.call(server, "GET", u"/v1/me"_s, {}, token));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"role"].toString(), u"user"_s);

    reply = keep(rig.call(server, "POST", u"/v1/link_token"_s, {}, token));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json[u"link_token"].toString().startsWith(u"link-sandbox-"_s));

    // Link's onSuccess gives the desktop a public token; the server exchanges it, once.
    const QString publicToken = rig.publicToken(server);
    QVERIFY(publicToken.startsWith(u"public-sandbox-"_s));
    reply =
        keep(rig.call(server, "POST", u"/v1/items"_s, {{u"public_token"_s, publicToken}}, token));
    QCOMPARE(reply.status, 201);
    const QJsonObject item = reply.json[u"item"].toObject();
    const QString itemId = item[u"item_id"].toString();
    QVERIFY(!itemId.isEmpty());
    QCOMPARE(item[u"institution_name"].toString(), u"First Platypus Bank"_s);
    QCOMPARE(item[u"status"].toString(), u"healthy"_s);
    QCOMPARE(changed.size(), 1);
    // The same request again (its answer lost on the way): the same Item, no second exchange.
    reply =
        keep(rig.call(server, "POST", u"/v1/items"_s, {{u"public_token"_s, publicToken}}, token));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"item"][u"item_id"].toString(), itemId);
    reply = keep(rig.call(server, "GET", u"/v1/items"_s, {}, token));
    QCOMPARE(reply.json[u"items"].toArray().size(), 1);

    reply = keep(rig.call(server, "GET", u"/v1/items/"_s + itemId, {}, token));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json[u"accounts"].toArray().size() >= 2);
    QVERIFY(reply.json[u"accounts"][0][u"balances"].isObject());

    // Update mode for the Item: a link token made with its access token (which stays here).
    reply = keep(rig.call(server, "POST", u"/v1/link_token"_s,
                          {{u"item_id"_s, itemId}, {u"account_selection"_s, true}}, token));
    QCOMPARE(reply.status, 200);

    // The bank wants the user's login again: Plaid's signed webhook reaches the server.
    const QString plaidToken = rig.plaidAccessToken(server, itemId);
    QVERIFY(plaidToken.startsWith(u"access-sandbox-"_s));
    QCOMPARE(
        rig.sandboxCall(u"/sandbox/item/reset_login"_s, {{u"access_token"_s, plaidToken}}).status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(itemStatus(rig, server, token, itemId), u"login_required"_s, 10000);
    QTRY_VERIFY(changed.size() >= 2);
    QCOMPARE(changed.last().at(1).toString(), itemId);

    // Refresh asks Plaid: still broken.
    reply = keep(rig.call(server, "POST", u"/v1/items/%1/refresh"_s.arg(itemId), {}, token));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"item"][u"status"].toString(), u"login_required"_s);
    QCOMPARE(reply.json[u"item"][u"error_code"].toString(), u"ITEM_LOGIN_REQUIRED"_s);

    reply = keep(rig.call(server, "DELETE", u"/v1/items/"_s + itemId, {}, token));
    QCOMPARE(reply.status, 200);
    reply = keep(rig.call(server, "GET", u"/v1/items"_s, {}, token));
    QCOMPARE(reply.json[u"items"].toArray().size(), 0);
    reply = keep(rig.call(server, "GET", u"/v1/items/"_s + itemId, {}, token));
    QCOMPARE(reply.status, 404);

    // No answer carried Plaid's access token, a public token or the client secret.
    for (const QByteArray &answer : std::as_const(answers)) {
        QVERIFY2(!answer.contains("access-sandbox-"), answer.constData());
        QVERIFY(!answer.contains(kPlaidSecret.toLatin1()));
        QVERIFY(!answer.contains(publicToken.toLatin1()));
    }
    if (url.startsWith(u"sqlite:"_s)) {
        rig.stopInstances();
        QByteArray stored;
        const QString path = url.mid(7);
        for (const QString &file : QStringList{path, path + u"-wal"_s}) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                stored += f.readAll();
        }
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains("access-sandbox-"));
        QVERIFY(!stored.contains(plaidToken.toLatin1()));
        QVERIFY(!stored.contains(token.toLatin1()));
    }
}

void TestServerApi::usersOnlyReachTheirOwnItems()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(sqlite());
    QVERIFY(server >= 0);
    const QString ada = rig.enrolled(server, u"ada@example.com"_s)[u"access_token"].toString();
    const QString bob = rig.enrolled(server, u"bob@example.com"_s)[u"access_token"].toString();
    QVERIFY(!ada.isEmpty() && !bob.isEmpty());
    const QString publicToken = rig.publicToken();
    Reply reply = rig.call(server, "POST", u"/v1/items"_s, {{u"public_token"_s, publicToken}}, ada);
    QCOMPARE(reply.status, 201);
    const QString itemId = reply.json[u"item"][u"item_id"].toString();

    QCOMPARE(rig.call(server, "GET", u"/v1/items"_s, {}, bob).json[u"items"].toArray().size(), 0);
    // Bob cannot read, refresh, remove, or open update mode for Ada's Item: to him it does
    // not exist (404, as for an Item nobody has).
    QCOMPARE(rig.call(server, "GET", u"/v1/items/"_s + itemId, {}, bob).status, 404);
    QCOMPARE(rig.call(server, "POST", u"/v1/items/%1/refresh"_s.arg(itemId), {}, bob).status, 404);
    QCOMPARE(rig.call(server, "DELETE", u"/v1/items/"_s + itemId, {}, bob).status, 404);
    QCOMPARE(rig.call(server, "POST", u"/v1/link_token"_s, {{u"item_id"_s, itemId}}, bob).status,
             404);
    QCOMPARE(rig.call(server, "GET", u"/v1/items/no-such-item"_s, {}, bob).status, 404);
    // Nor redeem Ada's public token, even replaying her request.
    reply = rig.call(server, "POST", u"/v1/items"_s, {{u"public_token"_s, publicToken}}, bob);
    QCOMPARE(reply.status, 409);
    QVERIFY(!reply.body.contains(itemId.toLatin1()));
    // Ada still has her Item, intact.
    QCOMPARE(itemStatus(rig, server, ada, itemId), u"healthy"_s);
    QCOMPARE(rig.call(server, "GET", u"/v1/items/"_s + itemId, {}, ada).status, 200);
}

void TestServerApi::signInRefusals()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(sqlite());
    QVERIFY(server >= 0);
    const QJsonObject session = rig.enrolled(server, u"ada@example.com"_s);
    const QString access = session[u"access_token"].toString();
    const QString refresh = session[u"refresh_token"].toString();

    Reply reply = rig.call(server, "GET", u"/v1/items"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.header("WWW-Authenticate"), "Bearer"_ba);
    reply = rig.call(server, "GET", u"/v1/items"_s, {}, u"wsa-"_s + QString(43, u'A'));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json[u"error_code"].toString(), u"UNAUTHORIZED"_s);
    QCOMPARE(rig.call(server, "GET", u"/v1/items"_s, {}, refresh).status, 401);
    QCOMPARE(
        rig.call(server, "GET", u"/v1/items"_s, {}, {}, {{"Authorization", "Basic YTpi"}}).status,
        401);

    // A wrong enrolment code.
    reply = rig.call(server, "POST", u"/v1/enrol"_s, {{u"enrolment_code"_s, u"AAAA-BBBB"_s}});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json[u"error_code"].toString(), u"INVALID_ENROLMENT_CODE"_s);

    // Refreshing rotates; the old refresh token again ends the sign-in.
    reply = rig.call(server, "POST", u"/v1/session/refresh"_s, {{u"refresh_token"_s, refresh}});
    QCOMPARE(reply.status, 200);
    const QString access2 = reply.json[u"access_token"].toString();
    QCOMPARE(rig.call(server, "GET", u"/v1/me"_s, {}, access2).status, 200);
    reply = rig.call(server, "POST", u"/v1/session/refresh"_s, {{u"refresh_token"_s, refresh}});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json[u"error_code"].toString(), u"INVALID_REFRESH_TOKEN"_s);
    QCOMPARE(rig.call(server, "GET", u"/v1/me"_s, {}, access2).status, 401);

    // Revoking the user ends a fresh sign-in at once.
    const QJsonObject bob = rig.enrolled(server, u"bob@example.com"_s);
    QCOMPARE(rig.call(server, "GET", u"/v1/me"_s, {}, bob[u"access_token"].toString()).status, 200);
    QString error;
    QVERIFY(UserDirectory(rig.instance(server).database())
                .revoke(u"bob@example.com"_s, QDateTime::currentDateTimeUtc(), &error));
    QCOMPARE(rig.call(server, "GET", u"/v1/me"_s, {}, bob[u"access_token"].toString()).status, 401);
    QCOMPARE(rig.call(server, "POST", u"/v1/session/refresh"_s,
                      {{u"refresh_token"_s, bob[u"refresh_token"].toString()}})
                 .status,
             401);

    // Signing out.
    const QJsonObject carol = rig.enrolled(server, u"carol@example.com"_s);
    QCOMPARE(rig.call(server, "POST", u"/v1/session/sign_out"_s,
                      {{u"refresh_token"_s, carol[u"refresh_token"].toString()}})
                 .status,
             200);
    QCOMPARE(rig.call(server, "GET", u"/v1/me"_s, {}, carol[u"access_token"].toString()).status,
             401);
    Q_UNUSED(access);
}

void TestServerApi::signInIsRateLimited()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(sqlite());
    QVERIFY(server >= 0);
    const ServerApi::Options defaults;
    int allowed = 0;
    Reply reply;
    for (int i = 0; i < defaults.signInBurst + 5; ++i) {
        // A guesser varies X-Forwarded-For; the server does not trust it from this peer.
        reply =
            rig.call(server, "POST", u"/v1/enrol"_s, {{u"enrolment_code"_s, u"GUESS-%1"_s.arg(i)}},
                     {}, {{"X-Forwarded-For", "203.0.113." + QByteArray::number(i)}});
        if (reply.status == 401)
            ++allowed;
        else
            break;
    }
    QCOMPARE(allowed, defaults.signInBurst);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json[u"error_code"].toString(), u"RATE_LIMITED"_s);
    QVERIFY(reply.header("Retry-After").toInt() > 0);
    // Refreshing has an allowance of its own (many desktops may share an address and each
    // refreshes every quarter hour): not spent by the guesses, but limited too.
    int refreshes = 0;
    for (int i = 0; i < defaults.refreshBurst + 5; ++i) {
        reply =
            rig.call(server, "POST", u"/v1/session/refresh"_s, {{u"refresh_token"_s, u"wsr-x"_s}});
        if (reply.status != 401)
            break;
        ++refreshes;
    }
    QCOMPARE(refreshes, defaults.refreshBurst);
    QCOMPARE(reply.status, 429);
    // Signed-in routes are not limited by it.
    QCOMPARE(rig.call(server, "GET", u"/v1/items"_s).status, 401);
}

void TestServerApi::trustedProxyNamesTheClient()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    ServerConfig config = rig.config(sqlite());
    config.trustedProxies = {QHostAddress(u"127.0.0.1"_s)};
    const int server = rig.startInstance({}, &config);
    QVERIFY(server >= 0);
    const ServerApi::Options defaults;
    // Behind the proxy, each client has its own allowance: the last hop the proxy added.
    for (int client = 0; client < 3; ++client) {
        for (int i = 0; i < defaults.signInBurst; ++i) {
            const Reply reply = rig.call(
                server, "POST", u"/v1/enrol"_s, {{u"enrolment_code"_s, u"GUESS"_s}}, {},
                {{"X-Forwarded-For", "198.51.100.99, 203.0.113." + QByteArray::number(client)}});
            QCOMPARE(reply.status, 401);
        }
        const Reply limited =
            rig.call(server, "POST", u"/v1/enrol"_s, {{u"enrolment_code"_s, u"GUESS"_s}}, {},
                     {{"X-Forwarded-For", "203.0.113." + QByteArray::number(client)}});
        QCOMPARE(limited.status, 429);
    }
}

void TestServerApi::forgedWebhooksRefused()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(sqlite());
    QVERIFY(server >= 0);
    const QString token = rig.enrolled(server, u"ada@example.com"_s)[u"access_token"].toString();
    const Reply linked =
        rig.call(server, "POST", u"/v1/items"_s, {{u"public_token"_s, rig.publicToken()}}, token);
    QCOMPARE(linked.status, 201);
    const QString itemId = linked.json[u"item"][u"item_id"].toString();
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"webhook_type"_s, u"ITEM"_s},
                                  {u"webhook_code"_s, u"USER_PERMISSION_REVOKED"_s},
                                  {u"item_id"_s, itemId},
                                  {u"error"_s, QJsonValue::Null},
                                  {u"environment"_s, u"sandbox"_s}})
            .toJson(QJsonDocument::Compact);
    const QByteArray genuine = rig.sandbox().api().signWebhook(body);
    const QString kid = weft::webhooks::WebhookVerifier::keyIdOf(genuine);
    const auto post = [&](const QByteArray &payload, const QByteArray &verification) {
        QNetworkRequest request(rig.url(server, u"/plaid/webhook"_s));
        request.setRawHeader("Content-Type", "application/json");
        if (!verification.isNull())
            request.setRawHeader("Plaid-Verification", verification);
        return rig.send(request, "POST", payload);
    };

    // An attacker's own key, claiming the sandbox's kid.
    weft::webhooks::WebhookSigningKey attacker(QDateTime::currentSecsSinceEpoch());
    QByteArray forged = attacker.sign(body, QDateTime::currentSecsSinceEpoch());
    const QList<QByteArray> forgedParts = forged.split('.');
    const QList<QByteArray> genuineParts = genuine.split('.');
    forged = genuineParts.at(0) + '.' + forgedParts.at(1) + '.' + forgedParts.at(2);
    QByteArray altered = body;
    altered.replace("USER_PERMISSION_REVOKED", "LOGIN_REPAIRED_X_FORGE");
    QByteArray noneAlg = QByteArray(R"({"alg":"none","kid":")") + kid.toLatin1() + "\"}";
    noneAlg = noneAlg.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
              '.' + genuineParts.at(1) + '.';
    const struct
    {
        const char *what;
        QByteArray payload;
        QByteArray verification;
    } attacks[] = {
        {"no signature", body, QByteArray()},
        {"garbage signature", body, "not.a.jwt"},
        {"another key, same kid", body, forged},
        {"genuine signature, altered body", altered, genuine},
        {"alg none", body, noneAlg},
        {"unknown kid", body, attacker.sign(body, QDateTime::currentSecsSinceEpoch())},
    };
    for (const auto &attack : attacks) {
        const Reply reply = post(attack.payload, attack.verification);
        QVERIFY2(reply.status == 401, attack.what);
        QCOMPARE(reply.json[u"error_code"].toString(), u"UNVERIFIED_WEBHOOK"_s);
        QCOMPARE(itemStatus(rig, server, token, itemId), u"healthy"_s);
    }
    // The genuine one is taken, once; Plaid's retry of it is acknowledged and changes nothing.
    QCOMPARE(post(body, genuine).status, 200);
    QCOMPARE(itemStatus(rig, server, token, itemId), u"permission_revoked"_s);
    QCOMPARE(post(body, genuine).status, 200);
    QSqlQuery query(rig.instance(server).database()->connection());
    QVERIFY(query.exec(u"SELECT COUNT(*) FROM item_events WHERE source = 'webhook'"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    // Made-up kids do not make the server ask Plaid each time.
    int keyFetches = 0;
    connect(&rig.sandbox().api(), &weft::sandbox::SandboxApi::requestHandled, this,
            [&keyFetches](const QString &path, int) {
                keyFetches += path == u"/webhook_verification_key/get" ? 1 : 0;
            });
    int unavailable = 0;
    for (int i = 0; i < 100; ++i) {
        weft::webhooks::WebhookSigningKey key(QDateTime::currentSecsSinceEpoch());
        const int status = post(body, key.sign(body, QDateTime::currentSecsSinceEpoch())).status;
        // Refused (Plaid does not know the kid), or put off once fetches are rationed.
        QVERIFY2(status == 401 || status == 503, qPrintable(QString::number(status)));
        unavailable += status == 503 ? 1 : 0;
    }
    QVERIFY(unavailable > 0);
    // The flood does not lock the real key out: a genuine webhook is still taken.
    const QByteArray later = QJsonDocument(QJsonObject{{u"webhook_type"_s, u"ITEM"_s},
                                                       {u"webhook_code"_s, u"PENDING_EXPIRATION"_s},
                                                       {u"item_id"_s, itemId},
                                                       {u"environment"_s, u"sandbox"_s}})
                                 .toJson(QJsonDocument::Compact);
    QCOMPARE(post(later, rig.sandbox().api().signWebhook(later)).status, 200);
    QCOMPARE(itemStatus(rig, server, token, itemId), u"permission_revoked"_s);
    QVERIFY2(keyFetches <= weft::server::WebhookKeyCache::kFetchesPerMinute,
             qPrintable(QString::number(keyFetches)));
}

void TestServerApi::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown route")
        << "GET"_ba << u"/v2/items"_s << QByteArray() << QByteArray() << true << 404;
    QTest::newRow("wrong method") << "PUT"_ba << u"/v1/items"_s << QByteArray() << QByteArray()
                                  << true << 405;
    QTest::newRow("enrol not JSON") << "POST"_ba << u"/v1/enrol"_s << "application/json"_ba
                                    << "{nope"_ba << false << 400;
    QTest::newRow("enrol JSON array") << "POST"_ba << u"/v1/enrol"_s << "application/json"_ba
                                      << "[1,2]"_ba << false << 400;
    QTest::newRow("enrol without code") << "POST"_ba << u"/v1/enrol"_s << "application/json"_ba
                                        << "{}"_ba << false << 400;
    QTest::newRow("enrol code a number") << "POST"_ba << u"/v1/enrol"_s << "application/json"_ba
                                         << R"({"enrolment_code":7})"_ba << false << 400;
    QTest::newRow("enrol as a form")
        << "POST"_ba << u"/v1/enrol"_s << "application/x-www-form-urlencoded"_ba
        << "code=1"_ba << false << 415;
    QTest::newRow("exchange without token") << "POST"_ba << u"/v1/items"_s << "application/json"_ba
                                            << "{}"_ba << true << 400;
    QTest::newRow("exchange not a public token")
        << "POST"_ba << u"/v1/items"_s << "application/json"_ba
        << R"({"public_token":"access-sandbox-123"})"_ba << true << 400;
    QTest::newRow("exchange unknown public token")
        << "POST"_ba << u"/v1/items"_s << "application/json"_ba
        << R"({"public_token":"public-sandbox-00000000-0000-0000-0000-000000000000"})"_ba << true
        << 502;
    QTest::newRow("link token item_id a number")
        << "POST"_ba << u"/v1/link_token"_s << "application/json"_ba
        << R"({"item_id":5})"_ba << true << 400;
    QTest::newRow("account selection without item")
        << "POST"_ba << u"/v1/link_token"_s << "application/json"_ba
        << R"({"account_selection":true})"_ba << true << 400;
    QTest::newRow("item id with a slash")
        << "GET"_ba << u"/v1/items/a%2Fb"_s << QByteArray() << QByteArray() << true << 404;
    QTest::newRow("webhook not JSON, unsigned")
        << "POST"_ba << u"/plaid/webhook"_s << "application/json"_ba
        << "{"_ba << false << 401;
}

void TestServerApi::malformedRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, signedIn);
    QFETCH(int, status);
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(sqlite());
    QVERIFY(server >= 0);
    const QString token =
        signedIn ? rig.enrolled(server, u"ada@example.com"_s)[u"access_token"].toString()
                 : QString();
    QNetworkRequest request(rig.url(server, path));
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (signedIn)
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    const Reply reply = rig.send(request, method, body);
    QCOMPARE(reply.status, status);
    QVERIFY2(!reply.json.value(u"error_code").toString().isEmpty(), reply.body.constData());
    QVERIFY(!reply.json.value(u"error_message").toString().isEmpty());
    // The server is still well.
    QCOMPARE(rig.call(server, "GET", u"/v1/items"_s, {}, token).status, signedIn ? 200 : 401);
}

void TestServerApi::supportConsole()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const QString database = sqlite();
    const int server = rig.startInstance(database);
    QVERIFY(server >= 0);
    const QString ada = rig.enrolled(server, u"ada@example.com"_s)[u"access_token"].toString();
    const QString bob = rig.enrolled(server, u"bob@example.com"_s)[u"access_token"].toString();
    const QString support =
        rig.enrolled(server, u"help@example.com"_s, UserDirectory::Role::Support)[u"access_token"]
            .toString();
    QVERIFY(!ada.isEmpty() && !bob.isEmpty() && !support.isEmpty());
    Reply reply = rig.call(server, "POST", u"/v1/items"_s,
                           {{u"public_token"_s, rig.publicToken(server)}}, ada);
    QCOMPARE(reply.status, 201);
    const QString adaItem = reply.json[u"item"][u"item_id"].toString();
    QCOMPARE(rig.call(server, "POST", u"/v1/items"_s, {{u"public_token"_s, rig.publicToken()}}, bob)
                 .status,
             201);
    QCOMPARE(rig.sandboxCall(u"/sandbox/item/reset_login"_s,
                             {{u"access_token"_s, rig.plaidAccessToken(server, adaItem)}})
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(itemStatus(rig, server, ada, adaItem), u"login_required"_s, 10000);

    // End users may not use the console.
    reply = rig.call(server, "GET", u"/v1/support/items"_s, {}, ada);
    QCOMPARE(reply.status, 403);
    QCOMPARE(rig.call(server, "GET", u"/v1/support/items/"_s + adaItem, {}, bob).status, 403);
    QCOMPARE(rig.call(server, "GET", u"/v1/support/items"_s).status, 401);

    // Support finds Items by status, by user, by institution (part of the name), by item_id.
    reply = rig.call(server, "GET", u"/v1/support/items?status=login_required"_s, {}, support);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"items"].toArray().size(), 1);
    QCOMPARE(reply.json[u"items"][0][u"item_id"].toString(), adaItem);
    QCOMPARE(reply.json[u"items"][0][u"user_email"].toString(), u"ada@example.com"_s);
    reply = rig.call(server, "GET", u"/v1/support/items?email=BOB%40example.com"_s, {}, support);
    QCOMPARE(reply.json[u"items"].toArray().size(), 1);
    QVERIFY(reply.json[u"items"][0][u"item_id"].toString() != adaItem);
    reply = rig.call(server, "GET", u"/v1/support/items?institution=platypus"_s, {}, support);
    QCOMPARE(reply.json[u"items"].toArray().size(), 2);
    reply = rig.call(server, "GET", u"/v1/support/items?institution=%25"_s, {}, support);
    QCOMPARE(reply.json[u"items"].toArray().size(), 0); // '%' is a letter, not a wildcard
    reply = rig.call(server, "GET", u"/v1/support/items?item_id="_s + adaItem, {}, support);
    QCOMPARE(reply.json[u"items"].toArray().size(), 1);
    QCOMPARE(rig.call(server, "GET", u"/v1/support/items?limit=0"_s, {}, support).status, 400);

    // The Item and its timeline: linked, then Plaid's login-required webhook. No token.
    reply = rig.call(server, "GET", u"/v1/support/items/"_s + adaItem, {}, support);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[u"item"][u"status"].toString(), u"login_required"_s);
    const QJsonArray timeline = reply.json[u"timeline"].toArray();
    QVERIFY(timeline.size() >= 2);
    QCOMPARE(timeline.at(0)[u"code"].toString(), u"LINKED"_s);
    QCOMPARE(timeline.at(1)[u"webhook_type"].toString(), u"ITEM"_s);
    QCOMPARE(timeline.at(1)[u"code"].toString(), u"ERROR"_s);
    QCOMPARE(timeline.at(1)[u"error_code"].toString(), u"ITEM_LOGIN_REQUIRED"_s);
    QVERIFY(!reply.body.contains("access-sandbox-"));
    QVERIFY(!reply.body.contains("sealed"));
    QCOMPARE(rig.call(server, "GET", u"/v1/support/items/nothing-here"_s, {}, support).status, 404);

    // Every read is in the audit log, with who did it: through the admin command too.
    QProcess cli;
    cli.start(qEnvironmentVariable("WEFT_SERVER_BINARY"),
              {u"--database"_s, database, u"audit"_s, u"--limit"_s, u"100"_s});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QString log = QString::fromUtf8(cli.readAllStandardOutput());
    QCOMPARE(log.count(u"help@example.com\tsearch_items"_s), 5); // limit=0 was refused first
    QCOMPARE(log.count(u"help@example.com\tview_item\t"_s + adaItem), 1);
    QCOMPARE(log.count(u"view_item\tnothing-here"_s), 1);
    QVERIFY(!log.contains(u"ada@example.com\t"_s)); // end users' own reads are not support's
    QVERIFY(log.contains(u"status=login_required"_s));
}

void TestServerApi::https()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const QString cert = rig.dir() + u"/cert.pem"_s;
    const QString key = rig.dir() + u"/key.pem"_s;
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                   u"ec_paramgen_curve:P-256"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                   u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s,
                   key, u"-out"_s, cert});
    QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
             openssl.readAllStandardError().constData());
    ServerConfig config = rig.config(sqlite());
    config.tlsCertificate = cert;
    config.tlsPrivateKey = key;
    const int server = rig.startInstance({}, &config);
    QVERIFY(server >= 0);
    QVERIFY(rig.instance(server).isTls());

    // A client that trusts the server's certificate gets its answers over TLS.
    QNetworkRequest request(rig.url(server, u"/v1/me"_s));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(QSslCertificate::fromPath(cert));
    request.setSslConfiguration(tls);
    Reply reply = rig.send(request, "GET", {});
    QCOMPARE(reply.error, QNetworkReply::AuthenticationRequiredError); // 401, over TLS
    QCOMPARE(reply.status, 401);
    // One that does not trust it (a client of its own: no connection to reuse) is refused by its
    // own TLS check.
    QNetworkAccessManager untrusting;
    reply = ServerRig::wait(untrusting.get(QNetworkRequest(rig.url(server, u"/v1/me"_s))));
    QCOMPARE(reply.error, QNetworkReply::SslHandshakeFailedError);
    // Plain HTTP to the TLS port gets no answer.
    QUrl plain = rig.url(server, u"/v1/me"_s);
    plain.setScheme(u"http"_s);
    reply = ServerRig::wait(untrusting.get(QNetworkRequest(plain)));
    QCOMPARE(reply.status, 0);
    QVERIFY(reply.error != QNetworkReply::NoError);
    // A key file that is not a key: the server does not start.
    ServerConfig broken = config;
    broken.tlsPrivateKey = cert;
    QString error;
    QVERIFY(!ServerInstance::start(broken, weft::Clock::system(), &error));
    QVERIFY2(error.contains(u"private key"_s), qPrintable(error));
}

void TestServerApi::twoInstancesOneDatabase()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int first = rig.startInstance(m_postgresUrl);
    const int second = rig.startInstance(m_postgresUrl);
    QVERIFY(first >= 0 && second >= 0);
    const QJsonObject session = rig.enrolled(first, u"ada@example.com"_s);
    const QString token = session[u"access_token"].toString();
    // Signed in at one, the desktop is signed in at the other (instances keep no state).
    QCOMPARE(rig.call(second, "GET", u"/v1/me"_s, {}, token).status, 200);
    // The Item's webhook points at the second instance.
    const Reply linked = rig.call(first, "POST", u"/v1/items"_s,
                                  {{u"public_token"_s, rig.publicToken(second)}}, token);
    QCOMPARE(linked.status, 201);
    const QString itemId = linked.json[u"item"][u"item_id"].toString();
    QSignalSpy changedAtSecond(rig.instance(second).api(), &ServerApi::itemChanged);
    QCOMPARE(rig.sandboxCall(u"/sandbox/item/reset_login"_s,
                             {{u"access_token"_s, rig.plaidAccessToken(first, itemId)}})
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(itemStatus(rig, first, token, itemId), u"login_required"_s, 10000);
    QCOMPARE(itemStatus(rig, second, token, itemId), u"login_required"_s);
    QVERIFY(changedAtSecond.size() >= 1);
    // A refresh at the second instance: the session refreshed there works at the first.
    const Reply refreshed = rig.call(second, "POST", u"/v1/session/refresh"_s,
                                     {{u"refresh_token"_s, session[u"refresh_token"].toString()}});
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(
        rig.call(first, "GET", u"/v1/me"_s, {}, refreshed.json[u"access_token"].toString()).status,
        200);
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_server_api.moc"
