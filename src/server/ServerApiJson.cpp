#include "server/ServerApiJson.h"

#include "plaid/PlaidResult.h"
#include "server/ServerLogging.h"

#include <QJsonDocument>

namespace weft::server::apijson {
namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue time(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate))
                        : QJsonValue(QJsonValue::Null);
}

} // namespace

net::HttpResponse ok(const QJsonObject &body, int status)
{
    return net::HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

net::HttpResponse error(int status, const QString &code, const QString &message)
{
    return ok({{QStringLiteral("error_code"), code}, {QStringLiteral("error_message"), message}},
              status);
}

net::HttpResponse plaidFailure(const plaid::PlaidOutcome &outcome)
{
    if (outcome.status != plaid::PlaidStatus::ApiError) {
        qCWarning(lcServer).noquote() << "Plaid could not be reached:" << outcome.describe();
        net::HttpResponse response =
            error(503, QStringLiteral("PLAID_UNAVAILABLE"),
                  QStringLiteral("Plaid could not be reached; try again shortly"));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("30")});
        return response;
    }
    const plaid::PlaidError &plaidError = outcome.apiError;
    qCInfo(lcServer).noquote() << "Plaid refused:" << outcome.describe();
    QJsonObject body{{QStringLiteral("error_code"), QStringLiteral("PLAID_ERROR")},
                     {QStringLiteral("error_message"), plaidError.userText()}};
    body.insert(QStringLiteral("plaid_error"),
                QJsonObject{{QStringLiteral("error_type"), plaidError.errorType},
                            {QStringLiteral("error_code"), plaidError.errorCode},
                            {QStringLiteral("display_message"), orNull(plaidError.displayMessage)},
                            {QStringLiteral("request_id"), orNull(outcome.requestId)}});
    return ok(body, 502);
}

net::HttpResponse serverError(const QString &reason)
{
    qCWarning(lcServer).noquote() << "internal error:" << reason;
    return error(500, QStringLiteral("SERVER_ERROR"),
                 QStringLiteral("the server could not complete this request; try again later"));
}

QJsonObject item(const ItemStore::Item &item)
{
    return {{QStringLiteral("item_id"), item.itemId},
            {QStringLiteral("institution_id"), orNull(item.institutionId)},
            {QStringLiteral("institution_name"), orNull(item.institutionName)},
            {QStringLiteral("status"), item.status},
            {QStringLiteral("error_code"), orNull(item.errorCode)},
            {QStringLiteral("created_at"), time(item.createdAt)},
            {QStringLiteral("updated_at"), time(item.updatedAt)}};
}

QJsonObject supportItem(const SupportConsole::Found &found)
{
    QJsonObject object = item(found.item);
    object.insert(QStringLiteral("user_email"), found.ownerEmail);
    return object;
}

QJsonObject timelineEvent(const SupportConsole::Event &event)
{
    return {{QStringLiteral("at"), time(event.at)},
            {QStringLiteral("source"), event.source},
            {QStringLiteral("webhook_type"), orNull(event.type)},
            {QStringLiteral("code"), event.code},
            {QStringLiteral("error_code"), orNull(event.errorCode)}};
}

QJsonObject principal(const Credentials::Principal &principal)
{
    return {{QStringLiteral("email"), principal.email},
            {QStringLiteral("role"), UserDirectory::roleName(principal.role)}};
}

QJsonObject issued(const Credentials::Issued &issued)
{
    return {{QStringLiteral("refresh_token"), issued.refreshToken},
            {QStringLiteral("access_token"), issued.accessToken},
            {QStringLiteral("access_expires_at"), time(issued.accessExpiresAt)},
            {QStringLiteral("refresh_expires_at"), time(issued.refreshExpiresAt)},
            {QStringLiteral("user"), principal(issued.principal)}};
}

} // namespace weft::server::apijson
