#include "plaid/PlaidError.h"

#include <QJsonValue>

namespace weft::plaid {
namespace {

QString optionalString(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

std::optional<PlaidError> PlaidError::fromJson(const QJsonObject &object, int httpStatus)
{
    const QJsonValue type = object.value(QLatin1StringView("error_type"));
    const QJsonValue code = object.value(QLatin1StringView("error_code"));
    const QJsonValue message = object.value(QLatin1StringView("error_message"));
    if (!type.isString() || !code.isString() || !message.isString() || code.toString().isEmpty())
        return std::nullopt;
    PlaidError error;
    error.errorType = type.toString();
    error.errorCode = code.toString();
    error.errorMessage = message.toString();
    error.errorCodeReason = optionalString(object, QLatin1StringView("error_code_reason"));
    error.displayMessage = optionalString(object, QLatin1StringView("display_message"));
    error.requestId = optionalString(object, QLatin1StringView("request_id"));
    error.documentationUrl = optionalString(object, QLatin1StringView("documentation_url"));
    error.suggestedAction = optionalString(object, QLatin1StringView("suggested_action"));
    error.httpStatus = httpStatus;
    return error;
}

QJsonObject PlaidError::toJson() const
{
    QJsonObject object{
        {QStringLiteral("error_type"), errorType},
        {QStringLiteral("error_code"), errorCode},
        {QStringLiteral("error_code_reason"), nullable(errorCodeReason)},
        {QStringLiteral("error_message"), errorMessage},
        {QStringLiteral("display_message"), nullable(displayMessage)},
        {QStringLiteral("documentation_url"), documentationUrl},
        {QStringLiteral("suggested_action"), nullable(suggestedAction)},
    };
    if (!requestId.isEmpty())
        object.insert(QStringLiteral("request_id"), requestId);
    return object;
}

QString PlaidError::userText() const
{
    return displayMessage.isEmpty() ? errorMessage : displayMessage;
}

} // namespace weft::plaid
