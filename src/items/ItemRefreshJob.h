#pragma once

#include "plaid/PlaidModels.h"

#include <QHash>
#include <QObject>

namespace weft {
class Clock;
}

namespace weft::items {

class ItemService;

// Refreshing one Item, step by step: its access token, Plaid's /item/get (status, error,
// products, consent), /accounts/get (accounts and balances), then the institution's name,
// colour and logo — asked once per institution per run, through the run's cache. Each step
// writes what it learnt to the Item at once, so that a later failure keeps it. finished()
// follows start() exactly once; an Item removed meanwhile ends the job there.
class ItemRefreshJob : public QObject
{
    Q_OBJECT

public:
    using InstitutionCache = QHash<QString, plaid::Institution>;

    ItemRefreshJob(ItemService *service, Clock *clock, InstitutionCache *institutions,
                   QString itemId, QObject *parent = nullptr);

    const QString &itemId() const { return m_itemId; }
    void start();

signals:
    void finished(const QString &itemId, bool ok, const QString &problem);

private:
    void fetchItem();
    void fetchAccounts();
    void fetchInstitution(const QString &institutionId);
    // False (and the job finished) when the Item was removed while a step was on its way.
    bool stillListed();
    void finish(bool ok, const QString &problem = {});

    ItemService *m_service;
    Clock *m_clock;
    InstitutionCache *m_institutions;
    QString m_itemId;
    QString m_accessToken; // for this job's calls only; cleared when it finishes
    bool m_finished = false;
};

} // namespace weft::items
