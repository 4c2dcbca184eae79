#include "DevToolsClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace {

// Runs the event loop until done() or the deadline; true when done() held.
template<typename Done>
bool waitUntil(int timeoutMs, Done done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() >= timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

DevToolsClient::DevToolsClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &DevToolsClient::onMessage);
}

bool DevToolsClient::connectTo(quint16 port, int timeoutMs, QString *error)
{
    QNetworkAccessManager network;
    QUrl socketUrl;
    QElapsedTimer timer;
    timer.start();
    // The endpoint comes up with the web engine: ask until it answers.
    while (socketUrl.isEmpty() && timer.elapsed() < timeoutMs) {
        QNetworkReply *reply = network.get(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/json/version").arg(port))));
        waitUntil(timeoutMs, [reply] { return reply->isFinished(); });
        const QJsonObject version = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        socketUrl = QUrl(version.value(QLatin1StringView("webSocketDebuggerUrl")).toString());
        if (socketUrl.isEmpty())
            waitUntil(100, [] { return false; });
    }
    if (socketUrl.isEmpty()) {
        *error = QStringLiteral("no DevTools endpoint on port %1").arg(port);
        return false;
    }
    m_socket.open(socketUrl);
    if (!waitUntil(timeoutMs,
                   [this] { return m_socket.state() == QAbstractSocket::ConnectedState; })) {
        *error = QStringLiteral("DevTools socket: %1").arg(m_socket.errorString());
        return false;
    }
    return true;
}

void DevToolsClient::onMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.contains(QLatin1StringView("id"))) {
        m_replies.insert(message.value(QLatin1StringView("id")).toInt(), message);
        return;
    }
    const QString method = message.value(QLatin1StringView("method")).toString();
    if (method == u"Runtime.executionContextCreated") {
        const QJsonObject context = message.value(QLatin1StringView("params"))
                                        .toObject()
                                        .value(QLatin1StringView("context"))
                                        .toObject();
        if (context.value(QLatin1StringView("auxData"))
                .toObject()
                .value(QLatin1StringView("isDefault"))
                .toBool()) {
            m_contexts.append({message.value(QLatin1StringView("sessionId")).toString(),
                               context.value(QLatin1StringView("id")).toInt(),
                               context.value(QLatin1StringView("origin")).toString()});
        }
        return;
    }
    if (method == u"Target.attachedToTarget") {
        const QJsonObject params = message.value(QLatin1StringView("params")).toObject();
        const QJsonObject info = params.value(QLatin1StringView("targetInfo")).toObject();
        m_attached.insert(info.value(QLatin1StringView("url")).toString(),
                          params.value(QLatin1StringView("sessionId")).toString());
    }
}

QJsonObject DevToolsClient::call(const QString &method, const QJsonObject &params,
                                 const QString &sessionId, int timeoutMs, QString *error)
{
    const int id = m_nextId++;
    QJsonObject message{{QStringLiteral("id"), id},
                        {QStringLiteral("method"), method},
                        {QStringLiteral("params"), params}};
    if (!sessionId.isEmpty())
        message.insert(QStringLiteral("sessionId"), sessionId);
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    if (!waitUntil(timeoutMs, [this, id] { return m_replies.contains(id); })) {
        if (error)
            *error = method + QStringLiteral(": no answer");
        return {};
    }
    const QJsonObject reply = m_replies.take(id);
    if (reply.contains(QLatin1StringView("error"))) {
        if (error)
            *error = method + QStringLiteral(": ") +
                     reply.value(QLatin1StringView("error"))
                         .toObject()
                         .value(QLatin1StringView("message"))
                         .toString();
        return {};
    }
    return reply.value(QLatin1StringView("result")).toObject();
}

QHash<QString, QString> DevToolsClient::attachAll(int timeoutMs)
{
    const QJsonArray targets =
        call(QStringLiteral("Target.getTargets")).value(QLatin1StringView("targetInfos")).toArray();
    for (const QJsonValue value : targets) {
        const QJsonObject info = value.toObject();
        if (info.value(QLatin1StringView("type")).toString() != u"page")
            continue;
        const QString session =
            call(QStringLiteral("Target.attachToTarget"),
                 {{QStringLiteral("targetId"), info.value(QLatin1StringView("targetId"))},
                  {QStringLiteral("flatten"), true}})
                .value(QLatin1StringView("sessionId"))
                .toString();
        if (session.isEmpty())
            continue;
        m_attached.insert(info.value(QLatin1StringView("url")).toString(), session);
        // Frames in the page's own process are reached through their contexts.
        call(QStringLiteral("Runtime.enable"), {}, session);
        // Out-of-process frames (Link's, another site) arrive as Target.attachedToTarget.
        call(QStringLiteral("Target.setAutoAttach"),
             {{QStringLiteral("autoAttach"), true},
              {QStringLiteral("waitForDebuggerOnStart"), false},
              {QStringLiteral("flatten"), true}},
             session);
    }
    const qsizetype pages = m_attached.size();
    // Link's frame shows up as its own target (another process) or as a second context.
    waitUntil(timeoutMs,
              [this, pages] { return m_attached.size() > pages || m_contexts.size() >= 2; });
    return m_attached;
}

QString DevToolsClient::evaluate(const QString &sessionId, const QString &expression,
                                 QString *error, int contextId)
{
    QJsonObject params{{QStringLiteral("expression"), expression},
                       {QStringLiteral("returnByValue"), true},
                       {QStringLiteral("awaitPromise"), true}};
    if (contextId != 0)
        params.insert(QStringLiteral("contextId"), contextId);
    const QJsonObject result =
        call(QStringLiteral("Runtime.evaluate"), params, sessionId, 10000, error);
    return result.value(QLatin1StringView("result"))
        .toObject()
        .value(QLatin1StringView("value"))
        .toString();
}
