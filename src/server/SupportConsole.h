#pragma once

#include "server/ItemStore.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace weft::server {

class ServerDatabase;

// What support staff can see: Items across users, found by the owner's address, item_id,
// institution or status, with their metadata and event timeline — never a token (the sealed
// access token is not even read). Every read is written to the audit log first (who, when,
// what); a read that cannot be audited is not done.
class SupportConsole
{
public:
    struct Filter
    {
        QString email;       // the owner's address, exact (case-insensitive)
        QString itemId;      // exact
        QString institution; // part of the name, or the institution_id exactly
        QString status;      // exact
        int limit = 50;      // 1..200
    };
    struct Found
    {
        ItemStore::Item item;
        QString ownerEmail;
    };
    struct Event
    {
        QDateTime at;
        QString source; // webhook (Plaid), weft (the server itself)
        QString type;   // webhook_type, for webhooks
        QString code;   // webhook_code, or what the server did (LINKED, ...)
        QString errorCode;
    };
    struct AuditEntry
    {
        QDateTime at;
        QString actor;
        QString action;
        QString target;
    };

    explicit SupportConsole(ServerDatabase *database);

    std::optional<QList<Found>> search(qint64 actorId, const Filter &filter, const QDateTime &now,
                                       QString *error);
    // nullopt with error empty when there is no such Item.
    std::optional<Found> item(qint64 actorId, const QString &itemId, const QDateTime &now,
                              QString *error);
    std::optional<QList<Event>> timeline(const QString &itemId, QString *error) const;
    // The newest entries first.
    std::optional<QList<AuditEntry>> auditLog(int limit, QString *error) const;

private:
    bool audit(qint64 actorId, const QString &action, const QString &target, const QDateTime &now,
               QString *error);

    ServerDatabase *m_database;
};

} // namespace weft::server
