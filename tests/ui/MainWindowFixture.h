#pragma once

// The main window on a real SessionManager and the embedded sandbox, with a fake keychain and
// the test's frame driver in every session's Link page. Header-only.
#include "UiTestKit.h"
#include "items/ItemService.h"
#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "link/WebTestKit.h"
#include "session/SessionManager.h"
#include "ui/MainWindow.h"
#include "vault/ItemStore.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace weft::test {

using ui::MainWindow;
using Choice = MainWindow::UnsavedChoice;

inline AppSettings embeddedSettings(const QString &clientName = QStringLiteral("Weft"))
{
    AppSettings settings;
    settings.clientName = clientName;
    settings.fillDefaults(QLocale(QLocale::English));
    return settings;
}

struct MainWindowFixture
{
    // stateFile: the embedded sandbox keeps its state in the data folder, as in the app.
    explicit MainWindowFixture(bool withLink, bool stateFile = false)
        : translated(installTestTranslations())
        , store(directory.filePath(QStringLiteral("items.json")))
        , manager(&keychain, &store, options(withLink, stateFile ? directory.path() : QString()))
        , window(&manager, &store)
    {
        window.resize(1000, 700);
        window.setUnsavedQuestion(
            [this](MainWindow::UnsavedContext context, const QStringList &items) {
                questions.append({context, items});
                return choice;
            });
    }
    static session::Session::Options options(bool withLink, const QString &path)
    {
        session::Session::Options options;
        options.withLink = withLink;
        options.dataDirectory = path;
        return options;
    }
    link::LinkController *controller() const { return manager.session()->linkHost()->controller(); }
    // An Item whose token the keychain refused: it stays in memory, "not saved".
    QString addUnsavedItem(const QString &itemId)
    {
        keychain.mode = FakeSecretStore::Mode::Unavailable;
        link::LinkedItem item;
        item.itemId = itemId;
        item.accessToken = QStringLiteral("access-sandbox-5c4d3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a");
        item.linkedAt = QDateTime::currentDateTimeUtc();
        item.success.institution = link::LinkInstitution{QStringLiteral("ins_109508"),
                                                         QStringLiteral("First Platypus Bank")};
        QSignalSpy failed(manager.session()->items(), &items::ItemService::tokenSaveFailed);
        manager.session()->items()->addLinkedItem(item, {});
        failed.wait(5000);
        keychain.mode = FakeSecretStore::Mode::Works;
        return itemId;
    }

    bool translated; // before any widget: as in the app
    QTemporaryDir directory;
    vault::ItemStore store;
    TestKeychain keychain;
    session::SessionManager manager;
    // Before the window: each session's page gets the test's frame driver before it loads.
    QMetaObject::Connection driver =
        QObject::connect(&manager, &session::SessionManager::sessionChanged, &manager,
                         [](session::Session *session) {
                             if (session->linkHost())
                                 installFrameDriver(session->linkHost()->page());
                         });
    MainWindow window;
    Choice choice = Choice::Cancel;

    // Starts the session on settings, shows the window, clicks "Connect a bank account" once
    // Link is ready, and waits for Link's consent pane: Link's page, or nullptr (and why, in
    // the test log) when a step did not come.
    QWebEnginePage *openLink(const AppSettings &settings)
    {
        manager.start(settings);
        if (!QTest::qWaitFor([this] { return manager.session() != nullptr; }, 15000))
            return nullptr;
        window.show();
        auto *connect = window.findChild<QPushButton *>(QStringLiteral("connectButton"));
        if (!QTest::qWaitFor([connect] { return connect->isEnabled(); }, 30000)) {
            qWarning("Link did not get ready");
            return nullptr;
        }
        connect->click();
        QWebEnginePage *page = manager.session()->linkHost()->page();
        if (!window.isLinkShown() || !waitFrameJs(page, linkViewIs(QStringLiteral("CONSENT")))) {
            qWarning("Link did not open at its consent pane");
            return nullptr;
        }
        return page;
    }
    QList<std::pair<MainWindow::UnsavedContext, QStringList>> questions;
};

} // namespace weft::test
