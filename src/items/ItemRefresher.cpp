#include "items/ItemRefresher.h"

#include "core/Clock.h"
#include "items/ItemRefreshJob.h"
#include "items/ItemService.h"
#include "items/RemoteItems.h"
#include "vault/ItemStore.h"

namespace weft::items {

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
    if (m_runContext) // the last run's jobs have all finished; one may still be on the stack
        m_runContext->deleteLater();
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
    if (RemoteItems *remote = m_service->remote()) {
        // The provider's server holds the token: it asks Plaid, and answers with the Item.
        remote->refreshItem(itemId, m_runContext, [this, itemId](const QString &problem) {
            finishItem(itemId, problem.isEmpty(), problem);
        });
        return;
    }
    auto *job = new ItemRefreshJob(m_service, m_clock, &m_institutions, itemId, m_runContext);
    connect(job, &ItemRefreshJob::finished, this,
            [this, job](const QString &id, bool ok, const QString &problem) {
                job->deleteLater();
                finishItem(id, ok, problem);
            });
    job->start();
}

void ItemRefresher::finishItem(const QString &itemId, bool ok, const QString &problem)
{
    if (!m_inFlight.remove(itemId))
        return;
    vault::ItemStore *store = m_service->store();
    if (const vault::ItemRecord *known = store->item(itemId);
        known && !ok && known->refreshProblem != problem) {
        // Shown beside the Item until a refresh succeeds.
        store->update(itemId, [&](vault::ItemRecord &record) { record.refreshProblem = problem; });
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
