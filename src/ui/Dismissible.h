#pragma once

class QLabel;

namespace weft::ui {

// Gives a message label a Dismiss button beside it (keyboard reachable, named for screen
// readers). The button comes and goes with the label's text; dismissing clears the label.
void makeDismissible(QLabel *label);

} // namespace weft::ui
