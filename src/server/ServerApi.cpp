#include "server/ServerApi.h"

#include "core/Clock.h"
#include "server/ServerApiJson.h"
#include "server/ServerLogging.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace weft::server {
namespace {

// /v1/items/{item_id} and /v1/items/{item_id}/refresh: the id and what follows it.
const QRegularExpression &itemPath()
{
    static const QRegularExpression pattern(
        QStringLiteral("^/v1/items/([A-Za-z0-9_-]{1,128})(/refresh)?$"));
    return pattern;
}

const QRegularExpression &supportItemPath()
{
    static const QRegularExpression pattern(
        QStringLiteral("^/v1/support/items/([A-Za-z0-9_-]{1,128})$"));
    return pattern;
}

net::HttpResponse methodNotAllowed(const QByteArray &allow)
{
    net::HttpResponse response =
        apijson::error(405, QStringLiteral("METHOD_NOT_ALLOWED"),
                       QStringLiteral("this route does not take that method"));
    response.headers.append({QByteArrayLiteral("Allow"), allow});
    return response;
}

} // namespace

ServerApi::ServerApi(ServerDatabase *database, const TokenCipher *cipher, plaid::PlaidClient *plaid,
                     WebhookKeyCache *webhookKeys, Clock *clock, Options options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_cipher(cipher)
    , m_plaid(plaid)
    , m_webhookKeys(webhookKeys)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_credentials(database)
    , m_items(database)
    , m_signInLimiter(m_options.signInBurst, m_options.signInRefillSeconds)
    , m_refreshLimiter(m_options.refreshBurst, m_options.refreshRefillSeconds)
{
}

ServerApi::~ServerApi() = default;

void ServerApi::handle(const net::HttpRequest &request, const net::HttpResponder &responder)
{
    const QString &path = request.path;
    const QByteArray &method = request.method;
    const auto only = [&](const char *allowed) {
        if (method == allowed)
            return true;
        responder.respond(methodNotAllowed(allowed));
        return false;
    };
    if (path == u"/plaid/webhook") {
        if (only("POST"))
            plaidWebhook(request, responder);
    } else if (path == u"/v1/enrol") {
        if (only("POST"))
            enrol(request, responder);
    } else if (path == u"/v1/session/refresh") {
        if (only("POST"))
            refreshSession(request, responder);
    } else if (path == u"/v1/session/sign_out") {
        if (only("POST"))
            signOut(request, responder);
    } else if (path == u"/v1/me") {
        if (only("GET"))
            authenticated(request, responder, &ServerApi::me, {});
    } else if (path == u"/v1/link_token") {
        if (only("POST"))
            authenticated(request, responder, &ServerApi::createLinkToken, {});
    } else if (path == u"/v1/items") {
        if (method == "GET")
            authenticated(request, responder, &ServerApi::listItems, {});
        else if (method == "POST")
            authenticated(request, responder, &ServerApi::exchangePublicToken, {});
        else
            responder.respond(methodNotAllowed("GET, POST"));
    } else if (path == u"/v1/support/items") {
        if (only("GET"))
            authenticated(request, responder, &ServerApi::supportSearch, {});
    } else if (const auto support = supportItemPath().match(path); support.hasMatch()) {
        if (only("GET"))
            authenticated(request, responder, &ServerApi::supportItem, support.captured(1));
    } else if (const auto match = itemPath().match(path); match.hasMatch()) {
        const QString itemId = match.captured(1);
        if (match.hasCaptured(2)) {
            if (only("POST"))
                authenticated(request, responder, &ServerApi::refreshItem, itemId);
        } else if (method == "GET") {
            authenticated(request, responder, &ServerApi::getItem, itemId);
        } else if (method == "DELETE") {
            authenticated(request, responder, &ServerApi::removeItem, itemId);
        } else {
            responder.respond(methodNotAllowed("GET, DELETE"));
        }
    } else {
        responder.respond(
            apijson::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such route")));
    }
}

void ServerApi::authenticated(const net::HttpRequest &request, const net::HttpResponder &responder,
                              Authed route, const QString &itemId)
{
    const QByteArray header = request.header("Authorization");
    const QString token =
        header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7).trimmed()) : QString();
    Credentials::Outcome outcome;
    const auto principal = token.isEmpty()
                               ? std::nullopt
                               : m_credentials.authenticate(token, m_clock->now(), &outcome);
    if (!principal) {
        if (outcome.problem == Credentials::Problem::Failed) {
            responder.respond(apijson::serverError(outcome.message));
            return;
        }
        net::HttpResponse response = apijson::error(
            401, QStringLiteral("UNAUTHORIZED"),
            token.isEmpty() ? QStringLiteral("sign in: send Authorization: Bearer <access token>")
                            : outcome.message);
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                                 token.isEmpty()
                                     ? QByteArrayLiteral("Bearer")
                                     : QByteArrayLiteral("Bearer error=\"invalid_token\"")});
        responder.respond(response);
        return;
    }
    (this->*route)(*principal, request, responder, itemId);
}

QString ServerApi::clientKey(const net::HttpRequest &request) const
{
    // Behind a proxy weft-server trusts, the client is the last address the proxy added.
    if (m_options.trustedProxies.contains(request.peer)) {
        const QByteArray forwarded = request.header("X-Forwarded-For");
        const QByteArray last = forwarded.mid(forwarded.lastIndexOf(',') + 1).trimmed();
        const QHostAddress client(QString::fromLatin1(last));
        if (!client.isNull())
            return client.toString();
    }
    return request.peer.toString();
}

bool ServerApi::rateLimited(RateLimiter &limiter, const net::HttpRequest &request,
                            const net::HttpResponder &responder)
{
    int retryAfter = 0;
    if (limiter.tryTake(clientKey(request), m_clock->now(), &retryAfter))
        return false;
    qCInfo(lcServer).noquote() << "sign-in rate limit reached for" << clientKey(request);
    net::HttpResponse response =
        apijson::error(429, QStringLiteral("RATE_LIMITED"),
                       QStringLiteral("too many tries; wait %1 seconds").arg(retryAfter));
    response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
    responder.respond(response);
    return true;
}

std::optional<QJsonObject> ServerApi::jsonBody(const net::HttpRequest &request,
                                               const net::HttpResponder &responder)
{
    const QByteArray type = request.header("Content-Type");
    if (!type.startsWith("application/json")) {
        responder.respond(apijson::error(415, QStringLiteral("INVALID_REQUEST"),
                                         QStringLiteral("send Content-Type: application/json")));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        responder.respond(apijson::error(400, QStringLiteral("INVALID_REQUEST"),
                                         QStringLiteral("the body is not a JSON object")));
        return std::nullopt;
    }
    return document.object();
}

} // namespace weft::server
