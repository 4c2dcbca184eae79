#pragma once

#include <QString>

namespace weft::ui {

// How the window, web view included, is composed. Qt composes a window that holds a web view
// through OpenGL; on a display whose OpenGL is a software rasteriser (llvmpipe and its kin:
// virtual machines, remote desktops, fallback drivers) every repaint of the window then costs
// tens of milliseconds of CPU on the thread Chromium's browser side also runs on, and on a
// display without OpenGL the web view cannot start at all. There, Qt Quick's software
// renderer composes the window instead, which needs no OpenGL and is several times faster
// than OpenGL emulated in software.
struct GraphicsChoice
{
    bool software = false;
    QString reason; // for the log: why
};

// Decides, and applies the choice. Call after the QApplication is made and before the first
// web view. A QT_QUICK_BACKEND or QSG_RHI_BACKEND in the environment is obeyed as it is;
// Windows and macOS keep Qt's default (Direct3D, Metal).
GraphicsChoice setUpGraphics();

} // namespace weft::ui
