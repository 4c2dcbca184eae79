#include "vault/VaultLogging.h"

Q_LOGGING_CATEGORY(lcVault, "weft.vault")
