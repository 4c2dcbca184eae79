#pragma once

#include "server/Credentials.h"
#include "server/ItemStore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace weft {
class Clock;
}

namespace weft::server {

class ServerDatabase;

// Tells desktops at once when their Items change, over a WebSocket at /v1/push (the API's own
// port; HttpServer hands the upgrade over). The desktop's first message signs in:
//   {"type": "auth", "access_token": "wsa-…"}          (again with each new access token)
// and the hub answers {"type": "ready", "user": {…}}; from then on, for the user's Items only:
//   {"type": "item_changed", "item": {…}}  or  {"type": "item_removed", "item_id": "…"}.
// A socket that does not sign in within kAuthSeconds, or whose access token expires without a
// new one, or is revoked (sign-out, a revoked user, a reused refresh token: checked every
// kRecheckSeconds), is closed (code 4401); anything else it sends closes it (4400). A user has
// at most kMaxPerUser sockets (4429 beyond).
//
// Several instances share changes through PostgreSQL: a change is published with pg_notify and
// every instance (this one too) delivers it to its own sockets on LISTEN, on a connection kept
// for that alone. On SQLite, one
// instance, changes go straight to the sockets.
class PushHub : public QObject
{
    Q_OBJECT

public:
    static constexpr int kAuthSeconds = 10;
    static constexpr int kMaxClients = 10'000;
    static constexpr int kMaxPerUser = 20;      // more is refused (4429)
    static constexpr int kMaxSigningIn = 1'000; // sockets not yet signed in, all together
    static constexpr int kRecheckSeconds = 10;  // sign-outs and revocations reach sockets
    static constexpr qint64 kMaxMessageBytes = 16 * 1024;
    static constexpr char kChannel[] = "weft_item_changed";

    // listener: on PostgreSQL, a connection of its own that only LISTENs (a connection busy
    // with queries reads notifications off the wire while it waits for answers, and the driver
    // then hears of them late or not at all); nullptr on SQLite.
    PushHub(ServerDatabase *database, ServerDatabase *listener, Clock *clock,
            QObject *parent = nullptr);
    ~PushHub() override;

    // A connection whose first request is the WebSocket upgrade, still unread.
    void take(QTcpSocket *socket);
    // An Item of userId changed (or went): tell the user's desktops, on every instance.
    void publish(qint64 userId, const QString &itemId);
    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client
    {
        qint64 userId = 0;  // 0 until signed in
        QDateTime deadline; // sign in, or a new access token, by then
        QString tokenHash;  // of the access token it signed in with last
    };
    void accept();
    void received(QWebSocket *socket, const QString &message);
    void deliver(qint64 userId, const QString &itemId);
    void sweep();
    static void close(QWebSocket *socket, int code, const QString &reason);

    ServerDatabase *m_database;
    Clock *m_clock;
    Credentials m_credentials;
    ItemStore m_items;
    QWebSocketServer *m_server;
    QHash<QWebSocket *, Client> m_clients;
    QTimer m_sweep;
    QDateTime m_lastRecheck;
    int m_signingIn = 0;
};

} // namespace weft::server
