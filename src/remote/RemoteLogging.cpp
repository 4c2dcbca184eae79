#include "remote/RemoteLogging.h"

Q_LOGGING_CATEGORY(lcRemote, "weft.remote")
