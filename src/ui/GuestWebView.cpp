#include "ui/GuestWebView.h"

#include "ui/UiLogging.h"

#include <QChildEvent>
#include <QDialog>

namespace weft::ui {

GuestWebView::GuestWebView(QWidget *parent)
    : QWebEngineView(parent)
{
    setContextMenuPolicy(Qt::NoContextMenu);
}

void GuestWebView::childEvent(QChildEvent *event)
{
    // The child is still being built here: watch it, and judge it once it is polished.
    if (event->added() && event->child()->isWidgetType())
        event->child()->installEventFilter(this);
    QWebEngineView::childEvent(event);
}

bool GuestWebView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish || event->type() == QEvent::Show) {
        if (auto *dialog = qobject_cast<QDialog *>(watched)) {
            watched->removeEventFilter(this);
            // Never on screen; the web engine hears "cancelled".
            dialog->setAttribute(Qt::WA_DontShowOnScreen, true);
            QMetaObject::invokeMethod(dialog, &QDialog::reject, Qt::QueuedConnection);
            qCWarning(lcUi) << "refused a" << dialog->metaObject()->className()
                            << "that web content asked for";
            emit nativeDialogRefused(QString::fromLatin1(dialog->metaObject()->className()));
        }
    }
    return QWebEngineView::eventFilter(watched, event);
}

} // namespace weft::ui
