#include "remote/PushClient.h"

#include "remote/RemoteLogging.h"
#include "remote/ServerCredential.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

#include <algorithm>

namespace weft::remote {
namespace {

constexpr int kReauthCheckMs = 60 * 1000;
constexpr int kMaxPauseMs = 60 * 1000;
constexpr int kMaxMessageBytes = 64 * 1024;

} // namespace

PushClient::PushClient(const QUrl &serverUrl, ServerCredential *credential, QObject *parent)
    : QObject(parent)
    , m_url(socketUrl(serverUrl))
    , m_credential(credential)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &PushClient::connectSocket);
    m_reauth.setInterval(kReauthCheckMs);
    connect(&m_reauth, &QTimer::timeout, this, &PushClient::authenticate);
}

PushClient::~PushClient()
{
    stop();
}

QUrl PushClient::socketUrl(const QUrl &serverUrl)
{
    QUrl url =
        serverUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    url.setScheme(serverUrl.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(url.path() + QStringLiteral("/v1/push"));
    return url;
}

void PushClient::start()
{
    if (m_running)
        return;
    m_running = true;
    connectSocket();
}

void PushClient::stop()
{
    m_running = false;
    m_ready = false;
    m_reconnect.stop();
    m_reauth.stop();
    if (m_socket) {
        QWebSocket *socket = std::exchange(m_socket, nullptr);
        socket->disconnect(this);
        socket->close();
        socket->deleteLater();
    }
}

void PushClient::connectSocket()
{
    if (!m_running)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_ready = false;
    m_sentToken.clear();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    connect(m_socket, &QWebSocket::connected, this, &PushClient::authenticate);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &PushClient::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &PushClient::onClosed);
    m_socket->open(m_url);
}

void PushClient::authenticate()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_credential->withAccessToken(this, [this](const QString &token, const ServerReply &failure) {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (token.isEmpty()) {
            qCInfo(lcRemote) << "push: no access token:" << failure.describe();
            if (failure.errorCode == u"SIGN_IN_ENDED" || failure.errorCode == u"NOT_ENROLLED") {
                stop(); // nothing to sign in with until the user enrols again
                return;
            }
            m_socket->close();
            return;
        }
        if (token == m_sentToken)
            return;
        m_sentToken = token;
        m_socket->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("auth")},
                                      {QStringLiteral("access_token"), token}})
                .toJson(QJsonDocument::Compact)));
    });
}

void PushClient::onMessage(const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(QLatin1StringView("type")).toString();
    if (type == u"ready") {
        const bool first = !m_ready;
        m_ready = true;
        m_failures = 0;
        m_reauth.start();
        if (first)
            emit ready();
    } else if (type == u"item_changed") {
        const QString itemId = object.value(QLatin1StringView("item"))
                                   .toObject()
                                   .value(QLatin1StringView("item_id"))
                                   .toString();
        if (!itemId.isEmpty())
            emit itemChanged(itemId);
    } else if (type == u"item_removed") {
        const QString itemId = object.value(QLatin1StringView("item_id")).toString();
        if (!itemId.isEmpty())
            emit itemRemoved(itemId);
    } else {
        qCInfo(lcRemote) << "push: a message of no known type was ignored";
    }
}

void PushClient::onClosed()
{
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    const QString why = m_socket ? m_socket->closeReason() : QString();
    m_ready = false;
    m_reauth.stop();
    if (code == 4401)
        m_credential->forgetAccessToken(); // refused: the next sign-in refreshes first
    qCInfo(lcRemote).nospace() << "push: disconnected (" << code << " " << why << ")";
    emit disconnected(why);
    scheduleReconnect();
}

void PushClient::scheduleReconnect()
{
    if (!m_running)
        return;
    ++m_failures;
    const int pause = std::min(kMaxPauseMs, 1000 << std::min(m_failures - 1, 6));
    m_reconnect.start(pause);
}

} // namespace weft::remote
