#pragma once

#include <QPointer>
#include <QWidget>

class QWebEnginePage;

namespace weft::ui {

class GuestWebView;

// A window for a page Link opened (an OAuth bank's login). It shows the page's address,
// closes when the page asks to, and deletes the page with itself (at once, so that a session
// being replaced can close its popups before their profile goes).
class PopupWindow : public QWidget
{
    Q_OBJECT

public:
    PopupWindow(QWebEnginePage *page, QWidget *parent = nullptr);
    ~PopupWindow() override;

private:
    GuestWebView *m_view;
    QPointer<QWebEnginePage> m_page; // a child of Link's page, which may go first
};

} // namespace weft::ui
