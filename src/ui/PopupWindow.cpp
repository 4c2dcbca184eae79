#include "ui/PopupWindow.h"

#include "ui/GuestWebView.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWebEnginePage>

namespace weft::ui {

PopupWindow::PopupWindow(QWebEnginePage *page, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_view(new GuestWebView(this))
    , m_page(page)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Sign in to your bank"));
    resize(480, 640);
    auto *address = new QLabel(this);
    address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(address);
    layout->addWidget(m_view);
    m_view->setPage(page);
    // The address is always visible, as in a browser: the user sees whose page this is.
    connect(page, &QWebEnginePage::urlChanged, address, [address](const QUrl &url) {
        address->setText(
            QStringLiteral(" %1").arg(url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment)));
    });
    connect(page, &QWebEnginePage::windowCloseRequested, this, &QWidget::close);
    connect(page, &QWebEnginePage::titleChanged, this, &QWidget::setWindowTitle);
}

PopupWindow::~PopupWindow()
{
    m_view->setPage(nullptr);
    delete m_page.data();
}

} // namespace weft::ui
