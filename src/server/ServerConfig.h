#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace weft::server {

// How one weft-server instance runs: from a config file of "key = value" lines ('#' comments),
// then the environment, which wins (WEFT_SERVER_DATABASE, WEFT_SERVER_KEYS, PLAID_CLIENT_ID,
// PLAID_SECRET, PLAID_ENV). A file that holds plaid_secret must be its owner's alone (0600).
//
//   database = sqlite:/var/lib/weft-server/weft.db | postgresql://weft@db.internal/weft
//   keys = /etc/weft-server/keys            (weft-server keys init FILE)
//   listen = 0.0.0.0:8443
//   public_url = https://weft.example.com   (Plaid posts webhooks to public_url/plaid/webhook)
//   tls_certificate = /etc/weft-server/cert.pem   (with tls_private_key; else plain HTTP, for
//   tls_private_key = /etc/weft-server/key.pem     loopback or behind a TLS reverse proxy)
//   trusted_proxy = 10.0.0.5                (repeatable: whose X-Forwarded-For to believe)
//   plaid_env = sandbox | production | http://127.0.0.1:PORT (a local sandbox, loopback only)
//   plaid_client_id = ...
//   plaid_secret = ...
//   client_name = Weft                      (shown in Link)
//   products = transactions
//   country_codes = US,CA
struct ServerConfig
{
    QString database;
    QString keysFile;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8470;
    QUrl publicUrl;
    QString tlsCertificate;
    QString tlsPrivateKey;
    QList<QHostAddress> trustedProxies;
    QUrl plaidUrl;
    QString plaidClientId;
    QString plaidSecret;
    QString clientName = QStringLiteral("Weft");
    QStringList products{QStringLiteral("transactions")};
    QStringList countryCodes{QStringLiteral("US")};

    // Reads path (empty: environment only), then the environment. nullopt with error naming the
    // line or setting at fault (never a secret's value).
    static std::optional<ServerConfig> load(const QString &path, QString *error);
    // Applies one "key = value" setting; false with error if the key or value is not good.
    bool set(const QString &key, const QString &value, QString *error);
    // Whether everything needed to serve is there; error says what is missing.
    bool complete(QString *error) const;
};

} // namespace weft::server
