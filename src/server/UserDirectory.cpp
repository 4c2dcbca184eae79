#include "server/UserDirectory.h"

#include "server/ServerDatabase.h"
#include "server/ServerSupport.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace weft::server {
namespace {

constexpr int kCodeBytes = 20; // 160 bits: 32 characters of base32

// 20 random bytes in RFC 4648 base32, in groups of four: easy to read out and type.
QString newCode()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const QByteArray bytes = randomBytes(kCodeBytes);
    QString code;
    quint64 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            if (!code.isEmpty() && code.size() % 5 == 4)
                code += u'-';
            code += QLatin1Char(alphabet[(buffer >> bits) & 0x1f]);
        }
    }
    return code;
}

std::optional<QString> normalisedEmail(const QString &email)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"));
    const QString trimmed = email.trimmed().toLower();
    if (trimmed.size() > 254 || !pattern.match(trimmed).hasMatch())
        return std::nullopt;
    return trimmed;
}

bool failed(const QSqlQuery &query, QString *error)
{
    *error = QStringLiteral("the database refused: %1").arg(query.lastError().text());
    return false;
}

} // namespace

UserDirectory::UserDirectory(ServerDatabase *database)
    : m_database(database)
{
}

QString UserDirectory::roleName(Role role)
{
    return role == Role::Support ? QStringLiteral("support") : QStringLiteral("user");
}

std::optional<UserDirectory::Role> UserDirectory::roleFromName(const QString &name)
{
    if (name == u"user")
        return Role::User;
    if (name == u"support")
        return Role::Support;
    return std::nullopt;
}

QString UserDirectory::codeHash(const QString &code)
{
    QString letters;
    for (const QChar c : code) {
        if (c.isLetterOrNumber())
            letters += c.toUpper();
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(letters.toLatin1(), QCryptographicHash::Sha256).toHex());
}

std::optional<UserDirectory::Enrolment> UserDirectory::add(const QString &email, Role role,
                                                           const QDateTime &now, QString *error)
{
    const auto address = normalisedEmail(email);
    if (!address) {
        *error = QStringLiteral("\"%1\" is not an e-mail address").arg(email.left(100));
        return std::nullopt;
    }
    QSqlDatabase db = m_database->connection();
    if (!m_database->beginWrite(error))
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT revoked_at FROM users WHERE email = ?"));
    query.addBindValue(*address);
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return std::nullopt;
    }
    if (query.next()) {
        *error = query.value(0).isNull()
                     ? QStringLiteral("%1 is already a user").arg(*address)
                     : QStringLiteral("%1 was revoked; an address is enrolled once").arg(*address);
        m_database->rollback();
        return std::nullopt;
    }
    query.prepare(QStringLiteral("INSERT INTO users (email, role, created_at) VALUES (?, ?, ?)"));
    query.addBindValue(*address);
    query.addBindValue(roleName(role));
    query.addBindValue(sqlTime(now));
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return std::nullopt;
    }
    query.prepare(QStringLiteral("SELECT id FROM users WHERE email = ?"));
    query.addBindValue(*address);
    if (!query.exec() || !query.next()) {
        failed(query, error);
        m_database->rollback();
        return std::nullopt;
    }
    return insertCodeAndCommit(query.value(0).toLongLong(), now, error);
}

std::optional<UserDirectory::Enrolment>
UserDirectory::insertCodeAndCommit(qint64 userId, const QDateTime &now, QString *error)
{
    auto issued = insertCode(userId, now, error);
    if (!issued) {
        m_database->rollback();
        return std::nullopt;
    }
    if (!m_database->commit(error))
        return std::nullopt;
    return issued;
}

std::optional<UserDirectory::Enrolment>
UserDirectory::insertCode(qint64 userId, const QDateTime &now, QString *error)
{
    Enrolment enrolment;
    enrolment.userId = userId;
    enrolment.code = newCode();
    enrolment.expiresAt = now.addDays(kEnrolmentDays);
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO enrolments (code_hash, user_id, created_at, "
                                 "expires_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(codeHash(enrolment.code));
    query.addBindValue(enrolment.userId);
    query.addBindValue(sqlTime(now));
    query.addBindValue(sqlTime(enrolment.expiresAt));
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    return enrolment;
}

std::optional<UserDirectory::Enrolment>
UserDirectory::issueCode(const QString &email, const QDateTime &now, QString *error)
{
    const auto address = normalisedEmail(email);
    if (!address) {
        *error = QStringLiteral("\"%1\" is not an e-mail address").arg(email.left(100));
        return std::nullopt;
    }
    if (!m_database->beginWrite(error))
        return std::nullopt;
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT id, revoked_at FROM users WHERE email = ?"));
    query.addBindValue(*address);
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return std::nullopt;
    }
    if (!query.next() || !query.value(1).isNull()) {
        *error = query.isValid() ? QStringLiteral("%1 was revoked").arg(*address)
                                 : QStringLiteral("%1 is not a user").arg(*address);
        m_database->rollback();
        return std::nullopt;
    }
    return insertCodeAndCommit(query.value(0).toLongLong(), now, error);
}

bool UserDirectory::revoke(const QString &email, const QDateTime &now, QString *error)
{
    const QString address = email.trimmed().toLower();
    QSqlDatabase db = m_database->connection();
    if (!m_database->beginWrite(error))
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE users SET revoked_at = ? WHERE email = ? AND "
                                 "revoked_at IS NULL"));
    query.addBindValue(sqlTime(now));
    query.addBindValue(address);
    if (!query.exec()) {
        m_database->rollback();
        return failed(query, error);
    }
    if (query.numRowsAffected() != 1) {
        m_database->rollback();
        *error = QStringLiteral("%1 is not a user, or was revoked already").arg(address.left(100));
        return false;
    }
    query.prepare(QStringLiteral("DELETE FROM enrolments WHERE used_at IS NULL AND user_id = "
                                 "(SELECT id FROM users WHERE email = ?)"));
    query.addBindValue(address);
    if (!query.exec()) {
        m_database->rollback();
        return failed(query, error);
    }
    query.prepare(QStringLiteral("UPDATE credentials SET revoked_at = ? WHERE revoked_at IS NULL "
                                 "AND user_id = (SELECT id FROM users WHERE email = ?)"));
    query.addBindValue(sqlTime(now));
    query.addBindValue(address);
    if (!query.exec()) {
        m_database->rollback();
        return failed(query, error);
    }
    if (!m_database->commit(error))
        return false;
    return true;
}

std::optional<QList<UserDirectory::User>> UserDirectory::list(QString *error) const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral(
            "SELECT id, email, role, created_at, revoked_at FROM users ORDER BY email"))) {
        failed(query, error);
        return std::nullopt;
    }
    QList<User> users;
    while (query.next()) {
        User user;
        user.id = query.value(0).toLongLong();
        user.email = query.value(1).toString();
        user.role = roleFromName(query.value(2).toString()).value_or(Role::User);
        user.createdAt = fromSqlTime(query.value(3));
        if (!query.value(4).isNull())
            user.revokedAt = fromSqlTime(query.value(4));
        users.append(user);
    }
    return users;
}

} // namespace weft::server
