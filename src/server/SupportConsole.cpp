#include "server/SupportConsole.h"

#include "server/ServerDatabase.h"
#include "server/ServerSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

#include <algorithm>

namespace weft::server {
namespace {

// The Item's columns, then its owner's address.
QString foundColumns()
{
    return ItemStore::columns(QStringLiteral("i.")) + QStringLiteral(", u.email");
}

SupportConsole::Found foundFrom(const QSqlQuery &query)
{
    return {ItemStore::fromRow(query), query.value(8).toString()};
}

bool failed(const QSqlQuery &query, QString *error)
{
    *error = QStringLiteral("the database refused: %1").arg(query.lastError().text());
    return false;
}

// "%" and "_" in a name typed by support are letters, not wildcards.
QString likePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace

SupportConsole::SupportConsole(ServerDatabase *database)
    : m_database(database)
{
}

bool SupportConsole::audit(qint64 actorId, const QString &action, const QString &target,
                           const QDateTime &now, QString *error)
{
    QSqlQuery query(m_database->connection());
    query.prepare(
        QStringLiteral("INSERT INTO audit_log (actor_id, action, target, at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(actorId);
    query.addBindValue(action);
    query.addBindValue(target.left(500));
    query.addBindValue(sqlTime(now));
    return query.exec() || failed(query, error);
}

std::optional<QList<SupportConsole::Found>>
SupportConsole::search(qint64 actorId, const Filter &filter, const QDateTime &now, QString *error)
{
    QStringList where;
    QVariantList values;
    if (!filter.email.isEmpty()) {
        where << QStringLiteral("u.email = ?");
        values << filter.email.trimmed().toLower();
    }
    if (!filter.itemId.isEmpty()) {
        where << QStringLiteral("i.item_id = ?");
        values << filter.itemId;
    }
    if (!filter.institution.isEmpty()) {
        where << QStringLiteral("(i.institution_id = ? OR LOWER(i.institution_name) LIKE ? "
                                "ESCAPE '\\')");
        values << filter.institution << likePattern(filter.institution);
    }
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("i.status = ?");
        values << filter.status;
    }
    QUrlQuery described;
    described.addQueryItem(QStringLiteral("email"), filter.email);
    described.addQueryItem(QStringLiteral("item_id"), filter.itemId);
    described.addQueryItem(QStringLiteral("institution"), filter.institution);
    described.addQueryItem(QStringLiteral("status"), filter.status);
    if (!audit(actorId, QStringLiteral("search_items"), described.toString(), now, error))
        return std::nullopt;
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM items i JOIN users u ON u.id = i.user_id%2 "
                                 "ORDER BY i.updated_at DESC, i.item_id LIMIT %3")
                      .arg(foundColumns(),
                           where.isEmpty()
                               ? QString()
                               : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
                      .arg(std::clamp(filter.limit, 1, 200)));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    QList<Found> found;
    while (query.next())
        found.append(foundFrom(query));
    return found;
}

std::optional<SupportConsole::Found> SupportConsole::item(qint64 actorId, const QString &itemId,
                                                          const QDateTime &now, QString *error)
{
    error->clear();
    if (!audit(actorId, QStringLiteral("view_item"), itemId, now, error))
        return std::nullopt;
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM items i JOIN users u ON u.id = i.user_id WHERE "
                                 "i.item_id = ?")
                      .arg(foundColumns()));
    query.addBindValue(itemId);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return foundFrom(query);
}

std::optional<QList<SupportConsole::Event>> SupportConsole::timeline(const QString &itemId,
                                                                     QString *error) const
{
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT at, source, webhook_type, webhook_code, body FROM "
                                 "item_events WHERE item_id = ? ORDER BY id"));
    query.addBindValue(itemId);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    QList<Event> events;
    while (query.next()) {
        // Of a webhook's body only its error code is shown: the rest is already in the event.
        const QJsonObject body =
            QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
        events.append({fromSqlTime(query.value(0)), query.value(1).toString(),
                       query.value(2).toString(), query.value(3).toString(),
                       body.value(QLatin1StringView("error"))
                           .toObject()
                           .value(QLatin1StringView("error_code"))
                           .toString()});
    }
    return events;
}

std::optional<QList<SupportConsole::AuditEntry>> SupportConsole::auditLog(int limit,
                                                                          QString *error) const
{
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.at, u.email, a.action, a.target FROM audit_log a JOIN "
                                 "users u ON u.id = a.actor_id ORDER BY a.id DESC LIMIT %1")
                      .arg(std::clamp(limit, 1, 10'000)));
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    QList<AuditEntry> entries;
    while (query.next())
        entries.append({fromSqlTime(query.value(0)), query.value(1).toString(),
                        query.value(2).toString(), query.value(3).toString()});
    return entries;
}

} // namespace weft::server
