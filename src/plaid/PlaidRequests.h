#pragma once

#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace weft::plaid {

// Request value types. toJson() writes the body exactly as the API expects it; the client id
// and secret travel in headers, never in these bodies.

// /link/token/create. With accessToken set the token opens Link in update mode for that Item:
// products must then stay empty.
struct LinkTokenCreateRequest
{
    QString clientUserId;
    QString clientName;
    QStringList products;
    QStringList countryCodes;
    QString language = QStringLiteral("en");
    QString webhook;
    QString redirectUri;
    QString accessToken;
    // Update mode only: update.account_selection_enabled, so that the user chooses again
    // which accounts the Item shares (new accounts at the bank among them).
    bool accountSelection = false;
    // account_filters: account type -> allowed subtypes ({"depository": ["checking"]}).
    QMap<QString, QStringList> accountFilters;
    // Hosted Link: the answer then carries hosted_link_url. completion_redirect_uri and
    // url_lifetime_seconds are sent when set; redirect_uri is not (Plaid: not for Hosted Link).
    bool hostedLink = false;
    QString completionRedirectUri;
    int urlLifetimeSeconds = 0;

    QJsonObject toJson() const;
};

// /sandbox/public_token/create
struct SandboxPublicTokenCreateRequest
{
    QString institutionId;
    QStringList initialProducts;
    QString webhook;
    QString overrideUsername;
    QString overridePassword;

    QJsonObject toJson() const;
};

// /institutions/get_by_id
struct InstitutionGetRequest
{
    QString institutionId;
    QStringList countryCodes;
    bool includeOptionalMetadata = true; // logo, primary_color, url
    bool includeStatus = false;

    QJsonObject toJson() const;
};

// Bodies of the calls that take an access token and little else.
QJsonObject accessTokenBody(const QString &accessToken);
QJsonObject accountsGetBody(const QString &accessToken, const QStringList &accountIds);
QJsonObject linkTokenGetBody(const QString &linkToken);
QJsonObject publicTokenExchangeBody(const QString &publicToken);

} // namespace weft::plaid
