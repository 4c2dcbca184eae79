#pragma once

#include "plaid/PlaidConfig.h"
#include "plaid/PlaidModels.h"
#include "plaid/PlaidRequests.h"
#include "plaid/PlaidResult.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace weft {
class Clock;
}

namespace weft::plaid {

class JsonReader;
class PlaidTransport;

struct Done
{
};

// The backend module's Plaid API client. Every call is asynchronous and completes exactly once
// through its callback (unless context is destroyed first), with a typed value on success and
// a typed Plaid or transport error otherwise. Calls that are safe to repeat are retried on
// transient failures; exchanging a public token and removing an Item never are.
class PlaidClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(const PlaidResult<T> &)>;

    PlaidClient(QNetworkAccessManager *network, PlaidConfig config, Clock *clock,
                QObject *parent = nullptr);
    ~PlaidClient() override;

    const PlaidConfig &config() const;

    void createLinkToken(const LinkTokenCreateRequest &request, QObject *context,
                         Callback<LinkToken> done);
    void getLinkToken(const QString &linkToken, QObject *context, Callback<LinkTokenDetails> done);
    void exchangePublicToken(const QString &publicToken, QObject *context,
                             Callback<PublicTokenExchange> done);
    void getItem(const QString &accessToken, QObject *context, Callback<ItemDetails> done);
    void removeItem(const QString &accessToken, QObject *context, Callback<Done> done);
    void getAccounts(const QString &accessToken, QObject *context, Callback<AccountsList> done,
                     const QStringList &accountIds = {});
    void getInstitution(const InstitutionGetRequest &request, QObject *context,
                        Callback<Institution> done);
    void createSandboxPublicToken(const SandboxPublicTokenCreateRequest &request, QObject *context,
                                  Callback<QString> done);
    void resetSandboxLogin(const QString &accessToken, QObject *context, Callback<Done> done);
    // /webhook_verification_key/get: the JWK (kty EC, crv P-256, x, y, kid, alg, created_at,
    // expired_at) that signs webhooks under key_id.
    void getWebhookVerificationKey(const QString &keyId, QObject *context,
                                   Callback<QJsonObject> done);

    // Ends every call in flight; each completes with PlaidStatus::Canceled.
    void abortAll();

private:
    template<typename T>
    void call(const QString &path, const QJsonObject &body, bool retryable, QObject *context,
              Callback<T> done, std::function<T(JsonReader &)> parse);

    PlaidTransport *m_transport;
};

} // namespace weft::plaid
