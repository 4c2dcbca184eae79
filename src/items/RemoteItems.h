#pragma once

#include <QString>

#include <functional>

class QObject;

namespace weft::items {

// Where Items live when a provider's server holds their access tokens (the "Your provider's
// server" mode): the desktop keeps their metadata in its index, as in the other modes, and asks
// the server to refresh or remove one. Implemented by remote::ServerItems.
class RemoteItems
{
public:
    using Done = std::function<void(const QString &problem)>; // empty problem: done

    virtual ~RemoteItems();

    // The Item as the server has it now (status, accounts, balances), written to the index.
    virtual void refreshItem(const QString &itemId, QObject *context, Done done) = 0;
    // Removed at Plaid and on the server; the index entry is the caller's to drop.
    virtual void removeItem(const QString &itemId, QObject *context, Done done) = 0;
    // A support account's view: every user's Items, to read (their timelines) and never to act
    // on: no repair, removal or banner is the support account's.
    virtual bool isReadOnly() const = 0;
};

} // namespace weft::items
