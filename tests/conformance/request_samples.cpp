// weft-request-samples: drives Weft's PlaidClient through every call it can make, against an
// in-process sandbox, records what went over the wire, checks the Plaid headers, and prints
// the request bodies as [{"path", "body"}] for check-requests.mjs to validate against the spec.
#include "core/Clock.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "support/RecordingNetworkAccessManager.h"
#include "support/SignalWaiter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace weft;
using namespace weft::plaid;

namespace {

template<typename T>
T call(const std::function<void(PlaidClient::Callback<T>)> &start, const char *what)
{
    test::Waiter<PlaidResult<T>> waiter;
    start(waiter.callback());
    if (!waiter.wait() || !waiter.value().ok()) {
        std::fprintf(stderr, "weft-request-samples: %s failed: %s\n", what,
                     waiter.done() ? qPrintable(waiter.value().describe()) : "no answer");
        std::exit(1);
    }
    return waiter.value().value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    sandbox::EmbeddedSandbox sandbox(Clock::system());
    sandbox::EmbeddedSandboxOptions options;
    options.credentials = {QStringLiteral("weft_samples_client"),
                           QStringLiteral("weft_samples_secret")};
    QString error;
    if (!sandbox.start(options, &error)) {
        std::fprintf(stderr, "weft-request-samples: %s\n", qPrintable(error));
        return 1;
    }
    test::RecordingNetworkAccessManager network;
    PlaidConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.clientId = options.credentials.clientId;
    config.secret = options.credentials.secret;
    PlaidClient client(&network, config, Clock::system());
    QObject context;

    LinkTokenCreateRequest linkRequest;
    linkRequest.clientUserId = QStringLiteral("weft-user-1");
    linkRequest.clientName = QStringLiteral("Weft");
    linkRequest.products = {QStringLiteral("transactions"), QStringLiteral("auth")};
    linkRequest.countryCodes = {QStringLiteral("US")};
    linkRequest.language = QStringLiteral("en");
    linkRequest.webhook = QStringLiteral("https://example.com/webhook");
    linkRequest.redirectUri = QStringLiteral("https://example.com/oauth-return");
    linkRequest.accountFilters = {
        {QStringLiteral("depository"), {QStringLiteral("checking"), QStringLiteral("savings")}}};
    const LinkToken link =
        call<LinkToken>([&](auto done) { client.createLinkToken(linkRequest, &context, done); },
                        "link/token/create");
    call<LinkTokenDetails>([&](auto done) { client.getLinkToken(link.linkToken, &context, done); },
                           "link/token/get");
    LinkTokenCreateRequest hostedRequest = linkRequest;
    hostedRequest.hostedLink = true;
    hostedRequest.completionRedirectUri =
        QStringLiteral("http://127.0.0.1:9/weft/hosted-link/done/n");
    hostedRequest.urlLifetimeSeconds = 1800;
    const LinkToken hosted =
        call<LinkToken>([&](auto done) { client.createLinkToken(hostedRequest, &context, done); },
                        "link/token/create (Hosted Link)");
    if (hosted.hostedLinkUrl.isEmpty()) {
        qCritical("link/token/create (Hosted Link): no hosted_link_url");
        return 1;
    }
    SandboxPublicTokenCreateRequest publicRequest;
    publicRequest.institutionId = QStringLiteral("ins_109508");
    publicRequest.initialProducts = {QStringLiteral("transactions")};
    publicRequest.webhook = QStringLiteral("https://example.com/webhook");
    publicRequest.overrideUsername = QStringLiteral("user_good");
    publicRequest.overridePassword = QStringLiteral("pass_good");
    const QString publicToken = call<QString>(
        [&](auto done) { client.createSandboxPublicToken(publicRequest, &context, done); },
        "sandbox/public_token/create");
    const PublicTokenExchange exchange = call<PublicTokenExchange>(
        [&](auto done) { client.exchangePublicToken(publicToken, &context, done); },
        "item/public_token/exchange");
    call<ItemDetails>([&](auto done) { client.getItem(exchange.accessToken, &context, done); },
                      "item/get");
    const AccountsList accounts = call<AccountsList>(
        [&](auto done) { client.getAccounts(exchange.accessToken, &context, done); },
        "accounts/get");
    call<AccountsList>(
        [&](auto done) {
            client.getAccounts(exchange.accessToken, &context, done,
                               {accounts.accounts.value(0).accountId});
        },
        "accounts/get with account_ids");
    InstitutionGetRequest institution;
    institution.institutionId = QStringLiteral("ins_109508");
    institution.countryCodes = {QStringLiteral("US")};
    institution.includeStatus = true;
    call<Institution>([&](auto done) { client.getInstitution(institution, &context, done); },
                      "institutions/get_by_id");
    call<Done>([&](auto done) { client.resetSandboxLogin(exchange.accessToken, &context, done); },
               "sandbox/item/reset_login");
    LinkTokenCreateRequest updateRequest = linkRequest;
    updateRequest.products.clear();
    updateRequest.accountFilters.clear();
    updateRequest.accessToken = exchange.accessToken;
    call<LinkToken>([&](auto done) { client.createLinkToken(updateRequest, &context, done); },
                    "link/token/create (update mode)");
    updateRequest.accountSelection = true;
    call<LinkToken>([&](auto done) { client.createLinkToken(updateRequest, &context, done); },
                    "link/token/create (update mode, account selection)");
    call<Done>([&](auto done) { client.removeItem(exchange.accessToken, &context, done); },
               "item/remove");

    QJsonArray samples;
    int headerErrors = 0;
    for (const auto &sent : network.sent()) {
        const QNetworkRequest &request = sent.request;
        const bool headersOk =
            request.rawHeader("PLAID-CLIENT-ID") == config.clientId.toUtf8() &&
            request.rawHeader("PLAID-SECRET") == config.secret.toUtf8() &&
            request.rawHeader("Plaid-Version") == "2020-09-14" &&
            request.header(QNetworkRequest::ContentTypeHeader).toString() == u"application/json";
        if (!headersOk) {
            ++headerErrors;
            std::fprintf(stderr, "weft-request-samples: %s lacks the Plaid headers\n",
                         qPrintable(request.url().path()));
        }
        samples.append(
            QJsonObject{{QStringLiteral("path"), request.url().path()},
                        {QStringLiteral("body"), QJsonDocument::fromJson(sent.body).object()}});
    }
    std::fputs(QJsonDocument(samples).toJson(QJsonDocument::Indented).constData(), stdout);
    return headerErrors == 0 ? 0 : 1;
}
