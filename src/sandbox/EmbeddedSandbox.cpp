#include "sandbox/EmbeddedSandbox.h"

namespace weft::sandbox {

EmbeddedSandbox::EmbeddedSandbox(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(clock, {})
    , m_server(&m_api, clock)
{
}

bool EmbeddedSandbox::start(const EmbeddedSandboxOptions &options, QString *error)
{
    m_api.setCredentials(options.credentials);
    if (!options.stateFile.isEmpty() && !m_api.attachStateFile(options.stateFile, error))
        return false;
    m_server.setAdminEnabled(options.adminRoutes);
    m_server.addStaticRoot(QStringLiteral("/link/v2/stable"), QStringLiteral(":/weft/link-emulator"));
    return m_server.listen(options.port, error);
}

} // namespace weft::sandbox
