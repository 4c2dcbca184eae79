#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace weft::server {

class ServerDatabase;

// weft-server's accounts: end users and support staff, enrolled by an administrator. Enrolling
// makes a one-time code (shown once, kept only as its SHA-256) that the desktop exchanges for
// its credentials (Credentials); revoking ends the account, any code still unused and every
// credential it holds.
class UserDirectory
{
public:
    enum class Role { User, Support };
    static constexpr int kEnrolmentDays = 7;

    struct Enrolment
    {
        qint64 userId = 0;
        QString code; // "XXXX-XXXX-…": shown to the administrator once, stored only hashed
        QDateTime expiresAt;
    };
    struct User
    {
        qint64 id = 0;
        QString email;
        Role role = Role::User;
        QDateTime createdAt;
        std::optional<QDateTime> revokedAt;
    };

    explicit UserDirectory(ServerDatabase *database);

    // A new account and its enrolment code; nullopt with error (an address that is not one, an
    // address already enrolled, a database failure).
    std::optional<Enrolment> add(const QString &email, Role role, const QDateTime &now,
                                 QString *error);
    // Another enrolment code for an account that is not revoked: a second computer, or one that
    // lost its sign-in. Codes already given stay valid until used or expired.
    std::optional<Enrolment> issueCode(const QString &email, const QDateTime &now, QString *error);
    bool revoke(const QString &email, const QDateTime &now, QString *error);
    std::optional<QList<User>> list(QString *error) const;

    static QString roleName(Role role);
    static std::optional<Role> roleFromName(const QString &name);
    // The stored form of a code: the SHA-256 of its letters and digits, upper-cased, in hex.
    static QString codeHash(const QString &code);

private:
    // Inserts a code for userId inside the caller's transaction.
    std::optional<Enrolment> insertCode(qint64 userId, const QDateTime &now, QString *error);
    // insertCode, then the transaction's end (rolled back when the code is not stored).
    std::optional<Enrolment> insertCodeAndCommit(qint64 userId, const QDateTime &now,
                                                 QString *error);

    ServerDatabase *m_database;
};

} // namespace weft::server
