#include "plaid/PlaidClient.h"

#include "plaid/JsonReader.h"
#include "plaid/PlaidTransport.h"

namespace weft::plaid {

PlaidClient::PlaidClient(QNetworkAccessManager *network, PlaidConfig config, Clock *clock,
                         QObject *parent)
    : QObject(parent)
    , m_transport(new PlaidTransport(network, clock, std::move(config), this))
{
}

PlaidClient::~PlaidClient() = default;

const PlaidConfig &PlaidClient::config() const
{
    return m_transport->config();
}

void PlaidClient::abortAll()
{
    m_transport->abortAll();
}

template<typename T>
void PlaidClient::call(const QString &path, const QJsonObject &body, bool retryable,
                       QObject *context, Callback<T> done, std::function<T(JsonReader &)> parse)
{
    m_transport->post(
        path, body, retryable, context,
        [path, done = std::move(done), parse = std::move(parse)](const TransportReply &reply) {
            PlaidResult<T> result;
            static_cast<PlaidOutcome &>(result) = reply;
            if (reply.ok()) {
                JsonReader reader(reply.body);
                result.value = parse(reader);
                if (!reader.ok()) {
                    result.status = PlaidStatus::InvalidResponse;
                    result.errorString = path + QStringLiteral(" answer: ") + reader.errorString();
                }
            }
            done(result);
        });
}

void PlaidClient::createLinkToken(const LinkTokenCreateRequest &request, QObject *context,
                                  Callback<LinkToken> done)
{
    call<LinkToken>(
        QStringLiteral("/link/token/create"), request.toJson(), true, context, std::move(done),
        [](JsonReader &reader) {
            LinkToken token;
            token.linkToken = reader.string(QLatin1StringView("link_token"));
            token.expiration = reader.dateTime(QLatin1StringView("expiration"));
            const QString hosted = reader.optionalString(QLatin1StringView("hosted_link_url"));
            if (!hosted.isEmpty()) {
                token.hostedLinkUrl = QUrl(hosted, QUrl::StrictMode);
                const QString scheme = token.hostedLinkUrl.scheme();
                if (!token.hostedLinkUrl.isValid() || (scheme != u"https" && scheme != u"http"))
                    reader.fail(QStringLiteral("hosted_link_url: not a web address"));
            }
            return token;
        });
}

void PlaidClient::getLinkToken(const QString &linkToken, QObject *context,
                               Callback<LinkTokenDetails> done)
{
    call<LinkTokenDetails>(
        QStringLiteral("/link/token/get"), linkTokenGetBody(linkToken), true, context,
        std::move(done), [](JsonReader &reader) {
            LinkTokenDetails details;
            details.linkToken = reader.string(QLatin1StringView("link_token"));
            details.createdAt = reader.dateTime(QLatin1StringView("created_at"), false);
            details.expiration = reader.dateTime(QLatin1StringView("expiration"), false);
            JsonReader metadata = reader.object(QLatin1StringView("metadata"));
            details.initialProducts = metadata.stringList(QLatin1StringView("initial_products"));
            details.countryCodes = metadata.stringList(QLatin1StringView("country_codes"));
            details.language = metadata.optionalString(QLatin1StringView("language"));
            details.clientName = metadata.optionalString(QLatin1StringView("client_name"));
            details.webhook = metadata.optionalString(QLatin1StringView("webhook"));
            details.redirectUri = metadata.optionalString(QLatin1StringView("redirect_uri"));
            details.sessions = LinkSessionRecord::listFromJson(reader);
            details.raw = reader.json();
            return details;
        });
}

void PlaidClient::exchangePublicToken(const QString &publicToken, QObject *context,
                                      Callback<PublicTokenExchange> done)
{
    // A public token is single-use: never repeat this call, even when the answer was lost.
    call<PublicTokenExchange>(
        QStringLiteral("/item/public_token/exchange"), publicTokenExchangeBody(publicToken), false,
        context, std::move(done), [](JsonReader &reader) {
            PublicTokenExchange exchange;
            exchange.accessToken = reader.string(QLatin1StringView("access_token"));
            exchange.itemId = reader.string(QLatin1StringView("item_id"));
            return exchange;
        });
}

void PlaidClient::getItem(const QString &accessToken, QObject *context, Callback<ItemDetails> done)
{
    call<ItemDetails>(QStringLiteral("/item/get"), accessTokenBody(accessToken), true, context,
                      std::move(done), [](JsonReader &reader) {
                          ItemDetails details;
                          JsonReader item = reader.object(QLatin1StringView("item"));
                          details.item = Item::fromJson(item);
                          if (auto status = reader.nullableObject(QLatin1StringView("status")))
                              details.status = status->json();
                          return details;
                      });
}

void PlaidClient::removeItem(const QString &accessToken, QObject *context, Callback<Done> done)
{
    // Not repeated: a second remove after a lost answer would report a misleading error.
    call<Done>(QStringLiteral("/item/remove"), accessTokenBody(accessToken), false, context,
               std::move(done), [](JsonReader &) { return Done{}; });
}

void PlaidClient::getAccounts(const QString &accessToken, QObject *context,
                              Callback<AccountsList> done, const QStringList &accountIds)
{
    call<AccountsList>(QStringLiteral("/accounts/get"), accountsGetBody(accessToken, accountIds),
                       true, context, std::move(done), [](JsonReader &reader) {
                           AccountsList list;
                           for (JsonReader &account :
                                reader.objectList(QLatin1StringView("accounts")))
                               list.accounts.append(Account::fromJson(account));
                           JsonReader item = reader.object(QLatin1StringView("item"));
                           list.item = Item::fromJson(item);
                           return list;
                       });
}

void PlaidClient::getInstitution(const InstitutionGetRequest &request, QObject *context,
                                 Callback<Institution> done)
{
    call<Institution>(QStringLiteral("/institutions/get_by_id"), request.toJson(), true, context,
                      std::move(done), [](JsonReader &reader) {
                          JsonReader institution = reader.object(QLatin1StringView("institution"));
                          return Institution::fromJson(institution);
                      });
}

void PlaidClient::createSandboxPublicToken(const SandboxPublicTokenCreateRequest &request,
                                           QObject *context, Callback<QString> done)
{
    call<QString>(QStringLiteral("/sandbox/public_token/create"), request.toJson(), true, context,
                  std::move(done), [](JsonReader &reader) {
                      return reader.string(QLatin1StringView("public_token"));
                  });
}

void PlaidClient::getWebhookVerificationKey(const QString &keyId, QObject *context,
                                            Callback<QJsonObject> done)
{
    call<QJsonObject>(QStringLiteral("/webhook_verification_key/get"),
                      QJsonObject{{QStringLiteral("key_id"), keyId}}, true, context,
                      std::move(done), [](JsonReader &reader) {
                          JsonReader key = reader.object(QLatin1StringView("key"));
                          key.string(QLatin1StringView("kid"));
                          key.string(QLatin1StringView("x"));
                          key.string(QLatin1StringView("y"));
                          key.optionalString(QLatin1StringView("alg"));
                          return key.json();
                      });
}

void PlaidClient::resetSandboxLogin(const QString &accessToken, QObject *context,
                                    Callback<Done> done)
{
    call<Done>(QStringLiteral("/sandbox/item/reset_login"), accessTokenBody(accessToken), true,
               context, std::move(done), [](JsonReader &reader) {
                   if (!reader.boolean(QLatin1StringView("reset_login")))
                       reader.fail(QStringLiteral("reset_login: Plaid did not reset the login"));
                   return Done{};
               });
}

} // namespace weft::plaid
