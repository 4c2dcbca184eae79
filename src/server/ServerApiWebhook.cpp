// ServerApi: Plaid's webhooks. Each is verified (its Plaid-Verification JWT, with Plaid's key
// for its kid), applied to its Item once (WebhookInbox), answered at once, and then, for ITEM
// webhooks, the Item's state is confirmed with /item/get: webhooks can arrive late and out of
// order, Plaid's word on the Item is what stays.
#include "core/Clock.h"
#include "plaid/PlaidClient.h"
#include "server/ServerApi.h"
#include "server/ServerApiJson.h"
#include "server/ServerLogging.h"
#include "server/TokenCipher.h"
#include "server/WebhookInbox.h"
#include "server/WebhookKeyCache.h"
#include "webhooks/WebhookVerifier.h"

#include <QPointer>

namespace weft::server {

void ServerApi::plaidWebhook(const net::HttpRequest &request, const net::HttpResponder &responder)
{
    const QByteArray verification = request.header("Plaid-Verification");
    if (verification.isEmpty() || verification.size() > webhooks::WebhookVerifier::kMaxTokenSize) {
        qCWarning(lcServer).noquote()
            << "refused a webhook from" << clientKey(request) << "- no Plaid-Verification";
        responder.respond(apijson::error(401, QStringLiteral("UNVERIFIED_WEBHOOK"),
                                         QStringLiteral("Plaid-Verification is required")));
        return;
    }
    const QByteArray body = request.body;
    const QString peer = clientKey(request);
    const QPointer<ServerApi> self(this);
    m_webhookKeys->find(webhooks::WebhookVerifier::keyIdOf(verification), [self, verification, body,
                                                                           peer, responder](
                                                                              const QJsonObject
                                                                                  &jwk,
                                                                              const QString
                                                                                  &keyProblem,
                                                                              bool temporary) {
        if (!self)
            return;
        ServerApi *api = self.data();
        const QDateTime now = api->m_clock->now();
        if (jwk.isEmpty() && temporary) {
            // Not the sender's fault: 503, and Plaid sends it again later.
            qCWarning(lcServer).noquote() << "cannot verify a webhook now:" << keyProblem;
            net::HttpResponse response = apijson::error(
                503, QStringLiteral("PLAID_UNAVAILABLE"),
                QStringLiteral("the webhook cannot be verified now; send it again later"));
            response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("60")});
            responder.respond(response);
            return;
        }
        const std::optional<QString> problem =
            jwk.isEmpty() ? std::optional<QString>(keyProblem)
                          : webhooks::WebhookVerifier::verify(verification, body, jwk,
                                                              now.toSecsSinceEpoch());
        if (problem) {
            qCWarning(lcServer).noquote() << "refused a webhook from" << peer << "-" << *problem;
            responder.respond(apijson::error(401, QStringLiteral("UNVERIFIED_WEBHOOK"),
                                             QStringLiteral("the webhook is not verified")));
            return;
        }
        const WebhookInbox::Result result = WebhookInbox(api->m_database).apply(body, now);
        switch (result.outcome) {
        case WebhookInbox::Outcome::Malformed:
            qCWarning(lcServer).noquote() << "a verified webhook is malformed:" << result.problem;
            responder.respond(
                apijson::error(400, QStringLiteral("INVALID_REQUEST"), result.problem));
            return;
        case WebhookInbox::Outcome::Failed:
            // 500: Plaid sends it again later.
            responder.respond(apijson::serverError(result.problem));
            return;
        case WebhookInbox::Outcome::UnknownItem:
            qCInfo(lcServer).noquote() << "a webhook for an Item not here:" << result.itemId;
            break;
        case WebhookInbox::Outcome::Duplicate:
            qCInfo(lcServer).noquote() << "a webhook sent again, taken once:" << result.itemId;
            break;
        case WebhookInbox::Outcome::Applied:
            qCInfo(lcServer).noquote()
                << "webhook applied to" << result.itemId << "- now" << result.status;
            break;
        }
        responder.respond(apijson::ok({{QStringLiteral("received"), true}}));
        if (result.outcome == WebhookInbox::Outcome::Applied)
            api->confirmItem(result.itemId, result.status);
    });
}

void ServerApi::confirmItem(const QString &itemId, const QString &statusNow)
{
    QString error;
    const auto owner = m_items.ownerOf(itemId, &error);
    if (!owner)
        return;
    emit itemChanged(*owner, itemId);
    const auto sealed = m_items.sealedToken(*owner, itemId, &error);
    const TokenCipher::Opened opened =
        sealed ? m_cipher->open(*sealed, itemId.toUtf8()) : TokenCipher::Opened{};
    if (!opened.plaintext) {
        qCWarning(lcServer).noquote()
            << "cannot confirm" << itemId << "with Plaid:" << (sealed ? opened.problem : error);
        return;
    }
    const qint64 userId = *owner;
    m_plaid->getItem(
        QString::fromUtf8(*opened.plaintext), this,
        [this, userId, itemId, statusNow](const plaid::PlaidResult<plaid::ItemDetails> &result) {
            if (!result.ok()) {
                qCInfo(lcServer).noquote()
                    << "could not confirm" << itemId << "with Plaid:" << result.describe();
                return;
            }
            const QString errorCode =
                result.value.item.error ? result.value.item.error->errorCode : QString();
            const QString confirmed = ItemStore::confirmedStatus(errorCode, statusNow);
            if (confirmed == statusNow)
                return;
            QString error;
            if (m_items.setStatus(userId, itemId, confirmed, errorCode, m_clock->now(), &error)) {
                m_items.addEvent(itemId, QStringLiteral("weft"),
                                 QStringLiteral("CONFIRMED_") + confirmed.toUpper(), m_clock->now(),
                                 &error);
                qCInfo(lcServer).noquote()
                    << "Plaid says" << itemId << "is" << confirmed << "after all";
                emit itemChanged(userId, itemId);
            }
        });
}

} // namespace weft::server
