#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace weft {

// Installs a Qt message handler that passes every message through redaction::redact() before
// the previous handler prints it. Call once, first thing in main(); every log line of every
// module then goes through it, so a secret that reaches a log call is still never written.
void installRedactingMessageHandler();

// Sets up logging for an executable: the redacting handler, and debug output of Weft's
// categories off unless QT_LOGGING_RULES (or a logging config) asks for it.
void configureLogging();

} // namespace weft
