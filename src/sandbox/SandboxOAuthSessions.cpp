// SandboxApi: OAuth by redirect. Link (with a redirect_uri) sends the user to the bank's page
// in the browser; the bank sends the browser to redirect_uri?oauth_state_id=...; the app
// re-initialises Link with that receivedRedirectUri, and Link takes the session back where it
// was. The sandbox bank's page is oauth.html with the state in its fragment.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxIds.h"

#include <QUrl>
#include <QUrlQuery>

namespace weft::sandbox {
namespace {

constexpr int kOAuthStateMinutes = 30;
constexpr int kMaxOAuthStates = 1000;

} // namespace

SandboxResponse SandboxApi::startOAuth(const QJsonObject &body)
{
    Call call = sessionCall(body);
    LinkTokenRecord *link = nullptr;
    QByteArray key;
    if (auto error = usableLinkToken(call, &link, &key))
        return *error;
    if (link->metadata.value(QLatin1StringView("redirect_uri")).toString().isEmpty())
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("OAuth by redirect needs a link token with a redirect_uri"));
    const QString sessionId = body.value(QLatin1StringView("link_session_id")).toString();
    const QString institutionId = body.value(QLatin1StringView("institution_id")).toString();
    const CatalogInstitution *institution = sessionInstitution(*link, institutionId);
    if (!link->updateItemId.isEmpty())
        institution = sessionInstitution(*link, {});
    if (!institution || !institution->institution.oauth)
        return fail(call, u"INVALID_INSTITUTION",
                    QStringLiteral("this institution does not sign in by OAuth"));
    if (sessionId.isEmpty() || sessionId.size() > 64)
        return fail(call, u"INVALID_FIELD", QStringLiteral("link_session_id is missing"));
    const QDateTime now = m_clock->now();
    m_oauthStates.removeIf([&now](const auto &entry) { return entry.value().expiration <= now; });
    if (m_oauthStates.size() >= kMaxOAuthStates)
        return fail(call, u"RATE_LIMIT", QStringLiteral("too many OAuth sign-ins at once"));
    const QString stateId = ids::hostedLinkId();
    m_oauthStates.insert(stateId, {key, sessionId, institution->institution.institutionId,
                                   now.addSecs(kOAuthStateMinutes * 60)});
    return ok(call, {{QStringLiteral("oauth_state_id"), stateId}});
}

SandboxResponse SandboxApi::oauthInfo(const QJsonObject &body)
{
    Call call = sessionCall(body);
    const auto state =
        m_oauthStates.constFind(body.value(QLatin1StringView("oauth_state_id")).toString());
    if (state == m_oauthStates.constEnd() || state->expiration <= m_clock->now())
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("this sign-in is unknown or has expired"));
    const CatalogInstitution *institution = SandboxCatalog::institution(state->institutionId);
    const LinkTokenRecord link = m_store.linkTokens.value(state->linkTokenHash);
    return ok(call, {{QStringLiteral("institution"),
                      institution ? institutionSummary(*institution) : QJsonObject()},
                     {QStringLiteral("client_name"),
                      link.metadata.value(QLatin1StringView("client_name"))},
                     {QStringLiteral("pending"), state->status == OAuthState::Status::Pending}});
}

SandboxResponse SandboxApi::authorizeOAuth(const QJsonObject &body)
{
    Call call = sessionCall(body);
    const QString stateId = body.value(QLatin1StringView("oauth_state_id")).toString();
    const auto state = m_oauthStates.find(stateId);
    if (state == m_oauthStates.end() || state->expiration <= m_clock->now())
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("this sign-in is unknown or has expired"));
    if (state->status != OAuthState::Status::Pending)
        return fail(call, u"INVALID_FIELD", QStringLiteral("this sign-in was answered already"));
    const auto link = m_store.linkTokens.constFind(state->linkTokenHash);
    if (link == m_store.linkTokens.constEnd())
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("could not find matching link token"));
    state->status = body.value(QLatin1StringView("authorized")).toBool()
                        ? OAuthState::Status::Authorized
                        : OAuthState::Status::Denied;
    QUrl redirect(link->metadata.value(QLatin1StringView("redirect_uri")).toString());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("oauth_state_id"), stateId);
    redirect.setQuery(query);
    return ok(call, {{QStringLiteral("redirect"), redirect.toString(QUrl::FullyEncoded)}});
}

SandboxResponse SandboxApi::resumeOAuth(const QJsonObject &body)
{
    Call call = sessionCall(body);
    LinkTokenRecord *link = nullptr;
    QByteArray key;
    if (auto error = usableLinkToken(call, &link, &key))
        return *error;
    const QString stateId = body.value(QLatin1StringView("oauth_state_id")).toString();
    const auto state = m_oauthStates.constFind(stateId);
    if (state == m_oauthStates.constEnd() || state->linkTokenHash != key ||
        state->expiration <= m_clock->now())
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("receivedRedirectUri names no OAuth sign-in of this link "
                                   "token"));
    if (state->status == OAuthState::Status::Pending)
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("the bank has not answered this sign-in yet"));
    OAuthState resumed = *state; // a copy: the entry is erased next
    m_oauthStates.erase(state);  // once
    const CatalogInstitution *institution = SandboxCatalog::institution(resumed.institutionId);
    return ok(call,
              {{QStringLiteral("link_session_id"), resumed.linkSessionId},
               {QStringLiteral("institution"),
                institution ? institutionSummary(*institution) : QJsonObject()},
               {QStringLiteral("authorized"), resumed.status == OAuthState::Status::Authorized}});
}

} // namespace weft::sandbox
