// SandboxApi: Items, accounts, institutions and the /sandbox endpoints.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxLogin.h"
#include "sandbox/SandboxValidation.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace weft::sandbox {
namespace {

using json::iso;

// "<kind>-<environment>-<identifier>"; environment is what follows the kind.
bool hasTokenFormat(const QString &token, QStringView kind, QString *environment)
{
    static const QRegularExpression re(
        QStringLiteral("^(access|public|link)-(sandbox|development|production)-[0-9a-f-]{36}$"));
    const QRegularExpressionMatch match = re.match(token);
    if (!match.hasMatch() || match.captured(1) != kind)
        return false;
    *environment = match.captured(2);
    return true;
}

} // namespace

std::optional<SandboxResponse> SandboxApi::findItem(const Call &call, ItemRecord **item)
{
    const QString token = call.body.value(QLatin1StringView("access_token")).toString();
    QString environment;
    if (!hasTokenFormat(token, u"access", &environment)) {
        return fail(call, u"INVALID_ACCESS_TOKEN",
                    QStringLiteral("provided access token is in an invalid format. expected "
                                   "format: access-<environment>-<identifier>"));
    }
    if (environment != u"sandbox") {
        return fail(call, u"INVALID_ACCESS_TOKEN",
                    QStringLiteral("provided access token is for the %1 environment; this is the "
                                   "sandbox environment")
                        .arg(environment));
    }
    const QString itemId = m_store.itemByAccessToken.value(ids::tokenHash(token));
    auto it = m_store.items.find(itemId);
    if (itemId.isEmpty() || it == m_store.items.end() || it->clientId != call.clientId)
        return fail(call, u"INVALID_ACCESS_TOKEN");
    *item = &*it;
    return std::nullopt;
}

QJsonObject SandboxApi::itemJson(const ItemRecord &record) const
{
    plaid::Item item = record.item;
    if (const CatalogInstitution *institution = SandboxCatalog::institution(item.institutionId)) {
        // Only what the sandbox serves: the bank's products it emulates, not yet billed.
        const QStringList emulated =
            validation::notIn(institution->institution.products,
                              validation::notIn(institution->institution.products,
                                                SandboxCatalog::supportedProducts()));
        item.availableProducts = validation::notIn(emulated, item.billedProducts);
    }
    return item.toJson();
}

QString SandboxApi::createItem(const QString &clientId, const QString &institutionId,
                               const QStringList &products, const QString &webhook, QString *itemId)
{
    const CatalogInstitution *institution = SandboxCatalog::institution(institutionId);
    ItemRecord record;
    record.clientId = clientId;
    record.item.itemId = ids::objectId();
    record.item.institutionId = institutionId;
    record.item.institutionName = institution->institution.name;
    record.item.webhook = webhook;
    record.item.billedProducts = products;
    record.item.products = products;
    record.item.consentedProducts = products;
    record.item.updateType = QStringLiteral("background");
    record.item.createdAt = m_clock->now();
    if (institution->institution.oauth)
        record.item.consentExpirationTime = record.item.createdAt.addDays(365);
    record.accounts = SandboxCatalog::newAccounts(*institution);
    *itemId = record.item.itemId;
    m_store.items.insert(record.item.itemId, record);
    stateChanged();
    return *itemId;
}

QString SandboxApi::issuePublicToken(const QString &clientId, const QString &itemId)
{
    PublicTokenRecord record;
    record.clientId = clientId;
    record.itemId = itemId;
    record.expiration = m_clock->now().addSecs(kPublicTokenMinutes * 60);
    QString token = ids::token(u"public");
    m_store.publicTokens.insert(ids::tokenHash(token), record);
    stateChanged();
    return token;
}

SandboxResponse SandboxApi::publicTokenExchange(const Call &call)
{
    const QString token = call.body.value(QLatin1StringView("public_token")).toString();
    QString environment;
    if (!hasTokenFormat(token, u"public", &environment)) {
        return fail(call, u"INVALID_PUBLIC_TOKEN",
                    QStringLiteral("provided public token is in an invalid format. expected "
                                   "format: public-<environment>-<identifier>"));
    }
    auto it = m_store.publicTokens.find(ids::tokenHash(token));
    if (environment != u"sandbox" || it == m_store.publicTokens.end() ||
        it->clientId != call.clientId)
        return fail(call, u"INVALID_PUBLIC_TOKEN");
    if (it->used) {
        return fail(call, u"INVALID_PUBLIC_TOKEN",
                    QStringLiteral("provided public token has already been exchanged. public "
                                   "tokens can only be exchanged once"));
    }
    if (it->expiration <= m_clock->now()) {
        return fail(call, u"INVALID_PUBLIC_TOKEN",
                    QStringLiteral("provided public token is expired. Public tokens expire 30 "
                                   "minutes after creation at which point they can no longer be "
                                   "exchanged"));
    }
    auto item = m_store.items.find(it->itemId);
    if (item == m_store.items.end())
        return fail(call, u"INVALID_PUBLIC_TOKEN",
                    QStringLiteral("the Item of this public token was removed"));
    if (!item->accessTokenHash.isEmpty()) {
        return fail(call, u"INVALID_PUBLIC_TOKEN",
                    QStringLiteral("this public token comes from an update-mode Link session: the "
                                   "Item's access token is unchanged and needs no exchange"));
    }
    it->used = true;
    const QString accessToken = ids::token(u"access");
    item->accessTokenHash = ids::tokenHash(accessToken);
    m_store.itemByAccessToken.insert(item->accessTokenHash, item->item.itemId);
    stateChanged();
    return ok(call, {{QStringLiteral("access_token"), accessToken},
                     {QStringLiteral("item_id"), item->item.itemId}});
}

SandboxResponse SandboxApi::itemGet(const Call &call)
{
    ItemRecord *item = nullptr;
    if (auto error = findItem(call, &item))
        return *error;
    const QJsonObject transactions{
        {QStringLiteral("last_successful_update"), iso(item->item.createdAt)},
        {QStringLiteral("last_failed_update"), QJsonValue::Null}};
    const QJsonObject status{{QStringLiteral("transactions"), transactions},
                             {QStringLiteral("last_webhook"), QJsonValue::Null}};
    return ok(call,
              {{QStringLiteral("item"), itemJson(*item)}, {QStringLiteral("status"), status}});
}

SandboxResponse SandboxApi::itemRemove(const Call &call)
{
    ItemRecord *item = nullptr;
    if (auto error = findItem(call, &item))
        return *error;
    static const QStringList reasons{QStringLiteral("FRAUD_FIRST_PARTY"),
                                     QStringLiteral("FRAUD_FALSE_IDENTITY"),
                                     QStringLiteral("FRAUD_ABUSE"),
                                     QStringLiteral("FRAUD_OTHER"),
                                     QStringLiteral("CONNECTION_IS_NON_FUNCTIONAL"),
                                     QStringLiteral("OTHER")};
    const QJsonValue reason = call.body.value(QLatin1StringView("reason_code"));
    if (!reason.isUndefined() && !reason.isNull() && !reasons.contains(reason.toString())) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("reason_code must be one of: ") +
                        reasons.join(QStringLiteral(", ")));
    }
    m_store.itemByAccessToken.remove(item->accessTokenHash);
    m_store.items.remove(item->item.itemId);
    stateChanged();
    return ok(call, {});
}

std::optional<SandboxResponse> SandboxApi::itemAccounts(const Call &call, ItemRecord **item,
                                                        QList<plaid::Account> *accounts)
{
    if (auto error = findItem(call, item))
        return error;
    if ((*item)->item.error)
        return fail(call, (*item)->item.error->errorCode);
    QStringList wanted;
    const QJsonValue optionsValue = call.body.value(QLatin1StringView("options"));
    if (!optionsValue.isUndefined() && !optionsValue.isNull() && !optionsValue.isObject())
        return fail(call, u"INVALID_FIELD", QStringLiteral("options must be an object"));
    const QJsonObject options = optionsValue.toObject();
    if (options.contains(QLatin1StringView("account_ids")) &&
        !options.value(QLatin1StringView("account_ids")).isNull() &&
        !validation::stringArray(options.value(QLatin1StringView("account_ids")), &wanted)) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("options.account_ids must be an array of strings"));
    }
    accounts->clear();
    QStringList found;
    for (const plaid::Account &account : std::as_const((*item)->accounts)) {
        if (!wanted.isEmpty() && !wanted.contains(account.accountId))
            continue;
        accounts->append(account);
        found.append(account.accountId);
    }
    if (!validation::notIn(wanted, found).isEmpty())
        return fail(call, u"INVALID_ACCOUNT_ID");
    return std::nullopt;
}

SandboxResponse SandboxApi::accountsGet(const Call &call)
{
    ItemRecord *item = nullptr;
    QList<plaid::Account> chosen;
    if (auto error = itemAccounts(call, &item, &chosen))
        return *error;
    QJsonArray accounts;
    for (const plaid::Account &account : std::as_const(chosen))
        accounts.append(account.toJson());
    return ok(call,
              {{QStringLiteral("accounts"), accounts}, {QStringLiteral("item"), itemJson(*item)}});
}

SandboxResponse SandboxApi::sandboxPublicTokenCreate(const Call &call)
{
    const QString institutionId = call.body.value(QLatin1StringView("institution_id")).toString();
    const CatalogInstitution *institution = SandboxCatalog::institution(institutionId);
    if (!institution)
        return fail(call, u"INVALID_INSTITUTION");
    QStringList products;
    if (!validation::stringArray(call.body.value(QLatin1StringView("initial_products")),
                                 &products) ||
        products.isEmpty()) {
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("initial_products must be a non-empty array of products"));
    }
    QString code;
    if (const QString problem = SandboxCatalog::productProblem(products, &code); !problem.isEmpty())
        return fail(call, code, problem);
    if (const QStringList missing = validation::notIn(products, institution->institution.products);
        !missing.isEmpty()) {
        return fail(
            call, u"INVALID_PRODUCT",
            QStringLiteral("the following products are not supported by this institution: ") +
                missing.join(QStringLiteral(", ")));
    }
    const QJsonObject options = call.body.value(QLatin1StringView("options")).toObject();
    const QString webhook = options.value(QLatin1StringView("webhook")).toString();
    if (options.contains(QLatin1StringView("webhook")) && !validation::isWebUrl(webhook))
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("options.webhook must be an http or https URL"));
    const QJsonValue username = options.value(QLatin1StringView("override_username"));
    const QJsonValue password = options.value(QLatin1StringView("override_password"));
    const LoginOutcome login =
        checkSandboxLogin(username.isString() ? username.toString() : QStringLiteral("user_good"),
                          password.isString() ? password.toString() : QStringLiteral("pass_good"),
                          QString::fromUtf16(kSandboxMfaCode));
    if (login.kind != LoginOutcome::Kind::Success)
        return fail(call.requestId, login.error);
    QString itemId;
    createItem(call.clientId, institutionId, products, webhook, &itemId);
    return ok(call, {{QStringLiteral("public_token"), issuePublicToken(call.clientId, itemId)}});
}

SandboxResponse SandboxApi::sandboxItemResetLogin(const Call &call)
{
    ItemRecord *item = nullptr;
    if (auto error = findItem(call, &item))
        return *error;
    item->item.error = sandboxError(u"ITEM_LOGIN_REQUIRED");
    stateChanged();
    queueItemWebhook(*item, QStringLiteral("ERROR"), item->item.error);
    return ok(call, {{QStringLiteral("reset_login"), true}});
}

SandboxResponse SandboxApi::sandboxItemFireWebhook(const Call &call)
{
    static const QStringList types{QStringLiteral("AUTH"),
                                   QStringLiteral("HOLDINGS"),
                                   QStringLiteral("INVESTMENTS_TRANSACTIONS"),
                                   QStringLiteral("ITEM"),
                                   QStringLiteral("LIABILITIES"),
                                   QStringLiteral("TRANSACTIONS"),
                                   QStringLiteral("ASSETS")};
    // The codes this sandbox can fire: Item webhooks whose cause it emulates.
    static const QStringList emulated{
        QStringLiteral("NEW_ACCOUNTS_AVAILABLE"), QStringLiteral("LOGIN_REPAIRED"),
        QStringLiteral("SYNC_UPDATES_AVAILABLE"), QStringLiteral("ERROR")};
    const QJsonValue type = call.body.value(QLatin1StringView("webhook_type"));
    if (!type.isUndefined() && !types.contains(type.toString()))
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("webhook_type must be one of: ") +
                        types.join(QStringLiteral(", ")));
    const QString code = call.body.value(QLatin1StringView("webhook_code")).toString();
    if (!emulated.contains(code))
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("webhook_code %1 is not fired by this sandbox; it fires: %2")
                        .arg(code, emulated.join(QStringLiteral(", "))));
    ItemRecord *item = nullptr;
    if (auto error = findItem(call, &item))
        return *error;
    if (item->item.webhook.isEmpty() || !validation::isWebUrl(item->item.webhook))
        return fail(call, u"SANDBOX_WEBHOOK_INVALID");

    if (code == u"SYNC_UPDATES_AVAILABLE") {
        if (!item->item.billedProducts.contains(u"transactions"))
            return fail(call, u"SANDBOX_PRODUCT_NOT_ENABLED",
                        QStringLiteral("The transactions product is not enabled on this item"));
        queueSyncWebhook(*item);
        return ok(call, {{QStringLiteral("webhook_fired"), true}});
    }
    if (code == u"ERROR") { // the bank asks the user to sign in again, as reset_login
        item->item.error = sandboxError(u"ITEM_LOGIN_REQUIRED");
        stateChanged();
        queueItemWebhook(*item, code, item->item.error);
        return ok(call, {{QStringLiteral("webhook_fired"), true}});
    }
    if (code == u"NEW_ACCOUNTS_AVAILABLE") {
        // The user opened an account at the bank; the Item does not share it until the user
        // chooses it in update mode with account selection.
        const CatalogInstitution *institution =
            SandboxCatalog::institution(item->item.institutionId);
        if (!institution)
            return fail(call, u"INTERNAL_SERVER_ERROR");
        const int opened = int(item->newAccountIds.size()) + 1;
        const plaid::Account account = SandboxCatalog::openedAccount(*institution, opened);
        item->unsharedAccounts.append(account);
        item->newAccountIds.append(account.accountId);
    } else if (item->item.error && item->item.error->errorCode == u"ITEM_LOGIN_REQUIRED") {
        item->item.error.reset(); // LOGIN_REPAIRED: fixed without update mode
    }
    stateChanged();
    queueItemWebhook(*item, code, std::nullopt);
    return ok(call, {{QStringLiteral("webhook_fired"), true}});
}

} // namespace weft::sandbox
