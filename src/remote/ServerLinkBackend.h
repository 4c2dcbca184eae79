#pragma once

#include "link/LinkBackend.h"

namespace weft::remote {

class ServerClient;

// The backend module in the "Your provider's server" mode: weft-server makes the link tokens
// (new Items and update mode, by item_id: the desktop holds no access token) and exchanges
// public tokens; the exchange answers with the Item, never its token.
class ServerLinkBackend final : public link::LinkBackend
{
public:
    explicit ServerLinkBackend(ServerClient *client);

    void createLinkToken(const link::LinkTokenPurpose &purpose, QObject *context,
                         plaid::PlaidClient::Callback<plaid::LinkToken> done) override;
    void
    exchangePublicToken(const QString &publicToken, QObject *context,
                        plaid::PlaidClient::Callback<plaid::PublicTokenExchange> done) override;
    void createHostedLinkToken(const link::LinkTokenPurpose &purpose,
                               const QString &completionRedirectUri, QObject *context,
                               plaid::PlaidClient::Callback<plaid::LinkToken> done) override;
    // The server offers no /link/token/get: Hosted Link is not available in this mode.
    void getLinkToken(const QString &linkToken, QObject *context,
                      plaid::PlaidClient::Callback<plaid::LinkTokenDetails> done) override;

    static QJsonObject requestBody(const link::LinkTokenPurpose &purpose);

private:
    void linkToken(const QJsonObject &body, QObject *context,
                   const plaid::PlaidClient::Callback<plaid::LinkToken> &done);

    ServerClient *m_client;
};

} // namespace weft::remote
