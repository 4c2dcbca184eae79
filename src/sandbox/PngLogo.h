#pragma once

#include <QByteArray>

namespace weft::sandbox {

// The fabric each sandbox institution is named after, drawn as its logo.
enum class LogoPattern { Solid, Gingham, Tartan, Houndstooth, Platypus };

// A square RGBA PNG of the given size: the pattern in the institution's colour on a round
// badge, transparent outside. Written with Qt Core alone (zlib through qCompress), so the
// headless sandbox needs no GUI library.
// color is 0xRRGGBB.
QByteArray renderLogoPng(LogoPattern pattern, quint32 color, int size = 96);

} // namespace weft::sandbox
