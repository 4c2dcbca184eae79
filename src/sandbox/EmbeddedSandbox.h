#pragma once

#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/WebhookSender.h"

#include <QObject>
#include <QThread>

namespace weft::sandbox {

struct EmbeddedSandboxOptions
{
    quint16 port = 0; // 0: any free port
    SandboxCredentials credentials;
    QString stateFile;        // empty: state in memory only
    bool adminRoutes = false; // fault injection routes
    // Extra static files: URL prefix -> folder or ":/" resource path (e.g. the host page).
    QList<QPair<QString, QString>> staticRoots;
    net::HttpLimits limits; // what one client may make the server hold
};

// The sandbox API and its loopback HTTP server together, as weft and weft-sandbox run them.
class EmbeddedSandbox : public QObject
{
    Q_OBJECT

public:
    explicit EmbeddedSandbox(Clock *clock, QObject *parent = nullptr);

    // Loads the state file (if any) and starts listening. False, with the reason, on failure.
    bool start(const EmbeddedSandboxOptions &options, QString *error);

    QUrl baseUrl() const { return m_server.baseUrl(); }
    // Where the Link emulator lives: the same server under another host name (another site).
    QUrl linkBaseUrl() const { return m_server.linkBaseUrl(); }
    SandboxApi &api() { return m_api; }
    SandboxServer &server() { return m_server; }
    WebhookSender &webhooks() { return m_webhooks; }

private:
    SandboxApi m_api;
    SandboxServer m_server;
    WebhookSender m_webhooks;
};

// An EmbeddedSandbox on a thread of its own, for the desktop app: the sandbox then answers
// while the UI thread is busy (starting the web engine, painting), as a remote server would.
class SandboxThread
{
public:
    explicit SandboxThread(Clock *clock);
    ~SandboxThread();

    // Starts the thread and the sandbox in it; waits for the outcome.
    bool start(const EmbeddedSandboxOptions &options, QString *error);
    QUrl baseUrl() const { return m_baseUrl; }
    QUrl linkBaseUrl() const { return m_linkBaseUrl; }
    // The Plaid-Verification header the sandbox would send with body (made on its thread), for
    // benchmarks that post webhooks themselves.
    QByteArray signWebhook(const QByteArray &body) const;

private:
    Clock *m_clock;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread; owns the sandbox
    EmbeddedSandbox *m_sandbox = nullptr;
    QUrl m_baseUrl;
    QUrl m_linkBaseUrl;
};

} // namespace weft::sandbox
