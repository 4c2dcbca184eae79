#pragma once

#include <QWebEngineView>

namespace weft::ui {

// A view for Link's pages: no context menu (it offers "view source", "save page", "open in new
// window"), and no native dialog that web content can summon — QtWebEngine 6.4 shows a
// QColorDialog for <input type=color> with no way to refuse it; GuestWebView rejects any
// dialog the view makes before it is shown. (File choosers and JavaScript dialogs are refused
// by the page, GuestPage.)
class GuestWebView : public QWebEngineView
{
    Q_OBJECT

public:
    explicit GuestWebView(QWidget *parent = nullptr);

signals:
    void nativeDialogRefused(const QString &className);

protected:
    void childEvent(QChildEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace weft::ui
