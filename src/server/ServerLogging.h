#pragma once

#include <QLoggingCategory>

// weft-server's log: requests refused and why, Plaid's answers, webhooks. The logging layer
// redacts tokens (core/Redaction.h); callers never pass one.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
