#pragma once

#include "plaid/PlaidConfig.h"
#include "plaid/PlaidResult.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace weft {
class Clock;
}

namespace weft::plaid {

struct TransportReply : PlaidOutcome
{
    QJsonObject body; // the parsed answer when status is Ok or ApiError
};

// Sends one API call: POST with a JSON body and the Plaid headers, a per-attempt timeout and a
// body size cap, and retries of transient failures (5xx, 429, connection reset) with backoff
// when the caller says the call is safe to repeat. Completes exactly once per call, unless the
// context object is destroyed first. Time comes from the injected Clock.
class PlaidTransport : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const TransportReply &)>;

    PlaidTransport(QNetworkAccessManager *network, Clock *clock, PlaidConfig config,
                   QObject *parent = nullptr);
    ~PlaidTransport() override;

    void post(const QString &path, const QJsonObject &body, bool retryable, QObject *context,
              Done done);

    // Ends every call in flight; each completes with PlaidStatus::Canceled.
    void abortAll();

    const PlaidConfig &config() const { return m_config; }

    // Whether a reply is worth another attempt of a call that is safe to repeat.
    static bool isTransient(const TransportReply &reply);

private:
    class Call;

    QNetworkAccessManager *m_network;
    Clock *m_clock;
    PlaidConfig m_config;
};

} // namespace weft::plaid
