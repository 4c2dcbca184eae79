#include "sandbox/EmbeddedSandbox.h"

namespace weft::sandbox {

EmbeddedSandbox::EmbeddedSandbox(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(clock, {})
    , m_server(&m_api, clock)
{
    connect(&m_api, &SandboxApi::webhookFired, &m_webhooks, &WebhookSender::send);
    m_webhooks.setSigner([this](const QByteArray &body) { return m_api.signWebhook(body); });
}

bool EmbeddedSandbox::start(const EmbeddedSandboxOptions &options, QString *error)
{
    m_api.setCredentials(options.credentials);
    if (!options.stateFile.isEmpty() && !m_api.attachStateFile(options.stateFile, error))
        return false;
    m_server.setAdminEnabled(options.adminRoutes);
    m_server.setLimits(options.limits);
    m_server.addStaticRoot(QStringLiteral("/link/v2/stable"),
                           QStringLiteral(":/weft/link-emulator"));
    for (const auto &[prefix, directory] : options.staticRoots)
        m_server.addStaticRoot(prefix, directory);
    return m_server.listen(options.port, error);
}

SandboxThread::SandboxThread(Clock *clock)
    : m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("weft-sandbox"));
}

SandboxThread::~SandboxThread()
{
    if (m_context) {
        QMetaObject::invokeMethod(
            m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool SandboxThread::start(const EmbeddedSandboxOptions &options, QString *error)
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    bool started = false;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            auto *sandbox = new EmbeddedSandbox(m_clock, m_context);
            m_sandbox = sandbox;
            started = sandbox->start(options, error);
            m_baseUrl = sandbox->baseUrl();
            m_linkBaseUrl = sandbox->linkBaseUrl();
        },
        Qt::BlockingQueuedConnection);
    return started;
}

QByteArray SandboxThread::signWebhook(const QByteArray &body) const
{
    QByteArray signature;
    if (m_sandbox) {
        QMetaObject::invokeMethod(
            m_context, [&] { signature = m_sandbox->api().signWebhook(body); },
            Qt::BlockingQueuedConnection);
    }
    return signature;
}

} // namespace weft::sandbox
