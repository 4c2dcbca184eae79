// SandboxApi: link tokens, and the Link session completion behind the Link emulator.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxValidation.h"

#include <QJsonArray>

#include <cmath>

namespace weft::sandbox {
namespace {

using json::iso;
using json::nullIfEmpty;

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
        if (!types.contains(it.key()) || !it->isObject() ||
            !validation::stringArray(it->toObject().value(QLatin1StringView("account_subtypes")),
                                     &subtypes))
            return false;
    }
    return true;
}

constexpr int kHostedLinkDefaultSeconds = 30 * 60;
constexpr int kHostedLinkMaxSeconds = 21 * 24 * 3600;

// Where Link may send the browser (redirect_uri, Hosted Link's completion_redirect_uri): https,
// http on loopback, or an app's own URL scheme (weft://...), never a scheme that runs or reads
// something.
bool validRedirect(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return false;
    if (url.scheme() == u"https" && !url.host().isEmpty())
        return true;
    if (url.scheme() == u"http")
        return validation::isLoopbackUrl(text);
    static const QStringList refused{QStringLiteral("javascript"), QStringLiteral("data"),
                                     QStringLiteral("file"),       QStringLiteral("blob"),
                                     QStringLiteral("about"),      QStringLiteral("filesystem"),
                                     QStringLiteral("vbscript"),   QStringLiteral("ftp")};
    return !refused.contains(url.scheme());
}

// hosted_link: {completion_redirect_uri, url_lifetime_seconds, is_mobile_app,
// delivery_method}. Empty error: valid.
QString hostedLinkError(const QJsonValue &value, QString *redirect, int *lifetime)
{
    if (!value.isObject())
        return QStringLiteral("hosted_link must be an object");
    const QJsonObject hosted = value.toObject();
    const QJsonValue uri = hosted.value(QLatin1StringView("completion_redirect_uri"));
    if (!uri.isUndefined()) {
        if (!uri.isString() || !validRedirect(uri.toString()))
            return QStringLiteral("hosted_link.completion_redirect_uri must be an https URL, "
                                  "http on localhost, or an app's own URL scheme");
        *redirect = uri.toString();
    }
    const QJsonValue seconds = hosted.value(QLatin1StringView("url_lifetime_seconds"));
    if (!seconds.isUndefined()) {
        const double number = seconds.toDouble(-1);
        if (!seconds.isDouble() || number != std::floor(number) || number < 1 ||
            number > kHostedLinkMaxSeconds)
            return QStringLiteral("hosted_link.url_lifetime_seconds must be a positive whole "
                                  "number of seconds, at most 21 days");
        *lifetime = int(number);
    }
    const QJsonValue mobile = hosted.value(QLatin1StringView("is_mobile_app"));
    if (!mobile.isUndefined() && !mobile.isBool())
        return QStringLiteral("hosted_link.is_mobile_app must be a boolean");
    return {};
}

// update: {account_selection_enabled, user, item_ids, reauthorization_enabled}. Only account
// selection is emulated; user and item_ids need user tokens, which the sandbox does not have.
QString updateOptionsError(const QJsonValue &value, bool *accountSelection)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        return QStringLiteral("update must be an object");
    const QJsonObject update = value.toObject();
    for (const char *flag : {"account_selection_enabled", "reauthorization_enabled", "user"}) {
        const QJsonValue entry = update.value(QLatin1StringView(flag));
        if (!entry.isUndefined() && !entry.isBool())
            return QStringLiteral("update.%1 must be a boolean").arg(QLatin1StringView(flag));
    }
    if (update.value(QLatin1StringView("user")).toBool())
        return QStringLiteral("update.user needs a user_token, which this sandbox does not issue");
    const QJsonValue items = update.value(QLatin1StringView("item_ids"));
    if (!items.isUndefined() && !items.isNull())
        return QStringLiteral("update.item_ids needs a user_token, which this sandbox does not "
                              "issue");
    *accountSelection = update.value(QLatin1StringView("account_selection_enabled")).toBool();
    return {};
}

} // namespace

SandboxResponse SandboxApi::linkTokenCreate(const Call &call)
{
    const QJsonObject &body = call.body;
    const QJsonValue clientName = body.value(QLatin1StringView("client_name"));
    if (!clientName.isString() || clientName.toString().size() > 30)
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("client_name must be a string of at most 30 characters"));
    const QString language = body.value(QLatin1StringView("language")).toString();
    if (!SandboxCatalog::languages().contains(language)) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("language must be one of: ") +
                        SandboxCatalog::languages().join(QStringLiteral(", ")));
    }
    QStringList countries;
    if (!validation::stringArray(body.value(QLatin1StringView("country_codes")), &countries) ||
        countries.isEmpty() ||
        !validation::notIn(countries, SandboxCatalog::countryCodes()).isEmpty()) {
        return fail(
            call, u"INVALID_FIELD",
            QStringLiteral("country_codes must be a non-empty array of supported country codes"));
    }
    const QJsonObject user = body.value(QLatin1StringView("user")).toObject();
    const QJsonValue clientUserId = user.value(QLatin1StringView("client_user_id"));
    if (!clientUserId.isString() || clientUserId.toString().isEmpty()) {
        return fail(
            call, u"MISSING_FIELDS",
            QStringLiteral("the following required fields are missing: user.client_user_id"));
    }
    QStringList products;
    const QJsonValue productsValue = body.value(QLatin1StringView("products"));
    if (!productsValue.isUndefined() && !productsValue.isNull() &&
        !validation::stringArray(productsValue, &products)) {
        return fail(call, u"INVALID_FIELD", QStringLiteral("products must be an array of strings"));
    }
    QString productCode;
    if (const QString problem = SandboxCatalog::productProblem(products, &productCode);
        !problem.isEmpty())
        return fail(call, productCode, problem);
    const QString webhook = body.value(QLatin1StringView("webhook")).toString();
    if (body.contains(QLatin1StringView("webhook")) && !validation::isWebUrl(webhook))
        return fail(call, u"INVALID_FIELD", QStringLiteral("webhook must be an http or https URL"));
    const QString redirectUri = body.value(QLatin1StringView("redirect_uri")).toString();
    // Plaid: https in Production; the Sandbox also takes http on localhost and an app's own
    // scheme (weft://...). No query string: Link adds oauth_state_id.
    if (body.contains(QLatin1StringView("redirect_uri")) &&
        (!validRedirect(redirectUri) || QUrl(redirectUri).hasQuery())) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("redirect_uri must be an https URL, http on localhost or an "
                                   "app's own URL scheme, without a query string"));
    }
    const QJsonValue filters = body.value(QLatin1StringView("account_filters"));
    if (!filters.isUndefined() && !validAccountFilters(filters)) {
        return fail(
            call, u"INVALID_FIELD",
            QStringLiteral("account_filters must map account types to {account_subtypes: [...]}"));
    }

    bool accountSelection = false;
    if (const QString problem =
            updateOptionsError(body.value(QLatin1StringView("update")), &accountSelection);
        !problem.isEmpty())
        return fail(call, u"INVALID_FIELD", problem);

    const QJsonValue hostedValue = body.value(QLatin1StringView("hosted_link"));
    const bool hosted = !hostedValue.isUndefined();
    QString completionRedirect;
    int hostedLifetime = kHostedLinkDefaultSeconds;
    if (hosted) {
        const QString problem = hostedLinkError(hostedValue, &completionRedirect, &hostedLifetime);
        if (!problem.isEmpty())
            return fail(call, u"INVALID_FIELD", problem);
        if (!redirectUri.isEmpty())
            return fail(call, u"INVALID_FIELD",
                        QStringLiteral("redirect_uri is not supported with Hosted Link"));
        if (!m_hostedLinkBase.isValid())
            return fail(call, u"INVALID_FIELD",
                        QStringLiteral("Hosted Link is not served by this sandbox"));
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
        record.accountSelection = accountSelection; // outside update mode it means nothing
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
    QString hostedLinkId;
    if (hosted) {
        // The token expires with the hosted URL (Plaid: 30 minutes unless set).
        record.expiration = record.createdAt.addSecs(hostedLifetime);
        hostedLinkId = ids::hostedLinkId();
        record.hostedLinkHash = ids::tokenHash(hostedLinkId);
        record.completionRedirectUri = completionRedirect;
    }

    const QString token = ids::token(u"link");
    m_store.linkTokens.insert(ids::tokenHash(token), record);
    stateChanged();
    QJsonObject answer{{QStringLiteral("link_token"), token},
                       {QStringLiteral("expiration"), iso(record.expiration)}};
    if (hosted) {
        answer.insert(
            QStringLiteral("hosted_link_url"),
            m_hostedLinkBase.resolved(QUrl(QStringLiteral("/hl/") + hostedLinkId)).toString());
    }
    return ok(call, answer);
}

std::optional<QString> SandboxApi::hostedLinkPage(const QString &hostedLinkId) const
{
    const QByteArray hash = ids::tokenHash(hostedLinkId);
    for (const LinkTokenRecord &record : m_store.linkTokens) {
        if (!hostedLinkId.isEmpty() && record.hostedLinkHash == hash)
            return QStringLiteral("/link/v2/stable/link.html#hosted=") + hostedLinkId;
    }
    return std::nullopt;
}

SandboxResponse SandboxApi::linkTokenGet(const Call &call)
{
    const QString token = call.body.value(QLatin1StringView("link_token")).toString();
    const auto it = m_store.linkTokens.constFind(ids::tokenHash(token));
    if (it == m_store.linkTokens.constEnd() || it->clientId != call.clientId)
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("could not find matching link token"));
    return ok(call, {{QStringLiteral("link_token"), token},
                     {QStringLiteral("created_at"), iso(it->createdAt)},
                     {QStringLiteral("expiration"), iso(it->expiration)},
                     {QStringLiteral("metadata"), it->metadata},
                     {QStringLiteral("link_sessions"), it->sessions}});
}

} // namespace weft::sandbox
