#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace weft::remote {

class ServerCredential;

// The desktop's end of weft-server's push socket (/v1/push): signs in with the access token
// (again with each new one, before the old lapses), tells of the user's Items as the server
// changes them, and reconnects after any loss with a growing pause (1 s to a minute). ready()
// follows each sign-in: changes missed while disconnected are for the caller to fetch (a sync).
class PushClient : public QObject
{
    Q_OBJECT

public:
    PushClient(const QUrl &serverUrl, ServerCredential *credential, QObject *parent = nullptr);
    ~PushClient() override;

    void start();
    void stop();
    bool isReady() const { return m_ready; }
    // ws:// for http://, wss:// for https://.
    static QUrl socketUrl(const QUrl &serverUrl);

signals:
    void ready();
    void itemChanged(const QString &itemId);
    void itemRemoved(const QString &itemId);
    void disconnected(const QString &why);

private:
    void connectSocket();
    void authenticate();
    void onMessage(const QString &message);
    void onClosed();
    void scheduleReconnect();

    QUrl m_url;
    ServerCredential *m_credential;
    QWebSocket *m_socket = nullptr;
    QTimer m_reconnect;
    QTimer m_reauth; // checks each minute for a new access token to sign in with
    QString m_sentToken;
    int m_failures = 0;
    bool m_running = false;
    bool m_ready = false;
};

} // namespace weft::remote
