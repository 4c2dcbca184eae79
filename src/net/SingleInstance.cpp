#include "net/SingleInstance.h"

#include "net/NetLogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

namespace weft::net {
namespace {

constexpr QByteArrayView kPrefix("WEFT1 ");
constexpr int kReadTimeoutMs = 2000;

QString userName()
{
    const QString name = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return name.isEmpty() ? QStringLiteral("user") : name;
}

} // namespace

QString SingleInstance::nameFor(const QString &configDirectory)
{
    const QByteArray key =
        (userName() + u'\n' + QDir::cleanPath(QDir(configDirectory).absolutePath())).toUtf8();
    return QStringLiteral("weft-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}

QString SingleInstance::defaultName()
{
    return nameFor(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
}

bool SingleInstance::sendToRunning(const QString &name, const QString &message, int timeoutMs)
{
    const QByteArray line = kPrefix.toByteArray() + message.toUtf8() + '\n';
    if (line.size() > kMaxMessage || message.contains(u'\n'))
        return false;
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(line);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine() == "OK\n";
}

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(8);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::listen(QString *error)
{
    // With socket options Qt makes the socket aside and renames it into place, which would take
    // the name from a live instance: look first.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(500)) {
        *error = QStringLiteral("another Weft is running");
        return false;
    }
    if (m_server->listen(m_name))
        return true;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // Left behind by an instance that crashed: nobody answers there.
        QLocalServer::removeServer(m_name);
        if (m_server->listen(m_name))
            return true;
    }
    *error = m_server->errorString();
    return false;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        QPointer<QLocalSocket> guard(socket);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto onReady = [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxMessage) {
                    qCWarning(lcNet) << "dropped an over-long message from another Weft";
                    socket->abort();
                }
                return;
            }
            const QByteArray line = socket->readLine(kMaxMessage + 1);
            if (!line.startsWith(kPrefix) || !line.endsWith('\n')) {
                qCWarning(lcNet) << "dropped a message from another Weft that is not Weft's";
                socket->abort();
                return;
            }
            socket->write("OK\n");
            socket->disconnectFromServer();
            emit messageReceived(QString::fromUtf8(line.mid(kPrefix.size()).chopped(1)));
        };
        connect(socket, &QLocalSocket::readyRead, this, onReady);
        // A client that connects and says nothing is not waited for.
        QTimer::singleShot(kReadTimeoutMs, socket, [guard] {
            if (guard && guard->state() == QLocalSocket::ConnectedState)
                guard->abort();
        });
        if (socket->bytesAvailable() > 0)
            onReady();
    }
}

} // namespace weft::net
