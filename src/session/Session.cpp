#include "session/Session.h"

#include "core/Clock.h"
#include "core/Redaction.h"
#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "link/HostedLinkController.h"
#include "link/LinkBackend.h"
#include "link/LinkController.h"
#include "link/LinkEnvironment.h"
#include "link/LinkHost.h"
#include "plaid/PlaidClient.h"
#include "remote/PushClient.h"
#include "remote/ServerClient.h"
#include "remote/ServerCredential.h"
#include "remote/ServerItems.h"
#include "remote/ServerTransport.h"
#include "sandbox/EmbeddedSandbox.h"
#include "session/HostPageServer.h"
#include "vault/ItemStore.h"
#include "vault/TokenVault.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QUuid>

namespace weft::session {

Session::Session(const AppSettings &settings)
    : m_settings(settings)
{
}

Session::~Session()
{
    // Link first (its page uses the client), the sandbox last (the client talks to it).
    m_link.reset();
    m_hosted.reset();
    m_push.reset();
    m_refresher.reset();
    m_items.reset();
    m_serverItems.reset();
    m_backend.reset();
    m_server.reset();
    m_credential.reset();
    m_transport.reset();
    m_client.reset();
    m_sandbox.reset();
}

void Session::create(const AppSettings &settings, const Options &options,
                     vault::SecretStore *secrets, vault::ItemStore *store, QObject *context,
                     const Created &done)
{
    auto build = [settings, options, secrets, store, done](const QString &secret) {
        std::unique_ptr<Session> session(new Session(settings));
        QString error;
        if (!session->build(options, secret, secrets, store, &error)) {
            done(nullptr, error);
            return;
        }
        done(std::move(session), {});
    };
    if (settings.mode == BackendMode::EmbeddedSandbox) {
        build({});
        return;
    }
    const QString problem = settings.validate();
    if (!problem.isEmpty()) {
        done(nullptr, problem);
        return;
    }
    if (settings.mode == BackendMode::ProviderServer) {
        createRemote(settings, options, secrets, store, context, done);
        return;
    }
    auto vault = std::make_shared<vault::TokenVault>(secrets);
    vault->read(
        vault::TokenVault::clientSecretKey(modeEnvironment(settings.mode)), context,
        [vault, settings, build, done](const vault::SecretResult &result) {
            if (result.status == vault::SecretStatus::NotFound) {
                done(nullptr, QObject::tr("No Plaid secret is saved for %1: enter it in "
                                          "the settings.")
                                  .arg(modeTitle(settings.mode)));
                return;
            }
            if (!result.ok()) {
                done(nullptr,
                     QObject::tr("The Plaid secret could not be read: %1").arg(result.describe()));
                return;
            }
            redaction::registerSecret(result.secret);
            build(result.secret);
        });
}

bool Session::build(const Options &options, const QString &secret, vault::SecretStore *secrets,
                    vault::ItemStore *store, QString *error)
{
    plaid::PlaidConfig config;
    link::LinkEnvironment environment;
    if (m_settings.mode == BackendMode::EmbeddedSandbox) {
        sandbox::EmbeddedSandboxOptions sandboxOptions;
        // The in-process sandbox accepts only this run's random secret; Items belong to the
        // fixed client id, so they survive restarts with the state file.
        sandboxOptions.credentials.clientId = QStringLiteral("weft-embedded");
        sandboxOptions.credentials.secret = QUuid::createUuid().toString(QUuid::WithoutBraces);
        redaction::registerSecret(sandboxOptions.credentials.secret);
        if (!options.dataDirectory.isEmpty())
            sandboxOptions.stateFile =
                options.dataDirectory + QStringLiteral("/embedded-sandbox.json");
        sandboxOptions.staticRoots = {
            {QStringLiteral("/weft/host"), QStringLiteral(":/weft/host")}};
        m_sandbox = std::make_unique<sandbox::SandboxThread>(Clock::system());
        if (!m_sandbox->start(sandboxOptions, error)) {
            *error = QObject::tr("The embedded Plaid Sandbox could not start: %1").arg(*error);
            return false;
        }
        config.baseUrl = m_sandbox->baseUrl();
        config.clientId = sandboxOptions.credentials.clientId;
        config.secret = sandboxOptions.credentials.secret;
        environment = link::LinkEnvironment::forSandbox(config.baseUrl, m_sandbox->linkBaseUrl());
    } else {
        config.baseUrl = m_settings.mode == BackendMode::PlaidProduction
                             ? plaid::PlaidConfig::productionUrl()
                             : plaid::PlaidConfig::sandboxUrl();
        config.clientId = m_settings.clientId;
        config.secret = secret;
        if (options.withLink) {
            m_hostServer = std::make_unique<HostPageServer>();
            if (!m_hostServer->listen(error)) {
                *error = QObject::tr("The Link host page server could not start: %1").arg(*error);
                return false;
            }
            environment = link::LinkEnvironment::forPlaid(
                m_hostServer->baseUrl().resolved(QUrl(link::hostPagePath())));
        }
    }
    environment.redirectUri = m_settings.redirectUri; // OAuth by redirect when set
    m_apiBaseUrl = config.baseUrl;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<plaid::PlaidClient>(m_network.get(), config, Clock::system());
    link::LinkTokenSettings tokenSettings;
    tokenSettings.clientUserId = m_settings.clientUserId;
    tokenSettings.clientName = m_settings.clientName;
    tokenSettings.products = m_settings.products;
    tokenSettings.countryCodes = m_settings.countryCodes;
    tokenSettings.language = m_settings.linkLanguage();
    tokenSettings.webhook = m_settings.webhook;
    tokenSettings.redirectUri = m_settings.redirectUri;
    m_backend = std::make_unique<link::PlaidLinkBackend>(m_client.get(), tokenSettings);
    m_vault = std::make_unique<vault::TokenVault>(secrets);
    m_items = std::make_unique<items::ItemService>(store, m_vault.get(), m_client.get(),
                                                   modeEnvironment(m_settings.mode), nullptr);
    m_refresher = std::make_unique<items::ItemRefresher>(m_items.get(), Clock::system());
    if (options.withLink) {
        m_link = std::make_unique<link::LinkHost>(environment, m_backend.get(), Clock::system());
        connectLink(true);
    }
    return true;
}

void Session::connectLink(bool withHosted)
{
    link::LinkController *controller = m_link->controller();
    connect(controller, &link::LinkController::eventReceived, this,
            [this](const link::LinkEvent &event) {
                if (event.name == u"OPEN")
                    m_events.clear();
                m_events.append(event);
            });
    storeOutcomes(controller, [this] { return m_events; });
    if (!withHosted)
        return;
    m_hosted = std::make_unique<link::HostedLinkController>(m_backend.get(), Clock::system());
    m_hosted->setRequireHttps(m_settings.mode != BackendMode::EmbeddedSandbox);
    // Hosted Link has no event stream: the Items get an empty timeline.
    storeOutcomes(m_hosted.get(), [] { return QList<link::LinkEvent>(); });
}

template<typename Controller>
void Session::storeOutcomes(Controller *controller,
                            const std::function<QList<link::LinkEvent>()> &timeline)
{
    // Embedded and Hosted Link end alike: the pending exchange is on disk before the public
    // token goes out, and the Item (or its repair) goes to the Items service.
    connect(controller, &Controller::exchangeStarting, this,
            [this](const link::LinkSuccess &success) { m_items->recordPendingExchange(success); });
    connect(controller, &Controller::exchangeRefused, this, [this](const QString &linkSessionId) {
        m_items->forgetPendingExchange(linkSessionId);
    });
    connect(controller, &Controller::itemLinked, this,
            [this, timeline](const link::LinkedItem &item) {
                m_items->addLinkedItem(item, timeline());
                if (m_serverItems) // accounts and balances as the server has them
                    m_serverItems->fetchItem(item.itemId, this, [](const QString &) {});
            });
    connect(controller, &Controller::itemRepaired, this,
            [this, timeline](const QString &itemId, const link::LinkSuccess &success) {
                m_items->markRepaired(itemId, success, timeline());
                // Balances, status and (after account selection) the accounts, fresh.
                m_refresher->refresh({itemId});
            });
}

QString Session::description() const
{
    return QObject::tr("%1 at %2").arg(modeTitle(m_settings.mode), m_apiBaseUrl.toString());
}

void Session::fixConnection(const QString &itemId)
{
    const vault::ItemRecord *record = m_items->store()->item(itemId);
    openUpdateMode(itemId, record && items::ItemService::wantsAccountSelection(*record));
}

void Session::chooseAccounts(const QString &itemId)
{
    openUpdateMode(itemId, true);
}

void Session::openUpdateMode(const QString &itemId, bool accountSelection)
{
    if (!m_link)
        return;
    if (m_serverItems) {
        // The server holds the token: the link token is asked for by item_id.
        m_link->controller()->openForUpdate(itemId, {}, accountSelection);
        return;
    }
    QPointer<Session> self(this);
    m_items->withAccessToken(
        itemId, this, [self, itemId, accountSelection](const vault::SecretResult &token) {
            if (!self)
                return;
            if (!token.ok()) {
                emit self->fixConnectionFailed(
                    itemId, token.status == vault::SecretStatus::NotFound
                                ? tr("The access token is missing from the keychain.")
                                : token.describe());
                return;
            }
            if (self->m_settings.presentation == LinkPresentation::Browser)
                self->m_hosted->startForUpdate(itemId, token.secret, accountSelection);
            else
                self->m_link->controller()->openForUpdate(itemId, token.secret, accountSelection);
        });
}

} // namespace weft::session
