#include "server/Credentials.h"

#include "server/ServerDatabase.h"
#include "server/ServerSupport.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace weft::server {
namespace {

constexpr qsizetype kTokenBytes = 32;
const QString kRefreshPrefix = QStringLiteral("wsr-");
const QString kAccessPrefix = QStringLiteral("wsa-");

QString newToken(const QString &prefix)
{
    return prefix + QString::fromLatin1(randomBytes(kTokenBytes)
                                            .toBase64(QByteArray::Base64UrlEncoding |
                                                      QByteArray::OmitTrailingEquals));
}

// A token as a desktop may send it: the prefix, then 43 base64url characters. Anything else is
// refused before the database sees it.
bool wellFormed(const QString &token, const QString &prefix)
{
    if (token.size() != prefix.size() + 43 || !token.startsWith(prefix))
        return false;
    for (qsizetype i = prefix.size(); i < token.size(); ++i) {
        const QChar c = token.at(i);
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return false;
    }
    return true;
}

template<typename T>
std::optional<T> refused(Credentials::Outcome *outcome, const QString &message)
{
    *outcome = {Credentials::Problem::Refused, message};
    return std::nullopt;
}

template<typename T>
std::optional<T> failed(Credentials::Outcome *outcome, const QString &reason)
{
    *outcome = {Credentials::Problem::Failed, QStringLiteral("the database refused: ") + reason};
    return std::nullopt;
}

} // namespace

Credentials::Credentials(ServerDatabase *database)
    : m_database(database)
{
}

QString Credentials::tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

std::optional<Credentials::Issued> Credentials::enrol(const QString &code, const QDateTime &now,
                                                      Outcome *outcome)
{
    if (code.size() > 100)
        return refused<Issued>(outcome, QStringLiteral("not an enrolment code"));
    const QString hash = UserDirectory::codeHash(code);
    QString error;
    if (!m_database->beginWrite(&error))
        return failed<Issued>(outcome, error);
    QSqlQuery query(m_database->connection());
    // Spending the code is the first write: of two desktops racing with one code, one wins.
    query.prepare(QStringLiteral(
        "UPDATE enrolments SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND "
        "expires_at > ? AND user_id IN (SELECT id FROM users WHERE revoked_at IS NULL)"));
    query.addBindValue(sqlTime(now));
    query.addBindValue(hash);
    query.addBindValue(sqlTime(now));
    if (!query.exec()) {
        m_database->rollback();
        return failed<Issued>(outcome, query.lastError().text());
    }
    if (query.numRowsAffected() != 1) {
        m_database->rollback();
        return refused<Issued>(outcome, QStringLiteral("this enrolment code is not valid: it may "
                                                       "have been used, have expired or been "
                                                       "withdrawn; ask for a new one"));
    }
    query.prepare(QStringLiteral("SELECT u.id, u.email, u.role FROM enrolments e JOIN users u "
                                 "ON u.id = e.user_id WHERE e.code_hash = ?"));
    query.addBindValue(hash);
    if (!query.exec() || !query.next()) {
        m_database->rollback();
        return failed<Issued>(outcome, query.lastError().text());
    }
    const Principal principal{
        query.value(0).toLongLong(),
        query.value(1).toString(),
        UserDirectory::roleFromName(query.value(2).toString()).value_or(UserDirectory::Role::User),
        {}};
    const QString family = QString::fromLatin1(randomBytes(16).toHex());
    return issueAndCommit(principal, family, now, outcome);
}

std::optional<Credentials::Issued> Credentials::refresh(const QString &refreshToken,
                                                        const QDateTime &now, Outcome *outcome)
{
    if (!wellFormed(refreshToken, kRefreshPrefix))
        return refused<Issued>(outcome, QStringLiteral("not a refresh token"));
    const QString hash = tokenHash(refreshToken);
    QString error;
    if (!m_database->beginWrite(&error))
        return failed<Issued>(outcome, error);
    QSqlQuery query(m_database->connection());
    query.prepare(
        QStringLiteral(
            "SELECT c.family, c.expires_at, c.replaced_at, c.revoked_at, u.id, u.email, u.role, "
            "u.revoked_at FROM credentials c JOIN users u ON u.id = c.user_id WHERE c.token_hash = "
            "? "
            "AND c.kind = 'refresh'%1")
            .arg(m_database->isPostgres() ? QStringLiteral(" FOR UPDATE OF c") : QString()));
    query.addBindValue(hash);
    if (!query.exec()) {
        m_database->rollback();
        return failed<Issued>(outcome, query.lastError().text());
    }
    if (!query.next()) {
        m_database->rollback();
        return refused<Issued>(outcome, QStringLiteral("this refresh token is unknown"));
    }
    const QString family = query.value(0).toString();
    const bool expired = fromSqlTime(query.value(1)) <= now;
    const bool spent = !query.value(2).isNull();
    const bool revoked = !query.value(3).isNull() || !query.value(7).isNull();
    const Principal principal{
        query.value(4).toLongLong(),
        query.value(5).toString(),
        UserDirectory::roleFromName(query.value(6).toString()).value_or(UserDirectory::Role::User),
        {}};
    if (spent && !revoked) {
        // A spent refresh token again: someone else holds a copy. End the family for both.
        query.prepare(QStringLiteral(
            "UPDATE credentials SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL"));
        query.addBindValue(sqlTime(now));
        query.addBindValue(family);
        if (!query.exec()) {
            m_database->rollback();
            return failed<Issued>(outcome, query.lastError().text());
        }
        if (!m_database->commit(&error))
            return failed<Issued>(outcome, error);
        return refused<Issued>(outcome,
                               QStringLiteral("this refresh token was used already, so its "
                                              "sign-in has ended everywhere; enrol again"));
    }
    if (revoked || expired) {
        m_database->rollback();
        return refused<Issued>(outcome, revoked ? QStringLiteral("this sign-in was revoked")
                                                : QStringLiteral("this sign-in has expired"));
    }
    query.prepare(QStringLiteral("UPDATE credentials SET replaced_at = ? WHERE token_hash = ? AND "
                                 "replaced_at IS NULL"));
    query.addBindValue(sqlTime(now));
    query.addBindValue(hash);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_database->rollback();
        return failed<Issued>(outcome, query.lastError().text());
    }
    return issueAndCommit(principal, family, now, outcome);
}

std::optional<Credentials::Principal>
Credentials::authenticate(const QString &accessToken, const QDateTime &now, Outcome *outcome) const
{
    if (!wellFormed(accessToken, kAccessPrefix))
        return refused<Principal>(outcome, QStringLiteral("not an access token"));
    QSqlQuery &query = m_database->prepared(QStringLiteral(
        "SELECT u.id, u.email, u.role, c.expires_at FROM credentials c JOIN users u ON u.id = "
        "c.user_id WHERE c.token_hash = ? AND c.kind = 'access' AND c.expires_at > ? AND "
        "c.revoked_at IS NULL AND u.revoked_at IS NULL"));
    query.addBindValue(tokenHash(accessToken));
    query.addBindValue(sqlTime(now));
    if (!query.exec())
        return failed<Principal>(outcome, query.lastError().text());
    if (!query.next()) {
        query.finish();
        return refused<Principal>(outcome, QStringLiteral("this access token is not valid: it "
                                                          "may have expired or been revoked"));
    }
    *outcome = {};
    const Principal principal{
        query.value(0).toLongLong(), query.value(1).toString(),
        UserDirectory::roleFromName(query.value(2).toString()).value_or(UserDirectory::Role::User),
        fromSqlTime(query.value(3))};
    query.finish();
    return principal;
}

std::optional<QSet<QString>> Credentials::stillValid(const QStringList &tokenHashes,
                                                     const QDateTime &now) const
{
    QSet<QString> valid;
    constexpr qsizetype kChunk = 500;
    for (qsizetype first = 0; first < tokenHashes.size(); first += kChunk) {
        const QStringList chunk = tokenHashes.mid(first, kChunk);
        QStringList marks;
        marks.fill(QStringLiteral("?"), chunk.size());
        QSqlQuery query(m_database->connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT c.token_hash FROM credentials c JOIN users u ON u.id "
                                     "= c.user_id WHERE c.kind = 'access' AND c.expires_at > ? "
                                     "AND c.revoked_at IS NULL AND u.revoked_at IS NULL AND "
                                     "c.token_hash IN (%1)")
                          .arg(marks.join(u',')));
        query.addBindValue(sqlTime(now));
        for (const QString &hash : chunk)
            query.addBindValue(hash);
        if (!query.exec())
            return std::nullopt;
        while (query.next())
            valid.insert(query.value(0).toString());
    }
    return valid;
}

bool Credentials::signOut(const QString &refreshToken, const QDateTime &now, Outcome *outcome)
{
    if (!wellFormed(refreshToken, kRefreshPrefix)) {
        *outcome = {Problem::Refused, QStringLiteral("not a refresh token")};
        return false;
    }
    QString error;
    if (!m_database->beginWrite(&error)) {
        failed<bool>(outcome, error);
        return false;
    }
    QSqlQuery query(m_database->connection());
    // The family's rows locked first: a refresh under way finishes before, and the pair it
    // made is then seen (and revoked) by the UPDATE below, which reads anew (PostgreSQL; on
    // SQLite the write lock already orders them).
    query.prepare(QStringLiteral("SELECT family FROM credentials WHERE token_hash = ? AND kind = "
                                 "'refresh'"));
    query.addBindValue(tokenHash(refreshToken));
    if (!query.exec()) {
        failed<bool>(outcome, query.lastError().text());
        m_database->rollback();
        return false;
    }
    const QString family = query.next() ? query.value(0).toString() : QString();
    if (m_database->isPostgres() && !family.isEmpty()) {
        query.prepare(QStringLiteral("SELECT token_hash FROM credentials WHERE family = ? FOR "
                                     "UPDATE"));
        query.addBindValue(family);
        if (!query.exec()) {
            failed<bool>(outcome, query.lastError().text());
            m_database->rollback();
            return false;
        }
    }
    query.prepare(QStringLiteral(
        "UPDATE credentials SET revoked_at = ? WHERE revoked_at IS NULL AND family = ?"));
    query.addBindValue(sqlTime(now));
    query.addBindValue(family);
    if (!query.exec()) {
        failed<bool>(outcome, query.lastError().text());
        m_database->rollback();
        return false;
    }
    const int revoked = query.numRowsAffected();
    if (!m_database->commit(&error)) {
        failed<bool>(outcome, error);
        return false;
    }
    if (revoked <= 0) {
        *outcome = {Problem::Refused, QStringLiteral("this sign-in has ended already")};
        return false;
    }
    *outcome = {};
    return true;
}

std::optional<Credentials::Issued> Credentials::issueAndCommit(const Principal &principal,
                                                               const QString &family,
                                                               const QDateTime &now,
                                                               Outcome *outcome)
{
    Issued issued;
    issued.principal = principal;
    issued.refreshToken = newToken(kRefreshPrefix);
    issued.accessToken = newToken(kAccessPrefix);
    issued.refreshExpiresAt = now.addDays(kRefreshDays);
    issued.accessExpiresAt = now.addSecs(kAccessMinutes * 60);
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO credentials (token_hash, user_id, kind, family, "
                                 "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
    const struct
    {
        const QString &token;
        const char *kind;
        const QDateTime &expires;
    } rows[] = {{issued.refreshToken, "refresh", issued.refreshExpiresAt},
                {issued.accessToken, "access", issued.accessExpiresAt}};
    for (const auto &row : rows) {
        query.addBindValue(tokenHash(row.token));
        query.addBindValue(principal.userId);
        query.addBindValue(QString::fromLatin1(row.kind));
        query.addBindValue(family);
        query.addBindValue(sqlTime(now));
        query.addBindValue(sqlTime(row.expires));
        if (!query.exec()) {
            const QString reason = query.lastError().text();
            m_database->rollback();
            return failed<Issued>(outcome, reason);
        }
    }
    QString error;
    if (!m_database->commit(&error))
        return failed<Issued>(outcome, error);
    *outcome = {};
    return issued;
}

} // namespace weft::server
