#pragma once

#include "plaid/PlaidError.h"
#include "sandbox/SandboxStore.h"
#include "webhooks/WebhookSigningKey.h"

#include <QJsonObject>
#include <QLockFile>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace weft {
class Clock;
}

namespace weft::sandbox {

struct CatalogInstitution;

struct SandboxRequest
{
    QString path;
    QByteArray body;
    QString headerClientId; // PLAID-CLIENT-ID
    QString headerSecret;   // PLAID-SECRET
};

struct SandboxResponse
{
    int status = 200;
    QJsonObject body;
};

struct SandboxCredentials
{
    // When both are set only this pair is accepted; otherwise any non-empty pair is.
    QString clientId;
    QString secret;
};

// Plaid's API with Sandbox semantics, as plain request -> response calls (no HTTP here: see
// SandboxServer). Lifetimes come from the injected clock: link tokens live 4 hours (30 minutes
// in update mode), public tokens 30 minutes and are single-use.
class SandboxApi : public QObject
{
    Q_OBJECT

public:
    static constexpr int kLinkTokenHours = 4;
    static constexpr int kUpdateLinkTokenMinutes = 30;
    static constexpr int kPublicTokenMinutes = 30;

    SandboxApi(Clock *clock, SandboxCredentials credentials, QObject *parent = nullptr);
    ~SandboxApi() override;

    // Whether path is an API endpoint of the sandbox.
    static bool isEndpoint(const QString &path);
    static QStringList endpoints();

    SandboxResponse handle(const SandboxRequest &request);
    void setCredentials(const SandboxCredentials &credentials) { m_credentials = credentials; }
    // Where Hosted Link pages are served (the Link emulator's origin): hosted_link_url is
    // <base>/hl/<id>. Until it is set, /link/token/create refuses hosted_link.
    void setHostedLinkBaseUrl(const QUrl &base) { m_hostedLinkBase = base; }
    // The hosted page of a Hosted Link id (the last segment of hosted_link_url): the Link
    // emulator's page with the id in its fragment, or nothing for an unknown id.
    std::optional<QString> hostedLinkPage(const QString &hostedLinkId) const;

    // The internal operations behind the Link emulator (SandboxLinkSessions.cpp). Each takes
    // the link_token (or, from a Hosted Link page, the hosted_link_id); errors are Plaid error
    // objects (INVALID_LINK_TOKEN for unknown, expired or used tokens). start: a new
    // link_session_id, client_name, language, update_mode, and the institutions the token allows
    // (or, in update mode, the Item's institution).
    SandboxResponse startLinkSession(const QJsonObject &body);
    // login: link_session_id, institution_id (not in update mode), username, password and
    // optional mfa_code. Answers {"mfa_required": "device"}, or the accounts to choose from.
    // Five failed logins invalidate the link token, as Plaid does.
    SandboxResponse loginLinkSession(const QJsonObject &body);
    // complete: link_session_id and optional account_ids (after login; without one it signs
    // in first with the same fields as login). Answers the onSuccess payload (public_token,
    // institution, accounts, link_session_id). Update mode clears the Item's error instead of
    // creating an Item.
    SandboxResponse completeLinkSession(const QJsonObject &body);
    // exit: link_session_id, and Link's onExit error (or null) and metadata. Recorded for
    // /link/token/get as the session's exit.
    SandboxResponse exitLinkSession(const QJsonObject &body);

    // OAuth by redirect (SandboxOAuthSessions.cpp), for a link token with a redirect_uri:
    // oauth: link_session_id and institution_id (an OAuth bank): an oauth_state_id for the
    // bank's page. oauth-info: the bank's page asks what it is for (institution, client_name).
    // oauth-authorize: the user's answer there ({oauth_state_id, authorized}); answers where the
    // page goes: redirect_uri?oauth_state_id=... (once). oauth-resume: Link, re-initialised
    // with receivedRedirectUri, takes the session back ({oauth_state_id}): its link_session_id,
    // institution and whether the bank said yes. States live 30 minutes, in memory.
    SandboxResponse startOAuth(const QJsonObject &body);
    SandboxResponse oauthInfo(const QJsonObject &body);
    SandboxResponse authorizeOAuth(const QJsonObject &body);
    SandboxResponse resumeOAuth(const QJsonObject &body);

    // Loads state from path (a missing file is an empty state), then saves every change to
    // it atomically before answering: a call whose change cannot be saved (a full disk) fails
    // with INTERNAL_SERVER_ERROR and changes nothing, so nothing is issued that a restart would
    // forget. False, with the reason, when the file exists but cannot be used, or another
    // process has it (a lock file beside it).
    bool attachStateFile(const QString &path, QString *error);
    // Saves the state now (e.g. after pruning); false, with a warning logged, when it cannot.
    bool flushState();

    const SandboxStore &store() const { return m_store; }

    // The Plaid-Verification header for a webhook body, signed now with the sandbox's webhook
    // key (the one /webhook_verification_key/get publishes).
    QByteArray signWebhook(const QByteArray &body) const;

signals:
    void requestHandled(const QString &path, int status);
    // A webhook for url, as Plaid would POST it (WebhookSender delivers it).
    void webhookFired(const QUrl &url, const QJsonObject &payload);

private:
    struct Call
    {
        QJsonObject body;
        QString clientId;
        QString requestId;
    };
    using Handler = SandboxResponse (SandboxApi::*)(const Call &);
    static Handler handlerFor(const QString &path);

    // Shared checks; each returns the error response, or nothing when the check passed.
    std::optional<SandboxResponse> authenticate(const SandboxRequest &request,
                                                const QJsonObject &body, QString *clientId,
                                                const QString &requestId);
    std::optional<SandboxResponse> checkFields(const QString &path, const QJsonObject &body,
                                               const QString &requestId);
    std::optional<SandboxResponse> findItem(const Call &call, ItemRecord **item);
    // The Item of the call's access token (which must be healthy) and the accounts its
    // options.account_ids name (all, without), or the error: INVALID_ACCOUNT_ID for an id the
    // Item does not share.
    std::optional<SandboxResponse> itemAccounts(const Call &call, ItemRecord **item,
                                                QList<plaid::Account> *accounts);
    // Products beyond the Item's own (auth, identity) are added on first use when its bank
    // offers them, as Plaid does; otherwise PRODUCTS_NOT_SUPPORTED.
    std::optional<SandboxResponse> useProduct(const Call &call, ItemRecord *item,
                                              const QString &product);
    // A call of the Link emulator's routes (no client credentials: the link token identifies).
    static Call sessionCall(const QJsonObject &body);
    // The session's link token record, found by link_token or hosted_link_id; key: its hash.
    std::optional<SandboxResponse> usableLinkToken(const Call &call, LinkTokenRecord **link,
                                                   QByteArray *key = nullptr);
    QByteArray findLinkToken(const QJsonObject &body) const;
    void recordSession(LinkTokenRecord *link, const QString &sessionId, QJsonObject fields);
    // The institution a Link session may sign in to: the Item's in update mode, else the
    // requested one if it offers the token's products in one of its countries.
    const CatalogInstitution *sessionInstitution(const LinkTokenRecord &link,
                                                 const QString &requested) const;

    static QJsonObject institutionSummary(const CatalogInstitution &entry);
    SandboxResponse ok(const Call &call, QJsonObject body);
    SandboxResponse fail(const QString &requestId, const plaid::PlaidError &error);
    SandboxResponse fail(const Call &call, QStringView code, const QString &message = {});

    // link tokens (SandboxLinkEndpoints.cpp)
    SandboxResponse linkTokenCreate(const Call &call);
    SandboxResponse linkTokenGet(const Call &call);
    // Items (SandboxItemEndpoints.cpp)
    SandboxResponse publicTokenExchange(const Call &call);
    SandboxResponse itemGet(const Call &call);
    SandboxResponse itemRemove(const Call &call);
    SandboxResponse accountsGet(const Call &call);
    // Products (SandboxProductEndpoints.cpp)
    SandboxResponse accountsBalanceGet(const Call &call);
    SandboxResponse authGet(const Call &call);
    SandboxResponse identityGet(const Call &call);
    SandboxResponse investmentsHoldingsGet(const Call &call);
    SandboxResponse liabilitiesGet(const Call &call);
    // Transactions (SandboxTransactionEndpoints.cpp)
    SandboxResponse transactionsSync(const Call &call);
    SandboxResponse transactionsRefresh(const Call &call);
    // SYNC_UPDATES_AVAILABLE for the Item's webhook, if it has one.
    void queueSyncWebhook(const ItemRecord &item);
    // Institutions (SandboxInstitutionEndpoints.cpp)
    SandboxResponse institutionsGetById(const Call &call);
    SandboxResponse institutionsSearch(const Call &call);
    SandboxResponse institutionsGet(const Call &call);
    // Plaid's Institution object; optionalMetadata: logo, primary_color and url (else null).
    QJsonObject institutionJson(const CatalogInstitution &entry, bool optionalMetadata,
                                bool status) const;
    SandboxResponse sandboxPublicTokenCreate(const Call &call);
    SandboxResponse sandboxItemResetLogin(const Call &call);
    SandboxResponse sandboxItemFireWebhook(const Call &call);
    // Webhooks (SandboxWebhookEndpoints.cpp)
    SandboxResponse webhookVerificationKeyGet(const Call &call);
    SandboxResponse itemWebhookUpdate(const Call &call);
    // An ITEM webhook (webhook_code, the Item's id, error or null, environment, and extra) for
    // the Item's webhook URL, if it has one.
    void queueItemWebhook(const ItemRecord &item, const QString &code,
                          const std::optional<plaid::PlaidError> &error,
                          const QJsonObject &extra = {});

    // Creates an Item at the institution with the given products, and a public token for it.
    QString createItem(const QString &clientId, const QString &institutionId,
                       const QStringList &products, const QString &webhook, QString *itemId);
    QString issuePublicToken(const QString &clientId, const QString &itemId);
    QJsonObject itemJson(const ItemRecord &record) const;

    // The calls that change state mark it; transact() saves it before the answer goes out.
    void stateChanged() { m_stateChanged = true; }
    SandboxResponse transact(const std::function<SandboxResponse()> &operation);
    SandboxResponse startSession(const QJsonObject &body);
    SandboxResponse loginSession(const QJsonObject &body);
    SandboxResponse completeSession(const QJsonObject &body);
    SandboxResponse exitSession(const QJsonObject &body);

    Clock *m_clock;
    SandboxCredentials m_credentials;
    webhooks::WebhookSigningKey m_webhookKey;
    SandboxStore m_store;
    struct PendingLogin
    {
        QByteArray linkTokenHash;
        QString institutionId;
        QList<plaid::Account> accounts;
    };
    QHash<QString, PendingLogin> m_pendingLogins; // by link_session_id, until complete
    QHash<QString, QDateTime> m_sessionStarts;    // by link_session_id, until it ends
    struct OAuthState
    {
        QByteArray linkTokenHash;
        QString linkSessionId;
        QString institutionId;
        QDateTime expiration;
        enum class Status { Pending, Authorized, Denied } status = Status::Pending;
    };
    QHash<QString, OAuthState> m_oauthStates; // by oauth_state_id
    struct Webhook
    {
        QUrl url;
        QJsonObject payload;
    };
    QList<Webhook> m_outbox; // fired by the call being handled; sent after it succeeds
    QUrl m_hostedLinkBase;
    QString m_statePath;
    std::unique_ptr<QLockFile> m_stateLock; // one process at a time per state file
    bool m_stateChanged = false;
    bool m_inTransaction = false; // pointers into the state stay valid: no nested snapshot
};

} // namespace weft::sandbox
