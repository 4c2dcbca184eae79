#pragma once

#include "remote/ServerTransport.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>

namespace weft {
class Clock;
}
namespace weft::vault {
class SecretStore;
class TokenVault;
} // namespace weft::vault

namespace weft::remote {

// The desktop's sign-in at the provider's weft-server. The refresh token lives in the OS
// keychain and nowhere else on disk; the access token (a quarter of an hour) only in memory.
// Every refresh spends the refresh token and writes the new one to the keychain, verified; if
// the keychain refuses, the new one is kept in memory and written again at the next refresh
// (the old one is spent either way). Concurrent callers share one refresh.
class ServerCredential : public QObject
{
    Q_OBJECT

public:
    struct Account
    {
        QString email;
        QString role; // "user" or "support"
    };
    using Done = std::function<void(const QString &problem)>; // empty problem: done
    using TokenDone = std::function<void(const QString &accessToken, const ServerReply &failure)>;

    ServerCredential(ServerTransport *transport, vault::SecretStore *secrets, Clock *clock,
                     QObject *parent = nullptr);
    ~ServerCredential() override;

    // The keychain entry of a server's refresh token: one per server origin.
    static QString keychainKey(const QUrl &server);

    // Spends a one-time enrolment code; done() once the refresh token is in the keychain.
    void enrol(const QString &code, QObject *context, const Done &done);
    // A current access token, refreshing the sign-in when it is close to lapsing.
    void withAccessToken(QObject *context, TokenDone done);
    // The server refused the access token (revoked, lapsed early): the next call refreshes.
    void forgetAccessToken();
    // Ends the sign-in at the server, then removes the keychain entry.
    void signOut(QObject *context, const Done &done);

    const Account &account() const { return m_account; }
    // A failure that is not the server's word: no sign-in saved, the keychain unreadable.
    static ServerReply localFailure(const QString &code, const QString &message);

signals:
    // The server no longer accepts this desktop's sign-in (revoked, or the refresh token was
    // spent elsewhere): the user must enrol again.
    void signInEnded(const QString &why);

private:
    void refresh();
    void refreshWith(const QString &refreshToken);
    // Takes an issued pair: the access token into memory, the refresh token into the keychain.
    void adopt(const QJsonObject &issued, const Done &saved);
    void finishWaiters(const QString &accessToken, const ServerReply &failure);

    ServerTransport *m_transport;
    vault::TokenVault *m_vault;
    Clock *m_clock;
    Account m_account;
    QString m_accessToken;
    QDateTime m_accessExpiresAt;
    QString m_unsavedRefreshToken; // the keychain refused it; written again next time
    QString m_endedWhy;            // the server ended the sign-in: no more refreshes
    bool m_refreshing = false;
    QList<TokenDone> m_waiters;
};

} // namespace weft::remote
