#include "vault/KeychainSecretStore.h"

#include "vault/VaultLogging.h"

#include <QLibrary>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace weft::vault {
namespace {

SecretStatus statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStatus::Ok;
    case QKeychain::EntryNotFound:
        return SecretStatus::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStatus::NoBackend;
    case QKeychain::AccessDenied:
        return SecretStatus::AccessDenied;
    case QKeychain::AccessDeniedByUser:
        return SecretStatus::DeniedByUser;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        return SecretStatus::Other;
    }
    return SecretStatus::Other;
}

// QtKeychain reaches the Secret Service through libsecret, which it loads at run time: without
// it, it tries KWallet over D-Bus and, on a desktop without KWallet, fails with "Unknown
// error". Checked once, on the first failure.
bool libsecretLoadable()
{
#if defined(Q_OS_LINUX)
    static const bool loadable = QLibrary(QStringLiteral("secret-1"), 0).load();
    return loadable;
#else
    return true;
#endif
}

// Drops libsecret's process-wide Secret Service connection (QtKeychain loads libsecret at run
// time, so this does too): the next call opens a fresh one, with a fresh session.
void reconnectSecretService()
{
#if defined(Q_OS_LINUX)
    QLibrary libsecret(QStringLiteral("secret-1"), 0);
    if (!libsecret.load())
        return; // QtKeychain then talks D-Bus itself, with no session to go stale
    using Disconnect = void (*)();
    if (auto disconnect =
            reinterpret_cast<Disconnect>(libsecret.resolve("secret_service_disconnect")))
        disconnect();
    qCInfo(lcVault) << "reconnecting to the Secret Service";
#endif
}

} // namespace

SecretStatus KeychainSecretStore::explainFailure(SecretStatus status,
                                                 const std::function<bool()> &libraryLoadable)
{
    if (status == SecretStatus::Ok || status == SecretStatus::NotFound)
        return status;
    if ((status == SecretStatus::Other || status == SecretStatus::NoBackend) && !libraryLoadable())
        return SecretStatus::NoLibrary;
    return status;
}

KeychainSecretStore::KeychainSecretStore(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service))
    , m_timeout(timeout)
{
}

template<typename Job>
void KeychainSecretStore::run(Job *job, const QString &key, QObject *context, Done done)
{
    if (std::exchange(*m_reconnect, false))
        reconnectSecretService();
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy
    job->setKey(key);
    QPointer<QObject> guard(context);
    // Whichever comes first, the job's answer or the timeout, answers; the other is ignored.
    auto answered = std::make_shared<bool>(false);
    auto answer = [guard, done = std::move(done), answered](const SecretResult &result) {
        if (std::exchange(*answered, true))
            return;
        if (guard)
            done(result);
    };
    auto reconnect = m_reconnect;
    QObject::connect(
        job, &QKeychain::Job::finished, job, [job, key, answer, reconnect](QKeychain::Job *) {
            SecretResult result;
            result.status = explainFailure(statusOf(job->error()), libsecretLoadable);
            if (result.status != SecretStatus::Ok && result.status != SecretStatus::NotFound) {
                result.message = job->errorString();
                *reconnect = true;
                qCWarning(lcVault).nospace() << "keychain " << statusName(result.status) << " for "
                                             << key << ": " << result.message;
            }
            if (result.ok()) {
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
                    result.secret = read->textData();
            }
            answer(result);
        });
    // The timer lives in the context (or the job, if there is no context): the answer must not
    // outlive either.
    QObject *timerOwner = context ? context : static_cast<QObject *>(job);
    const std::chrono::milliseconds timeout = m_timeout;
    QTimer::singleShot(timeout, timerOwner, [key, answer, answered, reconnect, timeout] {
        if (*answered)
            return;
        *reconnect = true;
        qCWarning(lcVault).nospace()
            << "keychain timed out for " << key << " after " << timeout.count() << " ms";
        SecretResult result;
        result.status = SecretStatus::TimedOut;
        answer(result);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    run(job, key, context, std::move(done));
}

void KeychainSecretStore::read(const QString &key, QObject *context, Done done)
{
    run(new QKeychain::ReadPasswordJob(m_service), key, context, std::move(done));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Done done)
{
    run(new QKeychain::DeletePasswordJob(m_service), key, context, std::move(done));
}

} // namespace weft::vault
