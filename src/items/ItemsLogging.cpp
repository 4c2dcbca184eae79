#include "items/ItemsLogging.h"

Q_LOGGING_CATEGORY(lcItems, "weft.items")
