// SandboxApi: the Link sessions behind the Link emulator. A session starts with a link token
// (start), signs in to an institution with the sandbox credentials (login), and ends with the
// accounts the user picked (complete), which yields a public token as Link's onSuccess does.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxLogin.h"
#include "sandbox/SandboxValidation.h"

#include <QJsonArray>
#include <QUuid>

#include <algorithm>

namespace weft::sandbox {
namespace {

using json::iso;
using json::nullIfEmpty;

constexpr int kMaxFailedLogins = 5;
constexpr int kMaxOpenSessions = 1000;

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

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue entry : array)
        list.append(entry.toString());
    return list;
}

} // namespace

QJsonObject SandboxApi::institutionSummary(const CatalogInstitution &entry)
{
    const plaid::Institution &institution = entry.institution;
    return {{QStringLiteral("institution_id"), institution.institutionId},
            {QStringLiteral("name"), institution.name},
            {QStringLiteral("oauth"), institution.oauth},
            {QStringLiteral("primary_color"), institution.primaryColor},
            {QStringLiteral("url"), institution.url},
            {QStringLiteral("logo"), SandboxCatalog::logoBase64(institution.institutionId)}};
}

SandboxApi::Call SandboxApi::sessionCall(const QJsonObject &body)
{
    Call call;
    call.requestId = ids::requestId();
    call.body = body;
    return call;
}

QByteArray SandboxApi::findLinkToken(const QJsonObject &body) const
{
    const QString token = body.value(QLatin1StringView("link_token")).toString();
    if (!token.isEmpty())
        return m_store.linkTokens.contains(ids::tokenHash(token)) ? ids::tokenHash(token)
                                                                  : QByteArray();
    // A Hosted Link page knows its hosted_link_id, not the link token.
    const QString hostedId = body.value(QLatin1StringView("hosted_link_id")).toString();
    if (hostedId.isEmpty())
        return {};
    const QByteArray hostedHash = ids::tokenHash(hostedId);
    for (auto it = m_store.linkTokens.cbegin(); it != m_store.linkTokens.cend(); ++it) {
        if (it->hostedLinkHash == hostedHash)
            return it.key();
    }
    return {};
}

std::optional<SandboxResponse> SandboxApi::usableLinkToken(const Call &call, LinkTokenRecord **link,
                                                           QByteArray *key)
{
    const QByteArray hash = findLinkToken(call.body);
    const auto it = m_store.linkTokens.find(hash);
    if (hash.isEmpty() || it == m_store.linkTokens.end())
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
    if (key)
        *key = hash;
    return std::nullopt;
}

void SandboxApi::recordSession(LinkTokenRecord *link, const QString &sessionId, QJsonObject fields)
{
    fields.insert(QStringLiteral("link_session_id"), sessionId);
    fields.insert(QStringLiteral("started_at"),
                  iso(m_sessionStarts.value(sessionId, link->createdAt)));
    fields.insert(QStringLiteral("finished_at"), iso(m_clock->now()));
    m_sessionStarts.remove(sessionId);
    link->sessions.append(fields);
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
    const QString sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_sessionStarts.size() >= kMaxOpenSessions)
        m_sessionStarts.clear(); // sessions started and never ended: forget them, not the tokens
    m_sessionStarts.insert(sessionId, m_clock->now());
    QJsonObject answer{
        {QStringLiteral("link_session_id"), sessionId},
        {QStringLiteral("client_name"), link->metadata.value(QLatin1StringView("client_name"))},
        {QStringLiteral("language"), link->metadata.value(QLatin1StringView("language"))},
        {QStringLiteral("update_mode"), !link->updateItemId.isEmpty()},
        {QStringLiteral("account_selection"), link->accountSelection},
        {QStringLiteral("expiration"), iso(link->expiration)}};
    // The page sends OAuth banks' sign-in by redirect when the token has a redirect_uri.
    answer.insert(QStringLiteral("redirect_uri"),
                  link->metadata.value(QLatin1StringView("redirect_uri")));
    if (!link->hostedLinkHash.isEmpty()) {
        answer.insert(QStringLiteral("hosted"), true);
        answer.insert(QStringLiteral("completion_redirect_uri"),
                      nullIfEmpty(link->completionRedirectUri));
    }
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
    QByteArray linkKey;
    if (auto error = usableLinkToken(call, &link, &linkKey))
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
    QStringList shared;      // update mode: what the Item shares now
    QStringList newAccounts; // opened at the bank since the user last chose
    if (!link->updateItemId.isEmpty()) {
        const ItemRecord item = m_store.items.value(link->updateItemId);
        accounts = item.accounts;
        for (const plaid::Account &account : item.accounts)
            shared.append(account.accountId);
        if (link->accountSelection) {
            accounts += item.unsharedAccounts;
            newAccounts = item.newAccountIds;
        }
    } else {
        accounts = SandboxCatalog::newAccounts(*institution);
    }
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
        if (link->accountSelection) {
            entry.insert(QStringLiteral("shared"), shared.contains(account.accountId));
            entry.insert(QStringLiteral("new"), newAccounts.contains(account.accountId));
        }
        offered.append(entry);
    }
    if (eligible.isEmpty())
        return fail(call, u"NO_ACCOUNTS");
    const QString sessionId = body.value(QLatin1StringView("link_session_id")).toString();
    m_pendingLogins.insert(sessionId, {linkKey, institution->institution.institutionId, eligible});
    return ok(call, {{QStringLiteral("accounts"), offered},
                     {QStringLiteral("institution"), institutionSummary(*institution)}});
}

SandboxResponse SandboxApi::completeSession(const QJsonObject &body)
{
    Call call = sessionCall(body);
    LinkTokenRecord *link = nullptr;
    QByteArray tokenHash;
    if (auto error = usableLinkToken(call, &link, &tokenHash))
        return *error;
    call.clientId = link->clientId;
    const QString sessionId = body.value(QLatin1StringView("link_session_id")).toString();
    PendingLogin pending = m_pendingLogins.value(sessionId);
    if (pending.linkTokenHash != tokenHash) {
        // No earlier login in this session: sign in now.
        SandboxResponse login = loginSession(body);
        if (login.status != 200 || login.body.contains(QLatin1StringView("mfa_required")))
            return login;
        pending = m_pendingLogins.value(sessionId);
    }
    m_pendingLogins.remove(sessionId);

    const QStringList wanted = stringsOf(body.value(QLatin1StringView("account_ids")));
    QList<plaid::Account> kept;
    QList<plaid::Account> notChosen;
    QJsonArray selected;
    for (const plaid::Account &account : std::as_const(pending.accounts)) {
        if (!wanted.isEmpty() && !wanted.contains(account.accountId)) {
            notChosen.append(account);
            continue;
        }
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
        m_store.items[itemId].unsharedAccounts = notChosen;
    }
    auto item = m_store.items.find(itemId);
    if (item == m_store.items.end())
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("the Item of this update-mode link token was removed"));
    item->item.error.reset(); // the user signed in again: update mode repairs the Item
    if (!link->updateItemId.isEmpty() && link->accountSelection) {
        // The user chose again: the Item shares exactly those. Accounts the token's filters
        // hid from the choice stay as they were.
        const auto offered = [&](const plaid::Account &account) {
            return std::any_of(
                pending.accounts.cbegin(), pending.accounts.cend(),
                [&](const plaid::Account &a) { return a.accountId == account.accountId; });
        };
        for (const plaid::Account &account : std::as_const(item->accounts)) {
            if (!offered(account))
                kept.append(account);
        }
        for (const plaid::Account &account : std::as_const(item->unsharedAccounts)) {
            if (!offered(account))
                notChosen.append(account);
        }
        item->accounts = kept;
        item->unsharedAccounts = notChosen;
        item->newAccountIds.clear();
    }
    link->completed = true;

    const QString publicToken = issuePublicToken(link->clientId, itemId);
    const QJsonObject institution{{QStringLiteral("name"), item->item.institutionName},
                                  {QStringLiteral("institution_id"), item->item.institutionId}};
    const QJsonObject metadata{{QStringLiteral("institution"), institution},
                               {QStringLiteral("accounts"), selected},
                               {QStringLiteral("link_session_id"), sessionId}};
    // Plaid reports both: results.item_add_results, and on_success for older integrations.
    const QJsonObject itemAdd{{QStringLiteral("public_token"), publicToken},
                              {QStringLiteral("accounts"), selected},
                              {QStringLiteral("institution"), institution}};
    const QJsonObject results{{QStringLiteral("item_add_results"), QJsonArray{itemAdd}},
                              {QStringLiteral("cra_item_add_results"), QJsonArray()},
                              {QStringLiteral("cra_update_results"), QJsonArray()},
                              {QStringLiteral("bank_income_results"), QJsonArray()},
                              {QStringLiteral("payroll_income_results"), QJsonArray()},
                              {QStringLiteral("document_income_results"), QJsonValue::Null}};
    recordSession(
        link, sessionId,
        {{QStringLiteral("results"), results},
         {QStringLiteral("on_success"), QJsonObject{{QStringLiteral("public_token"), publicToken},
                                                    {QStringLiteral("metadata"), metadata}}}});
    stateChanged();
    QJsonObject answer = metadata;
    answer.insert(QStringLiteral("public_token"), publicToken);
    return ok(call, answer);
}

namespace {

// onExit's error as Link reports it: the four documented fields, or null. Nothing else is
// taken from the page.
std::optional<QJsonValue> exitError(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject error = value.toObject();
    const QJsonValue type = error.value(QLatin1StringView("error_type"));
    const QJsonValue code = error.value(QLatin1StringView("error_code"));
    const QJsonValue message = error.value(QLatin1StringView("error_message"));
    const QJsonValue display = error.value(QLatin1StringView("display_message"));
    if (!value.isObject() || !type.isString() || !code.isString() || !message.isString() ||
        !(display.isString() || display.isNull() || display.isUndefined()))
        return std::nullopt;
    return QJsonObject{
        {QStringLiteral("error_type"), type},
        {QStringLiteral("error_code"), code},
        {QStringLiteral("error_message"), message},
        {QStringLiteral("display_message"), display.isString() ? display : QJsonValue()}};
}

} // namespace

SandboxResponse SandboxApi::exitSession(const QJsonObject &body)
{
    Call call = sessionCall(body);
    const QByteArray key = findLinkToken(body);
    const auto link = m_store.linkTokens.find(key);
    if (key.isEmpty() || link == m_store.linkTokens.end())
        return fail(call, u"INVALID_LINK_TOKEN",
                    QStringLiteral("could not find matching link token"));
    const QString sessionId = body.value(QLatin1StringView("link_session_id")).toString();
    const std::optional<QJsonValue> error = exitError(body.value(QLatin1StringView("error")));
    const QJsonObject given = body.value(QLatin1StringView("metadata")).toObject();
    if (sessionId.isEmpty() || sessionId.size() > 64 || !error)
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("exit needs link_session_id and Link's onExit error"));
    for (const QJsonValue session : std::as_const(link->sessions)) {
        if (session.toObject().value(QLatin1StringView("link_session_id")) == sessionId)
            return fail(call, u"INVALID_FIELD", QStringLiteral("that session has ended"));
    }
    QJsonObject metadata{
        {QStringLiteral("link_session_id"), sessionId},
        {QStringLiteral("status"), given.value(QLatin1StringView("status")).toString()}};
    const QJsonObject institution = given.value(QLatin1StringView("institution")).toObject();
    const QString institutionId = institution.value(QLatin1StringView("institution_id")).toString();
    if (const CatalogInstitution *entry = SandboxCatalog::institution(institutionId)) {
        metadata.insert(QStringLiteral("institution"),
                        QJsonObject{{QStringLiteral("name"), entry->institution.name},
                                    {QStringLiteral("institution_id"), institutionId}});
    } else {
        metadata.insert(QStringLiteral("institution"), QJsonValue::Null);
    }
    const QJsonValue requestId = given.value(QLatin1StringView("request_id"));
    if (requestId.isString())
        metadata.insert(QStringLiteral("request_id"), requestId.toString().left(64));
    m_pendingLogins.remove(sessionId);
    recordSession(&*link, sessionId,
                  {{QStringLiteral("exit"), QJsonObject{{QStringLiteral("error"), *error},
                                                        {QStringLiteral("metadata"), metadata}}},
                   {QStringLiteral("results"), QJsonValue::Null}});
    return ok(call, {});
}

} // namespace weft::sandbox
