// HttpServer over real loopback sockets: keep-alive, pipelining, 100-continue and HEAD; and
// what a hostile client cannot do: make it hold a large body or header, keep a connection
// forever (idle, slow headers, slow body), smuggle a request with Content-Length and
// Transfer-Encoding, or take every connection.
#include "net/HttpResponder.h"
#include "net/HttpServer.h"

#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace weft::net;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

struct Client
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;

    bool connect(quint16 port)
    {
        socket->connectToHost(QHostAddress::LocalHost, port);
        return socket->waitForConnected(5000);
    }
    void send(const QByteArray &bytes)
    {
        socket->write(bytes);
        socket->flush();
    }
    // Reads until the predicate holds on what arrived, or the time is up.
    bool waitFor(const std::function<bool(const QByteArray &)> &done, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                received += socket->readAll();
                return done(received);
            },
            timeoutMs);
    }
    bool waitForClose(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                received += socket->readAll();
                return socket->state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
    int status() const { return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0; }
    int answers() const { return int(received.count("HTTP/1.1 200")); }
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

bool hasWholeAnswer(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const qsizetype at = bytes.indexOf("Content-Length: ");
    const qint64 length = bytes.mid(at + 16, bytes.indexOf("\r\n", at) - at - 16).toLongLong();
    return bytes.size() >= end + 4 + length;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keepAliveAndPipelining();
    void connectionCloseIsHonoured();
    void http10ClosesByDefault();
    void headHasNoBody();
    void expectContinue();
    void bodyOverTheLimit();
    void streamedBodyOverTheLimitIsNotBuffered();
    void hugeHeaderLine();
    void tooManyHeaders();
    void lengthAndChunkedTogether();
    void idleConnectionsClose();
    void slowHeadersTimeOut();
    void slowBodyTimesOut();
    void slowConnectionsCannotExhaustTheServer();
    void idleConnectionsMakeRoom();
    void delayedAnswerToAGoneClient();
    void webSocketUpgradesAreSortedOut();
    void sortingHonoursTheHeaderLimits();

private:
    std::unique_ptr<HttpServer> start(const HttpLimits &limits);

    std::unique_ptr<HttpServer> m_server;
    int m_handled = 0;
    QList<HttpResponder> m_held; // answered later by a test
};

void TestHttpServer::init()
{
    m_handled = 0;
    m_held.clear();
}

void TestHttpServer::cleanup()
{
    m_held.clear();
    m_server.reset();
}

std::unique_ptr<HttpServer> TestHttpServer::start(const HttpLimits &limits)
{
    auto server = std::make_unique<HttpServer>(limits);
    server->setHandler([this](const HttpRequest &request, const HttpResponder &responder) {
        ++m_handled;
        if (request.path == u"/hold") {
            m_held.append(responder);
            return;
        }
        responder.respond(
            HttpResponse::text(200, request.path + u' ' + QString::number(request.body.size())));
    });
    QString error;
    if (!server->listen(QHostAddress::LocalHost, 0, &error))
        qWarning() << error;
    return server;
}

void TestHttpServer::keepAliveAndPipelining()
{
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send(get("/one"));
    QVERIFY(client.waitFor(hasWholeAnswer));
    QVERIFY(client.received.contains("Connection: keep-alive"));
    client.received.clear();
    // Three requests in one write: three answers, in order, on the same connection.
    client.send(get("/a") + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nxyz" +
                get("/c"));
    QVERIFY(client.waitFor([](const QByteArray &b) { return b.count("HTTP/1.1 200") == 3; }));
    QVERIFY(client.waitFor([](const QByteArray &b) { return b.endsWith("/c 0"); }));
    const qsizetype a = client.received.indexOf("/a 0");
    const qsizetype b = client.received.indexOf("/b 3");
    QVERIFY(a > 0 && b > a);
    QCOMPARE(client.socket->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_handled, 4);
}

void TestHttpServer::connectionCloseIsHonoured()
{
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send(get("/bye", "Connection: close\r\n") + get("/never"));
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 200);
    QVERIFY(client.received.contains("Connection: close"));
    QCOMPARE(m_handled, 1);
}

void TestHttpServer::http10ClosesByDefault()
{
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send("GET /old HTTP/1.0\r\n\r\n");
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 200);
}

void TestHttpServer::headHasNoBody()
{
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n" + get("/next"));
    QVERIFY(client.waitFor([](const QByteArray &b) { return b.endsWith("/next 0"); }));
    QVERIFY(client.received.contains("Content-Length: 4\r\n")); // "/h 0", announced only
    QVERIFY(!client.received.contains("/h 0"));
}

void TestHttpServer::expectContinue()
{
    HttpLimits limits;
    limits.maxBodyBytes = 1000;
    m_server = start(limits);
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send(
        "POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QVERIFY(client.waitFor([](const QByteArray &b) { return b.contains("100 Continue\r\n\r\n"); }));
    client.send("12345");
    QVERIFY(client.waitFor([](const QByteArray &b) { return b.endsWith("/up 5"); }));

    // Too large: refused at once, without asking for the body.
    Client big;
    QVERIFY(big.connect(m_server->port()));
    big.send(
        "POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
    QVERIFY(big.waitForClose());
    QCOMPARE(big.status(), 413);
    QVERIFY(!big.received.contains("100 Continue"));
}

void TestHttpServer::bodyOverTheLimit()
{
    m_server = start({}); // 1 MiB
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 524288000\r\n\r\n");
    client.send(QByteArray(256 * 1024, 'x'));
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 413);
    QVERIFY(client.received.contains("Connection: close"));
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::streamedBodyOverTheLimitIsNotBuffered()
{
    // A chunked body that never ends: refused as soon as it passes the limit, while the client
    // is still sending; the server read no more than the limit and its drain allowance.
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send("POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, 'y') + "\r\n";
    qint64 sent = 0;
    while (client.status() == 0 && sent < 200 * 1024 * 1024 &&
           client.socket->state() == QAbstractSocket::ConnectedState) {
        if (client.socket->bytesToWrite() < 1024 * 1024) {
            client.socket->write(chunk);
            sent += chunk.size();
        }
        QTest::qWait(1);
        client.received += client.socket->readAll();
    }
    QCOMPARE(client.status(), 413);
    QVERIFY2(sent < 32 * 1024 * 1024, qPrintable(QString::number(sent)));
    QVERIFY(client.waitForClose());
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::hugeHeaderLine()
{
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
    for (int i = 0; i < 160 && client.socket->state() == QAbstractSocket::ConnectedState; ++i) {
        client.send(QByteArray(64 * 1024, 'h')); // up to 10 MB, if it were all taken
        client.received += client.socket->readAll();
        if (client.status() != 0)
            break;
    }
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 431);
}

void TestHttpServer::tooManyHeaders()
{
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    QByteArray request = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 100000 && request.size() < 2 * 1024 * 1024; ++i)
        request += "A:" + QByteArray::number(i % 10) + "\r\n";
    client.send(request + "\r\n");
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 431);
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::lengthAndChunkedTogether()
{
    m_server = start({});
    Client client;
    QVERIFY(client.connect(m_server->port()));
    // The classic smuggling shape: the chunked body ends early and "GET /smuggled" would be a
    // second request to a server that believed the Content-Length, or the other way round.
    client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n"
                "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n");
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 400);
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::idleConnectionsClose()
{
    HttpLimits limits;
    limits.idleTimeout = 300ms;
    m_server = start(limits);
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send(get("/x"));
    QVERIFY(client.waitFor(hasWholeAnswer));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.waitForClose(3000));
    QVERIFY(timer.elapsed() >= 250);
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::slowHeadersTimeOut()
{
    HttpLimits limits;
    limits.headerTimeout = 400ms;
    m_server = start(limits);
    Client client;
    QVERIFY(client.connect(m_server->port()));
    // One byte at a time, forever (slowloris): the header time limit still ends it.
    client.send("GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 40 && client.socket->state() == QAbstractSocket::ConnectedState; ++i) {
        client.send("X");
        QTest::qWait(50);
        client.received += client.socket->readAll();
    }
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 408);
}

void TestHttpServer::slowBodyTimesOut()
{
    HttpLimits limits;
    limits.requestTimeout = 500ms;
    m_server = start(limits);
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    for (int i = 0; i < 40 && client.socket->state() == QAbstractSocket::ConnectedState; ++i) {
        client.send("z");
        QTest::qWait(50);
        client.received += client.socket->readAll();
    }
    QVERIFY(client.waitForClose());
    QCOMPARE(client.status(), 408);
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::slowConnectionsCannotExhaustTheServer()
{
    HttpLimits limits;
    limits.maxConnections = 32;
    limits.headerTimeout = 500ms;
    limits.idleTimeout = 500ms;
    m_server = start(limits);
    // 300 clients that start a request and never finish it.
    std::vector<Client> slow(300);
    for (Client &client : slow) {
        QVERIFY(client.connect(m_server->port()));
        client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_server->connectionCount() > 0, 5000);
    QVERIFY(m_server->connectionCount() <= limits.maxConnections);
    // Every one of them is answered (503 while full, 408 once its time is up) and closed.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(slow.begin(), slow.end(), [](Client &c) {
                c.received += c.socket->readAll();
                return c.socket->state() == QAbstractSocket::UnconnectedState;
            });
        },
        15000));
    int busy = 0;
    int timedOut = 0;
    for (const Client &client : slow) {
        busy += client.status() == 503;
        timedOut += client.status() == 408;
    }
    QCOMPARE(busy + timedOut, int(slow.size()));
    QVERIFY(timedOut <= limits.maxConnections);
    QTRY_COMPARE(m_server->connectionCount(), 0);
    // And the server still serves.
    Client client;
    QVERIFY(client.connect(m_server->port()));
    client.send(get("/after"));
    QVERIFY(client.waitFor(hasWholeAnswer));
    QCOMPARE(client.status(), 200);
}

void TestHttpServer::idleConnectionsMakeRoom()
{
    HttpLimits limits;
    limits.maxConnections = 4;
    m_server = start(limits);
    std::vector<Client> idle(4);
    for (Client &client : idle) {
        QVERIFY(client.connect(m_server->port()));
        client.send(get("/first"));
        QVERIFY(client.waitFor(hasWholeAnswer));
    }
    QCOMPARE(m_server->connectionCount(), 4);
    Client newcomer;
    QVERIFY(newcomer.connect(m_server->port()));
    newcomer.send(get("/new"));
    QVERIFY(newcomer.waitFor(hasWholeAnswer));
    QCOMPARE(newcomer.status(), 200);
    QVERIFY(idle.front().waitForClose()); // the longest idle made room
    QCOMPARE(m_server->connectionCount(), 4);
}

void TestHttpServer::delayedAnswerToAGoneClient()
{
    m_server = start({});
    {
        Client client;
        QVERIFY(client.connect(m_server->port()));
        client.send(get("/hold"));
        QTRY_COMPARE(m_held.size(), 1);
        QVERIFY(m_held.first().isConnected());
    }
    QTRY_VERIFY(!m_held.first().isConnected());
    m_held.first().respond(HttpResponse::text(200, u"late"_s)); // nothing happens, no crash
    m_held.first().respond(HttpResponse::text(200, u"twice"_s));
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::webSocketUpgradesAreSortedOut()
{
    m_server = start({});
    QList<QByteArray> taken;
    std::vector<std::unique_ptr<QTcpSocket>> owned;
    m_server->setWebSocketHandler(u"/push"_s, [&](QTcpSocket *socket) {
        owned.emplace_back(socket);
        taken.append(socket->readAll()); // the handshake, unread until now
    });
    const QByteArray upgrade = get("/push", "Upgrade: websocket\r\nConnection: Upgrade\r\n");
    Client ws;
    QVERIFY(ws.connect(m_server->port()));
    ws.send(upgrade);
    QTRY_COMPARE(taken.size(), 1);
    QCOMPARE(taken.first(), upgrade);
    QCOMPARE(m_handled, 0);

    // Plain requests, pipelined, are HTTP as before, their first bytes not lost to the sorting.
    Client plain;
    QVERIFY(plain.connect(m_server->port()));
    plain.send(get("/a") + get("/b"));
    QVERIFY(plain.waitFor([](const QByteArray &b) { return b.endsWith("/b 0"); }));
    QCOMPARE(plain.answers(), 2);
    // Neither another path's upgrade, nor /push without the upgrade, nor /pushed is taken.
    for (const QByteArray &request : {get("/other", "Upgrade: websocket\r\n"), get("/push"),
                                      get("/pushed", "Upgrade: websocket\r\n")}) {
        Client client;
        QVERIFY(client.connect(m_server->port()));
        client.send(request);
        QVERIFY(client.waitFor(hasWholeAnswer));
        QCOMPARE(client.status(), 200);
    }
    QCOMPARE(taken.size(), 1);
}

void TestHttpServer::sortingHonoursTheHeaderLimits()
{
    HttpLimits limits;
    limits.headerTimeout = 400ms;
    limits.maxHeaderBytes = 1024;
    m_server = start(limits);
    int taken = 0;
    m_server->setWebSocketHandler(u"/push"_s, [&](QTcpSocket *socket) {
        ++taken;
        socket->deleteLater();
    });
    // A head that never ends is not held forever by the sorting: HTTP's limits end it.
    Client slow;
    QVERIFY(slow.connect(m_server->port()));
    slow.send("GET /push HTTP/1.1\r\nUpgrade: websocket\r\n");
    QVERIFY(slow.waitForClose(5000));
    QCOMPARE(slow.status(), 408);
    // A head too big to sort is answered as HTTP would (431), never handed over.
    Client big;
    QVERIFY(big.connect(m_server->port()));
    big.send("GET /push HTTP/1.1\r\nUpgrade: websocket\r\nX: " + QByteArray(2000, 'a') +
             "\r\n\r\n");
    QVERIFY(big.waitForClose(5000));
    QCOMPARE(big.status(), 431);
    // A client that connects and says nothing is closed.
    Client silent;
    QVERIFY(silent.connect(m_server->port()));
    QVERIFY(silent.waitForClose(5000));
    QCOMPARE(taken, 0);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
