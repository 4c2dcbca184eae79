#include "sandbox/SandboxServer.h"

#include "core/Clock.h"
#include "net/HttpResponder.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxLogging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace weft::sandbox {
namespace {

constexpr QLatin1StringView kAdminPrefix("/weft/admin/");
constexpr QLatin1StringView kLinkSessionPrefix("/weft/link/session/");
constexpr QLatin1StringView kHostedLinkPrefix("/hl/");

net::HttpResponse json(int status, const QJsonObject &body)
{
    return net::HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

net::HttpResponse plaidError(plaid::PlaidError error)
{
    error.requestId = ids::requestId();
    return json(error.httpStatus, error.toJson());
}

net::HttpResponse plainError(int status, const QString &message)
{
    return json(status, {{QStringLiteral("error"), message}});
}

// Refusals of the HTTP layer (limits, malformed requests) in Plaid's error shape, with the
// HTTP status that says what happened.
net::HttpResponse protocolError(int status, const QString &reason)
{
    plaid::PlaidError error = sandboxError(status == 413 ? u"INVALID_BODY" : u"INVALID_HEADERS",
                                           QStringLiteral("the request was refused: ") + reason);
    if (status == 408 || status == 503)
        error = sandboxError(u"INTERNAL_SERVER_ERROR", reason);
    error.httpStatus = status;
    return plaidError(error);
}

} // namespace

SandboxServer::SandboxServer(SandboxApi *api, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_clock(clock)
{
    m_http.setHandler([this](const net::HttpRequest &request, const net::HttpResponder &responder) {
        dispatch(request, responder);
    });
    m_http.setErrorResponse(protocolError);
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 port, QString *error)
{
    if (!m_http.listen(QHostAddress::LocalHost, port, error))
        return false;
    // "localhost" may resolve to ::1 first: answer there too, so the Link emulator's first
    // request does not wait for a refused connection. Not every machine has IPv6.
    QString ignored;
    if (!m_http.listen(QHostAddress::LocalHostIPv6, m_http.port(), &ignored))
        qCDebug(lcSandbox) << "no IPv6 loopback:" << ignored;
    m_api->setHostedLinkBaseUrl(linkBaseUrl());
    qCInfo(lcSandbox) << "listening on" << baseUrl().toString() << "and"
                      << linkBaseUrl().toString();
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

QUrl SandboxServer::linkBaseUrl() const
{
    QUrl url = baseUrl();
    url.setHost(QStringLiteral("localhost"));
    return url;
}

void SandboxServer::addStaticRoot(const QString &urlPrefix, const QString &directory)
{
    m_static.addRoot(urlPrefix, directory);
}

bool SandboxServer::isOwnHost(const QByteArray &host) const
{
    const QByteArray port = ':' + QByteArray::number(this->port());
    for (const char *name : {"127.0.0.1", "localhost", "[::1]"}) {
        if (host == name || host == name + port)
            return true;
    }
    return false;
}

void SandboxServer::dispatch(const net::HttpRequest &request, const net::HttpResponder &responder)
{
    // HTTP/1.0 clients may leave Host out; HTTP/1.1 ones cannot (the parser refuses them).
    if (request.hasHeader("Host") && !isOwnHost(request.header("Host").toLower())) {
        plaid::PlaidError error =
            sandboxError(u"INVALID_HEADERS",
                         QStringLiteral("this server answers only to 127.0.0.1 and localhost"));
        error.httpStatus = 421; // Misdirected Request
        responder.respond(plaidError(error));
        return;
    }
    const QString &path = request.path;
    if (path.startsWith(kLinkSessionPrefix)) {
        serveLinkSession(request, responder);
        return;
    }
    if (path.startsWith(kAdminPrefix)) {
        serveAdmin(request, responder);
        return;
    }
    if (path.startsWith(kHostedLinkPrefix) && (request.method == "GET" || request.isHead())) {
        serveHostedLink(request, responder);
        return;
    }
    if (request.method == "POST" && SandboxApi::isEndpoint(path)) {
        serveApi(request, responder);
        return;
    }
    if (request.method == "GET" || request.method == "HEAD") {
        if (auto file = m_static.lookup(path)) {
            responder.respond(*file);
            return;
        }
    }
    responder.respond(plaidError(sandboxError(
        u"NOT_FOUND", SandboxApi::isEndpoint(path) ? QStringLiteral("use POST for ") + path
                                                   : QStringLiteral("unknown path ") + path)));
}

void SandboxServer::serveApi(const net::HttpRequest &httpRequest,
                             const net::HttpResponder &responder)
{
    SandboxRequest request;
    request.path = httpRequest.path;
    request.body = httpRequest.body;
    request.headerClientId = QString::fromUtf8(httpRequest.header("PLAID-CLIENT-ID"));
    request.headerSecret = QString::fromUtf8(httpRequest.header("PLAID-SECRET"));
    const std::optional<Fault> fault = m_faults.take(request.path);
    if (fault && fault->kind == Fault::Kind::Delay) {
        m_clock->callLater(std::chrono::milliseconds(fault->delayMs), this,
                           [this, responder, request] {
                               if (responder.isConnected()) // else the client gave up
                                   answerApi(request, responder, std::nullopt);
                           });
        return;
    }
    answerApi(request, responder, fault);
}

void SandboxServer::answerApi(const SandboxRequest &request, const net::HttpResponder &responder,
                              const std::optional<Fault> &fault)
{
    if (fault) {
        qCInfo(lcSandbox).nospace()
            << "injecting fault " << Fault::kindName(fault->kind) << " into " << request.path;
        switch (fault->kind) {
        case Fault::Kind::ServerError:
            responder.respond(plaidError(sandboxError(u"INTERNAL_SERVER_ERROR")));
            return;
        case Fault::Kind::RateLimit:
            responder.respond(plaidError(sandboxError(u"RATE_LIMIT")));
            return;
        case Fault::Kind::NonJson: {
            net::HttpResponse page;
            page.status = fault->status;
            page.contentType = QByteArrayLiteral("text/html; charset=utf-8");
            page.body = QByteArrayLiteral("<html><body><h1>Service unavailable</h1></body></html>");
            responder.respond(page);
            return;
        }
        case Fault::Kind::Oversized: {
            QByteArray body = QByteArrayLiteral("{\"padding\":\"");
            body.append(QByteArray(qMax<qint64>(0, fault->size - 14), 'x'));
            body.append("\"}");
            responder.respond(net::HttpResponse::json(200, body));
            return;
        }
        case Fault::Kind::Drop:
            responder.drop();
            return;
        case Fault::Kind::Delay:
        case Fault::Kind::Truncated:
            break; // answered below
        }
    }
    const SandboxResponse response = m_api->handle(request);
    const net::HttpResponse answer = json(response.status, response.body);
    if (fault && fault->kind == Fault::Kind::Truncated)
        responder.respondTruncated(answer);
    else
        responder.respond(answer);
}

void SandboxServer::serveLinkSession(const net::HttpRequest &request,
                                     const net::HttpResponder &responder)
{
    // Only the Link emulator's own pages: a browser names their origin on every POST. The
    // host page (127.0.0.1) and any other page are refused, so nothing but Link's frame can
    // drive a Link session to a public token.
    const QByteArray origin = request.header("Origin");
    if (origin != linkBaseUrl().toString().toLatin1()) {
        qCWarning(lcSandbox) << "refused a Link session call from origin"
                             << (origin.isNull() ? QByteArray("(none)") : origin);
        responder.respond(plainError(403, QStringLiteral("Link session routes answer only "
                                                         "the Link emulator's origin")));
        return;
    }
    const QString step = request.path.mid(kLinkSessionPrefix.size());
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    using Route = SandboxResponse (SandboxApi::*)(const QJsonObject &);
    static const QHash<QString, Route> routes{
        {QStringLiteral("start"), &SandboxApi::startLinkSession},
        {QStringLiteral("login"), &SandboxApi::loginLinkSession},
        {QStringLiteral("complete"), &SandboxApi::completeLinkSession},
        {QStringLiteral("exit"), &SandboxApi::exitLinkSession},
        {QStringLiteral("oauth"), &SandboxApi::startOAuth},
        {QStringLiteral("oauth-info"), &SandboxApi::oauthInfo},
        {QStringLiteral("oauth-authorize"), &SandboxApi::authorizeOAuth},
        {QStringLiteral("oauth-resume"), &SandboxApi::resumeOAuth}};
    const Route route = routes.value(step);
    if (request.method != "POST" || !route) {
        responder.respond(
            plainError(404, QStringLiteral("unknown Link session route ") + request.path));
        return;
    }
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        responder.respond(plainError(400, QStringLiteral("the body must be a JSON object")));
        return;
    }
    const QJsonObject body = document.object();
    const SandboxResponse response = (m_api->*route)(body);
    responder.respond(json(response.status, response.body));
}

void SandboxServer::serveHostedLink(const net::HttpRequest &request,
                                    const net::HttpResponder &responder)
{
    // hosted_link_url: the Link emulator as a whole page, on the emulator's own origin so that
    // its session calls are accepted.
    const QString id = request.path.mid(kHostedLinkPrefix.size());
    const std::optional<QString> page = m_api->hostedLinkPage(id);
    if (!page) {
        net::HttpResponse missing = net::HttpResponse::text(
            404, QStringLiteral("This Link address is unknown or has expired. Go back to the app "
                                "and start again."));
        responder.respond(missing);
        return;
    }
    net::HttpResponse redirect;
    redirect.status = 303;
    redirect.headers.append(
        {QByteArrayLiteral("Location"), linkBaseUrl().resolved(QUrl(*page)).toEncoded()});
    redirect.headers.append(
        {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")});
    responder.respond(redirect);
}

void SandboxServer::serveAdmin(const net::HttpRequest &request, const net::HttpResponder &responder)
{
    if (!m_adminEnabled) {
        responder.respond(plainError(403, QStringLiteral("admin routes are disabled")));
        return;
    }
    // Not for web pages: a browser names its origin; the admin's tools (curl, tests) do not.
    if (request.hasHeader("Origin")) {
        responder.respond(plainError(403, QStringLiteral("admin routes refuse web pages")));
        return;
    }
    const QString &path = request.path;
    const bool post = request.method == "POST";
    auto listing = [this] {
        QJsonArray list;
        for (const Fault &fault : m_faults.pending())
            list.append(fault.toJson());
        return json(200, {{QStringLiteral("faults"), list}});
    };
    if (path == u"/weft/admin/faults" && post) {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            responder.respond(plainError(400, QStringLiteral("the body must be a JSON object")));
            return;
        }
        QString error;
        const auto fault = Fault::fromJson(document.object(), &error);
        if (!fault) {
            responder.respond(plainError(400, error));
            return;
        }
        m_faults.add(*fault);
        responder.respond(listing());
    } else if (path == u"/weft/admin/faults/clear" && post) {
        m_faults.clear();
        responder.respond(listing());
    } else if (path == u"/weft/admin/faults") {
        responder.respond(listing());
    } else {
        responder.respond(plainError(404, QStringLiteral("unknown admin route ") + path));
    }
}

} // namespace weft::sandbox
