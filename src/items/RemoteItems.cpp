#include "items/RemoteItems.h"

namespace weft::items {

RemoteItems::~RemoteItems() = default;

} // namespace weft::items
