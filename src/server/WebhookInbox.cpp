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

namespace {

// Plaid retries a webhook it could not deliver for up to a day.
constexpr qint64 kRetryWindowSeconds = 24 * 60 * 60;

bool isErrorStatus(const QString &status)
{
    return status == u"login_required" || status == u"error" || status == u"permission_revoked";
}

} // namespace

QString WebhookInbox::statusAfter(const QString &webhookType, const QString &webhookCode,
                                  const QString &errorCode, const QString &current)
{
    if (webhookType != u"ITEM")
        return {};
    if (webhookCode == u"ERROR")
        return errorCode == u"ITEM_LOGIN_REQUIRED" ? QStringLiteral("login_required")
                                                   : QStringLiteral("error");
    if (webhookCode == u"USER_PERMISSION_REVOKED")
        return QStringLiteral("permission_revoked");
    if (webhookCode == u"LOGIN_REPAIRED")
        return current == u"login_required" ? QStringLiteral("healthy") : QString();
    // Notices: they never hide an error the user still has to fix.
    if (isErrorStatus(current))
        return {};
    if (webhookCode == u"PENDING_EXPIRATION")
        return QStringLiteral("pending_expiration");
    if (webhookCode == u"PENDING_DISCONNECT")
        return QStringLiteral("pending_disconnect");
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
    const QString dedupeKey =
        QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    const QString at = receivedAt.toUTC().toString(Qt::ISODateWithMs);

    QString problem;
    if (!m_database->beginWrite(&problem))
        return {Outcome::Failed, itemId, {}, problem};
    const auto failed = [&](const QSqlQuery &query) {
        const QString why = query.lastError().text();
        m_database->rollback();
        return Result{Outcome::Failed, itemId, {}, why};
    };
    QSqlQuery query(m_database->connection());
    // The Item's row, locked: webhooks for one Item are applied one at a time, whichever
    // instance took them (SQLite: the whole database is, by BEGIN IMMEDIATE).
    query.prepare(m_database->isPostgres()
                      ? QStringLiteral("SELECT status FROM items WHERE item_id = ? FOR UPDATE")
                      : QStringLiteral("SELECT status FROM items WHERE item_id = ?"));
    query.addBindValue(itemId);
    if (!query.exec())
        return failed(query);
    if (!query.next()) {
        m_database->rollback();
        return {Outcome::UnknownItem, itemId, {}, QStringLiteral("no such Item here")};
    }
    const QString before = query.value(0).toString();
    // A retry is the body of the Item's latest webhook again, within Plaid's retry window. The
    // same body after another webhook (broken, repaired, broken again) is news.
    query.prepare(QStringLiteral("SELECT dedupe_key, at FROM item_events WHERE item_id = ? "
                                 "ORDER BY id DESC LIMIT 1"));
    query.addBindValue(itemId);
    if (!query.exec())
        return failed(query);
    if (query.next() && query.value(0).toString() == dedupeKey &&
        QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).secsTo(receivedAt) <=
            kRetryWindowSeconds) {
        m_database->rollback();
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
    if (!query.exec())
        return failed(query);
    const QString status = statusAfter(type, code, errorCode, before);
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
    if (!m_database->commit(&problem))
        return {Outcome::Failed, itemId, {}, problem};
    return {Outcome::Applied, itemId, status.isEmpty() ? before : status, {}};
}

} // namespace weft::server
