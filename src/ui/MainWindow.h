#pragma once

#include "link/LinkController.h"
#include "ui/LinkTexts.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>

class QLabel;
class QSessionManager;
class QStackedLayout;
class QTimer;
class QWebEngineView;

namespace Ui {
class MainWindow;
}

namespace weft::link {
class HostedLinkController;
class LinkHost;
} // namespace weft::link
namespace weft::net {
class SingleInstance;
}
namespace weft::session {
class Session;
class SessionManager;
} // namespace weft::session
namespace weft::vault {
class ItemStore;
}

namespace weft {
struct AppSettings;
}

namespace weft::ui {

class AttentionBanner;
class AttentionNotifier;
class HostedLinkPane;
class ItemsPanel;
class PendingExchangeBanner;
class PopupWindow;

// The main window: "Connect a bank account" (enabled only when Link is ready), progress while
// Link is prepared, notices and failures with the ids support asks for, the Items panel and the
// Link event log. Link lies loaded in a web view under the home page and is raised when opened.
// It follows the SessionManager: each new session's Link and Items service are attached, the
// old ones detached before they are destroyed. It loads the host page and starts (preloads)
// the Link controller of every session it attaches.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kSlowLoading{8};
    using UnsavedChoice = ui::UnsavedChoice;
    using UnsavedContext = ui::UnsavedContext;
    // Asks what to do about Items whose access token is not saved (lines naming them).
    // Injectable for tests.
    using UnsavedQuestion =
        std::function<UnsavedChoice(UnsavedContext context, const QStringList &items)>;

    MainWindow(session::SessionManager *manager, vault::ItemStore *store,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens Link as soon as the current (or next) session's controller is ready (--connect).
    void openLinkWhenReady();
    // OAuth by redirect: the system handed Weft its redirect address (weft://...) after the
    // bank's sign-in. Link goes on with it if it was waiting for that; otherwise the window
    // says why nothing happens.
    void receiveRedirect(const QUrl &url);
    // Another `weft` was started: this window comes forward instead.
    void bringToFront();
    // What later `weft` processes hand over: "show" (bringToFront) and "open-url ADDRESS"
    // (receiveRedirect).
    void takeMessagesFrom(net::SingleInstance *instance);
    // A problem found at start-up, e.g. a damaged Items index and where it was kept. Stays
    // shown above the notices.
    void showStartupProblem(const QString &text);
    // Asks the manager to apply new settings (after asking about unsaved tokens).
    void applySettings(const AppSettings &settings, const QString &newSecret);
    // Asks about unsaved tokens if there are any: true when the window may close.
    bool mayClose();
    // Ends Weft without asking (a termination signal): unsaved tokens get one more save, and
    // those that fail are marked lost in the index; then the app quits.
    void endWithoutAsking(const QString &why);
    // The desktop session is ending (logout): asks about unsaved tokens when the session
    // manager allows it (and cancels the logout if the user says so); otherwise as
    // endWithoutAsking, waiting a few seconds at most.
    void commitData(QSessionManager &manager);
    void setUnsavedQuestion(UnsavedQuestion question);
    // Asked when quitting while the index cannot be saved (the error): true to quit anyway.
    using IndexQuestion = std::function<bool(const QString &error)>;
    void setUnsavedIndexQuestion(IndexQuestion question)
    {
        m_unsavedIndexQuestion = std::move(question);
    }
    // What "quit the app" does (QCoreApplication::quit unless a test says otherwise).
    void setQuitAction(std::function<void()> quit) { m_quit = std::move(quit); }
    // Asked when Link wants the camera (identity verification): true to allow it.
    using CameraQuestion = std::function<bool(const QString &site)>;
    void setCameraQuestion(CameraQuestion question) { m_cameraQuestion = std::move(question); }
    // Opens a web page in the user's browser (Hosted Link, pages Link offers to read, banks'
    // sign-in with OAuth by redirect); QDesktopServices unless a test says otherwise. True when
    // a browser took it.
    using BrowserOpener = std::function<bool(const QUrl &url)>;
    void setBrowserOpener(BrowserOpener opener);
    using EraseQuestion = std::function<bool(int itemCount)>;
    void setEraseQuestion(EraseQuestion question) { m_eraseQuestion = std::move(question); }

    QWebEngineView *linkView() const { return m_view; }
    PendingExchangeBanner *pendingExchangeBanner() const { return m_pendingBanner; }
    // What is shown about the Items index not being saved (empty when it is).
    QString saveProblemText() const;
    ItemsPanel *itemsPanel() const { return m_items; }
    QString noticeText() const;
    // The size a new window opens at: fits the screen it is on.
    QSize defaultSize() const;
    // Support staff's view (View → Support view): ids, codes, the details and Link's events.
    void setSupportView(bool on);
    bool isSupportView() const;
    // View → Open diagnostics… for a file; false (and why, in a message box) when it is not
    // Weft's diagnostics.
    bool openDiagnosticsFile(const QString &path);
    HostedLinkPane *hostedLinkPane() const { return m_hostedPane; }
    QString backendDescription() const;
    bool isLinkShown() const;

public slots:
    void openSettings();
    // Asks, then erases everything Weft keeps (keychain entries, index, sandbox state,
    // settings) and quits. The question is injectable for tests (setEraseQuestion).
    void removeAllData();

protected:
    void closeEvent(QCloseEvent *event) override;
    // Installed on the application (weft_main): macOS delivers a weft:// address it opens the
    // running app with as a QFileOpenEvent, not as a new process.
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // Everything was erased; the app closes (weft_main connects this to quit).
    void allDataRemoved();

private:
    void setUpWindow();
    void setUpMenus();
    void dropStaleNotice();
    int noticeIndex() const; // where banners go in the home page: above the notice
    void attachSession(session::Session *session);
    void detachSession();
    void onSessionFailed(const QString &error);
    void attachLink(link::LinkHost *host);
    void detachLink();
    bool askAboutUnsaved(UnsavedContext context);
    void onStateChanged(link::LinkController::State state);
    void attachHostedLink(link::HostedLinkController *hosted);
    // "Connect a bank account": embedded Link, or Link in the browser as the settings say.
    void connectRequested();
    void startInBrowser();
    void offerBrowser(bool offer);
    void updateControls();
    void showLink(bool visible);
    void showNotice(const QString &text, bool error);
    void onFailed(const link::LinkFailure &failure);
    void onItemLinked(const link::LinkedItem &item);
    // Update mode for the Item (from its banner or Fix connection): with account selection
    // when new accounts wait at its bank.
    void fixConnection(const QString &itemId);
    void onItemRepaired(const QString &itemId, const link::LinkSuccess &success);
    void appendEvent(const link::LinkEvent &event);

    std::unique_ptr<Ui::MainWindow> m_ui;
    session::SessionManager *m_manager = nullptr;
    EraseQuestion m_eraseQuestion;
    CameraQuestion m_cameraQuestion;
    vault::ItemStore *m_store = nullptr;
    session::Session *m_session = nullptr;
    bool m_ending = false;
    PendingExchangeBanner *m_pendingBanner = nullptr;
    QLabel *m_saveProblem = nullptr;
    IndexQuestion m_unsavedIndexQuestion;
    std::function<void()> m_quit = [] {
        QCoreApplication::quit();
    };
    link::LinkHost *m_host = nullptr;
    link::HostedLinkController *m_hosted = nullptr;
    HostedLinkPane *m_hostedPane = nullptr;
    BrowserOpener m_browserOpener;
    ItemsPanel *m_items = nullptr;
    QStackedLayout *m_stack = nullptr;
    QWebEngineView *m_view = nullptr;
    AttentionBanner *m_attention = nullptr;
    AttentionNotifier *m_attentionNotifier = nullptr;
    QLabel *m_welcome = nullptr;
    QTimer *m_slowLoading = nullptr;    // says why, when Link takes long to load
    QWidget *m_home = nullptr;          // the page that covers Link's view
    QPointer<QWidget> m_focusAfterLink; // where focus goes when Link's view is covered
    bool m_startFocusGiven = false;
    QString m_noticeItem; // the Item the notice is about: the notice goes when the Item does
    QString m_choosingAccountsFor; // the Item whose update mode chooses accounts
    QLabel *m_backendLabel = nullptr;
    QList<QPointer<PopupWindow>> m_popups;
    UnsavedQuestion m_unsavedQuestion;
    bool m_openWhenReady = false;
};

} // namespace weft::ui
