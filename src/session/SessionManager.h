#pragma once

#include "session/Session.h"

#include <QHash>

namespace weft::session {

// Keeps the current Session and replaces it when the settings change: saves a new client
// secret to the keychain first (verified), then the settings (QSettings), then replaces the
// backend (the old one first: the embedded sandbox's state file takes one sandbox at a time),
// carrying over any access token that is still only in memory.
class SessionManager : public QObject
{
    Q_OBJECT

public:
    SessionManager(vault::SecretStore *secrets, vault::ItemStore *store, Session::Options options,
                   QObject *parent = nullptr);
    ~SessionManager() override;

    Session *session() const { return m_session.get(); }
    const AppSettings &settings() const { return m_settings; }
    // Why the last session could not be built (empty once one is), for a window made after
    // sessionFailed was emitted.
    QString lastFailure() const { return m_lastFailure; }

    // Builds the first session from settings (already loaded and filled in).
    void start(const AppSettings &settings);
    // newSecret empty: keep the one in the keychain. In the provider's server mode newSecret is
    // an enrolment code: spent at the server, its sign-in saved to the keychain, then applied.
    void apply(const AppSettings &settings, const QString &newSecret);
    // "Remove all my data" (see DataEraser): signs out at the provider's server (in that mode),
    // stops the backend, so nothing writes behind the eraser, then erases. done(problems) is empty
    // when everything is gone.
    void eraseAllData(const std::function<void(const QStringList &problems)> &done);

signals:
    void sessionAboutToChange();
    void sessionChanged(weft::session::Session *session);
    void sessionFailed(const QString &error);

private:
    void build(const AppSettings &settings);
    void eraseAfterSignOut(const std::function<void(const QStringList &problems)> &done);
    void enrol(const AppSettings &settings, const QString &code,
               const std::function<void()> &enrolled);

    vault::SecretStore *m_secrets;
    vault::ItemStore *m_store;
    Session::Options m_options;
    AppSettings m_settings;
    std::unique_ptr<Session> m_session;
    QHash<QString, QString> m_pendingUnsaved; // carried over while no session stands
    QString m_lastFailure;
};

} // namespace weft::session
