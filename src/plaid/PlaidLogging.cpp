#include "plaid/PlaidLogging.h"

Q_LOGGING_CATEGORY(lcPlaid, "weft.plaid")
