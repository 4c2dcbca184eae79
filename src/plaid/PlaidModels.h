#pragma once

#include "plaid/PlaidError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

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
    QUrl hostedLinkUrl; // Hosted Link only
};

// One Item a Link session added (results.item_add_results[], or the older on_success).
struct LinkSessionItemAdd
{
    QString publicToken;
    QJsonObject institution; // {name, institution_id}, or empty
    QJsonArray accounts;     // [{id, name, mask, type, subtype, verification_status}]
};

// One of link_sessions[] in /link/token/get: a session that has started, and how it ended.
struct LinkSessionRecord
{
    QString linkSessionId;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while the session goes on
    QList<LinkSessionItemAdd> itemAdds;
    bool exited = false; // exit (or the older on_exit) is set
    std::optional<PlaidError> exitError;
    QString exitStatus;

    // link_sessions of a /link/token/get answer (absent or null: none).
    static QList<LinkSessionRecord> listFromJson(JsonReader &answer);
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
    QList<LinkSessionRecord> sessions;
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
