#pragma once

#include "plaid/PlaidResult.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace weft::remote {

// An answer of weft-server. Transport failures are told apart from the server's own refusals
// as with Plaid (PlaidStatus); a refusal (ApiError) carries the server's error_code and message
// in apiError, or Plaid's own error when the server passes one on (plaid_error).
struct ServerReply : plaid::PlaidOutcome
{
    QJsonObject body;  // the parsed answer when status is Ok or ApiError
    QString errorCode; // the server's error_code on a refusal (UNAUTHORIZED, NOT_FOUND, ...)
};

// Sends one request to weft-server: JSON in and out, the access token as a bearer token, a
// timeout and a cap on the answer's size, never following a redirect (it would carry the token
// elsewhere). Completes exactly once, unless context is destroyed first.
class ServerTransport : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ServerReply &)>;

    ServerTransport(QNetworkAccessManager *network, QUrl baseUrl, QObject *parent = nullptr);

    const QUrl &baseUrl() const { return m_baseUrl; }
    QUrl url(const QString &path) const;

    // method: GET, POST or DELETE; body is sent with POST only; bearer may be empty.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body,
              const QString &bearer, QObject *context, Done done);

    static constexpr int kTimeoutMs = 30000;
    static constexpr qint64 kMaxBodyBytes = 4 * 1024 * 1024;

private:
    static ServerReply classify(QNetworkReply *reply, bool tooLarge);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
};

} // namespace weft::remote
