// Session: the "Your provider's server" mode. The desktop signs in at weft-server (the
// refresh token in the keychain), asks it who it is and where Link comes from, then keeps its
// index of Items as the server has them, over the API and the push socket.
#include "core/Clock.h"
#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "link/LinkHost.h"
#include "remote/PushClient.h"
#include "remote/ServerClient.h"
#include "remote/ServerCredential.h"
#include "remote/ServerItems.h"
#include "remote/ServerLinkBackend.h"
#include "remote/ServerTransport.h"
#include "session/HostPageServer.h"
#include "session/Session.h"
#include "vault/TokenVault.h"

#include <QNetworkAccessManager>

namespace weft::session {

void Session::createRemote(const AppSettings &settings, const Options &options,
                           vault::SecretStore *secrets, vault::ItemStore *store, QObject *context,
                           const Created &done)
{
    // Owned by the caller's context until the server answers: if that goes first, so does
    // the session, and with it the request.
    auto *session = new Session(settings);
    session->setParent(context);
    const QUrl serverUrl(settings.serverUrl.trimmed());
    session->m_apiBaseUrl = serverUrl;
    session->m_network = std::make_unique<QNetworkAccessManager>();
    session->m_transport =
        std::make_unique<remote::ServerTransport>(session->m_network.get(), serverUrl);
    session->m_credential = std::make_unique<remote::ServerCredential>(session->m_transport.get(),
                                                                       secrets, Clock::system());
    session->m_server = std::make_unique<remote::ServerClient>(session->m_transport.get(),
                                                               session->m_credential.get());
    session->m_server->call(
        "GET", QStringLiteral("/v1/me"), {}, session,
        [session, options, secrets, store, done, serverUrl](const remote::ServerReply &reply) {
            session->setParent(nullptr);
            std::unique_ptr<Session> owned(session);
            QString error;
            if (!reply.ok()) {
                error = reply.status == plaid::PlaidStatus::ApiError
                            ? tr("Your provider's server did not sign Weft in: %1")
                                  .arg(reply.errorString)
                            : tr("Your provider's server at %1 could not be reached: %2")
                                  .arg(serverUrl.toString(), reply.describe());
            } else {
                owned->buildRemote(options, reply.body, secrets, store, &error);
            }
            if (!error.isEmpty()) {
                owned.release()->deleteLater(); // this answer is still on its way out
                done(nullptr, error);
                return;
            }
            done(std::move(owned), {});
        });
}

bool Session::linkEnvironmentFor(const QJsonObject &me, link::LinkEnvironment *environment,
                                 QString *error)
{
    m_hostServer = std::make_unique<HostPageServer>();
    if (!m_hostServer->listen(error)) {
        *error = tr("The Link host page server could not start: %1").arg(*error);
        return false;
    }
    const QString script = me.value(QLatin1StringView("link_script_url")).toString();
    if (script.isEmpty()) { // Plaid's own Link
        *environment = link::LinkEnvironment::forPlaid(
            m_hostServer->baseUrl().resolved(QUrl(link::hostPagePath())));
        return true;
    }
    // A server that fronts a Plaid Sandbox emulator on this computer (a demo, or tests) names
    // the emulator's script; nothing else is loaded into Link's frame.
    const QUrl url(script);
    if (url.scheme() != u"http" || url.host() != u"localhost" || url.port() <= 0) {
        *error = tr("Your provider's server names a Link script Weft does not load (%1): "
                    "only Plaid's own, or a sandbox on this computer.")
                     .arg(url.host());
        return false;
    }
    QUrl linkBase;
    linkBase.setScheme(url.scheme());
    linkBase.setHost(url.host());
    linkBase.setPort(url.port());
    *environment = link::LinkEnvironment::forSandbox(m_hostServer->baseUrl(), linkBase);
    return true;
}

bool Session::buildRemote(const Options &options, const QJsonObject &me,
                          vault::SecretStore *secrets, vault::ItemStore *store, QString *error)
{
    link::LinkEnvironment environment;
    if (options.withLink && !linkEnvironmentFor(me, &environment, error))
        return false;
    const QString serverEnvironment = modeEnvironment(m_settings.mode);
    m_backend = std::make_unique<remote::ServerLinkBackend>(m_server.get());
    // Items' own tokens never come here; the vault carries over tokens from another mode that
    // were still only in memory.
    m_vault = std::make_unique<vault::TokenVault>(secrets);
    m_items = std::make_unique<items::ItemService>(store, m_vault.get(), nullptr, serverEnvironment,
                                                   nullptr);
    m_serverItems = std::make_unique<remote::ServerItems>(m_server.get(), store, serverEnvironment);
    m_items->setRemote(m_serverItems.get());
    // A support account sees every user's Items (the support console), to read.
    m_serverItems->setSupport(me.value(QLatin1StringView("role")).toString() == u"support");
    m_refresher = std::make_unique<items::ItemRefresher>(m_items.get(), Clock::system());
    m_push = std::make_unique<remote::PushClient>(m_apiBaseUrl, m_credential.get());
    remote::ServerItems *serverItems = m_serverItems.get();
    // Each sign-in of the socket (the first, and after any loss) catches up with a sync.
    connect(m_push.get(), &remote::PushClient::ready, serverItems, &remote::ServerItems::sync);
    connect(m_push.get(), &remote::PushClient::itemChanged, serverItems,
            [serverItems](const QString &itemId) {
                serverItems->fetchItem(itemId, serverItems, [](const QString &) {});
            });
    connect(m_push.get(), &remote::PushClient::itemRemoved, serverItems,
            &remote::ServerItems::forgetItem);
    connect(m_credential.get(), &remote::ServerCredential::signInEnded, this,
            &Session::serverProblem);
    connect(serverItems, &remote::ServerItems::syncFailed, this, [this](const QString &problem) {
        emit serverProblem(
            tr("Your connections could not be brought up to date from your provider's server: "
               "%1")
                .arg(problem));
    });
    serverItems->sync();
    m_push->start();
    if (options.withLink) {
        m_link = std::make_unique<link::LinkHost>(environment, m_backend.get(), Clock::system());
        connectLink(false); // Hosted Link needs /link/token/get, which the server keeps
    }
    return true;
}

} // namespace weft::session
