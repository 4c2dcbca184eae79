#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QWebSocket>

// weft-bench's client for Chromium's DevTools protocol (the browser endpoint that weft opens
// with --remote-debugging-port in sandbox mode). Blocking calls with a deadline, for a
// benchmark: connect(), call(), and the sessions of the page and of Link's out-of-process
// frame attached with flatten.
class DevToolsClient : public QObject
{
    Q_OBJECT

public:
    explicit DevToolsClient(QObject *parent = nullptr);

    bool connectTo(quint16 port, int timeoutMs, QString *error);
    // The result of a command, or an empty object with *error set.
    QJsonObject call(const QString &method, const QJsonObject &params = {},
                     const QString &sessionId = {}, int timeoutMs = 10000,
                     QString *error = nullptr);
    // Attaches to every page target and, through auto-attach, to its out-of-process frames;
    // returns target URL -> session id.
    QHash<QString, QString> attachAll(int timeoutMs);
    // A frame's JavaScript context (a frame in its page's process is reached through it).
    struct FrameContext
    {
        QString sessionId;
        int contextId = 0;
        QString origin;
    };
    // The main-world contexts of every frame seen in the attached pages.
    QList<FrameContext> frameContexts() const { return m_contexts; }
    // Runs an expression in a session (in one context of it, if not 0) and returns its value
    // (a string) or an empty string.
    QString evaluate(const QString &sessionId, const QString &expression, QString *error = nullptr,
                     int contextId = 0);

private:
    void onMessage(const QString &text);

    QWebSocket m_socket;
    int m_nextId = 1;
    QHash<int, QJsonObject> m_replies;
    QHash<QString, QString> m_attached; // url -> session id, from Target.attachedToTarget
    QList<FrameContext> m_contexts;
};
