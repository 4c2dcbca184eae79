#pragma once

#include "plaid/PlaidError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace weft::plaid {

class JsonReader;

// Value types for what the API returns. Each fromJson() reads through a JsonReader, which
// records every missing or mistyped required field; toJson() writes the wire format back
// (the embedded sandbox and the tests use it).

struct Balances
{
    std::optional<double> available;
    std::optional<double> current;
    std::optional<double> limit;
    QString isoCurrencyCode; // empty when null
    QString unofficialCurrencyCode;

    static Balances fromJson(JsonReader &reader);
    QJsonObject toJson() const;
};

struct Account
{
    QString accountId;
    QString name;
    QString officialName; // empty when null
    QString mask;         // empty when null
    QString type;         // depository, credit, loan, investment, other
    QString subtype;      // checking, savings, credit card, ... (empty when null)
    QString verificationStatus;
    Balances balances;

    static Account fromJson(JsonReader &reader);
    QJsonObject toJson() const;
};

struct Item
{
    QString itemId;
    QString institutionId;
    QString institutionName;
    QString webhook;
    std::optional<PlaidError> error;
    QStringList availableProducts;
    QStringList billedProducts;
    QStringList products;
    QStringList consentedProducts;
    QDateTime consentExpirationTime; // invalid when null
    QString updateType;              // background, user_present_required
    QDateTime createdAt;

    static Item fromJson(JsonReader &reader);
    QJsonObject toJson() const;
};

struct Institution
{
    QString institutionId;
    QString name;
    QStringList products;
    QStringList countryCodes;
    QString url;          // optional metadata: empty unless requested
    QString primaryColor; // "#rrggbb"
    QString logo;         // base64-encoded PNG
    QStringList routingNumbers;
    bool oauth = false;

    static Institution fromJson(JsonReader &reader);
    QJsonObject toJson() const;
};

struct LinkToken
{
    QString linkToken;
    QDateTime expiration;
};

struct LinkTokenDetails
{
    QString linkToken;
    QDateTime createdAt;
    QDateTime expiration;
    QStringList initialProducts;
    QStringList countryCodes;
    QString language;
    QString clientName;
    QString webhook;
    QString redirectUri;
    QJsonObject raw; // the whole answer, link_sessions included
};

struct PublicTokenExchange
{
    QString accessToken;
    QString itemId;
};

struct ItemDetails
{
    Item item;
    QJsonObject status; // Plaid's item status object, empty when null
};

struct AccountsList
{
    QList<Account> accounts;
    Item item;
};

} // namespace weft::plaid
