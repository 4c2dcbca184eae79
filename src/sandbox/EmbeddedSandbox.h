#pragma once

#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxServer.h"

#include <QObject>

namespace weft::sandbox {

struct EmbeddedSandboxOptions
{
    quint16 port = 0;            // 0: any free port
    SandboxCredentials credentials;
    QString stateFile;           // empty: state in memory only
    bool adminRoutes = false;    // fault injection routes
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
    SandboxApi &api() { return m_api; }
    SandboxServer &server() { return m_server; }

private:
    SandboxApi m_api;
    SandboxServer m_server;
};

} // namespace weft::sandbox
