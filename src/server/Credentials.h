#pragma once

#include "server/UserDirectory.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace weft::server {

class ServerDatabase;

// What a desktop holds to speak for its user: a refresh token (kept in the OS keychain, months
// long) and short-lived access tokens (minutes, sent with each request). Both are random and
// stored only as their SHA-256, so a copy of the database speaks for nobody.
//
// Enrolling spends a one-time code (UserDirectory) and starts a family of credentials. Each
// refresh spends its refresh token and gives a new pair; a spent refresh token presented again
// means two holders, so the whole family is revoked and the user enrols again. Revoking the user
// ends every credential at once.
class Credentials
{
public:
    static constexpr int kAccessMinutes = 15;
    static constexpr int kRefreshDays = 90;

    struct Principal
    {
        qint64 userId = 0;
        QString email;
        UserDirectory::Role role = UserDirectory::Role::User;
        QDateTime expiresAt; // of the access token it was authenticated by (authenticate())
    };
    struct Issued
    {
        Principal principal;
        QString refreshToken; // "wsr-…"
        QString accessToken;  // "wsa-…"
        QDateTime accessExpiresAt;
        QDateTime refreshExpiresAt;
    };
    // Why a call gave nothing: the credential is not (or no longer) good, or the database failed.
    enum class Problem { None, Refused, Failed };
    struct Outcome
    {
        Problem problem = Problem::None;
        QString message; // never a token or code
    };

    explicit Credentials(ServerDatabase *database);

    std::optional<Issued> enrol(const QString &code, const QDateTime &now, Outcome *outcome);
    std::optional<Issued> refresh(const QString &refreshToken, const QDateTime &now,
                                  Outcome *outcome);
    std::optional<Principal> authenticate(const QString &accessToken, const QDateTime &now,
                                          Outcome *outcome) const;
    // Of these access token hashes, the ones still good now (not expired, revoked or of a
    // revoked user); nullopt when the database fails. For connections that outlive a request.
    std::optional<QSet<QString>> stillValid(const QStringList &tokenHashes,
                                            const QDateTime &now) const;
    // Ends the family the refresh token belongs to (signing out on one desktop).
    bool signOut(const QString &refreshToken, const QDateTime &now, Outcome *outcome);

    static QString tokenHash(const QString &token);

private:
    // A new pair in the family, inserted in the open write transaction, which it then commits
    // (or rolls back, when it fails).
    std::optional<Issued> issueAndCommit(const Principal &principal, const QString &family,
                                         const QDateTime &now, Outcome *outcome);

    ServerDatabase *m_database;
};

} // namespace weft::server
