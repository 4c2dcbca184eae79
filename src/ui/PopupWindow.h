#pragma once

#include <QWidget>

class QWebEnginePage;
class QWebEngineView;

namespace weft::ui {

// A window for a page Link opened (an OAuth bank's login). It shows the page's address,
// closes when the page asks to, and deletes the page with itself.
class PopupWindow : public QWidget
{
    Q_OBJECT

public:
    PopupWindow(QWebEnginePage *page, QWidget *parent = nullptr);
    ~PopupWindow() override;

private:
    QWebEngineView *m_view;
    QWebEnginePage *m_page;
};

} // namespace weft::ui
