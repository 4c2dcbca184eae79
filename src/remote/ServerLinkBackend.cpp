#include "remote/ServerLinkBackend.h"

#include "remote/ServerClient.h"
#include "remote/ServerCredential.h"

#include <QCoreApplication>

namespace weft::remote {
namespace {

template<typename T>
plaid::PlaidResult<T> failedWith(const ServerReply &reply)
{
    plaid::PlaidResult<T> result;
    static_cast<plaid::PlaidOutcome &>(result) = reply;
    return result;
}

template<typename T>
plaid::PlaidResult<T> invalidAnswer(const ServerReply &reply, const QString &what)
{
    plaid::PlaidResult<T> result = failedWith<T>(reply);
    result.status = plaid::PlaidStatus::InvalidResponse;
    result.errorString = what;
    return result;
}

} // namespace

ServerLinkBackend::ServerLinkBackend(ServerClient *client)
    : m_client(client)
{
}

QJsonObject ServerLinkBackend::requestBody(const link::LinkTokenPurpose &purpose)
{
    QJsonObject body;
    if (!purpose.itemId.isEmpty()) {
        body.insert(QStringLiteral("item_id"), purpose.itemId);
        if (purpose.accountSelection)
            body.insert(QStringLiteral("account_selection"), true);
    }
    return body;
}

void ServerLinkBackend::createLinkToken(const link::LinkTokenPurpose &purpose, QObject *context,
                                        plaid::PlaidClient::Callback<plaid::LinkToken> done)
{
    linkToken(requestBody(purpose), context, done);
}

void ServerLinkBackend::createHostedLinkToken(const link::LinkTokenPurpose &purpose,
                                              const QString &completionRedirectUri,
                                              QObject *context,
                                              plaid::PlaidClient::Callback<plaid::LinkToken> done)
{
    QJsonObject body = requestBody(purpose);
    body.insert(QStringLiteral("hosted_link"), true);
    if (!completionRedirectUri.isEmpty())
        body.insert(QStringLiteral("completion_redirect_uri"), completionRedirectUri);
    linkToken(body, context, done);
}

void ServerLinkBackend::linkToken(const QJsonObject &body, QObject *context,
                                  const plaid::PlaidClient::Callback<plaid::LinkToken> &done)
{
    m_client->call(
        "POST", QStringLiteral("/v1/link_token"), body, context, [done](const ServerReply &reply) {
            if (!reply.ok()) {
                done(failedWith<plaid::LinkToken>(reply));
                return;
            }
            plaid::PlaidResult<plaid::LinkToken> result = failedWith<plaid::LinkToken>(reply);
            result.value.linkToken = reply.body.value(QLatin1StringView("link_token")).toString();
            result.value.expiration = QDateTime::fromString(
                reply.body.value(QLatin1StringView("expiration")).toString(), Qt::ISODate);
            result.value.hostedLinkUrl =
                QUrl(reply.body.value(QLatin1StringView("hosted_link_url")).toString());
            if (!result.value.linkToken.startsWith(u"link-")) {
                done(invalidAnswer<plaid::LinkToken>(
                    reply, QStringLiteral("the server's answer has no link_token")));
                return;
            }
            done(result);
        });
}

void ServerLinkBackend::exchangePublicToken(
    const QString &publicToken, QObject *context,
    plaid::PlaidClient::Callback<plaid::PublicTokenExchange> done)
{
    m_client->call("POST", QStringLiteral("/v1/items"),
                   {{QStringLiteral("public_token"), publicToken}}, context,
                   [done](const ServerReply &reply) {
                       if (!reply.ok()) {
                           done(failedWith<plaid::PublicTokenExchange>(reply));
                           return;
                       }
                       plaid::PlaidResult<plaid::PublicTokenExchange> result =
                           failedWith<plaid::PublicTokenExchange>(reply);
                       result.value.itemId = reply.body.value(QLatin1StringView("item"))
                                                 .toObject()
                                                 .value(QLatin1StringView("item_id"))
                                                 .toString();
                       if (result.value.itemId.isEmpty()) {
                           done(invalidAnswer<plaid::PublicTokenExchange>(
                               reply, QStringLiteral("the server's answer names no Item")));
                           return;
                       }
                       done(result); // no access token: the server keeps it
                   });
}

void ServerLinkBackend::getLinkToken(const QString &, QObject *,
                                     plaid::PlaidClient::Callback<plaid::LinkTokenDetails> done)
{
    plaid::PlaidResult<plaid::LinkTokenDetails> result =
        failedWith<plaid::LinkTokenDetails>(ServerCredential::localFailure(
            QStringLiteral("NOT_AVAILABLE"),
            QCoreApplication::translate("weft::remote::ServerLinkBackend",
                                        "Link in the browser is not available with your "
                                        "provider's server; Link opens in Weft's window.")));
    done(result);
}

} // namespace weft::remote
