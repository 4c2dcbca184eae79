#include "sandbox/WebhookSender.h"

#include "sandbox/SandboxLogging.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace weft::sandbox {

WebhookSender::WebhookSender(QObject *parent)
    : QObject(parent)
    , m_network(this)
{
}

void WebhookSender::send(const QUrl &url, const QJsonObject &payload)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTimeoutMs);
    const QString code = payload.value(QLatin1StringView("webhook_code")).toString();
    // Signed as sent: the receiver hashes exactly these bytes.
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    if (m_signer)
        request.setRawHeader(QByteArrayLiteral("Plaid-Verification"), m_signer(body));
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, code] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            qCWarning(lcSandbox) << "webhook" << code << "not delivered to"
                                 << url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                                 << ":" << reply->errorString();
        } else {
            qCInfo(lcSandbox) << "webhook" << code << "delivered, answer" << status;
        }
        emit delivered(url, code, status);
    });
}

} // namespace weft::sandbox
