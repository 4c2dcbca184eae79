#include "sandbox/SandboxServer.h"

#include "core/Clock.h"
#include "sandbox/HttpReply.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>

#include <memory>

namespace weft::sandbox {
namespace {

constexpr QLatin1StringView kAdminPrefix("/weft/admin/");
constexpr QLatin1StringView kLinkSessionPrefix("/weft/link/session/");

QString headerValue(const QHttpServerRequest &request, QByteArrayView name)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(header.second);
    }
    return {};
}

QJsonObject errorBody(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

} // namespace

SandboxServer::SandboxServer(SandboxApi *api, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_clock(clock)
{
    m_http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            dispatch(request, std::move(responder));
        });
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 port, QString *error)
{
    auto *tcp = new QTcpServer(this);
#if QT_VERSION >= QT_VERSION_CHECK(6, 3, 0)
    tcp->setListenBacklogSize(1024); // many clients connecting at once are not turned away
#endif
    tcp->setMaxPendingConnections(1024);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        *error =
            QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_http.bind(tcp);
    m_tcp = tcp;
    m_port = tcp->serverPort();
    qCInfo(lcSandbox) << "listening on" << baseUrl().toString();
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void SandboxServer::addStaticRoot(const QString &urlPrefix, const QString &directory)
{
    QString prefix = urlPrefix;
    if (!prefix.endsWith(u'/'))
        prefix.append(u'/');
    m_staticRoots.append({prefix, directory});
}

void SandboxServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString path = request.url().path();
    const auto method = request.method();
    if (path.startsWith(kAdminPrefix) || path.startsWith(kLinkSessionPrefix)) {
        serveAdmin(request, std::move(responder));
        return;
    }
    if (method == QHttpServerRequest::Method::Post && SandboxApi::isEndpoint(path)) {
        serveApi(request, std::move(responder));
        return;
    }
    const bool head = method == QHttpServerRequest::Method::Head;
    if ((method == QHttpServerRequest::Method::Get || head) && serveStatic(path, head, responder))
        return;
    plaid::PlaidError error = sandboxError(
        u"NOT_FOUND", SandboxApi::isEndpoint(path) ? QStringLiteral("use POST for ") + path
                                                   : QStringLiteral("unknown path ") + path);
    error.requestId = ids::requestId();
    http::replyJson(responder, error.httpStatus, error.toJson());
}

void SandboxServer::serveApi(const QHttpServerRequest &httpRequest,
                             QHttpServerResponder &&responder)
{
    SandboxRequest request;
    request.path = httpRequest.url().path();
    request.body = httpRequest.body();
    request.headerClientId = headerValue(httpRequest, "PLAID-CLIENT-ID");
    request.headerSecret = headerValue(httpRequest, "PLAID-SECRET");
    const std::optional<Fault> fault = m_faults.take(request.path);
    if (fault && fault->kind == Fault::Kind::Delay) {
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QObject> connection = http::connectionOf(*held);
        const bool watched = !connection.isNull();
        m_clock->callLater(std::chrono::milliseconds(fault->delayMs), this,
                           [this, held, request, connection, watched] {
                               if (watched && connection.isNull())
                                   return; // the client gave up waiting
                               answerApi(request, *held, std::nullopt);
                           });
        return;
    }
    answerApi(request, responder, fault);
}

void SandboxServer::answerApi(const SandboxRequest &request, QHttpServerResponder &responder,
                              const std::optional<Fault> &fault)
{
    const QString &path = request.path;
    if (fault) {
        qCInfo(lcSandbox).nospace()
            << "injecting fault " << Fault::kindName(fault->kind) << " into " << path;
    }
    auto failWith = [&](QStringView code) {
        plaid::PlaidError error = sandboxError(code);
        error.requestId = ids::requestId();
        http::replyJson(responder, error.httpStatus, error.toJson());
    };
    if (fault) {
        switch (fault->kind) {
        case Fault::Kind::ServerError:
            failWith(u"INTERNAL_SERVER_ERROR");
            return;
        case Fault::Kind::RateLimit:
            failWith(u"RATE_LIMIT");
            return;
        case Fault::Kind::NonJson:
            http::reply(
                responder, fault->status, QByteArrayLiteral("text/html; charset=utf-8"),
                QByteArrayLiteral("<html><body><h1>Service unavailable</h1></body></html>"));
            return;
        case Fault::Kind::Oversized: {
            QByteArray body = QByteArrayLiteral("{\"padding\":\"");
            body.append(QByteArray(qMax<qint64>(0, fault->size - 14), 'x'));
            body.append("\"}");
            http::reply(responder, 200, QByteArrayLiteral("application/json"), body);
            return;
        }
        case Fault::Kind::Drop:
            if (!http::dropConnection(responder))
                failWith(u"INTERNAL_SERVER_ERROR");
            return;
        case Fault::Kind::Delay:
        case Fault::Kind::Truncated:
            break; // answered below
        }
    }
    const SandboxResponse response = m_api->handle(request);
    if (fault && fault->kind == Fault::Kind::Truncated) {
        const QByteArray body = QJsonDocument(response.body).toJson(QJsonDocument::Compact);
        if (!http::replyTruncated(responder, response.status, body))
            failWith(u"INTERNAL_SERVER_ERROR");
        return;
    }
    http::replyJson(responder, response.status, response.body);
}

void SandboxServer::serveAdmin(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString path = request.url().path();
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (post && (parseError.error != QJsonParseError::NoError || !document.isObject()) &&
        path != u"/weft/admin/faults/clear") {
        http::replyJson(responder, 400,
                        errorBody(QStringLiteral("the body must be a JSON object")));
        return;
    }
    if (path.startsWith(kLinkSessionPrefix) && post) {
        const QString step = path.mid(kLinkSessionPrefix.size());
        const QJsonObject body = document.object();
        std::optional<SandboxResponse> response;
        if (step == u"start")
            response = m_api->startLinkSession(body);
        else if (step == u"login")
            response = m_api->loginLinkSession(body);
        else if (step == u"complete")
            response = m_api->completeLinkSession(body);
        if (response) {
            http::replyJson(responder, response->status, response->body);
            return;
        }
    }
    if (path.startsWith(kLinkSessionPrefix)) {
        http::replyJson(responder, 404,
                        errorBody(QStringLiteral("unknown Link session route ") + path));
        return;
    }
    if (!m_adminEnabled) {
        http::replyJson(responder, 403, errorBody(QStringLiteral("admin routes are disabled")));
        return;
    }
    auto listing = [this] {
        QJsonArray list;
        for (const Fault &fault : m_faults.pending())
            list.append(fault.toJson());
        return QJsonObject{{QStringLiteral("faults"), list}};
    };
    if (path == u"/weft/admin/faults" && post) {
        QString error;
        const auto fault = Fault::fromJson(document.object(), &error);
        if (!fault) {
            http::replyJson(responder, 400, errorBody(error));
            return;
        }
        m_faults.add(*fault);
        http::replyJson(responder, 200, listing());
    } else if (path == u"/weft/admin/faults/clear" && post) {
        m_faults.clear();
        http::replyJson(responder, 200, listing());
    } else if (path == u"/weft/admin/faults") {
        http::replyJson(responder, 200, listing());
    } else {
        http::replyJson(responder, 404, errorBody(QStringLiteral("unknown admin route ") + path));
    }
}

bool SandboxServer::serveStatic(const QString &path, bool headOnly, QHttpServerResponder &responder)
{
    return http::serveStatic(m_staticRoots, path, headOnly, responder);
}

} // namespace weft::sandbox
