#pragma once

#include "core/AppSettings.h"
#include "link/LinkEnvironment.h"
#include "link/LinkTypes.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace weft::link {
class HostedLinkController;
class LinkBackend;
class LinkHost;
} // namespace weft::link
namespace weft::remote {
class PushClient;
class ServerClient;
class ServerCredential;
class ServerItems;
class ServerTransport;
} // namespace weft::remote
namespace weft::plaid {
class PlaidClient;
}
namespace weft::sandbox {
class SandboxThread;
}
namespace weft::vault {
class ItemStore;
class SecretStore;
class TokenVault;
} // namespace weft::vault
namespace weft::items {
class ItemRefresher;
class ItemService;
} // namespace weft::items

namespace weft::session {

class HostPageServer;

// One backend, put together from the settings: the embedded sandbox (with its state file, so
// the tokens it issued stay valid across launches), Plaid with the user's keys (the client
// secret read from the keychain), or the provider's weft-server (signed in with the refresh
// token in the keychain; it holds the Plaid keys and every access token, and tells of changes
// over its push socket); then Link (unless headless) and the Items service. Changing the mode
// means a new Session.
class Session : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool withLink = true;  // the command line needs no web view
        QString dataDirectory; // for the embedded sandbox's state file
    };
    using Created = std::function<void(std::unique_ptr<Session> session, const QString &error)>;

    // Builds a session; reads the client secret from the keychain in the Plaid modes; signs in
    // at the provider's server (and learns where Link comes from) in that mode.
    static void create(const AppSettings &settings, const Options &options,
                       vault::SecretStore *secrets, vault::ItemStore *store, QObject *context,
                       const Created &done);
    ~Session() override;

    BackendMode mode() const { return m_settings.mode; }
    QString environment() const { return modeEnvironment(m_settings.mode); }
    QString description() const;

    link::LinkHost *linkHost() const { return m_link.get(); }
    // Link in the user's browser (Hosted Link); null without Link.
    link::HostedLinkController *hostedLink() const { return m_hosted.get(); }
    LinkPresentation presentation() const { return m_settings.presentation; }
    items::ItemService *items() const { return m_items.get(); }
    items::ItemRefresher *refresher() const { return m_refresher.get(); }
    // Null in the provider's server mode: the desktop never talks to Plaid's API there.
    plaid::PlaidClient *client() const { return m_client.get(); }
    // The provider's server mode only (null otherwise).
    remote::ServerItems *serverItems() const { return m_serverItems.get(); }
    remote::ServerClient *server() const { return m_server.get(); }
    remote::ServerCredential *serverCredential() const { return m_credential.get(); }
    remote::PushClient *push() const { return m_push.get(); }

    // Update mode for an Item: reads its token, then opens Link for it (in the window, or in
    // the browser as the settings say). An Item with new accounts at its bank gets account
    // selection too (ItemService::wantsAccountSelection).
    void fixConnection(const QString &itemId);
    // Update mode with account selection: the user chooses again which accounts the Item
    // shares.
    void chooseAccounts(const QString &itemId);

signals:
    void fixConnectionFailed(const QString &itemId, const QString &reason);
    // The provider's server mode: the server ended this computer's sign-in, or the list of
    // Items could not be brought up to date; text is for the window, in plain words.
    void serverProblem(const QString &text);

private:
    explicit Session(const AppSettings &settings);
    bool build(const Options &options, const QString &secret, vault::SecretStore *secrets,
               vault::ItemStore *store, QString *error);
    static void createRemote(const AppSettings &settings, const Options &options,
                             vault::SecretStore *secrets, vault::ItemStore *store, QObject *context,
                             const Created &done);
    // me: the server's /v1/me answer (the account, and where Link comes from).
    bool buildRemote(const Options &options, const QJsonObject &me, vault::SecretStore *secrets,
                     vault::ItemStore *store, QString *error);
    bool linkEnvironmentFor(const QJsonObject &me, link::LinkEnvironment *environment,
                            QString *error);
    void connectLink(bool withHosted);
    // Stores what a Link controller (embedded or hosted) linked or repaired; timeline: the
    // Link events the Item keeps.
    void openUpdateMode(const QString &itemId, bool accountSelection);
    template<typename Controller>
    void storeOutcomes(Controller *controller,
                       const std::function<QList<link::LinkEvent>()> &timeline);

    AppSettings m_settings;
    QUrl m_apiBaseUrl;
    std::unique_ptr<sandbox::SandboxThread> m_sandbox;
    std::unique_ptr<HostPageServer> m_hostServer;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<plaid::PlaidClient> m_client;
    std::unique_ptr<remote::ServerTransport> m_transport;
    std::unique_ptr<remote::ServerCredential> m_credential;
    std::unique_ptr<remote::ServerClient> m_server;
    std::unique_ptr<link::LinkBackend> m_backend;
    std::unique_ptr<vault::TokenVault> m_vault;
    std::unique_ptr<items::ItemService> m_items;
    std::unique_ptr<remote::ServerItems> m_serverItems;
    std::unique_ptr<remote::PushClient> m_push;
    std::unique_ptr<items::ItemRefresher> m_refresher;
    std::unique_ptr<link::LinkHost> m_link;
    std::unique_ptr<link::HostedLinkController> m_hosted;
    QList<link::LinkEvent> m_events; // the current Link session's timeline
};

} // namespace weft::session
