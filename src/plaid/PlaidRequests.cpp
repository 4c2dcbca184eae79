#include "plaid/PlaidRequests.h"

#include <QJsonArray>

namespace weft::plaid {

QJsonObject LinkTokenCreateRequest::toJson() const
{
    QJsonObject body{
        {QStringLiteral("client_name"), clientName},
        {QStringLiteral("language"), language},
        {QStringLiteral("country_codes"), QJsonArray::fromStringList(countryCodes)},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("client_user_id"), clientUserId}}},
    };
    if (!products.isEmpty())
        body.insert(QStringLiteral("products"), QJsonArray::fromStringList(products));
    if (!webhook.isEmpty())
        body.insert(QStringLiteral("webhook"), webhook);
    if (!redirectUri.isEmpty() && !hostedLink) // Plaid: redirect_uri is not for Hosted Link
        body.insert(QStringLiteral("redirect_uri"), redirectUri);
    if (!accessToken.isEmpty())
        body.insert(QStringLiteral("access_token"), accessToken);
    if (!accessToken.isEmpty() && accountSelection)
        body.insert(QStringLiteral("update"),
                    QJsonObject{{QStringLiteral("account_selection_enabled"), true}});
    if (!accountFilters.isEmpty()) {
        QJsonObject filters;
        for (auto it = accountFilters.cbegin(); it != accountFilters.cend(); ++it) {
            filters.insert(it.key(), QJsonObject{{QStringLiteral("account_subtypes"),
                                                  QJsonArray::fromStringList(it.value())}});
        }
        body.insert(QStringLiteral("account_filters"), filters);
    }
    if (hostedLink) {
        QJsonObject hosted;
        if (!completionRedirectUri.isEmpty())
            hosted.insert(QStringLiteral("completion_redirect_uri"), completionRedirectUri);
        if (urlLifetimeSeconds > 0)
            hosted.insert(QStringLiteral("url_lifetime_seconds"), urlLifetimeSeconds);
        body.insert(QStringLiteral("hosted_link"), hosted);
    }
    return body;
}

QJsonObject SandboxPublicTokenCreateRequest::toJson() const
{
    QJsonObject body{
        {QStringLiteral("institution_id"), institutionId},
        {QStringLiteral("initial_products"), QJsonArray::fromStringList(initialProducts)}};
    QJsonObject options;
    if (!webhook.isEmpty())
        options.insert(QStringLiteral("webhook"), webhook);
    if (!overrideUsername.isEmpty())
        options.insert(QStringLiteral("override_username"), overrideUsername);
    if (!overridePassword.isEmpty())
        options.insert(QStringLiteral("override_password"), overridePassword);
    if (!options.isEmpty())
        body.insert(QStringLiteral("options"), options);
    return body;
}

QJsonObject InstitutionGetRequest::toJson() const
{
    return {{QStringLiteral("institution_id"), institutionId},
            {QStringLiteral("country_codes"), QJsonArray::fromStringList(countryCodes)},
            {QStringLiteral("options"),
             QJsonObject{{QStringLiteral("include_optional_metadata"), includeOptionalMetadata},
                         {QStringLiteral("include_status"), includeStatus}}}};
}

QJsonObject accessTokenBody(const QString &accessToken)
{
    return {{QStringLiteral("access_token"), accessToken}};
}

QJsonObject accountsGetBody(const QString &accessToken, const QStringList &accountIds)
{
    QJsonObject body = accessTokenBody(accessToken);
    if (!accountIds.isEmpty()) {
        body.insert(
            QStringLiteral("options"),
            QJsonObject{{QStringLiteral("account_ids"), QJsonArray::fromStringList(accountIds)}});
    }
    return body;
}

QJsonObject linkTokenGetBody(const QString &linkToken)
{
    return {{QStringLiteral("link_token"), linkToken}};
}

QJsonObject publicTokenExchangeBody(const QString &publicToken)
{
    return {{QStringLiteral("public_token"), publicToken}};
}

} // namespace weft::plaid
