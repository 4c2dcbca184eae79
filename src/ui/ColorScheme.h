#pragma once

#include <QPalette>

class QApplication;

namespace weft::ui::colorscheme {

// A dark palette for Fusion (the style Weft uses where the platform has none of its own),
// whose text keeps at least 4.5:1 contrast.
QPalette dark();

// Follows the system's light or dark preference where Qt reports it (Qt 6.5 on): when the
// system prefers dark and the platform's own palette is light, Weft uses dark(); it changes
// back when the preference does. WEFT_COLOR_SCHEME=light|dark picks one (screenshots, or a
// system that does not say).
void follow(QApplication *app);

} // namespace weft::ui::colorscheme
