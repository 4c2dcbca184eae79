#pragma once

#include "net/HttpServer.h"
#include "net/StaticFiles.h"
#include "sandbox/FaultInjector.h"

#include <QObject>
#include <QUrl>

namespace weft {
class Clock;
}

namespace weft::sandbox {

class SandboxApi;
struct SandboxRequest;

// Serves a SandboxApi over HTTP on loopback only (127.0.0.1, and ::1 where there is one),
// plus static files (the Link emulator and host pages) and, when enabled, the admin routes for
// fault injection:
//   POST /weft/admin/faults        {"path", "kind", "count", "delay_ms", "status", "size"}
//   POST /weft/admin/faults/clear
//   GET  /weft/admin/faults
// and the Link emulator's internal routes POST /weft/link/session/{start,login,complete,exit,
// oauth,oauth-info,oauth-authorize,oauth-resume},
// which answer only the Link emulator's own origin (linkBaseUrl()), and GET /hl/<id>, a
// hosted_link_url, which sends the browser to the emulator's page for that Hosted Link session.
//
// Two host names reach it: 127.0.0.1 (the API and the host page) and localhost (the Link
// emulator), so that Link's frame is a different site from the host page, as Plaid's CDN is in
// the Plaid modes. Requests naming any other Host are refused (421), so a web page that has
// rebound its own name to 127.0.0.1 gets nothing. Limits on requests and connections come from
// net::HttpLimits; refusals are Plaid-shaped JSON errors.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    SandboxServer(SandboxApi *api, Clock *clock, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Binds 127.0.0.1:port (0: a free port), and ::1 on the same port where possible. False,
    // with the reason, when 127.0.0.1 cannot be bound.
    bool listen(quint16 port, QString *error);
    // http://127.0.0.1:PORT: the API, the host page.
    QUrl baseUrl() const;
    // http://localhost:PORT: the Link emulator (another site than baseUrl()).
    QUrl linkBaseUrl() const;
    quint16 port() const { return m_http.port(); }
    // For connections accepted from now on.
    void setLimits(const net::HttpLimits &limits) { m_http.setLimits(limits); }

    // Serves the files below directory (a folder or a ":/" resource path) at urlPrefix.
    void addStaticRoot(const QString &urlPrefix, const QString &directory);
    void setAdminEnabled(bool enabled) { m_adminEnabled = enabled; }
    FaultInjector &faults() { return m_faults; }

private:
    void dispatch(const net::HttpRequest &request, const net::HttpResponder &responder);
    void serveApi(const net::HttpRequest &request, const net::HttpResponder &responder);
    void serveLinkSession(const net::HttpRequest &request, const net::HttpResponder &responder);
    void serveAdmin(const net::HttpRequest &request, const net::HttpResponder &responder);
    void serveHostedLink(const net::HttpRequest &request, const net::HttpResponder &responder);
    void answerApi(const SandboxRequest &request, const net::HttpResponder &responder,
                   const std::optional<Fault> &fault);
    bool isOwnHost(const QByteArray &host) const;

    SandboxApi *m_api;
    Clock *m_clock;
    net::HttpServer m_http;
    bool m_adminEnabled = false;
    FaultInjector m_faults;
    net::StaticFiles m_static;
};

} // namespace weft::sandbox
