#include "vault/KeychainSecretStore.h"

#include "vault/VaultLogging.h"

#include <QPointer>
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

// Runs a QtKeychain job and reports once to done, unless context is gone by then.
template<typename Job>
void run(Job *job, const QString &key, QObject *context, SecretStore::Done done,
         std::function<void(Job *, SecretResult &)> onSuccess = {})
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(
        job, &QKeychain::Job::finished, job,
        [job, key, guard, done = std::move(done), onSuccess](QKeychain::Job *) {
            SecretResult result;
            result.status = statusOf(job->error());
            if (result.status != SecretStatus::Ok && result.status != SecretStatus::NotFound) {
                result.message = job->errorString();
                qCWarning(lcVault).nospace() << "keychain " << statusName(result.status) << " for "
                                             << key << ": " << result.message;
            }
            if (result.ok() && onSuccess)
                onSuccess(job, result);
            if (guard)
                done(result);
        });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    run<QKeychain::WritePasswordJob>(job, key, context, std::move(done));
}

void KeychainSecretStore::read(const QString &key, QObject *context, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    run<QKeychain::ReadPasswordJob>(
        job, key, context, std::move(done),
        [](QKeychain::ReadPasswordJob *j, SecretResult &result) { result.secret = j->textData(); });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    run<QKeychain::DeletePasswordJob>(job, key, context, std::move(done));
}

} // namespace weft::vault
