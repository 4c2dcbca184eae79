#pragma once

#include "net/HttpMessage.h"
#include "net/HttpResponder.h"
#include "server/Credentials.h"
#include "server/ItemStore.h"
#include "server/RateLimiter.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace weft {
class Clock;
}
namespace weft::plaid {
class PlaidClient;
struct PlaidOutcome;
} // namespace weft::plaid

namespace weft::server {

class ServerDatabase;
class TokenCipher;
class WebhookKeyCache;

// weft-server's HTTP API, version 1 (docs/weft-server-openapi.yaml describes every route and
// answer): desktops enrol and sign in, create link tokens, exchange public tokens, and list,
// refresh and remove their Items; Plaid posts its webhooks to /plaid/webhook. Answers are JSON;
// errors are {"error_code", "error_message"} with an HTTP status that says whose fault it is.
//
// Every route but enrolment, token refresh and the webhook wants "Authorization: Bearer
// <access token>", and a user only ever reaches their own Items. Enrolment and refresh are
// rate-limited per client address. No answer carries an access token of Plaid's, a client
// secret, or another user's anything.
class ServerApi : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString clientName = QStringLiteral("Weft");
        QStringList products{QStringLiteral("transactions")};
        QStringList countryCodes{QStringLiteral("US")};
        QString language = QStringLiteral("en");
        QString webhookUrl;  // given to Plaid in each link token, when set
        QString redirectUri; // OAuth redirect, when set
        QUrl linkScriptUrl;  // told to desktops when Plaid is a Sandbox emulator (loopback)
        QList<QHostAddress> trustedProxies; // whose X-Forwarded-For names the client
        int signInBurst = 10;               // enrolment: guesses of a code
        int signInRefillSeconds = 30;
        // Refreshing, which every desktop does each quarter hour: many may share an address.
        int refreshBurst = 60;
        int refreshRefillSeconds = 2;
    };

    ServerApi(ServerDatabase *database, const TokenCipher *cipher, plaid::PlaidClient *plaid,
              WebhookKeyCache *webhookKeys, Clock *clock, Options options,
              QObject *parent = nullptr);
    ~ServerApi() override;

    void handle(const net::HttpRequest &request, const net::HttpResponder &responder);

signals:
    // An Item changed (a webhook, a refresh, a removal): for the desktops of its user.
    void itemChanged(qint64 userId, const QString &itemId);

private:
    using Principal = Credentials::Principal;
    using Authed = void (ServerApi::*)(const Principal &, const net::HttpRequest &,
                                       const net::HttpResponder &, const QString &itemId);

    void authenticated(const net::HttpRequest &request, const net::HttpResponder &responder,
                       Authed route, const QString &itemId);
    QString clientKey(const net::HttpRequest &request) const;
    bool rateLimited(RateLimiter &limiter, const net::HttpRequest &request,
                     const net::HttpResponder &responder);
    // The body as a JSON object, or nullopt after answering 400.
    static std::optional<QJsonObject> jsonBody(const net::HttpRequest &request,
                                               const net::HttpResponder &responder);

    // ServerApiSessions.cpp
    void enrol(const net::HttpRequest &request, const net::HttpResponder &responder);
    void refreshSession(const net::HttpRequest &request, const net::HttpResponder &responder);
    void signOut(const net::HttpRequest &request, const net::HttpResponder &responder);
    void me(const Principal &principal, const net::HttpRequest &request,
            const net::HttpResponder &responder, const QString &itemId);

    // ServerApiItems.cpp
    void listItems(const Principal &principal, const net::HttpRequest &request,
                   const net::HttpResponder &responder, const QString &itemId);
    void getItem(const Principal &principal, const net::HttpRequest &request,
                 const net::HttpResponder &responder, const QString &itemId);
    void createLinkToken(const Principal &principal, const net::HttpRequest &request,
                         const net::HttpResponder &responder, const QString &itemId);
    void exchangePublicToken(const Principal &principal, const net::HttpRequest &request,
                             const net::HttpResponder &responder, const QString &itemId);
    void refreshItem(const Principal &principal, const net::HttpRequest &request,
                     const net::HttpResponder &responder, const QString &itemId);
    void removeItem(const Principal &principal, const net::HttpRequest &request,
                    const net::HttpResponder &responder, const QString &itemId);
    // The Item's Plaid access token, opened; nullopt after answering (404, 500).
    std::optional<QString> accessTokenOf(const Principal &principal, const QString &itemId,
                                         const net::HttpResponder &responder);
    // The Item and its opened access token; nullopt after answering (404, 500).
    std::optional<std::pair<ItemStore::Item, QString>>
    itemWithToken(const Principal &principal, const QString &itemId,
                  const net::HttpResponder &responder);

    // ServerApiSupport.cpp
    void supportSearch(const Principal &principal, const net::HttpRequest &request,
                       const net::HttpResponder &responder, const QString &itemId);
    void supportItem(const Principal &principal, const net::HttpRequest &request,
                     const net::HttpResponder &responder, const QString &itemId);

    // ServerApiWebhook.cpp
    void plaidWebhook(const net::HttpRequest &request, const net::HttpResponder &responder);
    // After a webhook changed an Item: tells its user's desktops, and checks with /item/get.
    void confirmItem(const QString &itemId, const QString &statusNow);

    ServerDatabase *m_database;
    const TokenCipher *m_cipher;
    plaid::PlaidClient *m_plaid;
    WebhookKeyCache *m_webhookKeys;
    Clock *m_clock;
    Options m_options;
    Credentials m_credentials;
    ItemStore m_items;
    RateLimiter m_signInLimiter;
    RateLimiter m_refreshLimiter;
};

} // namespace weft::server
