#include "link/LinkTypes.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace weft::link {
namespace {

// An optional string field: absent or null is empty; any other type is an error.
bool optionalString(const QJsonObject &object, QLatin1StringView key, QString *out,
                    const QString &where, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *error = where + key + QStringLiteral(" must be a string or null");
        return false;
    }
    *out = value.toString();
    return true;
}

bool parseInstitution(const QJsonValue &value, std::optional<LinkInstitution> *out, QString *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject()) {
        *error = QStringLiteral("metadata.institution must be an object or null");
        return false;
    }
    const QJsonObject object = value.toObject();
    LinkInstitution institution;
    const QString where = QStringLiteral("metadata.institution.");
    if (!optionalString(object, QLatin1StringView("institution_id"), &institution.institutionId,
                        where, error) ||
        !optionalString(object, QLatin1StringView("name"), &institution.name, where, error))
        return false;
    *out = institution;
    return true;
}

bool parseAccount(const QJsonValue &value, int index, LinkAccount *out, QString *error)
{
    const QString where = QStringLiteral("metadata.accounts[%1].").arg(index);
    if (!value.isObject()) {
        *error = where.chopped(1) + QStringLiteral(" must be an object");
        return false;
    }
    const QJsonObject object = value.toObject();
    if (!object.value(QLatin1StringView("id")).isString() ||
        object.value(QLatin1StringView("id")).toString().isEmpty()) {
        *error = where + QStringLiteral("id must be a non-empty string");
        return false;
    }
    out->id = object.value(QLatin1StringView("id")).toString();
    return optionalString(object, QLatin1StringView("name"), &out->name, where, error) &&
           optionalString(object, QLatin1StringView("mask"), &out->mask, where, error) &&
           optionalString(object, QLatin1StringView("type"), &out->type, where, error) &&
           optionalString(object, QLatin1StringView("subtype"), &out->subtype, where, error) &&
           optionalString(object, QLatin1StringView("verification_status"),
                          &out->verificationStatus, where, error);
}

QJsonObject metadataOf(const QJsonObject &payload, QString *error)
{
    const QJsonValue metadata = payload.value(QLatin1StringView("metadata"));
    if (!metadata.isObject()) {
        *error = QStringLiteral("metadata must be an object");
        return {};
    }
    return metadata.toObject();
}

} // namespace

bool isPublicToken(const QString &token)
{
    static const QRegularExpression re(
        QStringLiteral("^public-(sandbox|development|production)-"
                       "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(token).hasMatch();
}

std::optional<LinkSuccess> LinkSuccess::parse(const QJsonObject &payload, QString *error)
{
    LinkSuccess success;
    const QJsonValue token = payload.value(QLatin1StringView("public_token"));
    if (!token.isString() || !isPublicToken(token.toString())) {
        *error = QStringLiteral("public_token is missing or not a public token");
        return std::nullopt;
    }
    success.publicToken = token.toString();
    success.metadata = metadataOf(payload, error);
    if (!error->isEmpty())
        return std::nullopt;
    success.metadata.remove(QStringLiteral("public_token"));
    if (!parseInstitution(success.metadata.value(QLatin1StringView("institution")),
                          &success.institution, error))
        return std::nullopt;
    const QJsonValue accounts = success.metadata.value(QLatin1StringView("accounts"));
    if (!accounts.isArray()) {
        *error = QStringLiteral("metadata.accounts must be an array");
        return std::nullopt;
    }
    const QJsonArray list = accounts.toArray();
    for (int i = 0; i < list.size(); ++i) {
        LinkAccount account;
        if (!parseAccount(list.at(i), i, &account, error))
            return std::nullopt;
        success.accounts.append(account);
    }
    if (!optionalString(success.metadata, QLatin1StringView("link_session_id"),
                        &success.linkSessionId, QStringLiteral("metadata."), error))
        return std::nullopt;
    if (success.linkSessionId.isEmpty()) {
        *error = QStringLiteral("metadata.link_session_id is missing");
        return std::nullopt;
    }
    return success;
}

std::optional<LinkExit> LinkExit::parse(const QJsonObject &payload, QString *error)
{
    LinkExit exit;
    const QJsonValue errorValue = payload.value(QLatin1StringView("error"));
    if (!errorValue.isNull() && !errorValue.isUndefined()) {
        if (!errorValue.isObject()) {
            *error = QStringLiteral("error must be an object or null");
            return std::nullopt;
        }
        QJsonObject object = errorValue.toObject();
        // Link's error objects may omit error_message; Plaid's parser insists on one.
        if (!object.contains(QLatin1StringView("error_message")))
            object.insert(QStringLiteral("error_message"), QString());
        exit.error = plaid::PlaidError::fromJson(object);
        if (!exit.error) {
            *error = QStringLiteral("error lacks error_type or error_code");
            return std::nullopt;
        }
    }
    exit.metadata = metadataOf(payload, error);
    if (!error->isEmpty())
        return std::nullopt;
    const QString where = QStringLiteral("metadata.");
    if (!optionalString(exit.metadata, QLatin1StringView("status"), &exit.status, where, error) ||
        !optionalString(exit.metadata, QLatin1StringView("link_session_id"), &exit.linkSessionId,
                        where, error) ||
        !optionalString(exit.metadata, QLatin1StringView("request_id"), &exit.requestId, where,
                        error) ||
        !parseInstitution(exit.metadata.value(QLatin1StringView("institution")), &exit.institution,
                          error))
        return std::nullopt;
    return exit;
}

std::optional<LinkEvent> LinkEvent::parse(const QJsonObject &payload, const QDateTime &received,
                                          QString *error)
{
    LinkEvent event;
    const QJsonValue name = payload.value(QLatin1StringView("event_name"));
    static const QRegularExpression eventName(QStringLiteral("^[A-Z][A-Z0-9_]{0,63}$"));
    if (!name.isString() || !eventName.match(name.toString()).hasMatch()) {
        *error = QStringLiteral("event_name must be an upper-case event name");
        return std::nullopt;
    }
    event.name = name.toString();
    event.metadata = metadataOf(payload, error);
    if (!error->isEmpty())
        return std::nullopt;
    QString timestamp;
    if (!optionalString(event.metadata, QLatin1StringView("view_name"), &event.viewName,
                        QStringLiteral("metadata."), error) ||
        !optionalString(event.metadata, QLatin1StringView("timestamp"), &timestamp,
                        QStringLiteral("metadata."), error))
        return std::nullopt;
    event.timestamp = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    if (!event.timestamp.isValid())
        event.timestamp = received;
    event.timestamp = event.timestamp.toUTC();
    return event;
}

} // namespace weft::link
