// SandboxApi: Plaid's webhook signatures and the Item's webhook URL. Every webhook goes out with
// a Plaid-Verification JWT signed by the sandbox's key (made when the sandbox starts, kept in
// memory), which /webhook_verification_key/get publishes as a JWK; /item/webhook/update changes
// where an Item's webhooks go and acknowledges it there.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxValidation.h"

#include <QDateTime>

namespace weft::sandbox {

QByteArray SandboxApi::signWebhook(const QByteArray &body) const
{
    return m_webhookKey.sign(body, m_clock->now().toSecsSinceEpoch());
}

void SandboxApi::queueItemWebhook(const ItemRecord &item, const QString &code,
                                  const std::optional<plaid::PlaidError> &error,
                                  const QJsonObject &extra)
{
    if (item.item.webhook.isEmpty() || !validation::isWebUrl(item.item.webhook))
        return;
    QJsonObject payload{{QStringLiteral("webhook_type"), QStringLiteral("ITEM")},
                        {QStringLiteral("webhook_code"), code},
                        {QStringLiteral("item_id"), item.item.itemId},
                        {QStringLiteral("error"),
                         error ? QJsonValue(error->toJson()) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("environment"), QStringLiteral("sandbox")}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        payload.insert(it.key(), it.value());
    m_outbox.append({QUrl(item.item.webhook), payload});
}

SandboxResponse SandboxApi::webhookVerificationKeyGet(const Call &call)
{
    const QString keyId = call.body.value(QLatin1StringView("key_id")).toString();
    if (m_webhookKey.isNull())
        return fail(call, u"INTERNAL_SERVER_ERROR");
    if (keyId != m_webhookKey.keyId())
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("key_id is not the id of a webhook verification key"));
    return ok(call, {{QStringLiteral("key"), m_webhookKey.jwk()}});
}

SandboxResponse SandboxApi::itemWebhookUpdate(const Call &call)
{
    ItemRecord *item = nullptr;
    if (auto error = findItem(call, &item))
        return *error;
    const QJsonValue value = call.body.value(QLatin1StringView("webhook"));
    if (!value.isUndefined() && !value.isNull() && !value.isString())
        return fail(call, u"INVALID_FIELD", QStringLiteral("webhook must be a URL or null"));
    const QString webhook = value.toString();
    if (!webhook.isEmpty() && !validation::isWebUrl(webhook))
        return fail(call, u"INVALID_FIELD", QStringLiteral("webhook must be an http or https URL"));
    item->item.webhook = webhook;
    stateChanged();
    // Plaid confirms at the new address (none when the webhook was removed).
    queueItemWebhook(*item, QStringLiteral("WEBHOOK_UPDATE_ACKNOWLEDGED"), std::nullopt,
                     {{QStringLiteral("new_webhook_url"), webhook}});
    return ok(call, {{QStringLiteral("item"), itemJson(*item)}});
}

} // namespace weft::sandbox
