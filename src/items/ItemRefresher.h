#pragma once

#include "items/ItemRefreshJob.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace weft {
class Clock;
}

namespace weft::items {

class ItemService;

// Refreshes Items from Plaid: /item/get, /accounts/get and the institution's metadata (once
// per institution per run), a bounded number of Items at a time. Each Item's outcome is
// recorded on it (status and error, or the problem that kept it from refreshing); no Item is
// ever dropped. Cancellable: Items not started yet are left as they were.
class ItemRefresher : public QObject
{
    Q_OBJECT

public:
    ItemRefresher(ItemService *service, Clock *clock, int maxInFlight = 4,
                  QObject *parent = nullptr);

    void refresh(const QStringList &itemIds);
    void cancel();
    bool isRunning() const { return m_total > 0; }

signals:
    void progress(int done, int total);
    void itemRefreshed(const QString &itemId, bool ok, const QString &problem);
    void finished(int refreshed, int failed, bool canceled);

private:
    void startMore();
    void startItem(const QString &itemId);
    void finishItem(const QString &itemId, bool ok, const QString &problem);

    ItemService *m_service;
    Clock *m_clock;
    int m_maxInFlight;
    QStringList m_queue;
    QSet<QString> m_inFlight;
    ItemRefreshJob::InstitutionCache m_institutions; // this run's
    int m_total = 0;
    int m_done = 0;
    int m_failed = 0;
    bool m_canceled = false;
    QObject *m_runContext = nullptr; // destroyed on cancel: pending answers are dropped
};

} // namespace weft::items
