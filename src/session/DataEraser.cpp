#include "session/DataEraser.h"

#include "core/AppSettings.h"
#include "vault/ItemStore.h"
#include "vault/TokenVault.h"

#include <QFile>
#include <QSettings>

#include <memory>

namespace weft::session {

DataEraser::DataEraser(vault::SecretStore *secrets, vault::ItemStore *store, QString dataDirectory,
                       QStringList extraKeys, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_store(store)
    , m_dataDirectory(std::move(dataDirectory))
    , m_extraKeys(std::move(extraKeys))
{
}

void DataEraser::eraseAll(const std::function<void(const QStringList &)> &done)
{
    QStringList keys;
    for (const vault::ItemRecord &record : m_store->items())
        keys << vault::TokenVault::accessTokenKey(record.environment, record.itemId);
    for (BackendMode mode : {BackendMode::PlaidSandbox, BackendMode::PlaidProduction})
        keys << vault::TokenVault::clientSecretKey(modeEnvironment(mode));
    keys << m_extraKeys;

    auto problems = std::make_shared<QStringList>();
    auto pending = std::make_shared<int>(int(keys.size()));
    auto vault = std::make_shared<vault::TokenVault>(m_secrets);
    auto finish = [this, problems, done] {
        if (problems->isEmpty()) {
            const QStringList ids = [this] {
                QStringList list;
                for (const vault::ItemRecord &r : m_store->items())
                    list << r.itemId;
                return list;
            }();
            for (const QString &id : ids)
                m_store->remove(id);
            m_store->flush();
            QFile::remove(m_store->path());
            QFile::remove(m_dataDirectory + QStringLiteral("/embedded-sandbox.json"));
            QSettings settings;
            settings.clear();
            settings.sync();
        }
        done(*problems);
    };
    for (const QString &key : std::as_const(keys)) {
        vault->remove(key, this,
                      [vault, key, problems, pending, finish](const vault::SecretResult &r) {
                          if (!r.ok())
                              problems->append(key + QStringLiteral(": ") + r.describe());
                          if (--*pending == 0)
                              finish();
                      });
    }
}

} // namespace weft::session
