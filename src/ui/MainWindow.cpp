#include "ui/MainWindow.h"

#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "ui/PopupWindow.h"
#include "ui_MainWindow.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QStackedLayout>
#include <QWebEngineView>

namespace weft::ui {

MainWindow::MainWindow(link::LinkHost *host, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_host(host)
{
    m_ui->setupUi(this);
    m_ui->eventLog->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->eventLog->horizontalHeader()->setStretchLastSection(true);

    // Link's view lies under the home page, loaded and rendered but covered, so opening it is
    // just raising it (a hidden view would be throttled by Chromium while it preloads).
    QWidget *home = takeCentralWidget();
    auto *container = new QWidget(this);
    m_stack = new QStackedLayout(container);
    m_stack->setStackingMode(QStackedLayout::StackAll);
    m_view = new QWebEngineView(container);
    m_view->setPage(host->page());
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_stack->addWidget(m_view);
    m_stack->addWidget(home);
    m_stack->setCurrentWidget(home);
    setCentralWidget(container);

    link::LinkController *controller = host->controller();
    connect(m_ui->connectButton, &QPushButton::clicked, controller, &link::LinkController::open);
    connect(m_ui->retryButton, &QPushButton::clicked, controller, &link::LinkController::retry);
    connect(controller, &link::LinkController::stateChanged, this, &MainWindow::onStateChanged);
    connect(controller, &link::LinkController::opened, this, [this] { showLink(true); });
    connect(controller, &link::LinkController::closed, this, [this] { showLink(false); });
    connect(controller, &link::LinkController::notice, this,
            [this](const QString &text) { showNotice(text, false); });
    connect(controller, &link::LinkController::failed, this, &MainWindow::onFailed);
    connect(controller, &link::LinkController::itemLinked, this, &MainWindow::onItemLinked);
    connect(controller, &link::LinkController::itemRepaired, this, &MainWindow::onItemRepaired);
    connect(controller, &link::LinkController::eventReceived, this, &MainWindow::appendEvent);

    link::LinkPage *page = host->page();
    connect(page, &link::LinkPage::popupCreated, this, [this](QWebEnginePage *popup) {
        if (auto *linkPopup = qobject_cast<link::LinkPopupPage *>(popup)) {
            connect(linkPopup, &link::LinkPopupPage::externalLinkRequested, this,
                    [](const QUrl &url) { QDesktopServices::openUrl(url); });
        }
        auto *window = new PopupWindow(popup, this);
        window->show();
    });
    onStateChanged(controller->state());
}

MainWindow::~MainWindow()
{
    m_view->setPage(nullptr); // the page belongs to the LinkHost
}

void MainWindow::setBackendDescription(const QString &text)
{
    m_ui->backendLabel->setText(text);
}

void MainWindow::showLink(bool visible)
{
    m_stack->setCurrentIndex(visible ? 0 : 1);
    if (visible)
        m_view->setFocus();
}

void MainWindow::onStateChanged(link::LinkController::State state)
{
    using State = link::LinkController::State;
    const bool busy = state == State::FetchingToken || state == State::Loading
                      || state == State::Exchanging;
    m_ui->connectButton->setEnabled(state == State::Ready);
    m_ui->progress->setVisible(busy);
    m_ui->retryButton->setVisible(state == State::Failed);
    QString text;
    switch (state) {
    case State::Idle:
        break;
    case State::FetchingToken:
        text = tr("Getting a Link token…");
        break;
    case State::Loading:
        text = tr("Loading Link…");
        break;
    case State::Ready:
        text = tr("Ready");
        break;
    case State::Open:
        text = tr("Link is open");
        break;
    case State::Exchanging:
        text = tr("Completing the connection…");
        break;
    case State::Failed:
        text = tr("Link is not available");
        break;
    }
    m_ui->stateLabel->setText(text);
    statusBar()->showMessage(text);
}

void MainWindow::showNotice(const QString &text, bool error)
{
    m_ui->noticeLabel->setText(text);
    m_ui->noticeLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_ui->noticeLabel->setVisible(!text.isEmpty());
}

void MainWindow::onFailed(const link::LinkFailure &failure)
{
    QStringList ids;
    if (!failure.errorCode.isEmpty())
        ids << tr("error code %1").arg(failure.errorCode);
    if (!failure.linkSessionId.isEmpty())
        ids << tr("link_session_id %1").arg(failure.linkSessionId);
    if (!failure.requestId.isEmpty())
        ids << tr("request_id %1").arg(failure.requestId);
    QString text = failure.userText;
    if (!ids.isEmpty())
        text += QStringLiteral("\n") + ids.join(QStringLiteral(" · "));
    showNotice(text, true);
}

void MainWindow::onItemLinked(const link::LinkedItem &item)
{
    const link::LinkSuccess &success = item.success;
    const QString institution =
        success.institution ? success.institution->name : tr("Unknown institution");
    QStringList accounts;
    for (const link::LinkAccount &account : success.accounts)
        accounts << QStringLiteral("%1 ••%2").arg(account.name, account.mask);
    auto *entry = new QListWidgetItem(
        tr("%1 — %2\nItem %3 · link_session_id %4")
            .arg(institution, accounts.join(QStringLiteral(", ")), item.itemId,
                 success.linkSessionId),
        m_ui->itemsList);
    entry->setData(Qt::UserRole, item.itemId);
    showNotice(tr("%1 is connected.").arg(institution), false);
}

void MainWindow::onItemRepaired(const QString &itemId, const link::LinkSuccess &)
{
    showNotice(tr("The connection %1 works again.").arg(itemId), false);
}

void MainWindow::appendEvent(const link::LinkEvent &event)
{
    QTableWidget *log = m_ui->eventLog;
    const int row = log->rowCount();
    log->insertRow(row);
    const QJsonObject &m = event.metadata;
    QStringList details;
    for (const char *key : {"error_code", "institution_search_query", "mfa_type", "exit_status",
                            "link_session_id", "request_id"}) {
        const QString value = m.value(QLatin1StringView(key)).toString();
        if (!value.isEmpty())
            details << QLatin1StringView(key) + u'=' + value;
    }
    const QStringList cells{event.timestamp.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                            event.name, event.viewName,
                            m.value(QLatin1StringView("institution_name")).toString(),
                            details.join(QStringLiteral("  "))};
    for (int column = 0; column < cells.size(); ++column)
        log->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    log->scrollToBottom();
}

} // namespace weft::ui
