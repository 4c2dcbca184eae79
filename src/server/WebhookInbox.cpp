#include "server/WebhookInbox.h"

#include "server/ServerDatabase.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace weft::server {

WebhookInbox::WebhookInbox(ServerDatabase *database)
    : m_database(database)
{
}

QString WebhookInbox::statusAfter(const QString &webhookType, const QString &webhookCode,
                                  const QString &errorCode)
{
    if (webhookType != u"ITEM")
        return {};
    if (webhookCode == u"ERROR") {
        if (errorCode.isEmpty())
            return QStringLiteral("healthy");
        return errorCode == u"ITEM_LOGIN_REQUIRED" ? QStringLiteral("login_required")
                                                   : QStringLiteral("error");
    }
    if (webhookCode == u"LOGIN_REPAIRED")
        return QStringLiteral("healthy");
    if (webhookCode == u"PENDING_EXPIRATION")
        return QStringLiteral("pending_expiration");
    if (webhookCode == u"PENDING_DISCONNECT")
        return QStringLiteral("pending_disconnect");
    if (webhookCode == u"USER_PERMISSION_REVOKED")
        return QStringLiteral("permission_revoked");
    if (webhookCode == u"NEW_ACCOUNTS_AVAILABLE")
        return QStringLiteral("new_accounts");
    return {};
}

WebhookInbox::Result WebhookInbox::apply(const QByteArray &body, const QDateTime &receivedAt)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {Outcome::Malformed, {}, {}, QStringLiteral("the body is not a JSON object")};
    const QJsonObject webhook = document.object();
    const QString type = webhook.value(QLatin1StringView("webhook_type")).toString();
    const QString code = webhook.value(QLatin1StringView("webhook_code")).toString();
    const QString itemId = webhook.value(QLatin1StringView("item_id")).toString();
    if (type.isEmpty() || code.isEmpty() || itemId.isEmpty())
        return {Outcome::Malformed,
                itemId,
                {},
                QStringLiteral("webhook_type, webhook_code and item_id are required")};
    const QJsonValue error = webhook.value(QLatin1StringView("error"));
    if (!error.isUndefined() && !error.isNull() && !error.isObject())
        return {Outcome::Malformed, itemId, {}, QStringLiteral("error is not an object")};
    const QString errorCode = error.toObject().value(QLatin1StringView("error_code")).toString();
    const QString status = statusAfter(type, code, errorCode);
    const QString dedupeKey =
        QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    const QString at = receivedAt.toUTC().toString(Qt::ISODateWithMs);

    QSqlDatabase db = m_database->connection();
    if (!db.transaction())
        return {Outcome::Failed, itemId, {}, db.lastError().text()};
    const auto failed = [&](const QSqlQuery &query) {
        const QString problem = query.lastError().text();
        db.rollback();
        return Result{Outcome::Failed, itemId, {}, problem};
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT status FROM items WHERE item_id = ?"));
    query.addBindValue(itemId);
    if (!query.exec())
        return failed(query);
    if (!query.next()) {
        db.rollback();
        return {Outcome::UnknownItem, itemId, {}, QStringLiteral("no such Item here")};
    }
    const QString before = query.value(0).toString();
    query.prepare(QStringLiteral("SELECT 1 FROM item_events WHERE dedupe_key = ?"));
    query.addBindValue(dedupeKey);
    if (!query.exec())
        return failed(query);
    if (query.next()) {
        db.rollback();
        return {Outcome::Duplicate, itemId, before, {}};
    }
    query.prepare(QStringLiteral("INSERT INTO item_events (item_id, source, webhook_type, "
                                 "webhook_code, dedupe_key, body, at) VALUES (?, 'webhook', ?, "
                                 "?, ?, ?, ?)"));
    query.addBindValue(itemId);
    query.addBindValue(type);
    query.addBindValue(code);
    query.addBindValue(dedupeKey);
    query.addBindValue(QString::fromUtf8(body));
    query.addBindValue(at);
    if (!query.exec()) {
        // Another instance took the same retry a moment ago (the key is unique).
        const QString problem = query.lastError().text();
        db.rollback();
        QSqlQuery check(db);
        check.prepare(QStringLiteral("SELECT 1 FROM item_events WHERE dedupe_key = ?"));
        check.addBindValue(dedupeKey);
        if (check.exec() && check.next())
            return {Outcome::Duplicate, itemId, before, {}};
        return {Outcome::Failed, itemId, {}, problem};
    }
    const QString after = status.isEmpty() ? before : status;
    if (!status.isEmpty()) {
        query.prepare(QStringLiteral(
            "UPDATE items SET status = ?, error_code = ?, updated_at = ? WHERE item_id = ?"));
        query.addBindValue(status);
        query.addBindValue(status == u"healthy"  ? QVariant(QMetaType(QMetaType::QString))
                           : errorCode.isEmpty() ? QVariant(code)
                                                 : QVariant(errorCode));
        query.addBindValue(at);
        query.addBindValue(itemId);
        if (!query.exec())
            return failed(query);
    }
    if (!db.commit())
        return {Outcome::Failed, itemId, {}, db.lastError().text()};
    return {Outcome::Applied, itemId, after, {}};
}

} // namespace weft::server
