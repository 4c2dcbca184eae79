#include "link/LinkBackend.h"

namespace weft::link {

LinkBackend::~LinkBackend() = default;

PlaidLinkBackend::PlaidLinkBackend(plaid::PlaidClient *client, LinkTokenSettings settings)
    : m_client(client)
    , m_settings(std::move(settings))
{
}

plaid::LinkTokenCreateRequest PlaidLinkBackend::request(const LinkTokenPurpose &purpose) const
{
    plaid::LinkTokenCreateRequest request;
    request.clientUserId = m_settings.clientUserId;
    request.clientName = m_settings.clientName;
    request.countryCodes = m_settings.countryCodes;
    request.language = m_settings.language;
    request.webhook = m_settings.webhook;
    request.redirectUri = m_settings.redirectUri;
    request.accessToken = purpose.accessToken;
    request.accountSelection = purpose.isUpdate() && purpose.accountSelection;
    if (!purpose.isUpdate())
        request.products = m_settings.products; // update mode takes no products
    return request;
}

void PlaidLinkBackend::createLinkToken(const LinkTokenPurpose &purpose, QObject *context,
                                       plaid::PlaidClient::Callback<plaid::LinkToken> done)
{
    m_client->createLinkToken(request(purpose), context, std::move(done));
}

void PlaidLinkBackend::exchangePublicToken(
    const QString &publicToken, QObject *context,
    plaid::PlaidClient::Callback<plaid::PublicTokenExchange> done)
{
    m_client->exchangePublicToken(publicToken, context, std::move(done));
}

void PlaidLinkBackend::createHostedLinkToken(const LinkTokenPurpose &purpose,
                                             const QString &completionRedirectUri, QObject *context,
                                             plaid::PlaidClient::Callback<plaid::LinkToken> done)
{
    plaid::LinkTokenCreateRequest hosted = request(purpose);
    hosted.hostedLink = true;
    hosted.completionRedirectUri = completionRedirectUri;
    m_client->createLinkToken(hosted, context, std::move(done));
}

void PlaidLinkBackend::getLinkToken(const QString &linkToken, QObject *context,
                                    plaid::PlaidClient::Callback<plaid::LinkTokenDetails> done)
{
    m_client->getLinkToken(linkToken, context, std::move(done));
}

} // namespace weft::link
