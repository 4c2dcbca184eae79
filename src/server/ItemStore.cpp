#include "server/ItemStore.h"

#include "server/ServerDatabase.h"
#include "server/ServerSupport.h"

#include <QSqlError>
#include <QSqlQuery>

namespace weft::server {
namespace {

bool failed(const QSqlQuery &query, QString *error)
{
    *error = QStringLiteral("the database refused: %1").arg(query.lastError().text());
    return false;
}

} // namespace

QString ItemStore::columns(const QString &table)
{
    static const QStringList names{
        QStringLiteral("item_id"),        QStringLiteral("user_id"),
        QStringLiteral("institution_id"), QStringLiteral("institution_name"),
        QStringLiteral("status"),         QStringLiteral("error_code"),
        QStringLiteral("created_at"),     QStringLiteral("updated_at")};
    QStringList prefixed;
    for (const QString &name : names)
        prefixed.append(table + name);
    return prefixed.join(QStringLiteral(", "));
}

ItemStore::Item ItemStore::fromRow(const QSqlQuery &query)
{
    return {query.value(0).toString(),   query.value(1).toLongLong(), query.value(2).toString(),
            query.value(3).toString(),   query.value(4).toString(),   query.value(5).toString(),
            fromSqlTime(query.value(6)), fromSqlTime(query.value(7))};
}

ItemStore::ItemStore(ServerDatabase *database)
    : m_database(database)
{
}

std::optional<QList<ItemStore::Item>> ItemStore::list(qint64 userId, QString *error) const
{
    QSqlQuery &query = m_database->prepared(
        QStringLiteral("SELECT %1 FROM items WHERE user_id = ? ORDER BY created_at, item_id")
            .arg(columns()));
    query.addBindValue(userId);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    QList<Item> items;
    while (query.next())
        items.append(fromRow(query));
    query.finish();
    return items;
}

std::optional<ItemStore::Item> ItemStore::get(qint64 userId, const QString &itemId,
                                              QString *error) const
{
    error->clear();
    QSqlQuery query(m_database->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM items WHERE user_id = ? AND item_id = ?").arg(columns()));
    query.addBindValue(userId);
    query.addBindValue(itemId);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return fromRow(query);
}

std::optional<QString> ItemStore::sealedToken(qint64 userId, const QString &itemId,
                                              QString *error) const
{
    error->clear();
    QSqlQuery query(m_database->connection());
    query.prepare(
        QStringLiteral("SELECT access_token_sealed FROM items WHERE user_id = ? AND item_id = ?"));
    query.addBindValue(userId);
    query.addBindValue(itemId);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

std::optional<ItemStore::Exchange> ItemStore::beginExchange(qint64 userId,
                                                            const QString &publicTokenHash,
                                                            const QDateTime &now, QString *error)
{
    if (!m_database->beginWrite(error))
        return std::nullopt;
    QSqlQuery query(m_database->connection());
    // The claim first: of two requests at once (two instances), one inserts; the other waits
    // for it (PostgreSQL) and then finds its row.
    query.prepare(QStringLiteral("INSERT INTO public_token_exchanges (public_token_hash, user_id, "
                                 "started_at) VALUES (?, ?, ?) ON CONFLICT (public_token_hash) "
                                 "DO NOTHING"));
    query.addBindValue(publicTokenHash);
    query.addBindValue(userId);
    query.addBindValue(sqlTime(now));
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return std::nullopt;
    }
    if (query.numRowsAffected() == 1) {
        if (!m_database->commit(error))
            return std::nullopt;
        return Exchange{Exchange::State::Claimed, {}};
    }
    query.prepare(QStringLiteral("SELECT user_id, item_id, started_at FROM "
                                 "public_token_exchanges WHERE public_token_hash = ?%1")
                      .arg(m_database->isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()));
    query.addBindValue(publicTokenHash);
    if (!query.exec() || !query.next()) {
        failed(query, error);
        m_database->rollback();
        return std::nullopt;
    }
    // Another user's public token is not this user's to redeem, nor to learn about: it is
    // spent, as far as they are told.
    if (query.value(0).toLongLong() != userId) {
        m_database->rollback();
        *error = QStringLiteral("this public token was exchanged already");
        return std::nullopt;
    }
    if (!query.value(1).isNull()) {
        const Exchange done{Exchange::State::Done, query.value(1).toString()};
        m_database->rollback();
        return done;
    }
    if (fromSqlTime(query.value(2)).secsTo(now) < kExchangeClaimSeconds) {
        m_database->rollback();
        return Exchange{Exchange::State::InFlight, {}};
    }
    // A claim left behind by an instance that stopped mid-exchange: take it over.
    query.prepare(QStringLiteral(
        "UPDATE public_token_exchanges SET started_at = ? WHERE public_token_hash = ?"));
    query.addBindValue(sqlTime(now));
    query.addBindValue(publicTokenHash);
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return std::nullopt;
    }
    if (!m_database->commit(error))
        return std::nullopt;
    return Exchange{Exchange::State::Claimed, {}};
}

bool ItemStore::finishExchange(const QString &publicTokenHash, const Item &item,
                               const QString &sealedToken, QString *error)
{
    if (!m_database->beginWrite(error))
        return false;
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO items (%1, access_token_sealed) VALUES (?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?)")
                      .arg(columns()));
    query.addBindValue(item.itemId);
    query.addBindValue(item.userId);
    query.addBindValue(item.institutionId);
    query.addBindValue(item.institutionName);
    query.addBindValue(item.status);
    query.addBindValue(item.errorCode.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                : QVariant(item.errorCode));
    query.addBindValue(sqlTime(item.createdAt));
    query.addBindValue(sqlTime(item.updatedAt));
    query.addBindValue(sealedToken);
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return false;
    }
    query.prepare(QStringLiteral(
        "UPDATE public_token_exchanges SET item_id = ? WHERE public_token_hash = ?"));
    query.addBindValue(item.itemId);
    query.addBindValue(publicTokenHash);
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return false;
    }
    query.prepare(QStringLiteral("INSERT INTO item_events (item_id, source, webhook_code, "
                                 "dedupe_key, at) VALUES (?, 'weft', 'LINKED', '', ?)"));
    query.addBindValue(item.itemId);
    query.addBindValue(sqlTime(item.createdAt));
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return false;
    }
    return m_database->commit(error);
}

void ItemStore::abandonExchange(const QString &publicTokenHash)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral(
        "DELETE FROM public_token_exchanges WHERE public_token_hash = ? AND item_id IS NULL"));
    query.addBindValue(publicTokenHash);
    query.exec();
}

bool ItemStore::setStatus(qint64 userId, const QString &itemId, const QString &status,
                          const QString &errorCode, const QDateTime &now, QString *error)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("UPDATE items SET status = ?, error_code = ?, updated_at = ? "
                                 "WHERE user_id = ? AND item_id = ?"));
    query.addBindValue(status);
    query.addBindValue(errorCode.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                           : QVariant(errorCode));
    query.addBindValue(sqlTime(now));
    query.addBindValue(userId);
    query.addBindValue(itemId);
    if (!query.exec())
        return failed(query, error);
    error->clear();
    return query.numRowsAffected() == 1;
}

bool ItemStore::remove(qint64 userId, const QString &itemId, QString *error)
{
    error->clear();
    if (!m_database->beginWrite(error))
        return false;
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("DELETE FROM items WHERE user_id = ? AND item_id = ?"));
    query.addBindValue(userId);
    query.addBindValue(itemId);
    if (!query.exec()) {
        failed(query, error);
        m_database->rollback();
        return false;
    }
    if (query.numRowsAffected() != 1) {
        m_database->rollback();
        return false;
    }
    for (const QString &sql :
         {QStringLiteral("DELETE FROM item_events WHERE item_id = ?"),
          QStringLiteral("DELETE FROM public_token_exchanges WHERE item_id = ?")}) {
        query.prepare(sql);
        query.addBindValue(itemId);
        if (!query.exec()) {
            failed(query, error);
            m_database->rollback();
            return false;
        }
    }
    return m_database->commit(error);
}

std::optional<qint64> ItemStore::ownerOf(const QString &itemId, QString *error) const
{
    error->clear();
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT user_id FROM items WHERE item_id = ?"));
    query.addBindValue(itemId);
    if (!query.exec()) {
        failed(query, error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

QString ItemStore::confirmedStatus(const QString &plaidErrorCode, const QString &current)
{
    if (plaidErrorCode == u"ITEM_LOGIN_REQUIRED")
        return QStringLiteral("login_required");
    if (!plaidErrorCode.isEmpty())
        return QStringLiteral("error");
    if (current == u"login_required" || current == u"error" || current.isEmpty())
        return QStringLiteral("healthy");
    return current;
}

bool ItemStore::addEvent(const QString &itemId, const QString &source, const QString &what,
                         const QDateTime &at, QString *error)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO item_events (item_id, source, webhook_code, "
                                 "dedupe_key, at) VALUES (?, ?, ?, '', ?)"));
    query.addBindValue(itemId);
    query.addBindValue(source);
    query.addBindValue(what);
    query.addBindValue(sqlTime(at));
    return query.exec() || failed(query, error);
}

} // namespace weft::server
