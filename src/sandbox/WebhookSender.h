#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace weft::sandbox {

// Delivers the sandbox's webhooks as Plaid does: a JSON POST to the Item's webhook URL, once,
// without following redirects, given up after kTimeoutMs, signed in its Plaid-Verification
// header (by the signer given, the sandbox's webhook key). The answer is logged, not acted on.
class WebhookSender : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;

    // The Plaid-Verification header for a body.
    using Signer = std::function<QByteArray(const QByteArray &body)>;

    explicit WebhookSender(QObject *parent = nullptr);

    void setSigner(Signer signer) { m_signer = std::move(signer); }
    void send(const QUrl &url, const QJsonObject &payload);

signals:
    // After each delivery: the receiver's HTTP status, or 0 when it could not be reached.
    void delivered(const QUrl &url, const QString &webhookCode, int httpStatus);

private:
    QNetworkAccessManager m_network;
    Signer m_signer;
};

} // namespace weft::sandbox
