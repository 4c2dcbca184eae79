#pragma once

#include "items/RemoteItems.h"
#include "vault/ItemRecord.h"

#include <QJsonObject>
#include <QObject>

namespace weft::vault {
class ItemStore;
}

namespace weft::remote {

class ServerClient;

// The desktop's index of Items, kept as the provider's server has them: the whole list on
// start and after every reconnection of the push socket (sync), one Item when the server says
// it changed, or when the user refreshes it. Items in the index that the server no longer
// lists are dropped from it; Items of other modes are never touched. For a support account
// (setSupport) the Items are every user's, from the support console (the first 200, and each
// with its owner and timeline when read), and nothing can be done to them.
class ServerItems : public QObject, public items::RemoteItems
{
    Q_OBJECT

public:
    ServerItems(ServerClient *client, vault::ItemStore *store, QString environment,
                QObject *parent = nullptr);

    // GET /v1/items: the list, then the details of each Item that is new or changed.
    void sync();
    // GET /v1/items/{id}: metadata, accounts and balances.
    void fetchItem(const QString &itemId, QObject *context, const Done &done);
    void forgetItem(const QString &itemId);

    void refreshItem(const QString &itemId, QObject *context, Done done) override;
    void removeItem(const QString &itemId, QObject *context, Done done) override;
    bool isReadOnly() const override { return m_support; }
    void setSupport(bool support) { m_support = support; }
    static constexpr int kSupportListLimit = 200; // the console's most per search

    // The server's Item (docs/weft-server-openapi.yaml, Item) into a record; accounts from an
    // ItemDetails answer when given. False (with why) when the answer is not an Item.
    static bool applyItem(vault::ItemRecord &record, const QJsonObject &item, QString *error);
    static void applyAccounts(vault::ItemRecord &record, const QJsonArray &accounts);
    // The support console's timeline (linked, webhooks, Plaid's confirmations) as the Item's
    // events.
    static void applyTimeline(vault::ItemRecord &record, const QJsonArray &timeline);
    // The server's status as Plaid's error code, which the window's rules read.
    static QString errorCodeFor(const QString &status, const QString &errorCode);

signals:
    void synced(int items);
    void syncFailed(const QString &problem);
    // An Item changed as the server told (push or fetch): the window shows banners from it.
    void itemUpdated(const QString &itemId);
    void itemGone(const QString &itemId);

private:
    bool storeAnswer(const QString &itemId, const QJsonObject &answer, QString *problem);

    ServerClient *m_client;
    vault::ItemStore *m_store;
    QString m_environment;
    bool m_support = false;
};

} // namespace weft::remote
