#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace weft::vault {

// Everything Weft remembers about an Item that is not a secret: what support staff look at.
// Never a token or secret.

struct StoredAccount
{
    QString id;
    QString name;
    QString officialName;
    QString mask;
    QString type;
    QString subtype;
    std::optional<double> available;
    std::optional<double> current;
    std::optional<double> limit;
    QString currency;
};

struct StoredEvent
{
    QDateTime timestamp;
    QString name;
    QString viewName;
    QJsonObject metadata;
};

struct ItemRecord
{
    QString itemId;
    QString environment; // "embedded", "sandbox" or "production"
    QString institutionId;
    QString institutionName;
    QString institutionLogo;  // base64 PNG
    QString institutionColor; // "#rrggbb"
    QDateTime createdAt;
    QDateTime lastRefresh;

    // Plaid's item.error, empty when healthy.
    QString errorType;
    QString errorCode;
    QString errorMessage;
    QString displayMessage;
    // What went wrong on the last refresh, when it was not the Item's own error (network,
    // keychain): shown beside the status, not instead of it.
    QString refreshProblem;

    QStringList availableProducts;
    QStringList billedProducts;
    QDateTime consentExpiration;
    QString updateType;
    QString webhook; // where Plaid sends this Item's webhooks (from /item/get), if anywhere
    // Whose Item it is, as the provider's server names its user: for support accounts, which
    // see every user's Items; empty otherwise.
    QString owner;
    QList<StoredAccount> accounts;

    QString linkSessionId;
    QStringList requestIds;    // the latest first, at most kMaxRequestIds
    QList<StoredEvent> events; // the Link event timeline of the last session

    bool tokenSaved = false; // the access token was written to the keychain and verified
    // Why the access token is gone for good (Weft had to end before the keychain took it);
    // empty otherwise.
    QString tokenLost;

    static constexpr int kMaxRequestIds = 20;

    bool isHealthy() const { return errorCode.isEmpty(); }
    // "healthy", or Plaid's error code.
    QString status() const { return isHealthy() ? QStringLiteral("healthy") : errorCode; }
    void addRequestId(const QString &requestId);

    QJsonObject toJson() const;
    static std::optional<ItemRecord> fromJson(const QJsonObject &object, QString *error);
};

// A public token on its way to /item/public_token/exchange: written before the call, removed
// once the Item is in the index (or Plaid refused the exchange). Found at start-up, it means
// Weft stopped in between, and an Item may exist at Plaid that Weft has no record of. Never
// the public token itself.
struct PendingExchange
{
    QString linkSessionId;
    QString environment;
    QString institutionId;
    QString institutionName;
    QDateTime startedAt;

    QJsonObject toJson() const;
    static PendingExchange fromJson(const QJsonObject &object);
};

} // namespace weft::vault
