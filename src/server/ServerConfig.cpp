#include "server/ServerConfig.h"

#include "plaid/PlaidConfig.h"

#include <QFile>
#include <QFileDevice>
#include <QProcessEnvironment>

namespace weft::server {
namespace {

QStringList commaList(const QString &value)
{
    QStringList list;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts))
        list.append(part.trimmed());
    return list;
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host == u"localhost" || QHostAddress(host).isLoopback();
}

} // namespace

bool ServerConfig::set(const QString &key, const QString &value, QString *error)
{
    if (key == u"database") {
        database = value;
    } else if (key == u"keys") {
        keysFile = value;
    } else if (key == u"listen") {
        const qsizetype colon = value.lastIndexOf(u':');
        bool ok = false;
        const uint port = value.mid(colon + 1).toUInt(&ok);
        QString host = value.left(colon);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host);
        if (colon < 0 || !ok || port > 65535 || address.isNull()) {
            *error = QStringLiteral("listen is ADDRESS:PORT (e.g. 127.0.0.1:8470), not \"%1\"")
                         .arg(value);
            return false;
        }
        listenAddress = address;
        listenPort = quint16(port);
    } else if (key == u"public_url") {
        publicUrl = QUrl(value, QUrl::StrictMode);
        if (!publicUrl.isValid() || (publicUrl.scheme() != u"https" && !isLoopback(publicUrl))) {
            *error = QStringLiteral("public_url must be an https URL (http only on loopback)");
            return false;
        }
    } else if (key == u"tls_certificate") {
        tlsCertificate = value;
    } else if (key == u"tls_private_key") {
        tlsPrivateKey = value;
    } else if (key == u"trusted_proxy") {
        const QHostAddress proxy(value);
        if (proxy.isNull()) {
            *error = QStringLiteral("trusted_proxy is an IP address, not \"%1\"").arg(value);
            return false;
        }
        trustedProxies.append(proxy);
    } else if (key == u"plaid_env") {
        if (value == u"sandbox") {
            plaidUrl = plaid::PlaidConfig::sandboxUrl();
        } else if (value == u"production") {
            plaidUrl = plaid::PlaidConfig::productionUrl();
        } else {
            plaidUrl = QUrl(value, QUrl::StrictMode);
            if (!plaidUrl.isValid() || plaidUrl.scheme() != u"http" || !isLoopback(plaidUrl)) {
                *error = QStringLiteral("plaid_env is sandbox, production, or the http URL of a "
                                        "sandbox on this machine (loopback)");
                return false;
            }
        }
    } else if (key == u"plaid_client_id") {
        plaidClientId = value;
    } else if (key == u"plaid_secret") {
        plaidSecret = value;
    } else if (key == u"client_name") {
        clientName = value;
    } else if (key == u"products") {
        products = commaList(value);
    } else if (key == u"country_codes") {
        countryCodes = commaList(value);
    } else {
        *error = QStringLiteral("unknown setting \"%1\"").arg(key.left(60));
        return false;
    }
    return true;
}

std::optional<ServerConfig> ServerConfig::load(const QString &path, QString *error)
{
    ServerConfig config;
    if (!path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        int number = 0;
        bool holdsSecret = false;
        while (!file.atEnd()) {
            ++number;
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const qsizetype equals = line.indexOf(u'=');
            if (equals < 0) {
                *error = QStringLiteral("%1 line %2: not \"key = value\"").arg(path).arg(number);
                return std::nullopt;
            }
            const QString key = line.left(equals).trimmed();
            QString problem;
            if (!config.set(key, line.mid(equals + 1).trimmed(), &problem)) {
                *error = QStringLiteral("%1 line %2: %3").arg(path).arg(number).arg(problem);
                return std::nullopt;
            }
            holdsSecret = holdsSecret || key == u"plaid_secret";
        }
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ReadOther | QFileDevice::WriteOther;
#ifndef Q_OS_WIN
        if (holdsSecret && (file.permissions() & others)) {
            *error = QStringLiteral("%1 holds plaid_secret but others may read it: chmod 600 %1")
                         .arg(path);
            return std::nullopt;
        }
#endif
    }
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const struct
    {
        const char *variable;
        const char *key;
    } fromEnvironment[] = {{"WEFT_SERVER_DATABASE", "database"},
                           {"WEFT_SERVER_KEYS", "keys"},
                           {"PLAID_CLIENT_ID", "plaid_client_id"},
                           {"PLAID_SECRET", "plaid_secret"},
                           {"PLAID_ENV", "plaid_env"}};
    for (const auto &entry : fromEnvironment) {
        const QString value = environment.value(QString::fromLatin1(entry.variable));
        QString problem;
        if (!value.isEmpty() && !config.set(QString::fromLatin1(entry.key), value, &problem)) {
            *error = QStringLiteral("%1: %2").arg(QString::fromLatin1(entry.variable), problem);
            return std::nullopt;
        }
    }
    return config;
}

bool ServerConfig::complete(QString *error) const
{
    QStringList missing;
    if (database.isEmpty())
        missing << QStringLiteral("database");
    if (keysFile.isEmpty())
        missing << QStringLiteral("keys");
    if (plaidUrl.isEmpty())
        missing << QStringLiteral("plaid_env");
    if (plaidClientId.isEmpty())
        missing << QStringLiteral("plaid_client_id");
    if (plaidSecret.isEmpty())
        missing << QStringLiteral("plaid_secret");
    if (tlsCertificate.isEmpty() != tlsPrivateKey.isEmpty())
        missing << QStringLiteral("tls_certificate and tls_private_key (both, or neither)");
    if (!missing.isEmpty()) {
        *error = QStringLiteral("missing settings: %1").arg(missing.join(QStringLiteral(", ")));
        return false;
    }
    if (tlsCertificate.isEmpty() && !listenAddress.isLoopback() && publicUrl.scheme() != u"https") {
        *error = QStringLiteral("without TLS, listen on loopback or serve behind an https proxy "
                                "(public_url https://...)");
        return false;
    }
    return true;
}

} // namespace weft::server
