// weft-server's push: desktops connected over a WebSocket on the API's port hear about their own
// Items' changes at once — a webhook, a removal — and nobody else's; with two instances on one
// PostgreSQL database, a desktop on each, a webhook to either reaches both (LISTEN/NOTIFY).
// And the attacker's side: sockets that never sign in, sign in with a bad or another user's
// token, let their token lapse, or send anything but sign-ins, are closed.
#include "PostgresTestKit.h"
#include "ServerRig.h"
#include "server/PushHub.h"
#include "support/ManualClock.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace weft::server;
using namespace weft::server::testkit;
using weft::server::testkit::postgresUrl;

namespace {

// A desktop's push connection: the messages it got, in order.
class Desktop : public QObject
{
public:
    Desktop(const QUrl &url, const QString &accessToken)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
            messages.append(QJsonDocument::fromJson(message.toUtf8()).object());
        });
        connect(&socket, &QWebSocket::disconnected, this, [this] { closed = true; });
        connect(&socket, &QWebSocket::connected, this, [this, accessToken] {
            if (!accessToken.isNull())
                signIn(accessToken);
        });
        socket.open(url);
    }
    void signIn(const QString &accessToken)
    {
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, accessToken}})
                .toJson(QJsonDocument::Compact)));
    }
    bool ready() const
    {
        return !messages.isEmpty() && messages.first()[u"type"].toString() == u"ready"_s;
    }
    // The status of the last item_changed about itemId, or "removed".
    QString lastNews(const QString &itemId) const
    {
        for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
            if ((*it)[u"type"] == u"item_changed"_s && (*it)[u"item"][u"item_id"] == itemId)
                return (*it)[u"item"][u"status"].toString();
            if ((*it)[u"type"] == u"item_removed"_s && (*it)[u"item_id"] == itemId)
                return u"removed"_s;
        }
        return {};
    }

    QWebSocket socket;
    QList<QJsonObject> messages;
    bool closed = false;
};

} // namespace

class TestServerPush : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void desktopsHearTheirOwnItems();
    void twoInstancesBothDesktopsHear();
    void socketsThatDoNotSignInAreClosed();
    void lapsedSignInIsClosed();

private:
    QString sqlite() { return u"sqlite:"_s + m_dir.filePath(u"push-%1.db"_s.arg(++m_files)); }

    QTemporaryDir m_dir;
    QString m_postgresUrl;
    int m_files = 0;
};

void TestServerPush::initTestCase()
{
    QLoggingCategory::setFilterRules(u"weft.sandbox.debug=false"_s);
    m_postgresUrl = postgresUrl();
    QVERIFY2(!m_postgresUrl.isEmpty(), "no PostgreSQL: run with ctest (postgres fixture)");
}

void TestServerPush::init()
{
    const QString problem = resetPostgres(m_postgresUrl);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestServerPush::desktopsHearTheirOwnItems()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(sqlite());
    QVERIFY(server >= 0);
    const QString ada = rig.enrolled(server, u"ada@example.com"_s)[u"access_token"].toString();
    const QString bob = rig.enrolled(server, u"bob@example.com"_s)[u"access_token"].toString();
    Desktop adaDesktop(rig.url(server, u"/v1/push"_s, true), ada);
    Desktop bobDesktop(rig.url(server, u"/v1/push"_s, true), bob);
    QTRY_VERIFY(adaDesktop.ready() && bobDesktop.ready());
    QCOMPARE(adaDesktop.messages.first()[u"user"][u"email"].toString(), u"ada@example.com"_s);
    QCOMPARE(rig.instance(server).push()->clientCount(), 2);

    const Reply linked = rig.call(server, "POST", u"/v1/items"_s,
                                  {{u"public_token"_s, rig.publicToken(server)}}, ada);
    QCOMPARE(linked.status, 201);
    const QString itemId = linked.json[u"item"][u"item_id"].toString();
    QTRY_COMPARE(adaDesktop.lastNews(itemId), u"healthy"_s);

    QCOMPARE(rig.sandboxCall(u"/sandbox/item/reset_login"_s,
                             {{u"access_token"_s, rig.plaidAccessToken(server, itemId)}})
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(adaDesktop.lastNews(itemId), u"login_required"_s, 10000);
    QCOMPARE(rig.call(server, "DELETE", u"/v1/items/"_s + itemId, {}, ada).status, 200);
    QTRY_COMPARE(adaDesktop.lastNews(itemId), u"removed"_s);
    // Bob heard nothing of Ada's Item.
    QCOMPARE(bobDesktop.messages.size(), 1);
    QVERIFY(!adaDesktop.closed && !bobDesktop.closed);
}

void TestServerPush::twoInstancesBothDesktopsHear()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int first = rig.startInstance(m_postgresUrl);
    const int second = rig.startInstance(m_postgresUrl);
    QVERIFY(first >= 0 && second >= 0);
    // Ada's desktop signs in at the first instance; a second window of hers (the same sign-in)
    // keeps its push socket at the second, as a balancer may spread them.
    const QString laptop = rig.enrolled(first, u"ada@example.com"_s)[u"access_token"].toString();
    QCOMPARE(rig.call(second, "GET", u"/v1/me"_s, {}, laptop).status, 200);
    Desktop onFirst(rig.url(first, u"/v1/push"_s, true), laptop);
    Desktop onSecond(rig.url(second, u"/v1/push"_s, true), laptop);
    QTRY_VERIFY(onFirst.ready() && onSecond.ready());

    // The Item's webhook goes to the second instance; it was linked through the first.
    const Reply linked = rig.call(first, "POST", u"/v1/items"_s,
                                  {{u"public_token"_s, rig.publicToken(second)}}, laptop);
    QCOMPARE(linked.status, 201);
    const QString itemId = linked.json[u"item"][u"item_id"].toString();
    QTRY_COMPARE(onFirst.lastNews(itemId), u"healthy"_s);
    QTRY_COMPARE(onSecond.lastNews(itemId), u"healthy"_s);
    QCOMPARE(rig.sandboxCall(u"/sandbox/item/reset_login"_s,
                             {{u"access_token"_s, rig.plaidAccessToken(first, itemId)}})
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(onFirst.lastNews(itemId), u"login_required"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(onSecond.lastNews(itemId), u"login_required"_s, 10000);
    // Removed through the second: the first's desktop hears it too.
    QCOMPARE(rig.call(second, "DELETE", u"/v1/items/"_s + itemId, {}, laptop).status, 200);
    QTRY_COMPARE(onFirst.lastNews(itemId), u"removed"_s);
    QTRY_COMPARE(onSecond.lastNews(itemId), u"removed"_s);
}

void TestServerPush::socketsThatDoNotSignInAreClosed()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    const int server = rig.startInstance(sqlite());
    QVERIFY(server >= 0);
    const QString ada = rig.enrolled(server, u"ada@example.com"_s)[u"access_token"].toString();
    const QString bob = rig.enrolled(server, u"bob@example.com"_s)[u"access_token"].toString();
    const QUrl url = rig.url(server, u"/v1/push"_s, true);

    Desktop forged(url, u"wsa-"_s + QString(43, u'x'));
    QTRY_VERIFY(forged.closed);
    QCOMPARE(int(forged.socket.closeCode()), 4401);
    QVERIFY(forged.messages.isEmpty());

    Desktop refreshAsAccess(
        url, rig.enrolled(server, u"carol@example.com"_s)[u"refresh_token"].toString());
    QTRY_VERIFY(refreshAsAccess.closed);
    QCOMPARE(int(refreshAsAccess.socket.closeCode()), 4401);

    Desktop chatty(url, QString());
    QTRY_COMPARE(chatty.socket.state(), QAbstractSocket::ConnectedState);
    chatty.socket.sendTextMessage(u"{\"type\":\"subscribe\",\"user\":\"bob@example.com\"}"_s);
    QTRY_VERIFY(chatty.closed);
    QCOMPARE(int(chatty.socket.closeCode()), 4400);

    Desktop binary(url, QString());
    QTRY_COMPARE(binary.socket.state(), QAbstractSocket::ConnectedState);
    binary.socket.sendBinaryMessage("\x01\x02"_ba);
    QTRY_VERIFY(binary.closed);

    Desktop huge(url, QString());
    QTRY_COMPARE(huge.socket.state(), QAbstractSocket::ConnectedState);
    huge.socket.sendTextMessage(QString(PushHub::kMaxMessageBytes * 2, u'a'));
    QTRY_VERIFY(huge.closed);

    // Signed in as Ada, then a token of Bob's on the same socket: closed, not switched.
    Desktop switcher(url, ada);
    QTRY_VERIFY(switcher.ready());
    switcher.signIn(bob);
    QTRY_VERIFY(switcher.closed);
    QCOMPARE(int(switcher.socket.closeCode()), 4401);

    // One user may keep so many sockets, no more.
    std::vector<std::unique_ptr<Desktop>> many;
    for (int i = 0; i < PushHub::kMaxPerUser; ++i)
        many.push_back(std::make_unique<Desktop>(url, bob));
    QTRY_VERIFY(std::all_of(many.cbegin(), many.cend(), [](const auto &d) { return d->ready(); }));
    Desktop oneTooMany(url, bob);
    QTRY_VERIFY(oneTooMany.closed);
    QCOMPARE(int(oneTooMany.socket.closeCode()), 4429);
    many.clear();

    // An upgrade to another path is not a push socket (plain HTTP answers it).
    QTcpSocket elsewhere;
    elsewhere.connectToHost(QHostAddress::LocalHost, rig.instance(server).port());
    QVERIFY(elsewhere.waitForConnected(5000));
    elsewhere.write("GET /v1/items HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    "Sec-WebSocket-Version: 13\r\n\r\n");
    QTRY_VERIFY(elsewhere.bytesAvailable() > 0 || elsewhere.waitForReadyRead(100));
    QVERIFY2(elsewhere.peek(64).startsWith("HTTP/1.1 401"), elsewhere.peek(64).constData());
    // The API is unharmed.
    QCOMPARE(rig.call(server, "GET", u"/v1/me"_s, {}, ada).status, 200);
    QTRY_COMPARE(rig.instance(server).push()->clientCount(), 0);
}

void TestServerPush::lapsedSignInIsClosed()
{
    ServerRig rig;
    QVERIFY(rig.ok());
    weft::test::ManualClock clock(QDateTime::currentDateTimeUtc());
    const int server = rig.startInstance(sqlite(), nullptr, &clock);
    QVERIFY(server >= 0);
    const QJsonObject session = rig.enrolled(server, u"ada@example.com"_s);
    const QUrl url = rig.url(server, u"/v1/push"_s, true);

    Desktop silent(url, QString());
    QTRY_COMPARE(silent.socket.state(), QAbstractSocket::ConnectedState);
    Desktop renewing(url, session[u"access_token"].toString());
    Desktop lapsing(url, session[u"access_token"].toString());
    QTRY_VERIFY(renewing.ready() && lapsing.ready());

    // Past the sign-in window: the silent socket goes; the signed-in ones stay.
    clock.advance(std::chrono::seconds(PushHub::kAuthSeconds + 1));
    QTRY_VERIFY(silent.closed);
    QCOMPARE(int(silent.socket.closeCode()), 4401);
    QTest::qWait(1500);
    QVERIFY(!renewing.closed && !lapsing.closed);

    // Near the access token's end, one desktop refreshes and sends its new token.
    clock.advance(std::chrono::minutes(Credentials::kAccessMinutes - 1));
    const Reply refreshed = rig.call(server, "POST", u"/v1/session/refresh"_s,
                                     {{u"refresh_token"_s, session[u"refresh_token"].toString()}});
    QCOMPARE(refreshed.status, 200);
    renewing.signIn(refreshed.json[u"access_token"].toString());
    QTest::qWait(300);
    clock.advance(std::chrono::minutes(2));
    QTRY_VERIFY(lapsing.closed);
    QCOMPARE(int(lapsing.socket.closeCode()), 4401);
    QTest::qWait(1500);
    QVERIFY(!renewing.closed);

    // Signing out (or a revoked user, or a reused refresh token) reaches an open socket too.
    QCOMPARE(rig.call(server, "POST", u"/v1/session/sign_out"_s,
                      {{u"refresh_token"_s, refreshed.json[u"refresh_token"].toString()}})
                 .status,
             200);
    clock.advance(std::chrono::seconds(PushHub::kRecheckSeconds + 1));
    QTRY_VERIFY(renewing.closed);
    QCOMPARE(int(renewing.socket.closeCode()), 4401);
}

QTEST_GUILESS_MAIN(TestServerPush)
#include "tst_server_push.moc"
