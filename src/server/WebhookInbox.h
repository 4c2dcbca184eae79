#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace weft::server {

class ServerDatabase;

// Applies Plaid's webhooks, once verified (WebhookVerifier), to the Items they name: the Item's
// status follows the ITEM webhooks (ERROR, LOGIN_REPAIRED, PENDING_EXPIRATION,
// PENDING_DISCONNECT, USER_PERMISSION_REVOKED, NEW_ACCOUNTS_AVAILABLE), and every webhook goes
// into the Item's event timeline. Notices never hide an error the user must still fix.
//
// Plaid retries a webhook it thinks undelivered, with the same body; its bodies carry no event
// id, so a retry is told by being the body of the Item's latest webhook again, within a day.
// The same body after another webhook (broken, repaired, broken again) is applied. Webhooks for
// one Item are applied one at a time (its row is locked), so two instances taking the same
// retry apply it once. A retry that arrives after a newer webhook is taken as news: the
// webhook endpoint confirms an Item's state with /item/get.
class WebhookInbox
{
public:
    enum class Outcome { Applied, Duplicate, UnknownItem, Malformed, Failed };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString itemId;
        QString status; // the Item's status after it (Applied)
        QString problem;
    };

    explicit WebhookInbox(ServerDatabase *database);

    Result apply(const QByteArray &body, const QDateTime &receivedAt);

private:
    // The status an ITEM webhook leaves the Item in, from current; empty when it keeps it.
    static QString statusAfter(const QString &webhookType, const QString &webhookCode,
                               const QString &errorCode, const QString &current);

    ServerDatabase *m_database;
};

} // namespace weft::server
