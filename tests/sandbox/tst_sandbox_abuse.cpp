// The weft-sandbox executable under abuse over raw loopback HTTP: huge bodies and headers, slow
// and idle connections, request smuggling shapes, another Host — each refused with its status
// and Plaid's error shape, without the process's memory growing with the attack, and the
// server still answering afterwards.
#include "SandboxHttpTestKit.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>

#include <memory>

using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

namespace {

// Peak resident memory of pid, in MiB (VmHWM).
double peakMiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression line(u"VmHWM:\\s+(\\d+) kB"_s);
    const auto match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : -1;
}

struct Raw
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;

    bool connect(quint16 port)
    {
        socket->connectToHost(QHostAddress::LocalHost, port);
        return socket->waitForConnected(5000);
    }
    int status() const { return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0; }
    QByteArray body() const { return received.mid(received.indexOf("\r\n\r\n") + 4); }
    bool waitForClose(int timeoutMs = 10000)
    {
        return QTest::qWaitFor(
            [this] {
                received += socket->readAll();
                return socket->state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
    // Sends up to total bytes of chunk until the server answers or closes.
    qint64 stream(const QByteArray &chunk, qint64 total)
    {
        qint64 sent = 0;
        while (sent < total && status() == 0 &&
               socket->state() == QAbstractSocket::ConnectedState) {
            if (socket->bytesToWrite() < 1024 * 1024) {
                socket->write(chunk);
                sent += chunk.size();
            }
            socket->waitForBytesWritten(5);
            received += socket->readAll();
        }
        return sent;
    }
};

QByteArray post(quint16 port, const QByteArray &extraHeaders, const QByteArray &body)
{
    return "POST /item/get HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nContent-Type: application/json\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

class TestSandboxAbuse : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void hugeDeclaredBody();
    void hugeStreamedBody();
    void hugeHeaders();
    void smugglingShapes_data();
    void smugglingShapes();
    void anotherHostIsRefused();
    void connectionCloseIsHonoured();
    void slowConnections();
    void stillServesAndStaysSmall();

private:
    QProcess m_server;
    quint16 m_port = 0;
    double m_startPeak = 0;
};

void TestSandboxAbuse::initTestCase()
{
    ServerKit::quietLog();
    const QString binary = qEnvironmentVariable("WEFT_SANDBOX_BINARY");
    QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary));
    // Its log is not read while the test floods it: it goes nowhere rather than fill a pipe.
    m_server.setStandardErrorFile(QProcess::nullDevice());
    m_server.start(binary, {u"--port"_s, u"0"_s, u"--no-admin"_s});
    QVERIFY(m_server.waitForStarted(5000));
    QVERIFY(QTest::qWaitFor([this] { return m_server.canReadLine(); }, 10000));
    const QUrl base(QString::fromUtf8(m_server.readLine().trimmed()));
    m_port = quint16(base.port());
    QVERIFY(m_port != 0);
    m_startPeak = peakMiB(m_server.processId());
    QVERIFY(m_startPeak > 0);
}

void TestSandboxAbuse::cleanupTestCase()
{
    m_server.terminate();
    m_server.waitForFinished(5000);
}

void TestSandboxAbuse::hugeDeclaredBody()
{
    Raw raw;
    QVERIFY(raw.connect(m_port));
    raw.socket->write(post(m_port, "Content-Length: 524288000\r\n", {}));
    raw.stream(QByteArray(1024 * 1024, 'x'), 64LL * 1024 * 1024);
    QVERIFY(raw.waitForClose());
    QCOMPARE(raw.status(), 413);
    const QJsonObject error = QJsonDocument::fromJson(raw.body()).object();
    QCOMPARE(error.value(u"error_type").toString(), u"INVALID_REQUEST"_s);
    QVERIFY(!error.value(u"error_code").toString().isEmpty());
    QVERIFY(!error.value(u"request_id").toString().isEmpty());
}

void TestSandboxAbuse::hugeStreamedBody()
{
    Raw raw;
    QVERIFY(raw.connect(m_port));
    raw.socket->write(post(m_port, "Transfer-Encoding: chunked\r\n", {}));
    const QByteArray chunk = "100000\r\n" + QByteArray(0x100000, 'y') + "\r\n";
    const qint64 sent = raw.stream(chunk, 500LL * 1024 * 1024);
    QVERIFY(raw.waitForClose());
    QCOMPARE(raw.status(), 413);
    QVERIFY2(sent < 64LL * 1024 * 1024, qPrintable(QString::number(sent)));
}

void TestSandboxAbuse::hugeHeaders()
{
    {
        Raw raw; // a 10 MB header line
        QVERIFY(raw.connect(m_port));
        raw.socket->write("GET /link/v2/stable/link.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");
        raw.stream(QByteArray(64 * 1024, 'h'), 10LL * 1024 * 1024);
        QVERIFY(raw.waitForClose());
        QCOMPARE(raw.status(), 431);
    }
    {
        Raw raw; // 100,000 header fields
        QVERIFY(raw.connect(m_port));
        QByteArray many = "GET /link/v2/stable/link.html HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (int i = 0; i < 100000; ++i)
            many += "A: b\r\n";
        raw.socket->write(many + "\r\n");
        QVERIFY(raw.waitForClose());
        QCOMPARE(raw.status(), 431);
    }
}

void TestSandboxAbuse::smugglingShapes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("Content-Length and Transfer-Encoding")
        << QByteArray("POST /item/get HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /x HTTP/1.1\r\n\r\n")
        << 400;
    QTest::newRow("two Content-Lengths")
        << QByteArray("POST /item/get HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                      "Content-Length: 20\r\n\r\n{}")
        << 400;
    QTest::newRow("obs-fold") << QByteArray(
                                     "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: a\r\n b\r\n\r\n")
                              << 400;
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: 127.0.0.1\n\n") << 400;
    QTest::newRow("gzip coding")
        << QByteArray(
               "POST /item/get HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n")
        << 501;
}

void TestSandboxAbuse::smugglingShapes()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    Raw raw;
    QVERIFY(raw.connect(m_port));
    raw.socket->write(request);
    QVERIFY(raw.waitForClose());
    QCOMPARE(raw.status(), status);
    QCOMPARE(raw.received.count("HTTP/1.1 "), 1); // nothing smuggled through
}

void TestSandboxAbuse::anotherHostIsRefused()
{
    // A web page whose name was rebound to 127.0.0.1 sends its own name as Host.
    Raw raw;
    QVERIFY(raw.connect(m_port));
    raw.socket->write("GET /link/v2/stable/link-initialize.js HTTP/1.1\r\nHost: evil.example:" +
                      QByteArray::number(m_port) + "\r\nConnection: close\r\n\r\n");
    QVERIFY(raw.waitForClose());
    QCOMPARE(raw.status(), 421);
    QVERIFY(!raw.body().contains("Plaid.create"));
}

void TestSandboxAbuse::connectionCloseIsHonoured()
{
    Raw raw;
    QVERIFY(raw.connect(m_port));
    raw.socket->write("GET /link/v2/stable/link.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Connection: close\r\n\r\nGET /link/v2/stable/link.html HTTP/1.1\r\n"
                      "Host: 127.0.0.1\r\n\r\n");
    QVERIFY(raw.waitForClose(5000));
    QCOMPARE(raw.status(), 200);
    QCOMPARE(raw.received.count("HTTP/1.1 "), 1);
}

void TestSandboxAbuse::slowConnections()
{
    // 2,000 connections that send a little and never finish: each is answered (503 while the
    // server is full, 408 when its header time is up) and closed.
    std::vector<Raw> slow(2000);
    for (size_t i = 0; i < slow.size(); ++i) {
        QVERIFY2(slow[i].connect(m_port),
                 qPrintable(u"connection %1: %2"_s.arg(i).arg(slow[i].socket->errorString())));
        slow[i].socket->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    }
    QElapsedTimer clock;
    clock.start();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(slow.begin(), slow.end(), [](Raw &raw) {
                raw.received += raw.socket->readAll();
                return raw.socket->state() == QAbstractSocket::UnconnectedState;
            });
        },
        40000));
    int busy = 0;
    int timedOut = 0;
    for (const Raw &raw : slow) {
        busy += raw.status() == 503;
        timedOut += raw.status() == 408;
    }
    qInfo() << "slow connections: 503" << busy << "408" << timedOut << "all closed after"
            << clock.elapsed() << "ms";
    QCOMPARE(busy + timedOut, int(slow.size()));
}

void TestSandboxAbuse::stillServesAndStaysSmall()
{
    QNetworkAccessManager nam;
    const HttpResult answer = httpSend(
        nam, "GET", QUrl(u"http://127.0.0.1:%1/link/v2/stable/link-initialize.js"_s.arg(m_port)));
    QCOMPARE(answer.status, 200);
    const double peak = peakMiB(m_server.processId());
    qInfo() << "weft-sandbox peak resident memory:" << peak << "MiB (at start" << m_startPeak
            << "MiB)";
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer keeps freed memory in quarantine: the memory bound is checked in the "
          "normal build");
#endif
    QVERIFY2(peak < m_startPeak + 64, qPrintable(QString::number(peak)));
}

QTEST_GUILESS_MAIN(TestSandboxAbuse)
#include "tst_sandbox_abuse.moc"
