#pragma once

#include "core/AppSettings.h"
#include "link/LinkTypes.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace weft::link {
class HostedLinkController;
class LinkHost;
class PlaidLinkBackend;
} // namespace weft::link
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
// the tokens it issued stay valid across launches) or Plaid with the user's keys (the client
// secret read from the keychain), the Plaid client, Link (unless headless) and the Items
// service. Changing the mode means a new Session.
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

    // Builds a session; reads the client secret from the keychain in the Plaid modes.
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
    plaid::PlaidClient *client() const { return m_client.get(); }

    // Update mode for an Item: reads its token, then opens Link for it (in the window, or in
    // the browser as the settings say). An Item with new accounts at its bank gets account
    // selection too (ItemService::wantsAccountSelection).
    void fixConnection(const QString &itemId);
    // Update mode with account selection: the user chooses again which accounts the Item
    // shares.
    void chooseAccounts(const QString &itemId);

signals:
    void fixConnectionFailed(const QString &itemId, const QString &reason);

private:
    explicit Session(const AppSettings &settings);
    bool build(const Options &options, const QString &secret, vault::SecretStore *secrets,
               vault::ItemStore *store, QString *error);
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
    std::unique_ptr<link::PlaidLinkBackend> m_backend;
    std::unique_ptr<vault::TokenVault> m_vault;
    std::unique_ptr<items::ItemService> m_items;
    std::unique_ptr<items::ItemRefresher> m_refresher;
    std::unique_ptr<link::LinkHost> m_link;
    std::unique_ptr<link::HostedLinkController> m_hosted;
    QList<link::LinkEvent> m_events; // the current Link session's timeline
};

} // namespace weft::session
