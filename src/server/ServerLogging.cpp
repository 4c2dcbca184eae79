#include "server/ServerLogging.h"

Q_LOGGING_CATEGORY(lcServer, "weft.server")
