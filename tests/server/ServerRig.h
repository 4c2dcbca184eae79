#pragma once

// weft-server as deployed, in one test process: the embedded sandbox as Plaid (real loopback
// HTTP, signed webhooks), one or more ServerInstances on one database, and a client that speaks
// to them over real HTTP(S).
#include "core/Clock.h"
#include "sandbox/EmbeddedSandbox.h"
#include "server/KeyRing.h"
#include "server/ServerApi.h"
#include "server/ServerConfig.h"
#include "server/ServerDatabase.h"
#include "server/ServerInstance.h"
#include "server/TokenCipher.h"
#include "server/UserDirectory.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <vector>

namespace weft::server::testkit {

inline const QString kPlaidClientId = QStringLiteral("weft-server-test");
inline const QString kPlaidSecret = QStringLiteral("plaid-secret-for-weft-server-tests");
inline const QString kBank = QStringLiteral("ins_109508");

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QHash<QByteArray, QByteArray> headers;
};

class ServerRig
{
public:
    ServerRig()
        : m_sandbox(Clock::system())
    {
        sandbox::EmbeddedSandboxOptions options;
        options.credentials = {kPlaidClientId, kPlaidSecret};
        QString error;
        m_sandboxStarted = m_sandbox.start(options, &error);
        if (!m_sandboxStarted)
            qWarning().noquote() << "sandbox:" << error;
        const KeyRing ring = KeyRing::generate();
        m_keysFile = m_dir.filePath(QStringLiteral("keys"));
        ring.save(m_keysFile, &error);
    }

    bool ok() const { return m_sandboxStarted && m_dir.isValid(); }
    QString dir() const { return m_dir.path(); }
    sandbox::EmbeddedSandbox &sandbox() { return m_sandbox; }

    ServerConfig config(const QString &databaseUrl) const
    {
        ServerConfig config;
        config.database = databaseUrl;
        config.keysFile = m_keysFile;
        config.listenPort = 0;
        config.plaidUrl = m_sandbox.baseUrl();
        config.plaidClientId = kPlaidClientId;
        config.plaidSecret = kPlaidSecret;
        return config;
    }

    // A new instance on databaseUrl; its index, or -1 (with a warning).
    int startInstance(const QString &databaseUrl, ServerConfig *adjusted = nullptr,
                      Clock *clock = Clock::system())
    {
        ServerConfig base = adjusted ? *adjusted : config(databaseUrl);
        QString error;
        auto instance = ServerInstance::start(base, clock, &error);
        if (!instance) {
            qWarning().noquote() << "weft-server:" << error;
            return -1;
        }
        m_instances.push_back(std::move(instance));
        return int(m_instances.size()) - 1;
    }
    ServerInstance &instance(int index) { return *m_instances.at(size_t(index)); }
    QUrl url(int index, const QString &path, bool webSocket = false) const
    {
        const bool tls = m_instances.at(size_t(index))->isTls();
        const QString scheme = webSocket ? (tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                                         : (tls ? QStringLiteral("https") : QStringLiteral("http"));
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                        .arg(scheme)
                        .arg(m_instances.at(size_t(index))->port())
                        .arg(path));
    }
    void stopInstances() { m_instances.clear(); }

    Reply call(int index, const QByteArray &method, const QString &path,
               const QJsonObject &body = {}, const QString &accessToken = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url(index, path));
        if (!accessToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QByteArray payload;
        if (method == "POST" || method == "PUT") {
            request.setRawHeader("Content-Type", "application/json");
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return send(request, method, payload);
    }

    Reply send(const QNetworkRequest &request, const QByteArray &method, const QByteArray &payload)
    {
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
        const Reply result = wait(reply);
        for (const auto &instance : m_instances) {
            if (request.url().port() == instance->port())
                record(method, request.url().path(), result);
        }
        return result;
    }

    // Every answer of weft-server, one JSON line each, to WEFT_SERVER_ANSWERS when set: the
    // conformance check validates them against docs/weft-server-openapi.yaml. The file is
    // started afresh by each test process.
    static void record(const QByteArray &method, const QString &path, const Reply &reply)
    {
        const QString target = qEnvironmentVariable("WEFT_SERVER_ANSWERS");
        if (target.isEmpty() || reply.status == 0)
            return;
        static bool started = false;
        QFile file(target);
        if (!file.open(started ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(target));
        started = true;
        const QJsonObject line{{QStringLiteral("method"), QString::fromLatin1(method)},
                               {QStringLiteral("path"), path},
                               {QStringLiteral("status"), reply.status},
                               {QStringLiteral("body"), QString::fromUtf8(reply.body)}};
        file.write(QJsonDocument(line).toJson(QJsonDocument::Compact));
        file.write("\n");
    }

    static Reply wait(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            result.headers.insert(name.toLower(), value);
        reply->abort();
        reply->deleteLater();
        return result;
    }

    // A user enrolled by the administrator, then by their desktop: the answer of /v1/enrol.
    QJsonObject enrolled(int index, const QString &email,
                         UserDirectory::Role role = UserDirectory::Role::User)
    {
        QString error;
        const auto enrolment = UserDirectory(instance(index).database())
                                   .add(email, role, QDateTime::currentDateTimeUtc(), &error);
        if (!enrolment) {
            qWarning().noquote() << error;
            return {};
        }
        return call(index, "POST", QStringLiteral("/v1/enrol"),
                    {{QStringLiteral("enrolment_code"), enrolment->code}})
            .json;
    }

    // A public token for a new Item at the sandbox, as Link's onSuccess would give; its webhook
    // is instance index's /plaid/webhook.
    QString publicToken(int webhookInstance = -1)
    {
        QJsonObject options;
        if (webhookInstance >= 0)
            options.insert(QStringLiteral("webhook"),
                           url(webhookInstance, QStringLiteral("/plaid/webhook")).toString());
        QNetworkRequest request(
            m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/sandbox/public_token/create"))));
        request.setRawHeader("Content-Type", "application/json");
        const QJsonObject body{
            {QStringLiteral("client_id"), kPlaidClientId},
            {QStringLiteral("secret"), kPlaidSecret},
            {QStringLiteral("institution_id"), kBank},
            {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}},
            {QStringLiteral("options"), options}};
        return send(request, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact))
            .json.value(QStringLiteral("public_token"))
            .toString();
    }

    // Plaid's access token for an Item, as only the server holds it (sealed in the database):
    // for the test to act as Plaid's Sandbox dashboard would (reset_login, fire_webhook).
    QString plaidAccessToken(int index, const QString &itemId)
    {
        QSqlQuery query(instance(index).database()->connection());
        query.prepare(QStringLiteral("SELECT access_token_sealed FROM items WHERE item_id = ?"));
        query.addBindValue(itemId);
        if (!query.exec() || !query.next())
            return {};
        QString error;
        const auto ring = KeyRing::load(m_keysFile, &error);
        const auto opened = TokenCipher(*ring).open(query.value(0).toString(), itemId.toUtf8());
        return opened.plaintext ? QString::fromUtf8(*opened.plaintext) : QString();
    }

    Reply sandboxCall(const QString &path, QJsonObject body)
    {
        body.insert(QStringLiteral("client_id"), kPlaidClientId);
        body.insert(QStringLiteral("secret"), kPlaidSecret);
        QNetworkRequest request(m_sandbox.baseUrl().resolved(QUrl(path)));
        request.setRawHeader("Content-Type", "application/json");
        return send(request, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private:
    QTemporaryDir m_dir;
    sandbox::EmbeddedSandbox m_sandbox;
    bool m_sandboxStarted = false;
    QString m_keysFile;
    QNetworkAccessManager m_network;
    std::vector<std::unique_ptr<ServerInstance>> m_instances;
};

} // namespace weft::server::testkit
