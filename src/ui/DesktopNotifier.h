#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace weft::ui {

// A notification on the desktop, for news that should reach someone who is not looking at
// Weft. Linux: the freedesktop Notifications service on the session bus (what GNOME, KDE and
// others show). Elsewhere, or with no such service: the system tray's message where there is
// a tray, and in any case the window asks for attention (the taskbar entry flashes).
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QWidget *window, QObject *parent = nullptr);

    void notify(const QString &title, const QString &body);

signals:
    // How it was shown ("notification service", "tray", "window alert"), for tests and logs.
    void shown(const QString &how);

private:
    void fallBack(const QString &title, const QString &body);

    QPointer<QWidget> m_window;
};

} // namespace weft::ui
