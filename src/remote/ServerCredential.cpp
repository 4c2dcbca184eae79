#include "remote/ServerCredential.h"

#include "core/Clock.h"
#include "core/Redaction.h"
#include "remote/RemoteLogging.h"
#include "vault/TokenVault.h"

#include <QPointer>

namespace weft::remote {
namespace {

// A new access token this long before the old one lapses: the push socket checks each minute,
// and must sign in with the new one while the old still holds.
constexpr qint64 kRefreshAheadSeconds = 150;

} // namespace

ServerCredential::ServerCredential(ServerTransport *transport, vault::SecretStore *secrets,
                                   Clock *clock, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_vault(new vault::TokenVault(secrets, this))
    , m_clock(clock)
{
}

ServerCredential::~ServerCredential() = default;

QString ServerCredential::keychainKey(const QUrl &server)
{
    return QStringLiteral("weft-server:%1")
        .arg(server
                 .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                           QUrl::RemoveUserInfo)
                 .toString());
}

ServerReply ServerCredential::localFailure(const QString &code, const QString &message)
{
    ServerReply reply;
    reply.status = plaid::PlaidStatus::ApiError;
    reply.errorCode = code;
    reply.errorString = message;
    reply.apiError.errorType = QStringLiteral("WEFT_DESKTOP");
    reply.apiError.errorCode = code;
    reply.apiError.errorMessage = message;
    reply.apiError.displayMessage = message;
    return reply;
}

void ServerCredential::enrol(const QString &code, QObject *context, const Done &done)
{
    QPointer<QObject> guard(context);
    m_transport->send(
        "POST", QStringLiteral("/v1/enrol"), {{QStringLiteral("enrolment_code"), code.trimmed()}},
        {}, this, [this, guard, done](const ServerReply &reply) {
            if (!reply.ok()) {
                if (guard)
                    done(reply.status == plaid::PlaidStatus::ApiError
                             ? tr("The server did not accept the enrolment code: %1")
                                   .arg(reply.errorString)
                             : tr("The server could not be reached: %1").arg(reply.describe()));
                return;
            }
            adopt(reply.body, [guard, done](const QString &problem) {
                if (guard)
                    done(problem);
            });
        });
}

void ServerCredential::adopt(const QJsonObject &issued, const Done &saved)
{
    const QString refreshToken = issued.value(QLatin1StringView("refresh_token")).toString();
    const QString accessToken = issued.value(QLatin1StringView("access_token")).toString();
    const QDateTime expires = QDateTime::fromString(
        issued.value(QLatin1StringView("access_expires_at")).toString(), Qt::ISODate);
    const QJsonObject user = issued.value(QLatin1StringView("user")).toObject();
    if (refreshToken.isEmpty() || accessToken.isEmpty() || !expires.isValid()) {
        saved(tr("The server's sign-in answer is incomplete (no tokens or expiry)."));
        return;
    }
    redaction::registerSecret(refreshToken);
    redaction::registerSecret(accessToken);
    m_accessToken = accessToken;
    m_accessExpiresAt = expires;
    m_account = {user.value(QLatin1StringView("email")).toString(),
                 user.value(QLatin1StringView("role")).toString()};
    m_unsavedRefreshToken = refreshToken; // until the keychain has it
    m_vault->store(keychainKey(m_transport->baseUrl()), refreshToken, this,
                   [this, refreshToken, saved](const vault::SecretResult &result) {
                       if (!result.ok()) {
                           qCCritical(lcRemote)
                               << "the server sign-in could not be saved to the keychain; kept "
                                  "in memory until the next refresh:"
                               << result.describe();
                           saved(tr("The sign-in could not be saved to the keychain: %1")
                                     .arg(result.describe()));
                           return;
                       }
                       if (m_unsavedRefreshToken == refreshToken)
                           m_unsavedRefreshToken.clear();
                       saved({});
                   });
}

void ServerCredential::withAccessToken(QObject *context, TokenDone done)
{
    if (!m_endedWhy.isEmpty()) { // the server said no: asking again would only repeat it
        done({}, localFailure(QStringLiteral("SIGN_IN_ENDED"), m_endedWhy));
        return;
    }
    if (!m_accessToken.isEmpty() &&
        m_clock->now().secsTo(m_accessExpiresAt) > kRefreshAheadSeconds) {
        done(m_accessToken, {});
        return;
    }
    QPointer<QObject> guard(context);
    m_waiters.append([guard, done = std::move(done)](const QString &token, const ServerReply &r) {
        if (guard)
            done(token, r);
    });
    if (!m_refreshing)
        refresh();
}

void ServerCredential::forgetAccessToken()
{
    m_accessToken.clear();
}

void ServerCredential::refresh()
{
    m_refreshing = true;
    m_accessToken.clear();
    if (!m_unsavedRefreshToken.isEmpty()) {
        refreshWith(m_unsavedRefreshToken);
        return;
    }
    m_vault->read(keychainKey(m_transport->baseUrl()), this,
                  [this](const vault::SecretResult &result) {
                      if (result.status == vault::SecretStatus::NotFound) {
                          finishWaiters({}, localFailure(QStringLiteral("NOT_ENROLLED"),
                                                         tr("This computer is not enrolled with "
                                                            "the server: enter an enrolment code "
                                                            "in the settings.")));
                          return;
                      }
                      if (!result.ok()) {
                          finishWaiters({}, localFailure(QStringLiteral("KEYCHAIN"),
                                                         tr("The server sign-in could not be "
                                                            "read from the keychain: %1")
                                                             .arg(result.describe())));
                          return;
                      }
                      redaction::registerSecret(result.secret);
                      refreshWith(result.secret);
                  });
}

void ServerCredential::refreshWith(const QString &refreshToken)
{
    m_transport->send(
        "POST", QStringLiteral("/v1/session/refresh"),
        {{QStringLiteral("refresh_token"), refreshToken}}, {}, this,
        [this](const ServerReply &reply) {
            if (!reply.ok()) {
                if (reply.status == plaid::PlaidStatus::ApiError && reply.httpStatus == 401) {
                    m_accessToken.clear();
                    const QString why = tr("The server ended this computer's sign-in (%1). "
                                           "Enter a new enrolment code in the settings.")
                                            .arg(reply.errorString);
                    m_endedWhy = why;
                    m_unsavedRefreshToken.clear();
                    emit signInEnded(why);
                    finishWaiters({}, localFailure(QStringLiteral("SIGN_IN_ENDED"), why));
                    return;
                }
                finishWaiters({}, reply);
                return;
            }
            const QString issued = reply.body.value(QLatin1StringView("access_token")).toString();
            adopt(reply.body, [this, issued](const QString &problem) {
                // A keychain problem does not stop this session: the new refresh token is
                // held in memory and saved again at the next refresh.
                if (m_accessToken.isEmpty() && !issued.isEmpty())
                    finishWaiters(issued, {}); // forgotten meanwhile, but just issued
                else if (m_accessToken.isEmpty())
                    finishWaiters({}, localFailure(QStringLiteral("INVALID_ANSWER"), problem));
                else
                    finishWaiters(m_accessToken, {});
            });
        });
}

void ServerCredential::finishWaiters(const QString &accessToken, const ServerReply &failure)
{
    m_refreshing = false;
    const QList<TokenDone> waiters = std::exchange(m_waiters, {});
    for (const TokenDone &waiter : waiters)
        waiter(accessToken, failure);
}

void ServerCredential::signOut(QObject *context, const Done &done)
{
    QPointer<QObject> guard(context);
    const QString key = keychainKey(m_transport->baseUrl());
    auto forget = [this, guard, done, key] {
        m_accessToken.clear();
        m_unsavedRefreshToken.clear();
        m_vault->remove(key, this, [guard, done](const vault::SecretResult &result) {
            if (guard)
                done(result.ok() ? QString() : result.describe());
        });
    };
    auto endAtServer = [this, forget](const QString &refreshToken) {
        if (refreshToken.isEmpty()) {
            forget();
            return;
        }
        // Whatever the server answers, this desktop forgets the sign-in.
        m_transport->send("POST", QStringLiteral("/v1/session/sign_out"),
                          {{QStringLiteral("refresh_token"), refreshToken}}, {}, this,
                          [forget](const ServerReply &) { forget(); });
    };
    if (!m_unsavedRefreshToken.isEmpty()) {
        endAtServer(m_unsavedRefreshToken);
        return;
    }
    m_vault->read(key, this, [endAtServer](const vault::SecretResult &result) {
        endAtServer(result.ok() ? result.secret : QString());
    });
}

} // namespace weft::remote
