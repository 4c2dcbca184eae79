#include "items/ItemRefresher.h"

#include "core/Clock.h"
#include "items/ItemService.h"
#include "plaid/PlaidClient.h"
#include "vault/ItemStore.h"

namespace weft::items {
namespace {

void applyItem(vault::ItemRecord &record, const plaid::Item &item)
{
    if (item.error) {
        record.errorType = item.error->errorType;
        record.errorCode = item.error->errorCode;
        record.errorMessage = item.error->errorMessage;
        record.displayMessage = item.error->displayMessage;
    } else {
        record.errorType.clear();
        record.errorCode.clear();
        record.errorMessage.clear();
        record.displayMessage.clear();
    }
    if (!item.institutionId.isEmpty())
        record.institutionId = item.institutionId;
    if (!item.institutionName.isEmpty())
        record.institutionName = item.institutionName;
    record.availableProducts = item.availableProducts;
    record.billedProducts = item.billedProducts;
    record.consentExpiration = item.consentExpirationTime;
    record.updateType = item.updateType;
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

} // namespace

ItemRefresher::ItemRefresher(ItemService *service, Clock *clock, int maxInFlight, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_clock(clock)
    , m_maxInFlight(std::max(1, maxInFlight))
{
}

void ItemRefresher::refresh(const QStringList &itemIds)
{
    if (isRunning()) {
        for (const QString &id : itemIds) {
            if (!m_queue.contains(id) && !m_inFlight.contains(id)) {
                m_queue.append(id);
                ++m_total;
            }
        }
        emit progress(m_done, m_total);
        return;
    }
    m_queue = itemIds;
    m_total = int(itemIds.size());
    m_done = 0;
    m_failed = 0;
    m_canceled = false;
    m_institutions.clear();
    delete m_runContext;
    m_runContext = new QObject(this);
    emit progress(0, m_total);
    if (m_total == 0) {
        emit finished(0, 0, false);
        return;
    }
    startMore();
}

void ItemRefresher::cancel()
{
    if (!isRunning())
        return;
    m_canceled = true;
    const int refreshed = m_done - m_failed;
    const int failed = m_failed;
    m_queue.clear();
    m_inFlight.clear();
    delete m_runContext; // answers still on their way find no one
    m_runContext = nullptr;
    m_total = 0;
    emit finished(refreshed, failed, true);
}

void ItemRefresher::startMore()
{
    while (!m_queue.isEmpty() && m_inFlight.size() < m_maxInFlight) {
        const QString itemId = m_queue.takeFirst();
        m_inFlight.insert(itemId);
        startItem(itemId);
    }
}

void ItemRefresher::startItem(const QString &itemId)
{
    vault::ItemStore *store = m_service->store();
    const vault::ItemRecord *record = store->item(itemId);
    if (!record) {
        finishItem(itemId, false, tr("no such Item"));
        return;
    }
    if (record->environment != m_service->environment()) {
        finishItem(
            itemId, false,
            tr("belongs to the %1 environment; switch to it to refresh").arg(record->environment));
        return;
    }
    QObject *run = m_runContext;
    m_service->withAccessToken(itemId, run, [this, itemId, run](const vault::SecretResult &token) {
        if (!token.ok()) {
            finishItem(itemId, false,
                       token.status == vault::SecretStatus::NotFound
                           ? tr("the access token is missing from the keychain")
                           : token.describe());
            return;
        }
        plaid::PlaidClient *client = m_service->client();
        client->getItem(
            token.secret, run,
            [this, itemId, run, client,
             secret = token.secret](const plaid::PlaidResult<plaid::ItemDetails> &item) {
                vault::ItemStore *store = m_service->store();
                auto current = stillListed(itemId);
                if (!current)
                    return;
                vault::ItemRecord record = *current;
                record.addRequestId(item.requestId);
                if (!item.ok()) {
                    record.refreshProblem = item.describe();
                    store->upsert(record);
                    finishItem(itemId, false, item.describe());
                    return;
                }
                applyItem(record, item.value.item);
                record.lastRefresh = m_clock->now();
                record.refreshProblem.clear();
                store->upsert(record);
                client->getAccounts(
                    secret, run,
                    [this, itemId, run,
                     client](const plaid::PlaidResult<plaid::AccountsList> &accounts) {
                        vault::ItemStore *store = m_service->store();
                        auto current = stillListed(itemId);
                        if (!current)
                            return;
                        vault::ItemRecord record = *current;
                        record.addRequestId(accounts.requestId);
                        QString problem;
                        if (accounts.ok()) {
                            applyAccounts(record, accounts.value.accounts);
                        } else if (accounts.status == plaid::PlaidStatus::ApiError &&
                                   accounts.apiError.errorType == u"ITEM_ERROR") {
                            record.errorType = accounts.apiError.errorType; // the Item's own state
                            record.errorCode = accounts.apiError.errorCode;
                            record.errorMessage = accounts.apiError.errorMessage;
                            record.displayMessage = accounts.apiError.displayMessage;
                        } else {
                            problem = accounts.describe();
                            record.refreshProblem = problem;
                        }
                        store->upsert(record);
                        const QString institutionId = record.institutionId;
                        if (institutionId.isEmpty() || m_institutions.contains(institutionId) ||
                            !problem.isEmpty()) {
                            if (m_institutions.contains(institutionId)) {
                                record.institutionLogo = m_institutions.value(institutionId).logo;
                                record.institutionColor =
                                    m_institutions.value(institutionId).primaryColor;
                                store->upsert(record);
                            }
                            finishItem(itemId, problem.isEmpty(), problem);
                            return;
                        }
                        plaid::InstitutionGetRequest request;
                        request.institutionId = institutionId;
                        request.countryCodes = {QStringLiteral("US"), QStringLiteral("GB"),
                                                QStringLiteral("CA"), QStringLiteral("FR"),
                                                QStringLiteral("ES"), QStringLiteral("NL"),
                                                QStringLiteral("IE"), QStringLiteral("DE")};
                        client->getInstitution(
                            request, run,
                            [this, itemId,
                             institutionId](const plaid::PlaidResult<plaid::Institution> &r) {
                                vault::ItemStore *store = m_service->store();
                                const vault::ItemRecord *known = store->item(itemId);
                                if (r.ok() && known) {
                                    m_institutions.insert(institutionId, r.value);
                                    vault::ItemRecord record = *known;
                                    record.institutionName = r.value.name;
                                    record.institutionLogo = r.value.logo;
                                    record.institutionColor = r.value.primaryColor;
                                    record.addRequestId(r.requestId);
                                    store->upsert(record);
                                }
                                // The institution's logo is a nicety: its failure is not the
                                // Item's.
                                finishItem(itemId, true, {});
                            });
                    });
            });
    });
}

std::optional<vault::ItemRecord> ItemRefresher::stillListed(const QString &itemId)
{
    if (const vault::ItemRecord *record = m_service->store()->item(itemId))
        return *record;
    finishItem(itemId, false, tr("removed while refreshing"));
    return std::nullopt;
}

void ItemRefresher::finishItem(const QString &itemId, bool ok, const QString &problem)
{
    if (!m_inFlight.remove(itemId))
        return;
    vault::ItemStore *store = m_service->store();
    if (const vault::ItemRecord *known = store->item(itemId);
        known && !ok && known->refreshProblem != problem) {
        vault::ItemRecord record = *known;
        record.refreshProblem = problem; // shown beside the Item until a refresh succeeds
        store->upsert(record);
    }
    ++m_done;
    if (!ok)
        ++m_failed;
    emit itemRefreshed(itemId, ok, problem);
    emit progress(m_done, m_total);
    if (m_done >= m_total) {
        const int refreshed = m_done - m_failed;
        const int failed = m_failed;
        m_total = 0;
        emit finished(refreshed, failed, false);
        return;
    }
    startMore();
}

} // namespace weft::items
