#include "core/Logging.h"

#include "core/Redaction.h"

#include <cstdio>

Q_LOGGING_CATEGORY(lcCore, "weft.core")

namespace weft {
namespace {

QtMessageHandler s_previous = nullptr;
bool s_installed = false;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = redaction::redact(message);
    if (s_previous) {
        s_previous(type, context, clean);
        return;
    }
    const QByteArray line = qFormatLogMessage(type, context, clean).toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installRedactingMessageHandler()
{
    if (s_installed)
        return;
    s_installed = true;
    s_previous = qInstallMessageHandler(redactingHandler);
}

void configureLogging()
{
    installRedactingMessageHandler();
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("weft.*.debug=false"));
}

} // namespace weft
