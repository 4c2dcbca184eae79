#include "items/ItemRefreshJob.h"

#include "core/Clock.h"
#include "items/ItemService.h"
#include "plaid/PlaidClient.h"
#include "vault/ItemStore.h"

namespace weft::items {
namespace {

void applyError(vault::ItemRecord &record, const std::optional<plaid::PlaidError> &error)
{
    record.errorType = error ? error->errorType : QString();
    record.errorCode = error ? error->errorCode : QString();
    record.errorMessage = error ? error->errorMessage : QString();
    record.displayMessage = error ? error->displayMessage : QString();
}

void applyItem(vault::ItemRecord &record, const plaid::Item &item)
{
    applyError(record, item.error);
    if (!item.institutionId.isEmpty())
        record.institutionId = item.institutionId;
    if (!item.institutionName.isEmpty())
        record.institutionName = item.institutionName;
    record.availableProducts = item.availableProducts;
    record.billedProducts = item.billedProducts;
    record.consentExpiration = item.consentExpirationTime;
    record.updateType = item.updateType;
    record.webhook = item.webhook;
}

void applyAccounts(vault::ItemRecord &record, const QList<plaid::Account> &accounts)
{
    record.accounts.clear();
    for (const plaid::Account &a : accounts) {
        record.accounts.append({a.accountId, a.name, a.officialName, a.mask, a.type, a.subtype,
                                a.balances.available, a.balances.current, a.balances.limit,
                                a.balances.isoCurrencyCode});
    }
}

void applyInstitution(vault::ItemRecord &record, const plaid::Institution &institution)
{
    if (!institution.name.isEmpty())
        record.institutionName = institution.name;
    record.institutionLogo = institution.logo;
    record.institutionColor = institution.primaryColor;
}

} // namespace

ItemRefreshJob::ItemRefreshJob(ItemService *service, Clock *clock, InstitutionCache *institutions,
                               QString itemId, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_clock(clock)
    , m_institutions(institutions)
    , m_itemId(std::move(itemId))
{
}

void ItemRefreshJob::start()
{
    const vault::ItemRecord *record = m_service->store()->item(m_itemId);
    if (!record) {
        finish(false, tr("no such Item"));
        return;
    }
    if (!m_service->belongsHere(*record)) {
        finish(
            false,
            tr("belongs to the %1 environment; switch to it to refresh").arg(record->environment));
        return;
    }
    m_service->withAccessToken(m_itemId, this, [this](const vault::SecretResult &token) {
        if (!token.ok()) {
            finish(false, token.status == vault::SecretStatus::NotFound
                              ? tr("the access token is missing from the keychain")
                              : token.describe());
            return;
        }
        m_accessToken = token.secret;
        fetchItem();
    });
}

void ItemRefreshJob::fetchItem()
{
    m_service->client()->getItem(
        m_accessToken, this, [this](const plaid::PlaidResult<plaid::ItemDetails> &item) {
            if (!stillListed())
                return;
            m_service->store()->update(m_itemId, [&](vault::ItemRecord &record) {
                record.addRequestId(item.requestId);
                if (!item.ok()) {
                    record.refreshProblem = item.describe();
                    return;
                }
                applyItem(record, item.value.item);
                record.lastRefresh = m_clock->now();
                record.refreshProblem.clear();
            });
            if (!item.ok()) {
                finish(false, item.describe());
                return;
            }
            fetchAccounts();
        });
}

void ItemRefreshJob::fetchAccounts()
{
    m_service->client()->getAccounts(
        m_accessToken, this, [this](const plaid::PlaidResult<plaid::AccountsList> &accounts) {
            if (!stillListed())
                return;
            QString problem;
            QString institutionId;
            m_service->store()->update(m_itemId, [&](vault::ItemRecord &record) {
                record.addRequestId(accounts.requestId);
                if (accounts.ok()) {
                    applyAccounts(record, accounts.value.accounts);
                } else if (accounts.status == plaid::PlaidStatus::ApiError &&
                           accounts.apiError.errorType == u"ITEM_ERROR") {
                    applyError(record, accounts.apiError); // the Item's own state
                } else {
                    problem = accounts.describe();
                    record.refreshProblem = problem;
                }
                institutionId = record.institutionId;
            });
            if (!problem.isEmpty()) {
                finish(false, problem);
                return;
            }
            fetchInstitution(institutionId);
        });
}

void ItemRefreshJob::fetchInstitution(const QString &institutionId)
{
    if (institutionId.isEmpty()) {
        finish(true);
        return;
    }
    if (const auto known = m_institutions->constFind(institutionId);
        known != m_institutions->constEnd()) {
        m_service->store()->update(
            m_itemId, [&](vault::ItemRecord &record) { applyInstitution(record, *known); });
        finish(true);
        return;
    }
    plaid::InstitutionGetRequest request;
    request.institutionId = institutionId;
    request.countryCodes = {QStringLiteral("US"), QStringLiteral("GB"), QStringLiteral("CA"),
                            QStringLiteral("FR"), QStringLiteral("ES"), QStringLiteral("NL"),
                            QStringLiteral("IE"), QStringLiteral("DE")};
    m_service->client()->getInstitution(
        request, this, [this, institutionId](const plaid::PlaidResult<plaid::Institution> &r) {
            if (r.ok()) {
                m_institutions->insert(institutionId, r.value);
                m_service->store()->update(m_itemId, [&](vault::ItemRecord &record) {
                    applyInstitution(record, r.value);
                    record.addRequestId(r.requestId);
                });
            }
            // The institution's logo is a nicety: its failure is not the Item's.
            finish(true);
        });
}

bool ItemRefreshJob::stillListed()
{
    if (m_service->store()->item(m_itemId))
        return true;
    finish(false, tr("removed while refreshing"));
    return false;
}

void ItemRefreshJob::finish(bool ok, const QString &problem)
{
    if (m_finished)
        return;
    m_finished = true;
    m_accessToken.clear();
    emit finished(m_itemId, ok, problem);
}

} // namespace weft::items
