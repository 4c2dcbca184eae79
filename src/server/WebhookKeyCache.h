#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

namespace weft {
class Clock;
}
namespace weft::plaid {
class PlaidClient;
}

namespace weft::server {

// Plaid's webhook signing keys by key id, as Plaid advises: fetched from
// /webhook_verification_key/get the first time a kid is seen, then fetched again hourly (so
// that a key Plaid expires stops being trusted; should Plaid not answer then, the key kept goes
// on serving). Unknown kids are remembered for a few minutes and fetches for new kids are
// rationed, so that forged webhooks with made-up kids cannot make weft-server hammer Plaid;
// refreshing a known key is never rationed, so a flood of made-up kids cannot lock out the real
// one. Requests for one kid share one fetch.
class WebhookKeyCache : public QObject
{
    Q_OBJECT

public:
    // The key, or an empty object and why there is none: temporary when Plaid could not be
    // asked now (unreachable, or fetches rationed) rather than saying the key is unknown.
    using Done =
        std::function<void(const QJsonObject &jwk, const QString &problem, bool temporary)>;

    static constexpr int kKeepSeconds = 3600;
    static constexpr int kUnknownSeconds = 300;
    static constexpr int kFetchesPerMinute = 20;
    static constexpr int kMaxKeys = 64;

    WebhookKeyCache(plaid::PlaidClient *plaid, Clock *clock, QObject *parent = nullptr);

    void find(const QString &keyId, Done done);

private:
    struct Kept
    {
        QJsonObject jwk;
        QDateTime at;
    };
    void fetched(const QString &keyId, const QJsonObject &jwk, const QString &problem,
                 bool unknown);
    void fetch(const QString &keyId);

    plaid::PlaidClient *m_plaid;
    Clock *m_clock;
    QHash<QString, Kept> m_keys;
    QHash<QString, QDateTime> m_unknown;
    QHash<QString, QList<Done>> m_waiting;
    QList<QDateTime> m_recentFetches;
};

} // namespace weft::server
