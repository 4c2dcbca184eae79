#include "plaid/PlaidModels.h"

#include "plaid/JsonReader.h"

#include <QJsonArray>

namespace weft::plaid {
namespace {

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue nullable(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullable(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODate))
                           : QJsonValue(QJsonValue::Null);
}

} // namespace

Balances Balances::fromJson(JsonReader &reader)
{
    Balances balances;
    balances.available = reader.nullableNumber(QLatin1StringView("available"));
    balances.current = reader.nullableNumber(QLatin1StringView("current"));
    balances.limit = reader.nullableNumber(QLatin1StringView("limit"));
    balances.isoCurrencyCode = reader.optionalString(QLatin1StringView("iso_currency_code"));
    balances.unofficialCurrencyCode =
        reader.optionalString(QLatin1StringView("unofficial_currency_code"));
    return balances;
}

QJsonObject Balances::toJson() const
{
    return {{QStringLiteral("available"), nullable(available)},
            {QStringLiteral("current"), nullable(current)},
            {QStringLiteral("limit"), nullable(limit)},
            {QStringLiteral("iso_currency_code"), nullable(isoCurrencyCode)},
            {QStringLiteral("unofficial_currency_code"), nullable(unofficialCurrencyCode)}};
}

Account Account::fromJson(JsonReader &reader)
{
    Account account;
    account.accountId = reader.string(QLatin1StringView("account_id"));
    account.name = reader.string(QLatin1StringView("name"));
    account.officialName = reader.optionalString(QLatin1StringView("official_name"));
    account.mask = reader.optionalString(QLatin1StringView("mask"));
    account.type = reader.string(QLatin1StringView("type"));
    account.subtype = reader.optionalString(QLatin1StringView("subtype"));
    account.verificationStatus = reader.optionalString(QLatin1StringView("verification_status"));
    JsonReader balances = reader.object(QLatin1StringView("balances"));
    account.balances = Balances::fromJson(balances);
    return account;
}

QJsonObject Account::toJson() const
{
    QJsonObject object{{QStringLiteral("account_id"), accountId},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("official_name"), nullable(officialName)},
                       {QStringLiteral("mask"), nullable(mask)},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("subtype"), nullable(subtype)},
                       {QStringLiteral("balances"), balances.toJson()}};
    if (!verificationStatus.isEmpty())
        object.insert(QStringLiteral("verification_status"), verificationStatus);
    return object;
}

Item Item::fromJson(JsonReader &reader)
{
    Item item;
    item.itemId = reader.string(QLatin1StringView("item_id"));
    item.institutionId = reader.optionalString(QLatin1StringView("institution_id"));
    item.institutionName = reader.optionalString(QLatin1StringView("institution_name"));
    item.webhook = reader.optionalString(QLatin1StringView("webhook"));
    if (const auto error = reader.nullableObject(QLatin1StringView("error"))) {
        item.error = PlaidError::fromJson(error->json());
        if (!item.error)
            reader.fail(QStringLiteral("item.error: not a Plaid error object"));
    }
    item.availableProducts = reader.stringList(QLatin1StringView("available_products"));
    item.billedProducts = reader.stringList(QLatin1StringView("billed_products"));
    item.products = reader.stringList(QLatin1StringView("products"), false);
    item.consentedProducts = reader.stringList(QLatin1StringView("consented_products"), false);
    item.consentExpirationTime =
        reader.dateTime(QLatin1StringView("consent_expiration_time"), false);
    item.updateType = reader.optionalString(QLatin1StringView("update_type"));
    item.createdAt = reader.dateTime(QLatin1StringView("created_at"), false);
    return item;
}

QJsonObject Item::toJson() const
{
    QJsonObject object{
        {QStringLiteral("item_id"), itemId},
        {QStringLiteral("institution_id"), nullable(institutionId)},
        {QStringLiteral("institution_name"), nullable(institutionName)},
        {QStringLiteral("webhook"), nullable(webhook)},
        {QStringLiteral("auth_method"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("error"), error ? QJsonValue(error->toJson()) : QJsonValue()},
        {QStringLiteral("available_products"), QJsonArray::fromStringList(availableProducts)},
        {QStringLiteral("billed_products"), QJsonArray::fromStringList(billedProducts)},
        {QStringLiteral("products"), QJsonArray::fromStringList(products)},
        {QStringLiteral("consented_products"), QJsonArray::fromStringList(consentedProducts)},
        {QStringLiteral("consent_expiration_time"), nullable(consentExpirationTime)},
        {QStringLiteral("update_type"), updateType}};
    if (createdAt.isValid())
        object.insert(QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate));
    return object;
}

Institution Institution::fromJson(JsonReader &reader)
{
    Institution institution;
    institution.institutionId = reader.string(QLatin1StringView("institution_id"));
    institution.name = reader.string(QLatin1StringView("name"));
    institution.products = reader.stringList(QLatin1StringView("products"));
    institution.countryCodes = reader.stringList(QLatin1StringView("country_codes"));
    institution.url = reader.optionalString(QLatin1StringView("url"));
    institution.primaryColor = reader.optionalString(QLatin1StringView("primary_color"));
    institution.logo = reader.optionalString(QLatin1StringView("logo"));
    institution.routingNumbers = reader.stringList(QLatin1StringView("routing_numbers"));
    institution.oauth = reader.boolean(QLatin1StringView("oauth"));
    return institution;
}

QJsonObject Institution::toJson() const
{
    return {{QStringLiteral("institution_id"), institutionId},
            {QStringLiteral("name"), name},
            {QStringLiteral("products"), QJsonArray::fromStringList(products)},
            {QStringLiteral("country_codes"), QJsonArray::fromStringList(countryCodes)},
            {QStringLiteral("url"), nullable(url)},
            {QStringLiteral("primary_color"), nullable(primaryColor)},
            {QStringLiteral("logo"), nullable(logo)},
            {QStringLiteral("routing_numbers"), QJsonArray::fromStringList(routingNumbers)},
            {QStringLiteral("dtc_numbers"), QJsonArray()},
            {QStringLiteral("oauth"), oauth}};
}

namespace {

// institution and accounts, as item_add_results[] and on_success.metadata carry them.
void readItemAddMetadata(JsonReader &reader, LinkSessionItemAdd &add)
{
    if (std::optional<JsonReader> institution =
            reader.nullableObject(QLatin1StringView("institution")))
        add.institution = institution->json();
    const QJsonValue accounts = reader.json().value(QLatin1StringView("accounts"));
    if (accounts.isArray())
        add.accounts = accounts.toArray();
    else if (!accounts.isUndefined() && !accounts.isNull())
        reader.fail(QStringLiteral("accounts: expected an array"));
}

LinkSessionItemAdd itemAddFromJson(JsonReader &reader)
{
    LinkSessionItemAdd add;
    add.publicToken = reader.string(QLatin1StringView("public_token"));
    readItemAddMetadata(reader, add);
    return add;
}

} // namespace

QList<LinkSessionRecord> LinkSessionRecord::listFromJson(JsonReader &answer)
{
    const QJsonValue value = answer.json().value(QLatin1StringView("link_sessions"));
    if (value.isUndefined() || value.isNull())
        return {};
    QList<LinkSessionRecord> sessions;
    for (JsonReader &entry : answer.objectList(QLatin1StringView("link_sessions"))) {
        LinkSessionRecord session;
        session.linkSessionId = entry.string(QLatin1StringView("link_session_id"));
        session.startedAt = entry.dateTime(QLatin1StringView("started_at"), false);
        session.finishedAt = entry.dateTime(QLatin1StringView("finished_at"), false);
        if (std::optional<JsonReader> results =
                entry.nullableObject(QLatin1StringView("results"))) {
            if (results->json().contains(QLatin1StringView("item_add_results"))) {
                for (JsonReader &add : results->objectList(QLatin1StringView("item_add_results")))
                    session.itemAdds.append(itemAddFromJson(add));
            }
        }
        // Older integrations get on_success / on_exit instead of results / exit.
        if (session.itemAdds.isEmpty()) {
            if (std::optional<JsonReader> success =
                    entry.nullableObject(QLatin1StringView("on_success"))) {
                LinkSessionItemAdd add;
                add.publicToken = success->string(QLatin1StringView("public_token"));
                if (std::optional<JsonReader> metadata =
                        success->nullableObject(QLatin1StringView("metadata")))
                    readItemAddMetadata(*metadata, add);
                session.itemAdds.append(add);
            }
        }
        std::optional<JsonReader> exit = entry.nullableObject(QLatin1StringView("exit"));
        if (!exit)
            exit = entry.nullableObject(QLatin1StringView("on_exit"));
        if (exit) {
            session.exited = true;
            const QJsonValue error = exit->json().value(QLatin1StringView("error"));
            if (error.isObject()) {
                session.exitError = PlaidError::fromJson(error.toObject());
                if (!session.exitError)
                    exit->fail(QStringLiteral("error: not a Plaid error"));
            }
            if (std::optional<JsonReader> metadata =
                    exit->nullableObject(QLatin1StringView("metadata")))
                session.exitStatus = metadata->optionalString(QLatin1StringView("status"));
        }
        sessions.append(session);
    }
    return sessions;
}

} // namespace weft::plaid
