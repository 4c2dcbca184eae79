#pragma once

#include "sandbox/FaultInjector.h"

#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QUrl>

class QTcpServer;

namespace weft {
class Clock;
}

namespace weft::sandbox {

class SandboxApi;
struct SandboxRequest;

// Serves a SandboxApi over HTTP on 127.0.0.1 only, plus static files (the Link emulator and
// host pages) and, when enabled, the admin routes for fault injection:
//   POST /weft/admin/faults        {"path", "kind", "count", "delay_ms", "status", "size"}
//   POST /weft/admin/faults/clear
//   GET  /weft/admin/faults
// and the Link emulator's internal routes POST /weft/link/session/{start,login,complete}.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    SandboxServer(SandboxApi *api, Clock *clock, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Binds 127.0.0.1:port (0: a free port). False, with the reason, when it cannot.
    bool listen(quint16 port, QString *error);
    QUrl baseUrl() const;
    quint16 port() const { return m_port; }

    // Serves the files below directory (a folder or a ":/" resource path) at urlPrefix.
    void addStaticRoot(const QString &urlPrefix, const QString &directory);
    void setAdminEnabled(bool enabled) { m_adminEnabled = enabled; }
    FaultInjector &faults() { return m_faults; }

private:
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void serveApi(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void serveAdmin(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool serveStatic(const QString &path, bool headOnly, QHttpServerResponder &responder);
    void answerApi(const SandboxRequest &request, QHttpServerResponder &responder,
                   const std::optional<Fault> &fault);

    SandboxApi *m_api;
    Clock *m_clock;
    QHttpServer m_http;
    QTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    bool m_adminEnabled = false;
    FaultInjector m_faults;
    QList<QPair<QString, QString>> m_staticRoots;
};

} // namespace weft::sandbox
