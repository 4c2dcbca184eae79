#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

class QSqlQuery;

#include <optional>

namespace weft::server {

class ServerDatabase;

// The Items weft-server holds for its users, each user's alone: every read and write names the
// user, and an Item of another user is not found (its existence is not given away). The access
// token is kept sealed (TokenCipher) and only sealedToken() hands it out, for a Plaid call.
//
// Exchanging a public token happens once per token: beginExchange() claims it for the user
// before Plaid is called, a retry of the same request finds the Item it made.
class ItemStore
{
public:
    struct Item
    {
        QString itemId;
        qint64 userId = 0;
        QString institutionId;
        QString institutionName;
        QString status; // healthy, login_required, pending_expiration, ...
        QString errorCode;
        QDateTime createdAt;
        QDateTime updatedAt;
    };
    struct Exchange
    {
        enum class State { Claimed, Done, InFlight } state = State::Claimed;
        QString itemId; // Done
    };

    explicit ItemStore(ServerDatabase *database);

    // nullopt with error when the database fails.
    std::optional<QList<Item>> list(qint64 userId, QString *error) const;
    // nullopt when the user has no such Item (error empty) or the database fails (error set).
    std::optional<Item> get(qint64 userId, const QString &itemId, QString *error) const;
    std::optional<QString> sealedToken(qint64 userId, const QString &itemId, QString *error) const;

    std::optional<Exchange> beginExchange(qint64 userId, const QString &publicTokenHash,
                                          const QDateTime &now, QString *error);
    // Stores the new Item (sealedToken made for its item_id) and ends the exchange.
    bool finishExchange(const QString &publicTokenHash, const Item &item,
                        const QString &sealedToken, QString *error);
    // The exchange failed at Plaid: the token may be tried again.
    void abandonExchange(const QString &publicTokenHash);

    bool setStatus(qint64 userId, const QString &itemId, const QString &status,
                   const QString &errorCode, const QDateTime &now, QString *error);
    // Removes the Item and its timeline; false with error empty when there is no such Item.
    bool remove(qint64 userId, const QString &itemId, QString *error);
    // Whose Item this is (for a webhook, which names only the Item); nullopt when unknown.
    std::optional<qint64> ownerOf(const QString &itemId, QString *error) const;
    // The status Plaid's word on the Item (its error code, empty when none) leaves it in: an
    // error as the webhooks name it; no error clears an error status and keeps a notice.
    static QString confirmedStatus(const QString &plaidErrorCode, const QString &current);

    // Adds an event to the Item's timeline (source: "desktop", "support", "plaid").
    bool addEvent(const QString &itemId, const QString &source, const QString &what,
                  const QDateTime &at, QString *error);

    static constexpr int kExchangeClaimSeconds = 120;

    // The columns an Item is read from, each prefixed by table (e.g. "i."), in the order
    // fromRow() reads them, from its first column on.
    static QString columns(const QString &table = {});
    static Item fromRow(const QSqlQuery &query);

private:
    ServerDatabase *m_database;
};

} // namespace weft::server
