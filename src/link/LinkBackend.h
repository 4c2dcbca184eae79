#pragma once

#include "plaid/PlaidClient.h"

#include <QObject>

#include <functional>

namespace weft::link {

// What a link token is for: a new Item (itemId empty), or update mode for the Item itemId;
// with accountSelection the user also chooses again which accounts it shares. accessToken is
// the Item's token where the desktop holds it (the Plaid modes); a provider's server holds its
// own and is given the itemId only.
struct LinkTokenPurpose
{
    QString itemId;
    QString accessToken;
    bool accountSelection = false;

    static LinkTokenPurpose newItem() { return {}; }
    static LinkTokenPurpose update(const QString &itemId, const QString &accessToken,
                                   bool accountSelection = false)
    {
        return {itemId, accessToken, accountSelection};
    }
    bool isUpdate() const { return !itemId.isEmpty() || !accessToken.isEmpty(); }
};

// What Link asks of the backend module: a link token, and the exchange of a public token.
class LinkBackend
{
public:
    virtual ~LinkBackend();

    virtual void createLinkToken(const LinkTokenPurpose &purpose, QObject *context,
                                 plaid::PlaidClient::Callback<plaid::LinkToken> done) = 0;
    virtual void
    exchangePublicToken(const QString &publicToken, QObject *context,
                        plaid::PlaidClient::Callback<plaid::PublicTokenExchange> done) = 0;
    // Hosted Link: a token whose answer carries hosted_link_url; completionRedirectUri may be
    // empty.
    virtual void createHostedLinkToken(const LinkTokenPurpose &purpose,
                                       const QString &completionRedirectUri, QObject *context,
                                       plaid::PlaidClient::Callback<plaid::LinkToken> done) = 0;
    // /link/token/get: the token's Link sessions and their results.
    virtual void getLinkToken(const QString &linkToken, QObject *context,
                              plaid::PlaidClient::Callback<plaid::LinkTokenDetails> done) = 0;
};

// The settings /link/token/create needs beside the token's purpose.
struct LinkTokenSettings
{
    QString clientUserId;
    QString clientName = QStringLiteral("Weft");
    QStringList products{QStringLiteral("transactions")};
    QStringList countryCodes{QStringLiteral("US")};
    QString language = QStringLiteral("en");
    QString webhook;
    QString redirectUri;
};

// The backend module talking to Plaid (or the embedded sandbox) directly with a PlaidClient.
class PlaidLinkBackend final : public LinkBackend
{
public:
    PlaidLinkBackend(plaid::PlaidClient *client, LinkTokenSettings settings);

    void createLinkToken(const LinkTokenPurpose &purpose, QObject *context,
                         plaid::PlaidClient::Callback<plaid::LinkToken> done) override;
    void
    exchangePublicToken(const QString &publicToken, QObject *context,
                        plaid::PlaidClient::Callback<plaid::PublicTokenExchange> done) override;
    void createHostedLinkToken(const LinkTokenPurpose &purpose,
                               const QString &completionRedirectUri, QObject *context,
                               plaid::PlaidClient::Callback<plaid::LinkToken> done) override;
    void getLinkToken(const QString &linkToken, QObject *context,
                      plaid::PlaidClient::Callback<plaid::LinkTokenDetails> done) override;

    plaid::LinkTokenCreateRequest request(const LinkTokenPurpose &purpose) const;

private:
    plaid::PlaidClient *m_client;
    LinkTokenSettings m_settings;
};

} // namespace weft::link
