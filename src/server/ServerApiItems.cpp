// ServerApi: a user's Items: listing and reading them (with accounts and balances from Plaid),
// link tokens for new Items and for update mode, exchanging public tokens (once each),
// refreshing and removing.
#include "core/Clock.h"
#include "plaid/PlaidClient.h"
#include "server/ServerApi.h"
#include "server/ServerApiJson.h"
#include "server/ServerLogging.h"
#include "server/TokenCipher.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace weft::server {
namespace {

net::HttpResponse notFound()
{
    return apijson::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such Item"));
}

net::HttpResponse invalid(const QString &message)
{
    return apijson::error(400, QStringLiteral("INVALID_REQUEST"), message);
}

QString clientUserId(const Credentials::Principal &principal)
{
    // Stable and meaningless outside weft-server: Plaid asks for no personal data here.
    return QStringLiteral("weft-user-%1").arg(principal.userId);
}

QString publicTokenHash(const QString &publicToken)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(publicToken.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

std::optional<QString> ServerApi::accessTokenOf(const Principal &principal, const QString &itemId,
                                                const net::HttpResponder &responder)
{
    QString error;
    const auto sealed = m_items.sealedToken(principal.userId, itemId, &error);
    if (!sealed) {
        responder.respond(error.isEmpty() ? notFound() : apijson::serverError(error));
        return std::nullopt;
    }
    const TokenCipher::Opened opened = m_cipher->open(*sealed, itemId.toUtf8());
    if (!opened.plaintext) {
        responder.respond(
            apijson::serverError(QStringLiteral("the access token of %1 does not open: %2")
                                     .arg(itemId, opened.problem)));
        return std::nullopt;
    }
    return QString::fromUtf8(*opened.plaintext);
}

std::optional<std::pair<ItemStore::Item, QString>>
ServerApi::itemWithToken(const Principal &principal, const QString &itemId,
                         const net::HttpResponder &responder)
{
    QString error;
    auto item = m_items.get(principal.userId, itemId, &error);
    if (!item) {
        responder.respond(error.isEmpty() ? notFound() : apijson::serverError(error));
        return std::nullopt;
    }
    auto accessToken = accessTokenOf(principal, itemId, responder);
    if (!accessToken)
        return std::nullopt;
    return std::make_pair(std::move(*item), std::move(*accessToken));
}

void ServerApi::listItems(const Principal &principal, const net::HttpRequest &,
                          const net::HttpResponder &responder, const QString &)
{
    QString error;
    const auto items = m_items.list(principal.userId, &error);
    if (!items) {
        responder.respond(apijson::serverError(error));
        return;
    }
    QJsonArray list;
    for (const ItemStore::Item &item : *items)
        list.append(apijson::item(item));
    responder.respond(apijson::ok({{QStringLiteral("items"), list}}));
}

void ServerApi::getItem(const Principal &principal, const net::HttpRequest &,
                        const net::HttpResponder &responder, const QString &itemId)
{
    const auto found = itemWithToken(principal, itemId, responder);
    if (!found)
        return;
    const auto &[item, accessToken] = *found;
    m_plaid->getAccounts(
        accessToken, this,
        [this, principal, item = item,
         responder](const plaid::PlaidResult<plaid::AccountsList> &result) {
            QJsonObject body{{QStringLiteral("item"), apijson::item(item)}};
            if (result.ok()) {
                QJsonArray accounts;
                for (const plaid::Account &account : result.value.accounts)
                    accounts.append(account.toJson());
                body.insert(QStringLiteral("accounts"), accounts);
            } else {
                // The Item's metadata still answers; what Plaid said instead of the accounts
                // goes with it (a login the bank wants again, most often).
                body.insert(QStringLiteral("accounts"), QJsonValue::Null);
                const net::HttpResponse failure = apijson::plaidFailure(result);
                body.insert(QStringLiteral("accounts_error"),
                            QJsonDocument::fromJson(failure.body).object());
                if (result.status == plaid::PlaidStatus::ApiError &&
                    result.apiError.errorType == u"ITEM_ERROR") {
                    const QString status =
                        ItemStore::confirmedStatus(result.apiError.errorCode, item.status);
                    QString error;
                    if (status != item.status &&
                        m_items.setStatus(principal.userId, item.itemId, status,
                                          result.apiError.errorCode, m_clock->now(), &error)) {
                        ItemStore::Item changed = item;
                        changed.status = status;
                        changed.errorCode = result.apiError.errorCode;
                        body.insert(QStringLiteral("item"), apijson::item(changed));
                        emit itemChanged(principal.userId, item.itemId);
                    }
                }
            }
            responder.respond(apijson::ok(body));
        });
}

void ServerApi::createLinkToken(const Principal &principal, const net::HttpRequest &request,
                                const net::HttpResponder &responder, const QString &)
{
    const auto body = jsonBody(request, responder);
    if (!body)
        return;
    plaid::LinkTokenCreateRequest linkRequest;
    linkRequest.clientUserId = clientUserId(principal);
    linkRequest.clientName = m_options.clientName;
    linkRequest.countryCodes = m_options.countryCodes;
    linkRequest.language = m_options.language;
    linkRequest.webhook = m_options.webhookUrl;
    linkRequest.redirectUri = m_options.redirectUri;
    const QJsonValue itemId = body->value(QStringLiteral("item_id"));
    const QJsonValue accountSelection = body->value(QStringLiteral("account_selection"));
    const QJsonValue hosted = body->value(QStringLiteral("hosted_link"));
    const QJsonValue completion = body->value(QStringLiteral("completion_redirect_uri"));
    if (!itemId.isUndefined() && !itemId.isString()) {
        responder.respond(invalid(QStringLiteral("item_id is a string")));
        return;
    }
    if ((!accountSelection.isUndefined() && !accountSelection.isBool()) ||
        (!hosted.isUndefined() && !hosted.isBool())) {
        responder.respond(
            invalid(QStringLiteral("account_selection and hosted_link are true or false")));
        return;
    }
    if (!completion.isUndefined() && (!completion.isString() || !hosted.toBool())) {
        responder.respond(
            invalid(QStringLiteral("completion_redirect_uri is a string, with hosted_link")));
        return;
    }
    if (accountSelection.toBool() && !itemId.isString()) {
        responder.respond(
            invalid(QStringLiteral("account_selection is for update mode: give item_id")));
        return;
    }
    if (itemId.isString()) {
        // Update mode: the Item's own access token, and no products (Plaid refuses them).
        const auto accessToken = accessTokenOf(principal, itemId.toString(), responder);
        if (!accessToken)
            return;
        linkRequest.accessToken = *accessToken;
        linkRequest.accountSelection = accountSelection.toBool();
    } else {
        linkRequest.products = m_options.products;
    }
    linkRequest.hostedLink = hosted.toBool();
    linkRequest.completionRedirectUri = completion.toString();
    m_plaid->createLinkToken(
        linkRequest, this, [responder](const plaid::PlaidResult<plaid::LinkToken> &result) {
            if (!result.ok()) {
                responder.respond(apijson::plaidFailure(result));
                return;
            }
            QJsonObject answer{{QStringLiteral("link_token"), result.value.linkToken},
                               {QStringLiteral("expiration"),
                                result.value.expiration.toUTC().toString(Qt::ISODate)}};
            if (result.value.hostedLinkUrl.isValid())
                answer.insert(QStringLiteral("hosted_link_url"),
                              result.value.hostedLinkUrl.toString());
            responder.respond(apijson::ok(answer));
        });
}

void ServerApi::exchangePublicToken(const Principal &principal, const net::HttpRequest &request,
                                    const net::HttpResponder &responder, const QString &)
{
    const auto body = jsonBody(request, responder);
    if (!body)
        return;
    const QString publicToken = body->value(QStringLiteral("public_token")).toString();
    if (!publicToken.startsWith(u"public-") || publicToken.size() > 200) {
        responder.respond(invalid(QStringLiteral("public_token is required: the token Link gave")));
        return;
    }
    const QString hash = publicTokenHash(publicToken);
    QString error;
    const auto exchange = m_items.beginExchange(principal.userId, hash, m_clock->now(), &error);
    if (!exchange) {
        responder.respond(error.contains(u"exchanged already")
                              ? apijson::error(409, QStringLiteral("PUBLIC_TOKEN_SPENT"), error)
                              : apijson::serverError(error));
        return;
    }
    if (exchange->state == ItemStore::Exchange::State::Done) {
        // The same request again (its answer was lost): the Item it made, not a second one.
        const auto item = m_items.get(principal.userId, exchange->itemId, &error);
        responder.respond(item ? apijson::ok({{QStringLiteral("item"), apijson::item(*item)}})
                               : apijson::serverError(error));
        return;
    }
    if (exchange->state == ItemStore::Exchange::State::InFlight) {
        net::HttpResponse response = apijson::error(
            409, QStringLiteral("EXCHANGE_IN_PROGRESS"),
            QStringLiteral("this public token is being exchanged; ask again in a moment"));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2")});
        responder.respond(response);
        return;
    }
    m_plaid->exchangePublicToken(
        publicToken, this,
        [this, principal, hash,
         responder](const plaid::PlaidResult<plaid::PublicTokenExchange> &result) {
            if (!result.ok()) {
                m_items.abandonExchange(hash);
                responder.respond(apijson::plaidFailure(result));
                return;
            }
            const QString accessToken = result.value.accessToken;
            const QString itemId = result.value.itemId;
            // The institution, from Plaid rather than from the desktop. Should Plaid not
            // answer now, the Item is kept all the same: losing the access token loses it.
            m_plaid->getItem(
                accessToken, this,
                [this, principal, hash, responder, accessToken,
                 itemId](const plaid::PlaidResult<plaid::ItemDetails> &details) {
                    const QDateTime now = m_clock->now();
                    ItemStore::Item item;
                    item.itemId = itemId;
                    item.userId = principal.userId;
                    item.status = QStringLiteral("healthy");
                    item.createdAt = now;
                    item.updatedAt = now;
                    if (details.ok()) {
                        item.institutionId = details.value.item.institutionId;
                        item.institutionName = details.value.item.institutionName;
                        if (details.value.item.error) {
                            item.errorCode = details.value.item.error->errorCode;
                            item.status = ItemStore::confirmedStatus(item.errorCode, {});
                        }
                    }
                    const QString sealed = m_cipher->seal(accessToken.toUtf8(), itemId.toUtf8());
                    QString error;
                    bool stored = false;
                    for (int attempt = 0; attempt < 2 && !sealed.isEmpty() && !stored; ++attempt)
                        stored = m_items.finishExchange(hash, item, sealed, &error);
                    if (!stored) {
                        // Not kept, so not left behind at Plaid either (an Item nobody could
                        // remove would be billed on): removed there, and the claim released.
                        m_plaid->removeItem(accessToken, this, [](const auto &) {});
                        m_items.abandonExchange(hash);
                        responder.respond(apijson::serverError(
                            QStringLiteral("the new Item %1 could not be stored (%2); removed it "
                                           "at Plaid")
                                .arg(itemId,
                                     sealed.isEmpty() ? QStringLiteral("sealing failed") : error)));
                        return;
                    }
                    qCInfo(lcServer).noquote()
                        << "user" << principal.userId << "linked the Item" << itemId;
                    emit itemChanged(principal.userId, itemId);
                    responder.respond(
                        apijson::ok({{QStringLiteral("item"), apijson::item(item)}}, 201));
                });
        });
}

void ServerApi::refreshItem(const Principal &principal, const net::HttpRequest &,
                            const net::HttpResponder &responder, const QString &itemId)
{
    const auto found = itemWithToken(principal, itemId, responder);
    if (!found)
        return;
    const auto &[item, accessToken] = *found;
    m_plaid->getItem(
        accessToken, this,
        [this, principal, item = item,
         responder](const plaid::PlaidResult<plaid::ItemDetails> &result) {
            if (!result.ok()) {
                responder.respond(apijson::plaidFailure(result));
                return;
            }
            const QString errorCode =
                result.value.item.error ? result.value.item.error->errorCode : QString();
            ItemStore::Item refreshed = item;
            refreshed.status = ItemStore::confirmedStatus(errorCode, item.status);
            // Plaid's error when there is one; a notice keeps its code; healthy has none.
            refreshed.errorCode = !errorCode.isEmpty()             ? errorCode
                                  : refreshed.status == u"healthy" ? QString()
                                                                   : item.errorCode;
            if (!result.value.item.institutionId.isEmpty())
                refreshed.institutionId = result.value.item.institutionId;
            refreshed.updatedAt = m_clock->now();
            QString error;
            if (!m_items.setStatus(principal.userId, item.itemId, refreshed.status,
                                   refreshed.errorCode, refreshed.updatedAt, &error)) {
                responder.respond(error.isEmpty() ? notFound() : apijson::serverError(error));
                return;
            }
            if (refreshed.status != item.status) {
                m_items.addEvent(item.itemId, QStringLiteral("weft"),
                                 QStringLiteral("CONFIRMED_") + refreshed.status.toUpper(),
                                 refreshed.updatedAt, &error);
                emit itemChanged(principal.userId, item.itemId);
            }
            responder.respond(apijson::ok({{QStringLiteral("item"), apijson::item(refreshed)}}));
        });
}

void ServerApi::removeItem(const Principal &principal, const net::HttpRequest &,
                           const net::HttpResponder &responder, const QString &itemId)
{
    const auto accessToken = accessTokenOf(principal, itemId, responder);
    if (!accessToken)
        return;
    m_plaid->removeItem(
        *accessToken, this,
        [this, principal, itemId, responder](const plaid::PlaidResult<plaid::Done> &result) {
            // Gone at Plaid already (removed elsewhere) counts as removed.
            const bool goneAtPlaid = result.status == plaid::PlaidStatus::ApiError &&
                                     (result.apiError.errorCode == u"ITEM_NOT_FOUND" ||
                                      result.apiError.errorCode == u"INVALID_ACCESS_TOKEN");
            if (!result.ok() && !goneAtPlaid) {
                responder.respond(apijson::plaidFailure(result));
                return;
            }
            QString error;
            if (!m_items.remove(principal.userId, itemId, &error)) {
                responder.respond(error.isEmpty() ? notFound() : apijson::serverError(error));
                return;
            }
            qCInfo(lcServer).noquote()
                << "user" << principal.userId << "removed the Item" << itemId;
            emit itemChanged(principal.userId, itemId);
            responder.respond(apijson::ok({{QStringLiteral("removed"), true}}));
        });
}

} // namespace weft::server
