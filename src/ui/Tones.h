#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

namespace weft::ui {

// The meanings Weft gives colour, and their colours for a palette: never a fixed colour, so
// that light and dark schemes both read well. Every tone keeps at least kMinContrast (WCAG
// AA for text) against the palette's window and base colours, and the text drawn on a tone's
// badge keeps it against the tone. Colour never carries meaning alone: the words are beside it.
enum class Tone {
    Neutral,   // e.g. an Item of another environment
    Good,      // connected
    Attention, // needs the user soon (sign in again, consent expiring)
    Problem,   // an error, something did not work
};

namespace tones {

constexpr double kMinContrast = 4.5;

// WCAG 2 contrast ratio of two colours, 1 to 21.
double contrast(const QColor &a, const QColor &b);
bool isDark(const QPalette &palette);

// The tone's colour for text on the palette's window and base.
QColor textColor(Tone tone, const QPalette &palette);
// A badge's fill, and the colour of text on it.
QColor badgeColor(Tone tone, const QPalette &palette);
QColor textOn(const QColor &fill);

Tone forStatus(const QString &status, bool foreign);

// Shows widget's text in the tone (Neutral: the palette's own), and again whenever the
// application's palette changes (the system switched between light and dark).
void apply(QWidget *widget, Tone tone);

} // namespace tones
} // namespace weft::ui
