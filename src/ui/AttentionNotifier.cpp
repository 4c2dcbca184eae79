#include "ui/AttentionNotifier.h"

#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "ui/DesktopNotifier.h"
#include "vault/ItemStore.h"

namespace weft::ui {

AttentionNotifier::AttentionNotifier(DesktopNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
{
}

void AttentionNotifier::watch(items::ItemService *service, items::ItemRefresher *refresher)
{
    if (m_refresher)
        disconnect(m_refresher, nullptr, this, nullptr);
    m_service = service;
    m_refresher = refresher;
    if (refresher) {
        connect(refresher, &items::ItemRefresher::itemRefreshed, this,
                [this](const QString &itemId) { onRefreshed(itemId); });
    }
}

void AttentionNotifier::onRefreshed(const QString &itemId)
{
    if (!m_service)
        return;
    const vault::ItemRecord *record = m_service->store()->item(itemId);
    if (!record || !m_service->belongsHere(*record))
        return;
    if (!items::ItemService::needsUser(*record)) {
        m_told.remove(itemId); // fine again: the next need is news
        return;
    }
    if (m_told.value(itemId) == record->errorCode)
        return;
    m_told.insert(itemId, record->errorCode);
    m_notifier->notify(tr("%1 needs you").arg(items::ItemService::displayName(*record)),
                       tr("%1. %2 in Weft.")
                           .arg(items::ItemService::statusText(*record),
                                items::ItemService::userActionText(*record)));
}

} // namespace weft::ui
