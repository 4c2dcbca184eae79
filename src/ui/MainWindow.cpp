#include "ui/MainWindow.h"

#include "core/AppSettings.h"
#include "items/ItemService.h"
#include "link/HostedLinkController.h"
#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "net/SingleInstance.h"
#include "session/SessionManager.h"
#include "ui/AboutDialog.h"
#include "ui/AttentionBanner.h"
#include "ui/AttentionNotifier.h"
#include "ui/DesktopNotifier.h"
#include "ui/DiagnosticsViewer.h"
#include "ui/Dismissible.h"
#include "ui/GuestWebView.h"
#include "ui/HostedLinkPane.h"
#include "ui/ItemsPanel.h"
#include "ui/LinkTexts.h"
#include "ui/PendingExchangeBanner.h"
#include "ui/PopupWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/Tones.h"
#include "ui/UiLogging.h"
#include "ui_MainWindow.h"
#include "vault/ItemStore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileOpenEvent>
#include <QHeaderView>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSessionManager>
#include <QSettings>
#include <QStackedLayout>
#include <QSysInfo>
#include <QWebEngineView>
#include <QtWebEngineCore/qtwebenginecoreglobal.h>

namespace weft::ui {
MainWindow::MainWindow(session::SessionManager *manager, vault::ItemStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_manager(manager)
    , m_store(store)
{
    setUpWindow();
    // Exchanges left pending by an earlier run (this run's own are still under way).
    m_pendingBanner = new PendingExchangeBanner(this);
    m_ui->homeLayout->insertWidget(noticeIndex(), m_pendingBanner);
    m_pendingBanner->setPending(store->pendingExchanges());
    auto clearStale = [this] {
        for (const vault::PendingExchange &pending : m_pendingBanner->pending())
            m_store->removePendingExchange(pending.linkSessionId);
        m_store->flush();
        m_pendingBanner->setPending({});
    };
    connect(m_pendingBanner, &PendingExchangeBanner::dismissed, this, clearStale);
    connect(m_pendingBanner, &PendingExchangeBanner::linkAgainRequested, this, [this, clearStale] {
        clearStale();
        openLinkWhenReady();
    });
    // The index could not be written (a full disk): say so until it can again.
    m_saveProblem = new QLabel(this);
    m_saveProblem->setObjectName(QStringLiteral("saveProblemLabel"));
    m_saveProblem->setWordWrap(true);
    m_saveProblem->setTextFormat(Qt::PlainText);
    m_saveProblem->setVisible(false);
    m_ui->homeLayout->insertWidget(noticeIndex(), m_saveProblem);
    // First run (no bank connected yet): what Weft does, and what happens to the password
    // and the key; the one button is "Connect a bank account" beside it.
    m_welcome = new QLabel(
        tr("Weft connects your bank accounts through Plaid. You sign in to your bank in Plaid's "
           "own window: your password goes to your bank, never to Weft. For each connection "
           "Plaid gives Weft a key, which Weft keeps in your system's keychain, never in a "
           "file."),
        this);
    m_welcome->setObjectName(QStringLiteral("welcomeLabel"));
    m_welcome->setWordWrap(true);
    m_welcome->setTextFormat(Qt::PlainText);
    m_ui->homeLayout->insertWidget(m_ui->homeLayout->indexOf(m_ui->titleLabel) + 1, m_welcome);
    const auto updateWelcome = [this] {
        m_welcome->setVisible(m_store->items().isEmpty());
    };
    connect(store, &vault::ItemStore::itemAdded, this, updateWelcome);
    connect(store, &vault::ItemStore::itemRemoved, this, updateWelcome);
    connect(store, &vault::ItemStore::itemsReset, this, updateWelcome);
    updateWelcome();
    m_attentionNotifier = new AttentionNotifier(new DesktopNotifier(this, this), this);
    m_attention = new AttentionBanner(store, this);
    // What needs the user comes first, right under "Connect a bank account".
    m_ui->homeLayout->insertWidget(m_ui->homeLayout->indexOf(m_ui->startupLabel), m_attention);
    connect(m_attention, &AttentionBanner::actionRequested, this, &MainWindow::fixConnection);
    m_hostedPane = new HostedLinkPane(this);
    m_ui->homeLayout->insertWidget(noticeIndex(), m_hostedPane);
    connect(store, &vault::ItemStore::saveFailed, this, [this](const QString &error) {
        m_saveProblem->setText(
            tr("Weft could not save its list of bank connections (%1). Nothing is lost yet: "
               "the list is kept in memory and saved as soon as the disk has room. Free some "
               "space before you quit.")
                .arg(error));
        m_saveProblem->setVisible(true);
    });
    connect(store, &vault::ItemStore::saveRecovered, this, [this] {
        m_saveProblem->clear();
        m_saveProblem->setVisible(false);
    });
    connect(store, &vault::ItemStore::itemRemoved, this, &MainWindow::dropStaleNotice);
    connect(store, &vault::ItemStore::itemsReset, this, &MainWindow::dropStaleNotice);
    m_items = new ItemsPanel(store, this);
    m_ui->itemsLayout->addWidget(m_items);
    connect(m_items, &ItemsPanel::fixConnectionRequested, this, &MainWindow::fixConnection);
    connect(m_items, &ItemsPanel::chooseAccountsRequested, this, [this](const QString &itemId) {
        if (!m_session)
            return;
        m_choosingAccountsFor = itemId;
        m_session->chooseAccounts(itemId);
    });
    setUpMenus();
    resize(defaultSize());
    m_slowLoading = new QTimer(this);
    m_slowLoading->setSingleShot(true);
    m_slowLoading->setInterval(kSlowLoading);
    connect(m_slowLoading, &QTimer::timeout, this, [this] {
        const bool embedded = m_session && m_session->mode() == BackendMode::EmbeddedSandbox;
        m_ui->stateLabel->setText(
            embedded ? tr("Link is taking longer than usual to load. The computer may be busy; "
                          "Weft keeps trying.")
                     : tr("Link is taking longer than usual to load. It comes from Plaid over "
                          "the internet: check the connection. Weft keeps trying."));
    });
    setSupportView(QSettings().value(QStringLiteral("window/supportView"), false).toBool());
    QAction *refreshAll = m_items->refreshAllAction();
    connect(m_ui->actionRefreshAll, &QAction::triggered, refreshAll, &QAction::trigger);
    connect(refreshAll, &QAction::changed, this,
            [this, refreshAll] { m_ui->actionRefreshAll->setEnabled(refreshAll->isEnabled()); });
    m_ui->actionRefreshAll->setEnabled(refreshAll->isEnabled());
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->actionRemoveAllData, &QAction::triggered, this, &MainWindow::removeAllData);

    connect(manager, &session::SessionManager::sessionAboutToChange, this,
            &MainWindow::detachSession);
    connect(manager, &session::SessionManager::sessionChanged, this, &MainWindow::attachSession);
    connect(manager, &session::SessionManager::sessionFailed, this, &MainWindow::onSessionFailed);
    if (manager->session()) {
        attachSession(manager->session());
    } else if (!manager->lastFailure().isEmpty()) {
        onSessionFailed(manager->lastFailure()); // failed before the window was made
    } else {
        onStateChanged(link::LinkController::State::Idle);
        m_ui->stateLabel->setText(tr("Starting…"));
    }
}

MainWindow::~MainWindow()
{
    // The page and its popups belong to the LinkHost, which outlives the window.
    if (m_session)
        detachSession();
    else
        detachLink();
}

void MainWindow::setUpWindow()
{
    m_ui->setupUi(this);
    m_unsavedQuestion = [this](UnsavedContext context, const QStringList &items) {
        return LinkTexts::askAboutUnsaved(this, context, items);
    };
    m_cameraQuestion = [this](const QString &site) {
        QMessageBox box(QMessageBox::Question, tr("Camera"),
                        tr("Plaid wants to use your camera to take a photo that confirms it is "
                           "you (identity verification, from %1). Allow the camera?")
                            .arg(site),
                        QMessageBox::NoButton, this);
        QPushButton *allow = box.addButton(tr("Allow the camera"), QMessageBox::AcceptRole);
        QPushButton *refuse = box.addButton(tr("Don't allow"), QMessageBox::RejectRole);
        box.setDefaultButton(refuse);
        box.setEscapeButton(refuse);
        box.exec();
        return box.clickedButton() == allow;
    };
    m_unsavedIndexQuestion = [this](const QString &error) {
        return QMessageBox::warning(
                   this, tr("List not saved"),
                   tr("Weft could not save its list of bank connections (%1). If it quits "
                      "now, the latest changes to the list are lost (the connections at "
                      "Plaid and the tokens in the keychain are not). Quit anyway?")
                       .arg(error),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    makeDismissible(m_ui->noticeLabel);
    m_ui->eventLog->setTabKeyNavigation(false);
    m_ui->eventLog->setAccessibleName(tr("Link events of this session"));
    m_ui->eventLog->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->eventLog->horizontalHeader()->setStretchLastSection(true);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_backendLabel = new QLabel(this);
    m_backendLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_backendLabel);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);

    // Link's view lies under the home page, loaded and rendered but covered, so opening it is
    // just raising it (a hidden view would be throttled by Chromium while it preloads).
    QWidget *home = takeCentralWidget();
    auto *container = new QWidget(this);
    m_stack = new QStackedLayout(container);
    m_stack->setStackingMode(QStackedLayout::StackAll);
    m_view = new GuestWebView(container);
    m_stack->addWidget(m_view);
    m_stack->addWidget(home);
    m_stack->setCurrentWidget(home);
    m_home = home;
    setCentralWidget(container);
    showLink(false); // covered: out of the focus chain too

    m_browserOpener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
    connect(m_ui->connectButton, &QPushButton::clicked, this, &MainWindow::connectRequested);
    connect(m_ui->browserButton, &QPushButton::clicked, this, &MainWindow::startInBrowser);
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        if (m_host)
            m_host->controller()->retry();
    });
}

void MainWindow::attachSession(session::Session *session)
{
    if (m_session)
        detachSession();
    m_session = session;
    m_backendLabel->setText(session->description());
    m_items->setServices(session->items(), session->refresher());
    m_items->setFixConnectionAvailable(session->linkHost() != nullptr);
    m_attention->setService(session->items());
    m_attentionNotifier->watch(session->items(), session->refresher());
    QJsonObject context;
    context.insert(QStringLiteral("weft"), tr("Weft %1").arg(QStringLiteral(WEFT_VERSION)));
    context.insert(QStringLiteral("qt"),
                   QString(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    context.insert(
        QStringLiteral("chromium"),
        QString(QStringLiteral("Chromium ") + QString::fromLatin1(qWebEngineChromiumVersion())));
    context.insert(QStringLiteral("system"), QSysInfo::prettyProductName());
    context.insert(QStringLiteral("backend"), session->description());
    m_items->setDiagnosticsContext(context);
    m_attention->setActionAvailable(session->linkHost() != nullptr);
    connect(session, &session::Session::fixConnectionFailed, this,
            [this, session](const QString &itemId, const QString &reason) {
                m_items->showMessage(tr("Link could not be opened to fix %1: %2")
                                         .arg(session->items()->displayName(itemId), reason),
                                     true);
            });
    connect(session, &session::Session::serverProblem, this,
            [this](const QString &text) { m_items->showMessage(text, true); });
    link::LinkHost *host = session->linkHost();
    if (!host) {
        onStateChanged(link::LinkController::State::Idle);
        m_ui->stateLabel->setText(tr("Link is not part of this session"));
        return;
    }
    attachLink(host);
    attachHostedLink(session->hostedLink());
    // Preload: the host page loads in the (covered) view and Link is made ready ahead of time
    // (started already when weft began it before building the window).
    host->preload();
    if (m_openWhenReady)
        connectRequested();
}

void MainWindow::setBrowserOpener(BrowserOpener opener)
{
    m_browserOpener = std::move(opener);
    if (m_hosted)
        m_hosted->setUrlOpener(m_browserOpener);
}

void MainWindow::attachHostedLink(link::HostedLinkController *hosted)
{
    m_hosted = hosted;
    m_hostedPane->setController(hosted);
    if (!hosted)
        return;
    hosted->setUrlOpener(m_browserOpener);
    connect(hosted, &link::HostedLinkController::stateChanged, this, &MainWindow::updateControls);
    connect(hosted, &link::HostedLinkController::waiting, this, [this] {
        m_openWhenReady = false;
        showNotice({}, false);
    });
    connect(hosted, &link::HostedLinkController::notice, this,
            [this](const QString &text) { showNotice(text, false); });
    connect(hosted, &link::HostedLinkController::failed, this, &MainWindow::onFailed);
    connect(hosted, &link::HostedLinkController::itemLinked, this, &MainWindow::onItemLinked);
    connect(hosted, &link::HostedLinkController::itemRepaired, this, &MainWindow::onItemRepaired);
    updateControls();
}

void MainWindow::connectRequested()
{
    offerBrowser(false);
    if (m_session && m_hosted && m_session->presentation() == LinkPresentation::Browser) {
        m_openWhenReady = false;
        m_hosted->start();
        return;
    }
    m_openWhenReady = true;
    if (m_host)
        m_host->controller()->open();
}

void MainWindow::startInBrowser()
{
    offerBrowser(false);
    if (!m_hosted)
        return;
    showNotice({}, false);
    m_hosted->start(); // this attempt only: the setting stays as it is
}

void MainWindow::offerBrowser(bool offer)
{
    m_ui->browserButton->setVisible(offer && m_hosted);
}

void MainWindow::onSessionFailed(const QString &error)
{
    if (m_session) {
        showNotice(tr("The settings were not applied: %1\nWeft goes on with %2.")
                       .arg(error, m_session->description()),
                   true);
        return;
    }
    showNotice(tr("No backend is running: %1\nThe Items stay listed; open the settings to "
                  "fix this.")
                   .arg(error),
               true);
    m_ui->stateLabel->setText(tr("No backend"));
    m_backendLabel->setText(tr("No backend"));
}

void MainWindow::detachSession()
{
    if (!m_session)
        return;
    disconnect(m_session, nullptr, this, nullptr);
    detachLink();
    m_items->setServices(nullptr, nullptr);
    m_items->setFixConnectionAvailable(false);
    m_attention->setService(nullptr);
    m_attentionNotifier->watch(nullptr, nullptr);
    m_attention->setActionAvailable(false);
    if (m_hosted) {
        disconnect(m_hosted, nullptr, this, nullptr);
        m_hosted->cancel(); // the session and its controller are about to go
    }
    attachHostedLink(nullptr);
    offerBrowser(false);
    m_session = nullptr;
    m_ui->stateLabel->setText(tr("Changing the backend…"));
}

void MainWindow::attachLink(link::LinkHost *host)
{
    m_host = host;
    m_view->setPage(host->page());
    link::LinkController *controller = host->controller();
    connect(controller, &link::LinkController::stateChanged, this, &MainWindow::onStateChanged);
    connect(controller, &link::LinkController::opened, this, [this] {
        m_openWhenReady = false;
        offerBrowser(false);
        showLink(true);
    });
    connect(controller, &link::LinkController::exited, this, [this](const link::LinkExit &exit) {
        if (LinkTexts::browserMayHelp(exit))
            offerBrowser(true);
    });
    connect(controller, &link::LinkController::closed, this, [this] { showLink(false); });
    connect(controller, &link::LinkController::notice, this,
            [this](const QString &text) { showNotice(text, false); });
    connect(controller, &link::LinkController::failed, this, &MainWindow::onFailed);
    connect(controller, &link::LinkController::itemLinked, this, &MainWindow::onItemLinked);
    connect(controller, &link::LinkController::itemRepaired, this, &MainWindow::onItemRepaired);
    connect(controller, &link::LinkController::eventReceived, this, &MainWindow::appendEvent);
    connect(host->page(), &link::GuestPage::externalLinkRequested, this, [this](const QUrl &url) {
        if (!m_browserOpener(url))
            showNotice(tr("Weft could not open your web browser for %1.").arg(url.host()), true);
    });
    connect(host->page(), &link::GuestPage::windowRefused, this, [this] {
        showNotice(tr("Link asked to open a window that Weft does not allow (windows open "
                      "only when you click, and only for your bank's sign-in page)."),
                   false);
    });
    connect(host->page(), &link::GuestPage::cameraRequested, this, [this](const QUrl &origin) {
        QPointer<link::LinkPage> page = m_host ? m_host->page() : nullptr;
        const bool allow = m_cameraQuestion(origin.host());
        if (page) // the session may have changed while the question was open
            page->answerCameraRequest(allow);
    });
    connect(host->page(), &link::LinkPage::popupCreated, this, [this](QWebEnginePage *popup) {
        auto *window = new PopupWindow(popup, this);
        m_popups.removeAll(nullptr); // closed ones
        m_popups.append(window);
        window->show();
    });
    onStateChanged(controller->state());
}

void MainWindow::detachLink()
{
    if (!m_host)
        return;
    disconnect(m_host->controller(), nullptr, this, nullptr);
    disconnect(m_host->page(), nullptr, this, nullptr);
    // Popups first: their pages go with them, before the LinkHost deletes the profile.
    for (const QPointer<PopupWindow> &popup : std::as_const(m_popups))
        delete popup.data();
    m_popups.clear();
    showLink(false);
    m_view->setPage(nullptr);
    m_host = nullptr;
    onStateChanged(link::LinkController::State::Idle);
}

void MainWindow::openLinkWhenReady()
{
    m_openWhenReady = true;
    if (m_session)
        connectRequested();
}

void MainWindow::takeMessagesFrom(net::SingleInstance *instance)
{
    connect(instance, &net::SingleInstance::messageReceived, this, [this](const QString &message) {
        if (message == u"show")
            bringToFront();
        else if (message.startsWith(u"open-url "))
            receiveRedirect(QUrl(message.mid(9), QUrl::StrictMode));
        else
            qCWarning(lcUi) << "ignored a message from another Weft";
    });
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::receiveRedirect(const QUrl &url)
{
    bringToFront();
    if (!m_host || !m_host->environment().isOAuthReturn(url)) {
        qCWarning(lcUi) << "ignored an address handed to Weft that is not its OAuth redirect";
        showNotice(tr("Weft was opened from a bank's sign-in page, but that address is not the "
                      "one Weft gave the bank (see Settings, OAuth redirect_uri). If you were "
                      "connecting a bank, start again."),
                   true);
        return;
    }
    if (!m_host->controller()->receiveRedirect(url)) {
        showNotice(tr("Weft came back from your bank's sign-in, but that Link session is over. "
                      "Connect the bank again."),
                   true);
        return;
    }
    showNotice(tr("Back from your bank's sign-in: finishing in Link…"), false);
}

void MainWindow::showStartupProblem(const QString &text)
{
    m_ui->startupLabel->setText(text);
    tones::apply(m_ui->startupLabel, Tone::Problem);
    m_ui->startupLabel->setVisible(!text.isEmpty());
}

QString MainWindow::backendDescription() const
{
    return m_backendLabel->text();
}

QString MainWindow::saveProblemText() const
{
    return m_saveProblem ? m_saveProblem->text() : QString();
}

QString MainWindow::noticeText() const
{
    return m_ui->noticeLabel->text();
}

bool MainWindow::isLinkShown() const
{
    return m_stack->currentWidget() == m_view;
}

void MainWindow::setUnsavedQuestion(UnsavedQuestion question)
{
    m_unsavedQuestion = std::move(question);
}

bool MainWindow::askAboutUnsaved(UnsavedContext context)
{
    items::ItemService *service = m_session ? m_session->items() : nullptr;
    if (!service || !service->hasUnsavedTokens())
        return true;
    const QStringList ids = service->unsavedItems();
    QStringList lines;
    for (const QString &id : ids) {
        const vault::ItemRecord *record = m_store ? m_store->item(id) : nullptr;
        const QString name =
            record ? items::ItemService::displayName(*record) : tr("Unknown institution");
        lines.append(tr("%1 (item_id %2)").arg(name, id));
    }
    lines.sort();
    switch (m_unsavedQuestion(context, lines)) {
    case UnsavedChoice::Proceed:
        // A new backend carries the tokens over (SessionManager); quitting gives them up.
        if (context != UnsavedContext::ChangeSettings)
            service->markUnsavedLost(tr("you chose to quit"));
        return true;
    case UnsavedChoice::RetrySaving:
        for (const QString &id : ids)
            service->retrySave(id);
        showNotice(tr("Saving the access tokens again…"), false);
        return false;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

bool MainWindow::mayClose()
{
    if (!askAboutUnsaved(UnsavedContext::Quit))
        return false;
    // Changes not on disk yet (or a save that failed lately): one more try, then the user
    // decides.
    QString error;
    if (m_store && m_store->hasUnsavedChanges() && !m_store->flush(&error))
        return m_unsavedIndexQuestion(error);
    return true;
}

void MainWindow::endWithoutAsking(const QString &why)
{
    if (m_ending) {
        qCWarning(lcUi).noquote() << "already closing; ignoring" << why;
        return;
    }
    m_ending = true;
    qCInfo(lcUi).noquote() << "closing on" << why;
    showNotice(tr("Weft is closing…"), false);
    items::ItemService *service = m_session ? m_session->items() : nullptr;
    if (!service) {
        m_quit();
        return;
    }
    service->lastChanceSave(why, std::chrono::seconds(5), [this] { m_quit(); });
}

void MainWindow::commitData(QSessionManager &manager)
{
    items::ItemService *service = m_session ? m_session->items() : nullptr;
    if (!service || !service->hasUnsavedTokens())
        return;
    if (manager.allowsInteraction()) {
        const bool mayEnd = askAboutUnsaved(UnsavedContext::Logout);
        manager.release();
        if (!mayEnd)
            manager.cancel();
        return;
    }
    // No questions allowed: one more save, then what is left is marked lost.
    QEventLoop wait;
    service->lastChanceSave(tr("the desktop session ended"), std::chrono::seconds(4),
                            [&wait] { wait.quit(); });
    if (service->hasUnsavedTokens())
        wait.exec(QEventLoop::ExcludeUserInputEvents);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FileOpen) {
        const QUrl url = static_cast<QFileOpenEvent *>(event)->url();
        if (url.scheme() == u"weft") {
            receiveRedirect(url);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!mayClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_manager->settings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    applySettings(dialog.settings(), dialog.newCredential());
}

void MainWindow::removeAllData()
{
    const int count = int(m_store->items().size());
    const bool confirmed =
        m_eraseQuestion
            ? m_eraseQuestion(count)
            : QMessageBox::warning(
                  this, tr("Remove all my data"),
                  tr("This deletes everything Weft keeps on this computer: the access tokens of "
                     "%n connection(s) and your Plaid secrets from the keychain, the list of "
                     "connections, the sandbox's state and the settings. The connections stay at "
                     "Plaid (remove them one by one first to end them there). Weft then closes.",
                     nullptr, count),
                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    if (!confirmed)
        return;
    m_manager->eraseAllData([this](const QStringList &problems) {
        if (!problems.isEmpty()) {
            showNotice(tr("Some data could not be removed; nothing else was touched:\n%1")
                           .arg(problems.join(u'\n')),
                       true);
            return;
        }
        showNotice(tr("All of Weft's data is removed."), false);
        emit allDataRemoved();
    });
}

void MainWindow::applySettings(const AppSettings &settings, const QString &newSecret)
{
    if (!askAboutUnsaved(UnsavedContext::ChangeSettings))
        return;
    showNotice(tr("Applying the settings: %1…").arg(modeTitle(settings.mode)), false);
    m_manager->apply(settings, newSecret);
}

void MainWindow::showLink(bool visible)
{
    const bool viewHadFocus = m_view->isAncestorOf(QApplication::focusWidget()) ||
                              m_view->hasFocus() || !QApplication::focusWidget();
    m_stack->setCurrentIndex(visible ? 0 : 1);
    // Whatever is covered is out of the focus chain and deaf to keys: Tab never lands on a
    // control no one can see, and the Items' shortcuts never act behind Link.
    m_view->setEnabled(visible);
    m_home->setEnabled(!visible);
    m_ui->menuItem->setEnabled(!visible);
    if (visible) {
        m_view->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (viewHadFocus) {
        QWidget *next = m_focusAfterLink ? m_focusAfterLink.data() : m_ui->connectButton;
        next->setFocus(Qt::OtherFocusReason);
    }
    m_focusAfterLink = nullptr;
    if (m_items)
        m_items->clearTransientMessage();
}

QSize MainWindow::defaultSize() const
{
    // Roomy where there is room; on a small or zoomed screen, nine tenths of what is free.
    const QSize wanted(1100, 720);
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return wanted;
    const QSize available = screen->availableGeometry().size() * 0.9;
    return wanted.boundedTo(available).expandedTo(minimumSizeHint());
}

void MainWindow::setSupportView(bool on)
{
    if (m_ui->actionSupportView->isChecked() != on)
        m_ui->actionSupportView->setChecked(on); // comes back here through toggled
    m_items->setSupportView(on);
    m_ui->eventsGroup->setVisible(on);
    QSettings().setValue(QStringLiteral("window/supportView"), on);
}

bool MainWindow::isSupportView() const
{
    return m_ui->actionSupportView->isChecked();
}

bool MainWindow::openDiagnosticsFile(const QString &path)
{
    QFile file(path);
    QString error;
    auto *viewer = new DiagnosticsViewer(this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    if (!file.open(QIODevice::ReadOnly)) {
        error = tr("It could not be read: %1").arg(file.errorString());
    } else if (viewer->load(file.read(DiagnosticsViewer::kMaxBytes + 1), &error)) {
        viewer->setWindowTitle(tr("Diagnostics: %1").arg(QFileInfo(path).fileName()));
        viewer->show();
        return true;
    }
    delete viewer;
    QMessageBox::warning(this, tr("Open diagnostics"),
                         tr("%1 was not opened. %2").arg(QFileInfo(path).fileName(), error));
    return false;
}

void MainWindow::setUpMenus()
{
    m_ui->actionConnect->setShortcuts(QKeySequence::New);
    connect(m_ui->actionConnect, &QAction::triggered, m_ui->connectButton, &QPushButton::click);
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!settingsKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        settingsKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_ui->actionSettings->setShortcuts(settingsKeys);
    m_ui->actionQuit->setShortcuts(QKeySequence::Quit);
    m_ui->actionKeyboardShortcuts->setShortcuts(QKeySequence::HelpContents);
    // The Item menu shows the list's own actions; their keys work in the list (the table, its
    // filter, its buttons), where the Item they act on is the one in view.
    const QList<QAction *> itemActions = m_items->menuActions();
    for (QAction *action : itemActions) {
        if (action)
            m_ui->menuItem->addAction(action);
        else
            m_ui->menuItem->addSeparator();
    }
    m_ui->actionSupportView->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_ui->actionSupportView, &QAction::toggled, this, &MainWindow::setSupportView);
    connect(m_ui->actionOpenDiagnostics, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open diagnostics"), QString(),
                                         tr("Diagnostics (*.json *.txt);;All files (*)"));
        if (!path.isEmpty())
            openDiagnosticsFile(path);
    });
    connect(m_ui->actionKeyboardShortcuts, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    // A deliberate order: what to do first, then the list and what acts on it.
    setTabOrder(m_ui->connectButton, m_ui->retryButton);
    setTabOrder(m_ui->retryButton, m_ui->browserButton);
    setTabOrder(m_ui->browserButton, m_items);
}

void MainWindow::onStateChanged(link::LinkController::State state)
{
    using State = link::LinkController::State;
    const bool busy =
        state == State::FetchingToken || state == State::Loading || state == State::Exchanging;
    // Progress that costs nothing: the state in words and the pointer's busy shape. (An
    // animated bar repaints the whole window, web view included, many times a second; without
    // a GPU that starved Link's own loading.)
    if (busy)
        centralWidget()->setCursor(Qt::BusyCursor);
    else
        centralWidget()->unsetCursor();
    m_ui->retryButton->setVisible(m_host && state == State::Failed);
    const QString text = LinkTexts::stateText(state);
    m_ui->stateLabel->setText(text);
    statusBar()->showMessage(text);
    // Loading that takes long is explained, once it does.
    if (state == State::FetchingToken || state == State::Loading) {
        if (!m_slowLoading->isActive())
            m_slowLoading->start();
    } else {
        m_slowLoading->stop();
    }
    updateControls();
}

void MainWindow::updateControls()
{
    using State = link::LinkController::State;
    const State state = m_host ? m_host->controller()->state() : State::Idle;
    const bool hostedBusy = m_hosted && m_hosted->isBusy();
    const bool inBrowser =
        m_session && m_hosted && m_session->presentation() == LinkPresentation::Browser;
    // In the browser, Link needs nothing preloaded; in the window, it must be ready.
    m_ui->connectButton->setEnabled(!hostedBusy && state != State::Open &&
                                    state != State::Exchanging &&
                                    (inBrowser || (m_host && state == State::Ready)));
    m_ui->actionConnect->setEnabled(m_ui->connectButton->isEnabled());
    // The first time Link is ready, focus starts on what to do first (until then the button
    // could not take it).
    if (!m_startFocusGiven && m_ui->connectButton->isEnabled() && !isLinkShown()) {
        m_startFocusGiven = true;
        m_ui->connectButton->setFocus(Qt::OtherFocusReason);
    }
    if (hostedBusy)
        offerBrowser(false);
    // Changing the backend while Link is open (here or in the browser) would pull it away
    // from under the user.
    m_ui->actionSettings->setEnabled(state != State::Open && state != State::Exchanging &&
                                     !hostedBusy);
}

int MainWindow::noticeIndex() const
{
    // The notice sits in its row with its Dismiss button (makeDismissible).
    return m_ui->homeLayout->indexOf(m_ui->noticeLabel->parentWidget());
}

void MainWindow::dropStaleNotice()
{
    if (!m_noticeItem.isEmpty() && !m_store->item(m_noticeItem))
        showNotice({}, false);
}

void MainWindow::showNotice(const QString &text, bool error)
{
    m_noticeItem.clear();
    m_ui->noticeLabel->setText(text);
    tones::apply(m_ui->noticeLabel, error ? Tone::Problem : Tone::Neutral);
    m_ui->noticeLabel->setVisible(!text.isEmpty());
}

void MainWindow::onFailed(const link::LinkFailure &failure)
{
    showNotice(LinkTexts::failureText(failure), true);
    // Only embedded Link's failures: the browser is where a Hosted Link failure happened.
    if (sender() == (m_host ? m_host->controller() : nullptr) && LinkTexts::browserMayHelp(failure))
        offerBrowser(true);
}

void MainWindow::onItemLinked(const link::LinkedItem &item)
{
    const link::LinkSuccess &success = item.success;
    const QString institution =
        success.institution ? success.institution->name : tr("Unknown institution");
    showNotice(tr("%1 is connected.").arg(institution), false);
    m_noticeItem = item.itemId;                        // the notice goes when the Item does
    if (m_items && m_items->selectItem(item.itemId)) { // the session has indexed it already
        // Focus goes to the new Item, now or as Link's view is covered again.
        if (m_stack->currentWidget() == m_view)
            m_focusAfterLink = m_items->tableView();
        else
            m_items->tableView()->setFocus(Qt::OtherFocusReason);
    }
}

void MainWindow::fixConnection(const QString &itemId)
{
    if (!m_session)
        return;
    const vault::ItemRecord *record = m_store->item(itemId);
    m_choosingAccountsFor =
        record && items::ItemService::wantsAccountSelection(*record) ? itemId : QString();
    m_session->fixConnection(itemId);
}

void MainWindow::onItemRepaired(const QString &itemId, const link::LinkSuccess &)
{
    const QString name = m_session ? m_session->items()->displayName(itemId) : tr("The connection");
    if (std::exchange(m_choosingAccountsFor, QString()) == itemId)
        showNotice(tr("Weft now sees the accounts you chose at %1.").arg(name), false);
    else
        showNotice(tr("%1 works again.").arg(name), false);
    m_noticeItem = itemId;
    m_items->clearMessage(); // "Opening Link to fix …" is over
}

void MainWindow::appendEvent(const link::LinkEvent &event)
{
    QTableWidget *log = m_ui->eventLog;
    const int row = log->rowCount();
    log->insertRow(row);
    const QStringList cells = LinkTexts::eventCells(event);
    for (int column = 0; column < cells.size(); ++column)
        log->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    log->scrollToBottom();
}

} // namespace weft::ui
