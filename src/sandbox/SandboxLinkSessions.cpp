// SandboxApi: the Link sessions behind the Link emulator. A session starts with a link token
// (start), signs in to an institution with the sandbox credentials (login), and ends with the
// accounts the user picked (complete), which yields a public token as Link's onSuccess does.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxLogin.h"
#include "sandbox/SandboxValidation.h"

#include <QJsonArray>
#include <QUuid>

namespace weft::sandbox {
namespace {

constexpr int kMaxFailedLogins = 5;

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

bool passesFilters(const plaid::Account &account, const QJsonObject &filters)
{
    if (filters.isEmpty())
        return true;
    const QJsonValue filter = filters.value(account.type);
    if (!filter.isObject())
        return false;
    const QJsonArray subtypes =
        filter.toObject().value(QLatin1StringView("account_subtypes")).toArray();
    return subtypes.contains(QStringLiteral("all")) || subtypes.contains(account.subtype);
}

QJsonObject accountMetadata(const plaid::Account &account)
{
    return {{QStringLiteral("id"), account.accountId},
            {QStringLiteral("name"), account.name},
            {QStringLiteral("mask"), nullIfEmpty(account.mask)},
            {QStringLiteral("type"), account.type},
            {QStringLiteral("subtype"), nullIfEmpty(account.subtype)},
            {QStringLiteral("verification_status"), QJsonValue(QJsonValue::Null)}};
}

QJsonObject institutionSummary(const CatalogInstitution &entry)
{
    const plaid::Institution &institution = entry.institution;
    return {{QStringLiteral("institution_id"), institution.institutionId},
            {QStringLiteral("name"), institution.name},
            {QStringLiteral("oauth"), institution.oauth},
            {QStringLiteral("primary_color"), institution.primaryColor},
            {QStringLiteral("url"), institution.url},
            {QStringLiteral("logo"), SandboxCatalog::logoBase64(institution.institutionId)}};
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array)
        list.append(entry.toString());
    return list;
}

} // namespace

SandboxApi::Call SandboxApi::sessionCall(const QJsonObject &body)
{
    Call call;
    call.requestId = ids::requestId();
    call.body = body;
    return call;
}

std::optional<SandboxResponse> SandboxApi::usableLinkToken(const Call &call, LinkTokenRecord **link)
{
    const QString token = call.body.value(QLatin1StringView("link_token")).toString();
    const auto it = m_store.linkTokens.find(ids::tokenHash(token));
    if (token.isEmpty() || it == m_store.linkTokens.end())
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("could not find matching link token"));
    if (it->expiration <= m_clock->now()) {
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("provided link token is expired. Link tokens expire %1 hours "
                                   "after creation (%2 minutes in update mode)")
                        .arg(kLinkTokenHours)
                        .arg(kUpdateLinkTokenMinutes));
    }
    if (it->completed) {
        return fail(
            call, u"INVALID_LINK_TOKEN",
            QStringLiteral("provided link token is no longer valid: it was used to complete "
                           "a Link session, or invalidated"));
    }
    *link = &*it;
    return std::nullopt;
}

const CatalogInstitution *SandboxApi::sessionInstitution(const LinkTokenRecord &link,
                                                         const QString &requested) const
{
    if (!link.updateItemId.isEmpty()) {
        const auto item = m_store.items.constFind(link.updateItemId);
        return item == m_store.items.constEnd()
                   ? nullptr
                   : SandboxCatalog::institution(item->item.institutionId);
    }
    const CatalogInstitution *entry = SandboxCatalog::institution(requested);
    if (!entry)
        return nullptr;
    const QStringList products =
        stringsOf(link.metadata.value(QLatin1StringView("initial_products")));
    const QStringList countries =
        stringsOf(link.metadata.value(QLatin1StringView("country_codes")));
    const bool offersProducts = validation::notIn(products, entry->institution.products).isEmpty();
    const bool inCountry =
        validation::notIn(countries, entry->institution.countryCodes).size() < countries.size();
    return offersProducts && inCountry ? entry : nullptr;
}

SandboxResponse SandboxApi::startSession(const QJsonObject &body)
{
    Call call = sessionCall(body);
    LinkTokenRecord *link = nullptr;
    if (auto error = usableLinkToken(call, &link))
        return *error;
    QJsonObject answer{
        {QStringLiteral("link_session_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("client_name"), link->metadata.value(QLatin1StringView("client_name"))},
        {QStringLiteral("language"), link->metadata.value(QLatin1StringView("language"))},
        {QStringLiteral("update_mode"), !link->updateItemId.isEmpty()},
        {QStringLiteral("expiration"), iso(link->expiration)}};
    if (!link->updateItemId.isEmpty()) {
        const CatalogInstitution *entry = sessionInstitution(*link, {});
        if (!entry)
            return fail(call, u"INVALID_LINK_TOKEN",
                        QStringLiteral("the Item of this update-mode link token was removed"));
        answer.insert(QStringLiteral("institution"), institutionSummary(*entry));
    } else {
        QJsonArray institutions;
        for (const CatalogInstitution &entry : SandboxCatalog::institutions()) {
            if (sessionInstitution(*link, entry.institution.institutionId))
                institutions.append(institutionSummary(entry));
        }
        answer.insert(QStringLiteral("institutions"), institutions);
    }
    return ok(call, answer);
}

SandboxResponse SandboxApi::loginSession(const QJsonObject &body)
{
    Call call = sessionCall(body);
    LinkTokenRecord *link = nullptr;
    if (auto error = usableLinkToken(call, &link))
        return *error;
    const CatalogInstitution *institution =
        sessionInstitution(*link, body.value(QLatin1StringView("institution_id")).toString());
    if (!institution && !link->updateItemId.isEmpty())
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("the Item of this update-mode link token was removed"));
    if (!institution)
        return fail(call, u"INVALID_INSTITUTION");
    const LoginOutcome login =
        checkSandboxLogin(body.value(QLatin1StringView("username")).toString(),
                          body.value(QLatin1StringView("password")).toString(),
                          body.value(QLatin1StringView("mfa_code")).toString());
    if (login.kind == LoginOutcome::Kind::MfaRequired)
        return ok(call, {{QStringLiteral("mfa_required"), login.mfaType}});
    if (login.kind == LoginOutcome::Kind::Failed) {
        const QString &code = login.error.errorCode;
        if (code == u"INVALID_CREDENTIALS" || code == u"INVALID_MFA") {
            if (++link->failedLogins >= kMaxFailedLogins)
                link->completed = true; // too many attempts: Plaid invalidates the link token
        }
        if (code == u"INVALID_LINK_TOKEN")
            link->completed = true;
        stateChanged();
        return fail(call.requestId, login.error);
    }
    QList<plaid::Account> accounts;
    if (!link->updateItemId.isEmpty())
        accounts = m_store.items.value(link->updateItemId).accounts;
    else
        accounts = SandboxCatalog::newAccounts(*institution);
    const QJsonObject filters =
        link->metadata.value(QLatin1StringView("account_filters")).toObject();
    QJsonArray offered;
    QList<plaid::Account> eligible;
    for (const plaid::Account &account : std::as_const(accounts)) {
        if (!passesFilters(account, filters))
            continue;
        eligible.append(account);
        QJsonObject entry = accountMetadata(account);
        entry.insert(QStringLiteral("balances"), account.balances.toJson());
        offered.append(entry);
    }
    if (eligible.isEmpty())
        return fail(call, u"NO_ACCOUNTS");
    const QString sessionId = body.value(QLatin1StringView("link_session_id")).toString();
    m_pendingLogins.insert(sessionId,
                           {ids::tokenHash(body.value(QLatin1StringView("link_token")).toString()),
                            institution->institution.institutionId, eligible});
    return ok(call, {{QStringLiteral("accounts"), offered},
                     {QStringLiteral("institution"), institutionSummary(*institution)}});
}

SandboxResponse SandboxApi::completeSession(const QJsonObject &body)
{
    Call call = sessionCall(body);
    LinkTokenRecord *link = nullptr;
    if (auto error = usableLinkToken(call, &link))
        return *error;
    call.clientId = link->clientId;
    const QString sessionId = body.value(QLatin1StringView("link_session_id")).toString();
    const QByteArray tokenHash =
        ids::tokenHash(body.value(QLatin1StringView("link_token")).toString());
    PendingLogin pending = m_pendingLogins.value(sessionId);
    if (pending.linkTokenHash != tokenHash) {
        // No earlier login in this session: sign in now.
        const SandboxResponse login = loginSession(body);
        if (login.status != 200 || login.body.contains(QLatin1StringView("mfa_required")))
            return login;
        pending = m_pendingLogins.value(sessionId);
    }
    m_pendingLogins.remove(sessionId);

    const QStringList wanted = stringsOf(body.value(QLatin1StringView("account_ids")));
    QList<plaid::Account> kept;
    QJsonArray selected;
    for (const plaid::Account &account : std::as_const(pending.accounts)) {
        if (!wanted.isEmpty() && !wanted.contains(account.accountId))
            continue;
        kept.append(account);
        selected.append(accountMetadata(account));
    }
    if (kept.isEmpty())
        return fail(call, u"NO_ACCOUNTS",
                    QStringLiteral("none of the selected accounts is available"));

    QString itemId = link->updateItemId;
    if (itemId.isEmpty()) {
        const QStringList products =
            stringsOf(link->metadata.value(QLatin1StringView("initial_products")));
        createItem(link->clientId, pending.institutionId, products,
                   link->metadata.value(QLatin1StringView("webhook")).toString(), &itemId);
        m_store.items[itemId].accounts = kept;
    }
    auto item = m_store.items.find(itemId);
    if (item == m_store.items.end())
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("the Item of this update-mode link token was removed"));
    item->item.error.reset(); // the user signed in again: update mode repairs the Item
    link->completed = true;

    const QString publicToken = issuePublicToken(link->clientId, itemId);
    const QJsonObject institution{{QStringLiteral("name"), item->item.institutionName},
                                  {QStringLiteral("institution_id"), item->item.institutionId}};
    const QJsonObject metadata{{QStringLiteral("institution"), institution},
                               {QStringLiteral("accounts"), selected},
                               {QStringLiteral("link_session_id"), sessionId}};
    link->sessions.append(QJsonObject{
        {QStringLiteral("link_session_id"), sessionId},
        {QStringLiteral("started_at"), iso(link->createdAt)},
        {QStringLiteral("finished_at"), iso(m_clock->now())},
        {QStringLiteral("on_success"), QJsonObject{{QStringLiteral("public_token"), publicToken},
                                                   {QStringLiteral("metadata"), metadata}}}});
    stateChanged();
    QJsonObject answer = metadata;
    answer.insert(QStringLiteral("public_token"), publicToken);
    return ok(call, answer);
}

} // namespace weft::sandbox
