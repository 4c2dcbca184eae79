#pragma once

#include <QMainWindow>
#include <QUrl>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace weft::ui {

// The main window. For now it shows which backend Weft talks to and whether it answers.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setBackend(const QString &mode, const QUrl &url);
    void setStatus(const QString &status, bool healthy);

private:
    std::unique_ptr<Ui::MainWindow> m_ui;
};

} // namespace weft::ui
