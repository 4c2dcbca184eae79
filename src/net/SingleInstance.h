#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace weft::net {

// One Weft per user configuration. The first instance listens on a local socket (QLocalServer,
// user access only); a later one hands its message to it and exits: a weft:// URL the system
// opened it with (OAuth by redirect), or "show" to bring the window forward. Messages are one
// line, "WEFT1 <message>\n", at most kMaxMessage bytes; the answer is "OK\n". Anything else is
// dropped with a warning. The first instance decides what a URL may do: the name is per user
// and per configuration folder, but any process of the same user can connect.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxMessage = 4096;

    // The socket name for a configuration folder (XDG_CONFIG_HOME, ~/.config, ...).
    static QString nameFor(const QString &configDirectory);
    // nameFor(the user's generic configuration folder).
    static QString defaultName();

    // Hands message to the instance listening on name: true when it took it.
    static bool sendToRunning(const QString &name, const QString &message, int timeoutMs = 2000);

    explicit SingleInstance(QString name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Listens (a stale socket left by a crashed instance is removed first). False, with the
    // reason, when another instance holds the name or the socket cannot be made.
    bool listen(QString *error);
    QString name() const { return m_name; }

signals:
    void messageReceived(const QString &message);

private:
    void accept();

    QString m_name;
    QLocalServer *m_server;
};

} // namespace weft::net
