#include "ui/DesktopNotifier.h"

#include "ui/UiLogging.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace weft::ui {

DesktopNotifier::DesktopNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
}

void DesktopNotifier::notify(const QString &title, const QString &body)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    static const QString service = QStringLiteral("org.freedesktop.Notifications");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected() && bus.interface() &&
        bus.interface()->isServiceRegistered(service).value()) {
        QDBusMessage call = QDBusMessage::createMethodCall(
            service, QStringLiteral("/org/freedesktop/Notifications"), service,
            QStringLiteral("Notify"));
        const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral("app.weft.Weft")},
                                {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}};
        call << QStringLiteral("Weft") << uint(0) << QStringLiteral("app.weft.Weft") << title
             << body << QStringList() << hints << int(-1);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, body] {
            watcher->deleteLater();
            const QDBusPendingReply<uint> reply = *watcher;
            if (reply.isError()) {
                qCWarning(lcUi).noquote()
                    << "the desktop's notification service refused:" << reply.error().message();
                fallBack(title, body);
                return;
            }
            emit shown(QStringLiteral("notification service"));
        });
        return;
    }
#endif
    fallBack(title, body);
}

void DesktopNotifier::fallBack(const QString &title, const QString &body)
{
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        auto *tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray->show();
        tray->showMessage(title, body, QSystemTrayIcon::Information);
        emit shown(QStringLiteral("tray"));
        return;
    }
    if (m_window)
        QApplication::alert(m_window);
    emit shown(QStringLiteral("window alert"));
}

} // namespace weft::ui
