// ServerApi: enrolment, refreshing and ending a sign-in, and who is signed in.
#include "core/Clock.h"
#include "server/ServerApi.h"
#include "server/ServerApiJson.h"
#include "server/ServerLogging.h"

namespace weft::server {
namespace {

// A credential call's refusal: 401 for a credential that is no good, 500 when the database
// failed.
net::HttpResponse refusal(const Credentials::Outcome &outcome, const QString &code)
{
    if (outcome.problem == Credentials::Problem::Failed)
        return apijson::serverError(outcome.message);
    return apijson::error(401, code, outcome.message);
}

// The string field `name`, or empty after answering 400.
QString requiredString(const QJsonObject &body, const QString &name,
                       const net::HttpResponder &responder)
{
    const QJsonValue value = body.value(name);
    if (!value.isString() || value.toString().isEmpty()) {
        responder.respond(apijson::error(400, QStringLiteral("INVALID_REQUEST"),
                                         QStringLiteral("%1 is required (a string)").arg(name)));
        return {};
    }
    return value.toString();
}

} // namespace

void ServerApi::enrol(const net::HttpRequest &request, const net::HttpResponder &responder)
{
    if (rateLimited(m_signInLimiter, request, responder))
        return;
    const auto body = jsonBody(request, responder);
    if (!body)
        return;
    const QString code = requiredString(*body, QStringLiteral("enrolment_code"), responder);
    if (code.isEmpty())
        return;
    Credentials::Outcome outcome;
    const auto issued = m_credentials.enrol(code, m_clock->now(), &outcome);
    if (!issued) {
        qCInfo(lcServer).noquote()
            << "enrolment refused from" << clientKey(request) << "-" << outcome.message;
        responder.respond(refusal(outcome, QStringLiteral("INVALID_ENROLMENT_CODE")));
        return;
    }
    qCInfo(lcServer).noquote() << "enrolled a desktop for user" << issued->principal.userId;
    responder.respond(apijson::ok(apijson::issued(*issued)));
}

void ServerApi::refreshSession(const net::HttpRequest &request, const net::HttpResponder &responder)
{
    if (rateLimited(m_refreshLimiter, request, responder))
        return;
    const auto body = jsonBody(request, responder);
    if (!body)
        return;
    const QString token = requiredString(*body, QStringLiteral("refresh_token"), responder);
    if (token.isEmpty())
        return;
    Credentials::Outcome outcome;
    const auto issued = m_credentials.refresh(token, m_clock->now(), &outcome);
    if (!issued) {
        qCInfo(lcServer).noquote()
            << "refresh refused from" << clientKey(request) << "-" << outcome.message;
        responder.respond(refusal(outcome, QStringLiteral("INVALID_REFRESH_TOKEN")));
        return;
    }
    responder.respond(apijson::ok(apijson::issued(*issued)));
}

void ServerApi::signOut(const net::HttpRequest &request, const net::HttpResponder &responder)
{
    const auto body = jsonBody(request, responder);
    if (!body)
        return;
    const QString token = requiredString(*body, QStringLiteral("refresh_token"), responder);
    if (token.isEmpty())
        return;
    Credentials::Outcome outcome;
    if (!m_credentials.signOut(token, m_clock->now(), &outcome) &&
        outcome.problem == Credentials::Problem::Failed) {
        responder.respond(apijson::serverError(outcome.message));
        return;
    }
    // Signed out, or never signed in: either way that token speaks for nobody now.
    responder.respond(apijson::ok({{QStringLiteral("signed_out"), true}}));
}

void ServerApi::me(const Principal &principal, const net::HttpRequest &,
                   const net::HttpResponder &responder, const QString &)
{
    QJsonObject body = apijson::principal(principal);
    if (m_options.linkScriptUrl.isValid())
        body.insert(QStringLiteral("link_script_url"), m_options.linkScriptUrl.toString());
    responder.respond(apijson::ok(body));
}

} // namespace weft::server
