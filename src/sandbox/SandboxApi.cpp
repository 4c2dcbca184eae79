#include "sandbox/SandboxApi.h"

#include "core/Clock.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxIds.h"
#include "sandbox/SandboxLogging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QScopedValueRollback>

namespace weft::sandbox {
namespace {

struct EndpointFields
{
    const char *path;
    const char *required; // comma-separated
    const char *allowed;  // comma-separated, beside client_id and secret
};

// Request fields as the 2020-09-14 API defines them.
constexpr EndpointFields kEndpoints[] = {
    {"/link/token/create", "client_name,language,country_codes,user",
     "client_name,language,country_codes,user,user_id,products,required_if_supported_products,"
     "optional_products,additional_consented_products,webhook,access_token,access_tokens,"
     "link_customization_name,appearance_mode,redirect_uri,android_package_name,"
     "institution_data,card_switch,account_filters,eu_config,institution_id,"
     "payment_configuration,payment_initiation,employment,income_verification,base_report,"
     "credit_partner_insights,cra_options,consumer_report_permissible_purpose,auth,transfer,"
     "update,identity_verification,statements,third_party_user_token,investments,"
     "investments_auth,hosted_link,transactions,cashflow_report,cra_enabled,identity,"
     "financekit_supported,enable_multi_item_link,user_token"},
    {"/link/token/get", "link_token", "link_token"},
    {"/item/public_token/exchange", "public_token", "public_token"},
    {"/item/get", "access_token", "access_token"},
    {"/item/remove", "access_token", "access_token,reason_code,reason_note"},
    {"/accounts/get", "access_token", "access_token,options"},
    {"/accounts/balance/get", "access_token", "access_token,options"},
    {"/auth/get", "access_token", "access_token,options"},
    {"/identity/get", "access_token", "access_token,options"},
    {"/investments/holdings/get", "access_token", "access_token,options"},
    {"/liabilities/get", "access_token", "access_token,options"},
    {"/transactions/sync", "access_token", "access_token,cursor,count,options"},
    {"/transactions/refresh", "access_token", "access_token"},
    {"/institutions/get_by_id", "institution_id,country_codes",
     "institution_id,country_codes,options"},
    {"/institutions/search", "query,country_codes", "query,products,country_codes,options"},
    {"/institutions/get", "count,offset,country_codes", "count,offset,country_codes,options"},
    {"/sandbox/public_token/create", "institution_id,initial_products",
     "institution_id,initial_products,options,user_token,user_id"},
    {"/sandbox/item/reset_login", "access_token", "access_token"},
    {"/sandbox/item/fire_webhook", "access_token,webhook_code",
     "access_token,webhook_type,webhook_code"},
    {"/webhook_verification_key/get", "key_id", "key_id"},
    {"/item/webhook/update", "access_token", "access_token,webhook"},
};

const EndpointFields *fieldsFor(const QString &path)
{
    for (const EndpointFields &entry : kEndpoints) {
        if (path == QLatin1StringView(entry.path))
            return &entry;
    }
    return nullptr;
}

QStringList split(const char *list)
{
    return QString::fromLatin1(list).split(u',', Qt::SkipEmptyParts);
}

} // namespace

SandboxApi::SandboxApi(Clock *clock, SandboxCredentials credentials, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_credentials(std::move(credentials))
    , m_webhookKey(clock->now().toSecsSinceEpoch())
{
}

SandboxApi::~SandboxApi() = default;

bool SandboxApi::isEndpoint(const QString &path)
{
    return fieldsFor(path) != nullptr;
}

QStringList SandboxApi::endpoints()
{
    QStringList list;
    for (const EndpointFields &entry : kEndpoints)
        list.append(QString::fromLatin1(entry.path));
    return list;
}

SandboxApi::Handler SandboxApi::handlerFor(const QString &path)
{
    static const QHash<QString, Handler> handlers{
        {QStringLiteral("/link/token/create"), &SandboxApi::linkTokenCreate},
        {QStringLiteral("/link/token/get"), &SandboxApi::linkTokenGet},
        {QStringLiteral("/item/public_token/exchange"), &SandboxApi::publicTokenExchange},
        {QStringLiteral("/item/get"), &SandboxApi::itemGet},
        {QStringLiteral("/item/remove"), &SandboxApi::itemRemove},
        {QStringLiteral("/accounts/get"), &SandboxApi::accountsGet},
        {QStringLiteral("/accounts/balance/get"), &SandboxApi::accountsBalanceGet},
        {QStringLiteral("/auth/get"), &SandboxApi::authGet},
        {QStringLiteral("/identity/get"), &SandboxApi::identityGet},
        {QStringLiteral("/investments/holdings/get"), &SandboxApi::investmentsHoldingsGet},
        {QStringLiteral("/liabilities/get"), &SandboxApi::liabilitiesGet},
        {QStringLiteral("/transactions/sync"), &SandboxApi::transactionsSync},
        {QStringLiteral("/transactions/refresh"), &SandboxApi::transactionsRefresh},
        {QStringLiteral("/institutions/get_by_id"), &SandboxApi::institutionsGetById},
        {QStringLiteral("/institutions/search"), &SandboxApi::institutionsSearch},
        {QStringLiteral("/institutions/get"), &SandboxApi::institutionsGet},
        {QStringLiteral("/sandbox/public_token/create"), &SandboxApi::sandboxPublicTokenCreate},
        {QStringLiteral("/sandbox/item/reset_login"), &SandboxApi::sandboxItemResetLogin},
        {QStringLiteral("/sandbox/item/fire_webhook"), &SandboxApi::sandboxItemFireWebhook},
        {QStringLiteral("/webhook_verification_key/get"), &SandboxApi::webhookVerificationKeyGet},
        {QStringLiteral("/item/webhook/update"), &SandboxApi::itemWebhookUpdate},
    };
    return handlers.value(path, nullptr);
}

SandboxResponse SandboxApi::handle(const SandboxRequest &request)
{
    const QString requestId = ids::requestId();
    SandboxResponse response;
    const Handler handler = handlerFor(request.path);
    if (!handler) {
        response = fail(requestId, sandboxError(u"NOT_FOUND", QStringLiteral("unknown endpoint ") +
                                                                  request.path));
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        Call call;
        call.requestId = requestId;
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            response = fail(requestId, sandboxError(u"INVALID_BODY"));
        } else if (auto denied =
                       authenticate(request, document.object(), &call.clientId, requestId)) {
            response = *denied;
        } else if (auto invalid = checkFields(request.path, document.object(), requestId)) {
            response = *invalid;
        } else {
            call.body = document.object();
            call.body.remove(QStringLiteral("client_id"));
            call.body.remove(QStringLiteral("secret"));
            response = transact([&] { return (this->*handler)(call); });
        }
    }
    // Webhooks go out once their cause is saved, and only then.
    const QList<Webhook> webhooks = std::exchange(m_outbox, {});
    if (response.status == 200) {
        for (const Webhook &webhook : webhooks)
            emit webhookFired(webhook.url, webhook.payload);
    }
    qCDebug(lcSandbox).nospace() << "POST " << request.path << " -> " << response.status << " "
                                 << requestId;
    emit requestHandled(request.path, response.status);
    return response;
}

std::optional<SandboxResponse> SandboxApi::authenticate(const SandboxRequest &request,
                                                        const QJsonObject &body, QString *clientId,
                                                        const QString &requestId)
{
    const QJsonValue bodyId = body.value(QLatin1StringView("client_id"));
    const QJsonValue bodySecret = body.value(QLatin1StringView("secret"));
    const QString id = bodyId.isString() ? bodyId.toString() : request.headerClientId;
    const QString secret = bodySecret.isString() ? bodySecret.toString() : request.headerSecret;
    QStringList missing;
    if (id.isEmpty())
        missing << QStringLiteral("client_id");
    if (secret.isEmpty())
        missing << QStringLiteral("secret");
    if (!missing.isEmpty()) {
        return fail(requestId,
                    sandboxError(u"MISSING_FIELDS",
                                 QStringLiteral("the following required fields are missing: ") +
                                     missing.join(QStringLiteral(", "))));
    }
    const bool pinned = !m_credentials.clientId.isEmpty() && !m_credentials.secret.isEmpty();
    if (pinned && (id != m_credentials.clientId || secret != m_credentials.secret))
        return fail(requestId, sandboxError(u"INVALID_API_KEYS"));
    *clientId = id;
    return std::nullopt;
}

std::optional<SandboxResponse> SandboxApi::checkFields(const QString &path, const QJsonObject &body,
                                                       const QString &requestId)
{
    const EndpointFields *fields = fieldsFor(path);
    const QStringList allowed = split(fields->allowed);
    QStringList unknown;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != u"client_id" && it.key() != u"secret" && !allowed.contains(it.key()))
            unknown << it.key();
    }
    if (!unknown.isEmpty()) {
        return fail(requestId,
                    sandboxError(u"UNKNOWN_FIELDS",
                                 QStringLiteral("the following fields are not recognized by this "
                                                "endpoint: ") +
                                     unknown.join(QStringLiteral(", "))));
    }
    QStringList missing;
    for (const QString &name : split(fields->required)) {
        const QJsonValue value = body.value(name);
        if (value.isUndefined() || value.isNull() ||
            (value.isString() && value.toString().isEmpty()))
            missing << name;
    }
    if (!missing.isEmpty()) {
        return fail(requestId,
                    sandboxError(u"MISSING_FIELDS",
                                 QStringLiteral("the following required fields are missing: ") +
                                     missing.join(QStringLiteral(", "))));
    }
    return std::nullopt;
}

SandboxResponse SandboxApi::ok(const Call &call, QJsonObject body)
{
    body.insert(QStringLiteral("request_id"), call.requestId);
    return {200, body};
}

SandboxResponse SandboxApi::fail(const QString &requestId, const plaid::PlaidError &error)
{
    plaid::PlaidError withId = error;
    withId.requestId = requestId;
    return {error.httpStatus, withId.toJson()};
}

SandboxResponse SandboxApi::fail(const Call &call, QStringView code, const QString &message)
{
    return fail(call.requestId, sandboxError(code, message));
}

bool SandboxApi::attachStateFile(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->getLockInfo(&pid, &host, &application);
        *error = QStringLiteral("%1 is in use by another process (%2, pid %3)")
                     .arg(path, application.isEmpty() ? QStringLiteral("unknown") : application)
                     .arg(pid);
        return false;
    }
    if (!m_store.load(path, error))
        return false;
    m_stateLock = std::move(lock);
    m_statePath = path;
    m_store.prune(m_clock->now());
    qCInfo(lcSandbox) << "state file" << path << "with" << m_store.items.size() << "Items";
    return true;
}

SandboxResponse SandboxApi::transact(const std::function<SandboxResponse()> &operation)
{
    if (m_statePath.isEmpty() || m_inTransaction)
        return operation();
    const QScopedValueRollback<bool> inTransaction(m_inTransaction, true);
    // Copies share their data until the operation writes, so a read costs nothing here.
    const SandboxStore before = m_store;
    const QHash<QString, PendingLogin> pendingBefore = m_pendingLogins;
    m_stateChanged = false;
    SandboxResponse response = operation();
    if (!std::exchange(m_stateChanged, false))
        return response;
    QString error;
    if (m_store.save(m_statePath, &error))
        return response;
    qCWarning(lcSandbox) << "could not save the sandbox state to" << m_statePath << ":" << error
                         << "- the request fails and changes nothing";
    m_store = before;
    m_pendingLogins = pendingBefore;
    return fail(ids::requestId(),
                sandboxError(u"INTERNAL_SERVER_ERROR",
                             QStringLiteral("the sandbox could not save its state (%1); nothing "
                                            "was changed")
                                 .arg(error)));
}

SandboxResponse SandboxApi::startLinkSession(const QJsonObject &body)
{
    return transact([&] { return startSession(body); });
}

SandboxResponse SandboxApi::loginLinkSession(const QJsonObject &body)
{
    return transact([&] { return loginSession(body); });
}

SandboxResponse SandboxApi::completeLinkSession(const QJsonObject &body)
{
    return transact([&] { return completeSession(body); });
}

SandboxResponse SandboxApi::exitLinkSession(const QJsonObject &body)
{
    return transact([&] { return exitSession(body); });
}

bool SandboxApi::flushState()
{
    if (m_statePath.isEmpty())
        return true;
    QString error;
    if (m_store.save(m_statePath, &error))
        return true;
    qCWarning(lcSandbox) << "could not save the sandbox state to" << m_statePath << ":" << error;
    return false;
}

} // namespace weft::sandbox
