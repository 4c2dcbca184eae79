#include "vault/TokenVault.h"

#include "vault/VaultLogging.h"

#include <QPointer>

namespace weft::vault {

TokenVault::TokenVault(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

QString TokenVault::accessTokenKey(const QString &environment, const QString &itemId)
{
    return QStringLiteral("plaid:") + environment + u':' + itemId;
}

QString TokenVault::clientSecretKey(const QString &environment)
{
    return QStringLiteral("plaid:") + environment + QStringLiteral(":client-secret");
}

void TokenVault::store(const QString &key, const QString &secret, QObject *context,
                       const SecretStore::Done &done)
{
    QPointer<QObject> guard(context);
    m_store->write(
        key, secret, this, [this, key, secret, guard, done](const SecretResult &written) {
            if (!written.ok()) {
                if (guard)
                    done(written);
                return;
            }
            m_store->read(key, this, [key, secret, guard, done](const SecretResult &readBack) {
                SecretResult result;
                if (readBack.ok() && readBack.secret == secret) {
                    result.status = SecretStatus::Ok;
                } else {
                    result.status = SecretStatus::VerifyFailed;
                    result.message = readBack.ok() ? QStringLiteral("a different value came back")
                                                   : readBack.describe();
                    qCWarning(lcVault)
                        << "keychain write of" << key << "did not verify:" << result.message;
                }
                if (guard)
                    done(result);
            });
        });
}

void TokenVault::read(const QString &key, QObject *context, SecretStore::Done done)
{
    m_store->read(key, context, std::move(done));
}

void TokenVault::remove(const QString &key, QObject *context, const SecretStore::Done &done)
{
    m_store->remove(key, context, [done](const SecretResult &result) {
        SecretResult normalised = result;
        if (result.status == SecretStatus::NotFound)
            normalised.status = SecretStatus::Ok;
        done(normalised);
    });
}

} // namespace weft::vault
