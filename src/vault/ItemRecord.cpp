#include "vault/ItemRecord.h"

#include <QJsonArray>

namespace weft::vault {
namespace {

QJsonValue time(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeOf(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC()
                            : QDateTime();
}

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

std::optional<double> numberOf(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue entry : array)
        list.append(entry.toString());
    return list;
}

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toString();
}

} // namespace

void ItemRecord::addRequestId(const QString &requestId)
{
    if (requestId.isEmpty())
        return;
    requestIds.removeAll(requestId);
    requestIds.prepend(requestId);
    while (requestIds.size() > kMaxRequestIds)
        requestIds.removeLast();
}

QJsonObject ItemRecord::toJson() const
{
    QJsonArray accountList;
    for (const StoredAccount &a : accounts) {
        accountList.append(
            QJsonObject{{QStringLiteral("account_id"), a.id},
                        {QStringLiteral("name"), a.name},
                        {QStringLiteral("official_name"), a.officialName},
                        {QStringLiteral("mask"), a.mask},
                        {QStringLiteral("type"), a.type},
                        {QStringLiteral("subtype"), a.subtype},
                        {QStringLiteral("balances"),
                         QJsonObject{{QStringLiteral("available"), number(a.available)},
                                     {QStringLiteral("current"), number(a.current)},
                                     {QStringLiteral("limit"), number(a.limit)},
                                     {QStringLiteral("iso_currency_code"), a.currency}}}});
    }
    QJsonArray eventList;
    for (const StoredEvent &e : events) {
        eventList.append(QJsonObject{{QStringLiteral("timestamp"), time(e.timestamp)},
                                     {QStringLiteral("event_name"), e.name},
                                     {QStringLiteral("view_name"), e.viewName},
                                     {QStringLiteral("metadata"), e.metadata}});
    }
    QJsonObject object{
        {QStringLiteral("item_id"), itemId},
        {QStringLiteral("environment"), environment},
        {QStringLiteral("institution"),
         QJsonObject{{QStringLiteral("institution_id"), institutionId},
                     {QStringLiteral("name"), institutionName},
                     {QStringLiteral("logo"), institutionLogo},
                     {QStringLiteral("primary_color"), institutionColor}}},
        {QStringLiteral("created_at"), time(createdAt)},
        {QStringLiteral("last_refresh"), time(lastRefresh)},
        {QStringLiteral("status"), status()},
        {QStringLiteral("error"),
         isHealthy()
             ? QJsonValue()
             : QJsonValue(QJsonObject{{QStringLiteral("error_type"), errorType},
                                      {QStringLiteral("error_code"), errorCode},
                                      {QStringLiteral("error_message"), errorMessage},
                                      {QStringLiteral("display_message"), displayMessage}})},
        {QStringLiteral("refresh_problem"), refreshProblem},
        {QStringLiteral("products"),
         QJsonObject{{QStringLiteral("available"), QJsonArray::fromStringList(availableProducts)},
                     {QStringLiteral("billed"), QJsonArray::fromStringList(billedProducts)}}},
        {QStringLiteral("consent_expiration_time"), time(consentExpiration)},
        {QStringLiteral("update_type"), updateType},
        {QStringLiteral("webhook"), webhook},
        {QStringLiteral("accounts"), accountList},
        {QStringLiteral("link_session_id"), linkSessionId},
        {QStringLiteral("request_ids"), QJsonArray::fromStringList(requestIds)},
        {QStringLiteral("events"), eventList},
        {QStringLiteral("token_saved"), tokenSaved},
        {QStringLiteral("token_lost"), tokenLost},
    };
    if (!owner.isEmpty())
        object.insert(QStringLiteral("owner"), owner);
    return object;
}

std::optional<ItemRecord> ItemRecord::fromJson(const QJsonObject &object, QString *error)
{
    ItemRecord r;
    r.itemId = text(object, "item_id");
    r.environment = text(object, "environment");
    if (r.itemId.isEmpty() || r.environment.isEmpty()) {
        *error = QStringLiteral("an Item without item_id or environment");
        return std::nullopt;
    }
    const QJsonObject institution = object.value(QLatin1StringView("institution")).toObject();
    r.institutionId = text(institution, "institution_id");
    r.institutionName = text(institution, "name");
    r.institutionLogo = text(institution, "logo");
    r.institutionColor = text(institution, "primary_color");
    r.createdAt = timeOf(object.value(QLatin1StringView("created_at")));
    r.lastRefresh = timeOf(object.value(QLatin1StringView("last_refresh")));
    const QJsonObject itemError = object.value(QLatin1StringView("error")).toObject();
    r.errorType = text(itemError, "error_type");
    r.errorCode = text(itemError, "error_code");
    r.errorMessage = text(itemError, "error_message");
    r.displayMessage = text(itemError, "display_message");
    r.refreshProblem = text(object, "refresh_problem");
    const QJsonObject products = object.value(QLatin1StringView("products")).toObject();
    r.availableProducts = strings(products.value(QLatin1StringView("available")));
    r.billedProducts = strings(products.value(QLatin1StringView("billed")));
    r.consentExpiration = timeOf(object.value(QLatin1StringView("consent_expiration_time")));
    r.updateType = text(object, "update_type");
    r.webhook = text(object, "webhook");
    const QJsonArray accounts = object.value(QLatin1StringView("accounts")).toArray();
    for (const QJsonValue value : accounts) {
        const QJsonObject a = value.toObject();
        const QJsonObject balances = a.value(QLatin1StringView("balances")).toObject();
        r.accounts.append({text(a, "account_id"), text(a, "name"), text(a, "official_name"),
                           text(a, "mask"), text(a, "type"), text(a, "subtype"),
                           numberOf(balances.value(QLatin1StringView("available"))),
                           numberOf(balances.value(QLatin1StringView("current"))),
                           numberOf(balances.value(QLatin1StringView("limit"))),
                           text(balances, "iso_currency_code")});
    }
    r.linkSessionId = text(object, "link_session_id");
    r.requestIds = strings(object.value(QLatin1StringView("request_ids")));
    const QJsonArray events = object.value(QLatin1StringView("events")).toArray();
    for (const QJsonValue value : events) {
        const QJsonObject e = value.toObject();
        r.events.append({timeOf(e.value(QLatin1StringView("timestamp"))), text(e, "event_name"),
                         text(e, "view_name"), e.value(QLatin1StringView("metadata")).toObject()});
    }
    r.tokenSaved = object.value(QLatin1StringView("token_saved")).toBool();
    r.tokenLost = text(object, "token_lost");
    r.owner = text(object, "owner");
    return r;
}

QJsonObject PendingExchange::toJson() const
{
    return {{QStringLiteral("link_session_id"), linkSessionId},
            {QStringLiteral("environment"), environment},
            {QStringLiteral("institution_id"), institutionId},
            {QStringLiteral("institution_name"), institutionName},
            {QStringLiteral("started_at"), time(startedAt)}};
}

PendingExchange PendingExchange::fromJson(const QJsonObject &object)
{
    PendingExchange p;
    p.linkSessionId = text(object, "link_session_id");
    p.environment = text(object, "environment");
    p.institutionId = text(object, "institution_id");
    p.institutionName = text(object, "institution_name");
    p.startedAt = timeOf(object.value(QLatin1StringView("started_at")));
    return p;
}

} // namespace weft::vault
