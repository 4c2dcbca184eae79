#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace weft::sandbox {

// Delivers the sandbox's webhooks as Plaid does: a JSON POST to the Item's webhook URL, once,
// without following redirects, given up after kTimeoutMs. The answer is logged, not acted on.
class WebhookSender : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;

    explicit WebhookSender(QObject *parent = nullptr);

    void send(const QUrl &url, const QJsonObject &payload);

signals:
    // After each delivery: the receiver's HTTP status, or 0 when it could not be reached.
    void delivered(const QUrl &url, const QString &webhookCode, int httpStatus);

private:
    QNetworkAccessManager m_network;
};

} // namespace weft::sandbox
