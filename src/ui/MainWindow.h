#pragma once

#include "link/LinkController.h"

#include <QMainWindow>

#include <memory>

class QStackedLayout;
class QWebEngineView;

namespace Ui {
class MainWindow;
}

namespace weft::link {
class LinkHost;
}

namespace weft::ui {

// The main window: the "Connect a bank account" button (enabled only when Link is ready),
// progress while Link is prepared, messages, the banks connected in this session, and the
// Link event log. Link itself is shown over the window in the web view when opened.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(link::LinkHost *host, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setBackendDescription(const QString &text);
    QWebEngineView *linkView() const { return m_view; }

private:
    void onStateChanged(link::LinkController::State state);
    void showLink(bool visible);
    void showNotice(const QString &text, bool error);
    void onFailed(const link::LinkFailure &failure);
    void onItemLinked(const link::LinkedItem &item);
    void onItemRepaired(const QString &itemId, const link::LinkSuccess &success);
    void appendEvent(const link::LinkEvent &event);

    std::unique_ptr<Ui::MainWindow> m_ui;
    link::LinkHost *m_host;
    QStackedLayout *m_stack = nullptr;
    QWebEngineView *m_view = nullptr;
};

} // namespace weft::ui
