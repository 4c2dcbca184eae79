// SandboxApi: link tokens, and the Link session completion behind the Link emulator.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxLogin.h"
#include "sandbox/SandboxValidation.h"

#include <QJsonArray>

namespace weft::sandbox {
namespace {

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// account_filters: {"depository": {"account_subtypes": ["checking", ...]}, ...}
bool validAccountFilters(const QJsonValue &value)
{
    if (!value.isObject())
        return false;
    static const QStringList types{QStringLiteral("depository"), QStringLiteral("credit"),
                                   QStringLiteral("loan"), QStringLiteral("investment"),
                                   QStringLiteral("other")};
    const QJsonObject filters = value.toObject();
    for (auto it = filters.constBegin(); it != filters.constEnd(); ++it) {
        QStringList subtypes;
        if (!types.contains(it.key()) || !it->isObject()
            || !validation::stringArray(it->toObject().value(QLatin1StringView("account_subtypes")),
                                        &subtypes))
            return false;
    }
    return true;
}

bool passesFilters(const plaid::Account &account, const QJsonObject &filters)
{
    if (filters.isEmpty())
        return true;
    const QJsonValue filter = filters.value(account.type);
    if (!filter.isObject())
        return false;
    const QJsonArray subtypes = filter.toObject().value(QLatin1StringView("account_subtypes")).toArray();
    return subtypes.contains(QStringLiteral("all")) || subtypes.contains(account.subtype);
}

QJsonObject accountMetadata(const plaid::Account &account)
{
    return {{QStringLiteral("id"), account.accountId},
            {QStringLiteral("name"), account.name},
            {QStringLiteral("mask"), nullIfEmpty(account.mask)},
            {QStringLiteral("type"), account.type},
            {QStringLiteral("subtype"), nullIfEmpty(account.subtype)},
            {QStringLiteral("verification_status"), QJsonValue(QJsonValue::Null)}};
}

} // namespace

SandboxResponse SandboxApi::linkTokenCreate(const Call &call)
{
    const QJsonObject &body = call.body;
    const QJsonValue clientName = body.value(QLatin1StringView("client_name"));
    if (!clientName.isString() || clientName.toString().size() > 30)
        return fail(call, u"INVALID_FIELD", QStringLiteral("client_name must be a string of at most 30 characters"));
    const QString language = body.value(QLatin1StringView("language")).toString();
    if (!SandboxCatalog::languages().contains(language)) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("language must be one of: ")
                        + SandboxCatalog::languages().join(QStringLiteral(", ")));
    }
    QStringList countries;
    if (!validation::stringArray(body.value(QLatin1StringView("country_codes")), &countries)
        || countries.isEmpty()
        || !validation::notIn(countries, SandboxCatalog::countryCodes()).isEmpty()) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("country_codes must be a non-empty array of supported country codes"));
    }
    const QJsonObject user = body.value(QLatin1StringView("user")).toObject();
    const QJsonValue clientUserId = user.value(QLatin1StringView("client_user_id"));
    if (!clientUserId.isString() || clientUserId.toString().isEmpty()) {
        return fail(call, u"MISSING_FIELDS",
                    QStringLiteral("the following required fields are missing: user.client_user_id"));
    }
    QStringList products;
    const QJsonValue productsValue = body.value(QLatin1StringView("products"));
    if (!productsValue.isUndefined() && !productsValue.isNull()
        && !validation::stringArray(productsValue, &products)) {
        return fail(call, u"INVALID_FIELD", QStringLiteral("products must be an array of strings"));
    }
    if (const QStringList unknown = validation::notIn(products, SandboxCatalog::supportedProducts());
        !unknown.isEmpty()) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("the following products are not valid: ")
                        + unknown.join(QStringLiteral(", ")));
    }
    const QString webhook = body.value(QLatin1StringView("webhook")).toString();
    if (body.contains(QLatin1StringView("webhook")) && !validation::isWebUrl(webhook))
        return fail(call, u"INVALID_FIELD", QStringLiteral("webhook must be an http or https URL"));
    const QString redirectUri = body.value(QLatin1StringView("redirect_uri")).toString();
    if (body.contains(QLatin1StringView("redirect_uri")) && !validation::isWebUrl(redirectUri, true)
        && !validation::isLoopbackUrl(redirectUri)) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("redirect_uri must be an https URL (or http on localhost)"));
    }
    const QJsonValue filters = body.value(QLatin1StringView("account_filters"));
    if (!filters.isUndefined() && !validAccountFilters(filters)) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("account_filters must map account types to {account_subtypes: [...]}"));
    }

    LinkTokenRecord record;
    record.clientId = call.clientId;
    record.createdAt = m_clock->now();
    const bool updateMode = body.contains(QLatin1StringView("access_token"));
    if (updateMode) {
        ItemRecord *item = nullptr;
        if (auto error = findItem(call, &item))
            return *error;
        record.updateItemId = item->item.itemId;
        record.expiration = record.createdAt.addSecs(kUpdateLinkTokenMinutes * 60);
    } else {
        if (products.isEmpty()) {
            return fail(call, u"MISSING_FIELDS",
                        QStringLiteral("the following required fields are missing: products"));
        }
        record.expiration = record.createdAt.addSecs(kLinkTokenHours * 3600);
    }
    record.metadata = {{QStringLiteral("initial_products"), QJsonArray::fromStringList(products)},
                       {QStringLiteral("webhook"), nullIfEmpty(webhook)},
                       {QStringLiteral("country_codes"), QJsonArray::fromStringList(countries)},
                       {QStringLiteral("language"), language},
                       {QStringLiteral("redirect_uri"), nullIfEmpty(redirectUri)},
                       {QStringLiteral("client_name"), clientName.toString()}};
    if (filters.isObject())
        record.metadata.insert(QStringLiteral("account_filters"), filters);

    const QString token = ids::token(u"link");
    m_store.linkTokens.insert(ids::tokenHash(token), record);
    stateChanged();
    return ok(call, {{QStringLiteral("link_token"), token},
                     {QStringLiteral("expiration"), iso(record.expiration)}});
}

SandboxResponse SandboxApi::linkTokenGet(const Call &call)
{
    const QString token = call.body.value(QLatin1StringView("link_token")).toString();
    const auto it = m_store.linkTokens.constFind(ids::tokenHash(token));
    if (it == m_store.linkTokens.constEnd() || it->clientId != call.clientId)
        return fail(call, u"INVALID_LINK_TOKEN", QStringLiteral("could not find matching link token"));
    return ok(call, {{QStringLiteral("link_token"), token},
                     {QStringLiteral("created_at"), iso(it->createdAt)},
                     {QStringLiteral("expiration"), iso(it->expiration)},
                     {QStringLiteral("metadata"), it->metadata},
                     {QStringLiteral("link_sessions"), it->sessions}});
}

SandboxResponse SandboxApi::completeLinkSession(const QJsonObject &body)
{
    Call call;
    call.requestId = ids::requestId();
    call.body = body;
    const QString token = body.value(QLatin1StringView("link_token")).toString();
    const auto it = m_store.linkTokens.find(ids::tokenHash(token));
    if (it == m_store.linkTokens.end())
        return fail(call, u"INVALID_LINK_TOKEN", QStringLiteral("could not find matching link token"));
    LinkTokenRecord &link = *it;
    const QDateTime now = m_clock->now();
    if (link.expiration <= now) {
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("provided link token is expired. Link tokens expire %1 hours "
                                   "after creation (30 minutes in update mode)")
                        .arg(kLinkTokenHours));
    }
    if (link.completed) {
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("provided link token has already been used to complete a Link session"));
    }
    call.clientId = link.clientId;

    const LoginOutcome login =
        checkSandboxLogin(body.value(QLatin1StringView("username")).toString(),
                          body.value(QLatin1StringView("password")).toString(),
                          body.value(QLatin1StringView("mfa_code")).toString());
    if (login.kind == LoginOutcome::Kind::MfaRequired)
        return ok(call, {{QStringLiteral("mfa_required"), login.mfaType}});
    if (login.kind == LoginOutcome::Kind::Failed) {
        if (login.error.errorCode == u"INVALID_LINK_TOKEN") {
            link.completed = true;
            stateChanged();
        }
        return fail(call.requestId, login.error);
    }

    const QString sessionId = body.value(QLatin1StringView("link_session_id")).toString();
    QString itemId = link.updateItemId;
    if (itemId.isEmpty()) {
        const QString institutionId = body.value(QLatin1StringView("institution_id")).toString();
        const CatalogInstitution *institution = SandboxCatalog::institution(institutionId);
        if (!institution)
            return fail(call, u"INVALID_INSTITUTION");
        const QStringList products = link.metadata.value(QLatin1StringView("initial_products"))
                                         .toVariant()
                                         .toStringList();
        if (const QStringList missing = validation::notIn(products, institution->institution.products);
            !missing.isEmpty()) {
            return fail(call, u"INVALID_PRODUCT",
                        QStringLiteral("the following products are not supported by this institution: ")
                            + missing.join(QStringLiteral(", ")));
        }
        createItem(link.clientId, institutionId, products,
                   link.metadata.value(QLatin1StringView("webhook")).toString(), &itemId);
    }
    auto itemIt = m_store.items.find(itemId);
    if (itemIt == m_store.items.end())
        return fail(call, u"INVALID_LINK_TOKEN", QStringLiteral("the Item of this update-mode link token was removed"));
    ItemRecord &item = *itemIt;

    QJsonArray selected;
    const QStringList wanted = body.value(QLatin1StringView("account_ids")).toVariant().toStringList();
    const QJsonObject filters = link.metadata.value(QLatin1StringView("account_filters")).toObject();
    QList<plaid::Account> kept;
    for (const plaid::Account &account : std::as_const(item.accounts)) {
        if (!passesFilters(account, filters) || (!wanted.isEmpty() && !wanted.contains(account.accountId)))
            continue;
        kept.append(account);
        selected.append(accountMetadata(account));
    }
    if (kept.isEmpty())
        return fail(call, u"NO_ACCOUNTS");
    if (link.updateItemId.isEmpty())
        item.accounts = kept;
    item.item.error.reset(); // update mode: the user signed in again
    link.completed = true;

    const QString publicToken = issuePublicToken(link.clientId, itemId);
    const QJsonObject institution{{QStringLiteral("name"), item.item.institutionName},
                                  {QStringLiteral("institution_id"), item.item.institutionId}};
    const QJsonObject metadata{{QStringLiteral("institution"), institution},
                               {QStringLiteral("accounts"), selected},
                               {QStringLiteral("link_session_id"), sessionId}};
    link.sessions.append(QJsonObject{
        {QStringLiteral("link_session_id"), sessionId},
        {QStringLiteral("started_at"), iso(link.createdAt)},
        {QStringLiteral("finished_at"), iso(now)},
        {QStringLiteral("on_success"), QJsonObject{{QStringLiteral("public_token"), publicToken},
                                                   {QStringLiteral("metadata"), metadata}}}});
    stateChanged();
    QJsonObject answer = metadata;
    answer.insert(QStringLiteral("public_token"), publicToken);
    return ok(call, answer);
}

} // namespace weft::sandbox
