#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace weft::server {

class ServerDatabase;

// Applies Plaid's webhooks, once verified (WebhookVerifier), to the Items they name: the Item's
// status follows the ITEM webhooks (ERROR, LOGIN_REPAIRED, PENDING_EXPIRATION,
// PENDING_DISCONNECT, USER_PERMISSION_REVOKED, NEW_ACCOUNTS_AVAILABLE), and every webhook goes
// into the Item's event timeline. Plaid retries a webhook it thinks undelivered: the same body
// twice is applied once (the body's SHA-256 is the event's key, unique in the database, so two
// instances receiving the same retry cannot both apply it).
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

    // The status an ITEM webhook code leaves the Item in; empty when it does not change it.
    static QString statusAfter(const QString &webhookType, const QString &webhookCode,
                               const QString &errorCode);

private:
    ServerDatabase *m_database;
};

} // namespace weft::server
