#include "server/PushHub.h"

#include "core/Clock.h"
#include "server/ServerApiJson.h"
#include "server/ServerDatabase.h"
#include "server/ServerLogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace weft::server {
namespace {

constexpr int kUnauthorized = 4401;
constexpr int kBadMessage = 4400;
constexpr int kTooMany = 4429;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

PushHub::PushHub(ServerDatabase *database, ServerDatabase *listener, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_credentials(database)
    , m_items(database)
    , m_server(new QWebSocketServer(QStringLiteral("weft-server"), QWebSocketServer::NonSecureMode,
                                    this))
{
    // TLS, when on, is the HTTP listener's: the socket handed over is already encrypted.
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QWebSocketServer::newConnection, this, &PushHub::accept);
    m_sweep.setInterval(1000);
    connect(&m_sweep, &QTimer::timeout, this, &PushHub::sweep);
    m_sweep.start();
    if (listener) {
        QSqlDriver *driver = listener->connection().driver();
        if (!driver->subscribeToNotification(QString::fromLatin1(kChannel)))
            qCWarning(lcServer).noquote()
                << "cannot LISTEN for changes from other instances:" << driver->lastError().text();
        connect(
            driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (name != QLatin1StringView(kChannel))
                    return;
                const QStringList parts = payload.toString().split(u' ');
                bool ok = false;
                const qint64 userId = parts.value(0).toLongLong(&ok);
                if (ok && parts.size() == 2)
                    deliver(userId, parts.at(1));
            });
    }
}

PushHub::~PushHub()
{
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        disconnect(it.key(), nullptr, this, nullptr);
}

void PushHub::take(QTcpSocket *socket)
{
    if (m_clients.size() >= kMaxClients || m_signingIn >= kMaxSigningIn) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_server->handleConnection(socket);
}

void PushHub::accept()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
        socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
        m_clients.insert(socket, {0, m_clock->now().addSecs(kAuthSeconds), {}});
        ++m_signingIn;
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { received(socket, message); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [socket] { close(socket, kBadMessage, QStringLiteral("text messages only")); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            const auto gone = m_clients.constFind(socket);
            if (gone != m_clients.cend() && gone->userId == 0)
                --m_signingIn;
            m_clients.remove(socket);
            socket->deleteLater();
        });
    }
}

void PushHub::received(QWebSocket *socket, const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    if (object.value(QLatin1StringView("type")).toString() != u"auth") {
        close(socket, kBadMessage, QStringLiteral("only auth messages are taken"));
        return;
    }
    Credentials::Outcome outcome;
    const auto principal = m_credentials.authenticate(
        object.value(QLatin1StringView("access_token")).toString(), m_clock->now(), &outcome);
    auto client = m_clients.find(socket);
    if (client == m_clients.end())
        return;
    // A new token for another user on an open socket is refused like a bad one.
    if (!principal || (client->userId != 0 && client->userId != principal->userId)) {
        close(socket, kUnauthorized,
              principal ? QStringLiteral("another user") : QStringLiteral("not signed in"));
        return;
    }
    const bool first = client->userId == 0;
    if (first) {
        int sockets = 0;
        for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
            sockets += it->userId == principal->userId ? 1 : 0;
        if (sockets >= kMaxPerUser) {
            close(socket, kTooMany, QStringLiteral("too many connections for this user"));
            return;
        }
        --m_signingIn;
    }
    client->userId = principal->userId;
    client->deadline = principal->expiresAt;
    client->tokenHash =
        Credentials::tokenHash(object.value(QLatin1StringView("access_token")).toString());
    if (first)
        socket->sendTextMessage(
            compact({{QStringLiteral("type"), QStringLiteral("ready")},
                     {QStringLiteral("user"), apijson::principal(*principal)}}));
}

void PushHub::publish(qint64 userId, const QString &itemId)
{
    if (!m_database->isPostgres()) {
        deliver(userId, itemId);
        return;
    }
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(QString::fromLatin1(kChannel));
    query.addBindValue(QStringLiteral("%1 %2").arg(userId).arg(itemId));
    if (!query.exec()) {
        qCWarning(lcServer).noquote()
            << "cannot tell the other instances:" << query.lastError().text();
        deliver(userId, itemId); // this instance's desktops at least
    }
}

void PushHub::deliver(qint64 userId, const QString &itemId)
{
    QList<QWebSocket *> sockets;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->userId == userId)
            sockets.append(it.key());
    }
    if (sockets.isEmpty())
        return;
    QString error;
    const auto item = m_items.get(userId, itemId, &error);
    if (!item && !error.isEmpty()) {
        qCWarning(lcServer).noquote() << "cannot read" << itemId << "to push it:" << error;
        return;
    }
    const QString message = item
                                ? compact({{QStringLiteral("type"), QStringLiteral("item_changed")},
                                           {QStringLiteral("item"), apijson::item(*item)}})
                                : compact({{QStringLiteral("type"), QStringLiteral("item_removed")},
                                           {QStringLiteral("item_id"), itemId}});
    for (QWebSocket *socket : std::as_const(sockets))
        socket->sendTextMessage(message);
}

void PushHub::sweep()
{
    const QDateTime now = m_clock->now();
    QList<QWebSocket *> expired;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->deadline <= now)
            expired.append(it.key());
    }
    // Signed-in sockets whose sign-in was revoked since (one query for them all).
    if (!m_lastRecheck.isValid() || m_lastRecheck.secsTo(now) >= kRecheckSeconds) {
        m_lastRecheck = now;
        QStringList hashes;
        for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
            if (it->userId != 0)
                hashes.append(it->tokenHash);
        }
        const auto valid = hashes.isEmpty() ? std::optional<QSet<QString>>()
                                            : m_credentials.stillValid(hashes, now);
        if (valid) {
            for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
                if (it->userId != 0 && !valid->contains(it->tokenHash) &&
                    !expired.contains(it.key()))
                    expired.append(it.key());
            }
        }
    }
    for (QWebSocket *socket : std::as_const(expired))
        close(socket, kUnauthorized, QStringLiteral("sign in again"));
}

void PushHub::close(QWebSocket *socket, int code, const QString &reason)
{
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

} // namespace weft::server
