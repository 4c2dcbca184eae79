#include "server/ServerInstance.h"

#include "core/Redaction.h"
#include "net/HttpServer.h"
#include "plaid/PlaidClient.h"
#include "server/KeyRing.h"
#include "server/PushHub.h"
#include "server/ServerApi.h"
#include "server/ServerApiJson.h"
#include "server/ServerDatabase.h"
#include "server/TokenCipher.h"
#include "server/WebhookKeyCache.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslKey>

namespace weft::server {
namespace {

// The certificate chain and private key (PEM; EC or RSA, unencrypted) for HTTPS.
std::optional<QSslConfiguration> tlsFrom(const ServerConfig &config, QString *error)
{
    const QList<QSslCertificate> chain =
        QSslCertificate::fromPath(config.tlsCertificate, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(config.tlsCertificate);
        return std::nullopt;
    }
    QFile keyFile(config.tlsPrivateKey);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read %1: %2").arg(config.tlsPrivateKey, keyFile.errorString());
        return std::nullopt;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        *error = QStringLiteral("%1 is not an unencrypted PEM EC or RSA private key")
                     .arg(config.tlsPrivateKey);
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // desktops are not asked for certificates
    return tls;
}

} // namespace

std::unique_ptr<ServerInstance> ServerInstance::start(const ServerConfig &config, Clock *clock,
                                                      QString *error)
{
    if (!config.complete(error))
        return nullptr;
    redaction::registerSecret(config.plaidSecret);
    std::unique_ptr<ServerInstance> instance(new ServerInstance);
    const auto ring = KeyRing::load(config.keysFile, error);
    if (!ring)
        return nullptr;
    instance->m_cipher = std::make_unique<TokenCipher>(*ring);
    instance->m_database = ServerDatabase::open(config.database, error);
    if (!instance->m_database)
        return nullptr;

    plaid::PlaidConfig plaidConfig;
    plaidConfig.baseUrl = config.plaidUrl;
    plaidConfig.clientId = config.plaidClientId;
    plaidConfig.secret = config.plaidSecret;
    instance->m_network = new QNetworkAccessManager(instance.get());
    instance->m_plaid =
        new plaid::PlaidClient(instance->m_network, plaidConfig, clock, instance.get());
    instance->m_webhookKeys = new WebhookKeyCache(instance->m_plaid, clock, instance.get());

    ServerApi::Options options;
    options.clientName = config.clientName;
    options.products = config.products;
    options.countryCodes = config.countryCodes;
    options.trustedProxies = config.trustedProxies;
    if (config.plaidUrl.scheme() == u"http") {
        // A Plaid Sandbox emulator on this machine (ServerConfig takes http for loopback only):
        // desktops load its Link, from its localhost origin.
        QUrl script = config.plaidUrl;
        script.setHost(QStringLiteral("localhost"));
        script.setPath(QStringLiteral("/link/v2/stable/link-initialize.js"));
        options.linkScriptUrl = script;
    }
    if (!config.publicUrl.isEmpty()) {
        QUrl webhook = config.publicUrl;
        webhook.setPath(webhook.path().chopped(webhook.path().endsWith(u'/') ? 1 : 0) +
                        QStringLiteral("/plaid/webhook"));
        options.webhookUrl = webhook.toString();
    }
    instance->m_api =
        new ServerApi(instance->m_database.get(), instance->m_cipher.get(), instance->m_plaid,
                      instance->m_webhookKeys, clock, options, instance.get());

    if (instance->m_database->isPostgres()) {
        instance->m_listener = ServerDatabase::open(config.database, error);
        if (!instance->m_listener)
            return nullptr;
    }
    instance->m_push =
        new PushHub(instance->m_database.get(), instance->m_listener.get(), clock, instance.get());
    QObject::connect(instance->m_api, &ServerApi::itemChanged, instance->m_push, &PushHub::publish);

    instance->m_http = new net::HttpServer({}, instance.get());
    PushHub *push = instance->m_push;
    instance->m_http->setWebSocketHandler(QStringLiteral("/v1/push"),
                                          [push](QTcpSocket *socket) { push->take(socket); });
    if (!config.tlsCertificate.isEmpty()) {
        const auto tls = tlsFrom(config, error);
        if (!tls)
            return nullptr;
        instance->m_http->setTlsConfiguration(*tls);
        instance->m_tls = true;
    }
    ServerApi *api = instance->m_api;
    instance->m_http->setHandler(
        [api](const net::HttpRequest &request, const net::HttpResponder &responder) {
            api->handle(request, responder);
        });
    instance->m_http->setErrorResponse([](int status, const QString &reason) {
        return apijson::error(status, QStringLiteral("INVALID_REQUEST"), reason);
    });
    if (!instance->m_http->listen(config.listenAddress, config.listenPort, error))
        return nullptr;
    return instance;
}

ServerInstance::~ServerInstance()
{
    if (m_plaid)
        m_plaid->abortAll();
    delete m_http;
    m_http = nullptr;
    delete m_push; // its sockets close before the database goes
    m_push = nullptr;
}

quint16 ServerInstance::port() const
{
    return m_http ? m_http->port() : 0;
}

} // namespace weft::server
