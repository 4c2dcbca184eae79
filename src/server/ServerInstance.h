#pragma once

#include "server/ServerConfig.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace weft {
class Clock;
}
namespace weft::net {
class HttpServer;
}
namespace weft::plaid {
class PlaidClient;
}

namespace weft::server {

class PushHub;
class ServerApi;
class ServerDatabase;
class TokenCipher;
class WebhookKeyCache;

// One running weft-server: its database, key ring, Plaid client, API and HTTP(S) listener,
// put together from a ServerConfig. `weft-server serve` runs one; tests run several on one
// database, as a deployment would.
class ServerInstance : public QObject
{
    Q_OBJECT

public:
    // nullptr with error (what is missing or wrong; never a secret) when it cannot start.
    static std::unique_ptr<ServerInstance> start(const ServerConfig &config, Clock *clock,
                                                 QString *error);
    ~ServerInstance() override;

    quint16 port() const;
    bool isTls() const { return m_tls; }
    ServerApi *api() const { return m_api; }
    PushHub *push() const { return m_push; }
    ServerDatabase *database() const { return m_database.get(); }

private:
    ServerInstance() = default;

    std::unique_ptr<ServerDatabase> m_database;
    std::unique_ptr<ServerDatabase> m_listener; // PostgreSQL: LISTENs for other instances' news
    std::unique_ptr<TokenCipher> m_cipher;
    QNetworkAccessManager *m_network = nullptr;
    plaid::PlaidClient *m_plaid = nullptr;
    WebhookKeyCache *m_webhookKeys = nullptr;
    ServerApi *m_api = nullptr;
    PushHub *m_push = nullptr;
    net::HttpServer *m_http = nullptr;
    bool m_tls = false;
};

} // namespace weft::server
