#pragma once

#include "plaid/PlaidError.h"

#include <QString>

namespace weft::sandbox {

// Builds the error object Plaid returns for an error code: its error_type, HTTP status,
// documented error_message and display_message, and documentation_url. message replaces the
// default error_message where the sandbox can say something more specific. An unknown code is
// reported as API_ERROR/INTERNAL_SERVER_ERROR, never passed through.
plaid::PlaidError sandboxError(QStringView code, const QString &message = {});

// Whether code is one the sandbox knows (what user_custom's force_error may name).
bool isKnownErrorCode(QStringView code);

} // namespace weft::sandbox
