// SingleInstance over real local sockets: a message reaches the running instance, a second
// listener is refused, a socket left by a crashed instance is taken over, and what is not
// Weft's (no prefix, over-long, silent) is dropped without a message.
#include "net/SingleInstance.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

using weft::net::SingleInstance;

namespace {

QString uniqueName()
{
    return QStringLiteral("weft-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// A raw client; returns what the server answered before closing.
QByteArray rawSend(const QString &name, const QByteArray &bytes, int waitMs = 3000)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(2000))
        return "(no connection)";
    socket.write(bytes);
    socket.waitForBytesWritten(1000);
    QByteArray answer;
    QDeadlineTimer deadline(waitMs);
    while (!deadline.hasExpired() && socket.state() == QLocalSocket::ConnectedState) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        socket.waitForReadyRead(20);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void namesFollowTheConfiguration();
    void messageReachesTheRunningInstance();
    void noInstanceMeansNoHandOver();
    void secondListenerIsRefused();
    void staleSocketIsTakenOver();
    void foreignBytesAreDropped();
    void overLongMessagesAreRefused();
};

void TestSingleInstance::namesFollowTheConfiguration()
{
    const QString a = SingleInstance::nameFor(QStringLiteral("/home/a/.config"));
    QCOMPARE(a, SingleInstance::nameFor(QStringLiteral("/home/a/.config/")));
    QVERIFY(a != SingleInstance::nameFor(QStringLiteral("/home/b/.config")));
    QVERIFY(QRegularExpression(QStringLiteral("^weft-[0-9a-f]{24}$")).match(a).hasMatch());
    QVERIFY(!SingleInstance::defaultName().isEmpty());
}

void TestSingleInstance::messageReachesTheRunningInstance()
{
    SingleInstance instance(uniqueName());
    QString error;
    QVERIFY2(instance.listen(&error), qPrintable(error));
    QSignalSpy received(&instance, &SingleInstance::messageReceived);
    // The sender blocks; the receiver answers from this thread's event loop, so send from
    // another thread as a second process would.
    bool sent = false;
    QThread *sender = QThread::create([&] {
        sent = SingleInstance::sendToRunning(
            instance.name(), QStringLiteral("open-url weft://oauth?oauth_state_id=abc"));
    });
    sender->start();
    QTRY_VERIFY(sender->isFinished());
    delete sender;
    QVERIFY(sent);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().first().toString(),
             QStringLiteral("open-url weft://oauth?oauth_state_id=abc"));
    // Messages with a line break are never sent (one line each).
    QVERIFY(!SingleInstance::sendToRunning(instance.name(), QStringLiteral("show\nshow")));
}

void TestSingleInstance::noInstanceMeansNoHandOver()
{
    QVERIFY(!SingleInstance::sendToRunning(uniqueName(), QStringLiteral("show"), 300));
}

void TestSingleInstance::secondListenerIsRefused()
{
    const QString name = uniqueName();
    SingleInstance first(name);
    QString error;
    QVERIFY(first.listen(&error));
    SingleInstance second(name);
    QVERIFY(!second.listen(&error));
    QVERIFY2(error.contains(QStringLiteral("another Weft")), qPrintable(error));
}

void TestSingleInstance::staleSocketIsTakenOver()
{
#ifdef Q_OS_UNIX
    const QString name = uniqueName();
    const QString path = QDir::temp().filePath(name);
    {
        // A socket file nobody listens on any more (an instance that crashed).
        QFile stale(path);
        QVERIFY(stale.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFile::exists(path));
    SingleInstance instance(name);
    QString error;
    QVERIFY2(instance.listen(&error), qPrintable(error));
    QSignalSpy received(&instance, &SingleInstance::messageReceived);
    QCOMPARE(rawSend(name, "WEFT1 show\n"), QByteArray("OK\n"));
    QCOMPARE(received.size(), 1);
#else
    QSKIP("local sockets are not files here");
#endif
}

void TestSingleInstance::foreignBytesAreDropped()
{
    SingleInstance instance(uniqueName());
    QString error;
    QVERIFY(instance.listen(&error));
    QSignalSpy received(&instance, &SingleInstance::messageReceived);
    QCOMPARE(rawSend(instance.name(), "GET / HTTP/1.1\r\n\r\n"), QByteArray());
    QCOMPARE(rawSend(instance.name(), "WEFT2 show\n"), QByteArray());
    // Connected and silent: closed after a while, nothing received.
    QCOMPARE(rawSend(instance.name(), QByteArray(), 4000), QByteArray());
    QCOMPARE(received.size(), 0);
    // It still serves the next one.
    QCOMPARE(rawSend(instance.name(), "WEFT1 show\n"), QByteArray("OK\n"));
    QCOMPARE(received.size(), 1);
}

void TestSingleInstance::overLongMessagesAreRefused()
{
    SingleInstance instance(uniqueName());
    QString error;
    QVERIFY(instance.listen(&error));
    QSignalSpy received(&instance, &SingleInstance::messageReceived);
    const QByteArray huge = "WEFT1 " + QByteArray(SingleInstance::kMaxMessage * 2, 'x') + '\n';
    QCOMPARE(rawSend(instance.name(), huge), QByteArray());
    QCOMPARE(received.size(), 0);
    QVERIFY(!SingleInstance::sendToRunning(instance.name(),
                                           QString(SingleInstance::kMaxMessage, u'x'), 300));
    QCOMPARE(received.size(), 0);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
