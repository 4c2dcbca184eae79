#include "server/WebhookKeyCache.h"

#include "core/Clock.h"
#include "plaid/PlaidClient.h"

#include <QRegularExpression>

namespace weft::server {
namespace {

bool plausibleKeyId(const QString &keyId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    return pattern.match(keyId).hasMatch();
}

} // namespace

WebhookKeyCache::WebhookKeyCache(plaid::PlaidClient *plaid, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_plaid(plaid)
    , m_clock(clock)
{
}

void WebhookKeyCache::find(const QString &keyId, Done done)
{
    if (!plausibleKeyId(keyId)) {
        done({}, QStringLiteral("the signature names no usable key id"), false);
        return;
    }
    const QDateTime now = m_clock->now();
    const auto kept = m_keys.constFind(keyId);
    if (kept != m_keys.cend() && kept->at.secsTo(now) < kKeepSeconds) {
        done(kept->jwk, {}, false);
        return;
    }
    const auto unknown = m_unknown.constFind(keyId);
    if (unknown != m_unknown.cend() && unknown->secsTo(now) < kUnknownSeconds) {
        done({}, QStringLiteral("Plaid does not know the key %1").arg(keyId), false);
        return;
    }
    auto waiting = m_waiting.find(keyId);
    if (waiting != m_waiting.end()) {
        waiting->append(std::move(done));
        return;
    }
    if (kept == m_keys.cend()) {
        // A kid never seen: rationed.
        while (!m_recentFetches.isEmpty() && m_recentFetches.first().secsTo(now) >= 60)
            m_recentFetches.removeFirst();
        if (m_recentFetches.size() >= kFetchesPerMinute) {
            done({},
                 QStringLiteral("too many unknown signing keys in the last minute; not asking "
                                "Plaid about %1 now")
                     .arg(keyId),
                 true);
            return;
        }
        m_recentFetches.append(now);
    }
    m_waiting.insert(keyId, {std::move(done)});
    fetch(keyId);
}

void WebhookKeyCache::fetch(const QString &keyId)
{
    m_plaid->getWebhookVerificationKey(
        keyId, this, [this, keyId](const plaid::PlaidResult<QJsonObject> &result) {
            if (result.ok()) {
                fetched(keyId, result.value, {}, false);
                return;
            }
            // Plaid said no such key (INVALID_INPUT and the like): remember that for a while.
            // A transport failure is not remembered; the next webhook asks again.
            fetched(keyId, {},
                    QStringLiteral("the signing key %1 could not be fetched: %2")
                        .arg(keyId, result.describe()),
                    result.status == plaid::PlaidStatus::ApiError);
        });
}

void WebhookKeyCache::fetched(const QString &keyId, const QJsonObject &jwk, const QString &problem,
                              bool unknown)
{
    const QDateTime now = m_clock->now();
    QJsonObject key = jwk;
    if (!jwk.isEmpty()) {
        if (m_keys.size() >= kMaxKeys)
            m_keys.clear(); // Plaid has a handful; this many means churn, start again
        m_keys.insert(keyId, {jwk, now});
    } else if (unknown) {
        m_keys.remove(keyId); // Plaid no longer knows it: no longer trusted
        if (m_unknown.size() >= 1000)
            m_unknown.clear();
        m_unknown.insert(keyId, now);
    } else if (const auto kept = m_keys.constFind(keyId); kept != m_keys.cend()) {
        key = kept->jwk; // Plaid unreachable: the key kept goes on serving until it answers
    }
    const QList<Done> waiting = m_waiting.take(keyId);
    for (const Done &done : waiting)
        done(key, key.isEmpty() ? problem : QString(), key.isEmpty() && !unknown);
}

} // namespace weft::server
