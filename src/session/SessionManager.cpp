#include "session/SessionManager.h"

#include "core/Clock.h"
#include "items/ItemService.h"
#include "remote/ServerCredential.h"
#include "remote/ServerTransport.h"
#include "session/DataEraser.h"
#include "vault/TokenVault.h"

#include <QNetworkAccessManager>
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
    if (settings.mode == BackendMode::ProviderServer) {
        enrol(settings, newSecret, saveAndBuild);
        return;
    }
    auto vault = std::make_shared<vault::TokenVault>(m_secrets);
    vault->store(vault::TokenVault::clientSecretKey(modeEnvironment(settings.mode)), newSecret,
                 this, [vault, saveAndBuild, this](const vault::SecretResult &result) {
                     if (!result.ok()) {
                         emit sessionFailed(
                             tr("The Plaid secret was not saved: %1").arg(result.describe()));
                         return;
                     }
                     saveAndBuild();
                 });
}

void SessionManager::enrol(const AppSettings &settings, const QString &code,
                           const std::function<void()> &enrolled)
{
    const QString problem = settings.validate();
    if (!problem.isEmpty()) {
        m_lastFailure = problem; // for a window made after this
        emit sessionFailed(problem);
        return;
    }
    // A connection of its own: the current session (another mode, or another sign-in) stays
    // until the new one is in the keychain.
    auto *network = new QNetworkAccessManager(this);
    auto *transport =
        new remote::ServerTransport(network, QUrl(settings.serverUrl.trimmed()), network);
    auto *credential = new remote::ServerCredential(transport, m_secrets, Clock::system(), network);
    credential->enrol(code, this, [this, network, enrolled](const QString &problem) {
        network->deleteLater();
        if (!problem.isEmpty()) {
            m_lastFailure = problem;
            emit sessionFailed(problem);
            return;
        }
        enrolled();
    });
}

void SessionManager::eraseAllData(const std::function<void(const QStringList &)> &done)
{
    if (m_session && m_session->serverCredential()) {
        // The provider's server ends this computer's sign-in first (whatever it answers, or if
        // it cannot be reached, the keychain entry goes with the rest). Queued: the session
        // goes next, and the answer comes from inside it.
        m_session->serverCredential()->signOut(this, [this, done](const QString &) {
            QMetaObject::invokeMethod(
                this, [this, done] { eraseAfterSignOut(done); }, Qt::QueuedConnection);
        });
        return;
    }
    eraseAfterSignOut(done);
}

void SessionManager::eraseAfterSignOut(const std::function<void(const QStringList &)> &done)
{
    if (m_session) {
        emit sessionAboutToChange();
        m_session.reset();
    }
    m_pendingUnsaved.clear();
    QStringList serverKeys;
    if (!m_settings.serverUrl.isEmpty())
        serverKeys << remote::ServerCredential::keychainKey(QUrl(m_settings.serverUrl.trimmed()));
    auto *eraser = new DataEraser(m_secrets, m_store, m_options.dataDirectory, serverKeys, this);
    eraser->eraseAll([eraser, done](const QStringList &problems) {
        eraser->deleteLater();
        done(problems);
    });
}

void SessionManager::build(const AppSettings &settings)
{
    // The old backend goes first: the embedded sandbox's state file takes one sandbox at a
    // time. Tokens still only in memory are carried over to the new one.
    QHash<QString, QString> unsaved;
    if (m_session) {
        unsaved = m_session->items()->unsavedTokens();
        emit sessionAboutToChange();
        m_session.reset();
    }
    Session::create(settings, m_options, m_secrets, m_store, this,
                    [this, unsaved](std::unique_ptr<Session> session, const QString &error) {
                        if (!session) {
                            m_pendingUnsaved.insert(unsaved);
                            m_lastFailure = error;
                            emit sessionFailed(error);
                            return;
                        }
                        QHash<QString, QString> carried = m_pendingUnsaved;
                        carried.insert(unsaved);
                        m_pendingUnsaved.clear();
                        m_lastFailure.clear();
                        m_session = std::move(session);
                        if (!carried.isEmpty())
                            m_session->items()->adoptUnsavedTokens(carried);
                        emit sessionChanged(m_session.get());
                    });
}

} // namespace weft::session
