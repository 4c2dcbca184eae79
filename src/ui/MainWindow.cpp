#include "ui/MainWindow.h"

#include "ui_MainWindow.h"

namespace weft::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setStatus(tr("Starting…"), true);
}

MainWindow::~MainWindow() = default;

void MainWindow::setBackend(const QString &mode, const QUrl &url)
{
    m_ui->modeLabel->setText(mode);
    m_ui->urlLabel->setText(url.toString());
}

void MainWindow::setStatus(const QString &status, bool healthy)
{
    m_ui->statusLabel->setText(status);
    m_ui->statusLabel->setStyleSheet(healthy ? QString() : QStringLiteral("color: #b00020;"));
    statusBar()->showMessage(status);
}

} // namespace weft::ui
