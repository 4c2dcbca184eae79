#include "session/SessionManager.h"

#include "vault/TokenVault.h"

#include <QSettings>

namespace weft::session {

SessionManager::SessionManager(vault::SecretStore *secrets, vault::ItemStore *store,
                               Session::Options options, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_store(store)
    , m_options(std::move(options))
{
}

SessionManager::~SessionManager() = default;

void SessionManager::start(const AppSettings &settings)
{
    m_settings = settings;
    build(settings);
}

void SessionManager::apply(const AppSettings &settings, const QString &newSecret)
{
    auto saveAndBuild = [this, settings] {
        QSettings qsettings;
        settings.save(qsettings);
        m_settings = settings;
        build(settings);
    };
    if (newSecret.isEmpty() || settings.mode == BackendMode::EmbeddedSandbox) {
        saveAndBuild();
        return;
    }
    auto vault = std::make_shared<vault::TokenVault>(m_secrets);
    vault->store(vault::TokenVault::clientSecretKey(modeEnvironment(settings.mode)), newSecret,
                 this, [vault, saveAndBuild, this](const vault::SecretResult &result) {
                     if (!result.ok()) {
                         emit sessionFailed(tr("The Plaid secret was not saved: %1").arg(result.describe()));
                         return;
                     }
                     saveAndBuild();
                 });
}

void SessionManager::build(const AppSettings &settings)
{
    Session::create(settings, m_options, m_secrets, m_store, this,
                    [this](std::unique_ptr<Session> session, const QString &error) {
                        if (!session) {
                            emit sessionFailed(error);
                            return;
                        }
                        emit sessionAboutToChange();
                        m_session = std::move(session);
                        emit sessionChanged(m_session.get());
                    });
}

} // namespace weft::session
