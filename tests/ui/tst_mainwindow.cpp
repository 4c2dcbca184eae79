// The main window driven by a real SessionManager on the embedded sandbox: the quit question,
// start-up problems, a failed backend, and (under Xvfb) Link following the session and a bank
// linked through the window landing in the Items panel.
#include "MainWindowFixture.h"
#include "core/SignalWatcher.h"
#include "items/ItemService.h"
#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "link/WebTestKit.h"
#include "session/SessionManager.h"
#include "ui/CopyableTable.h"
#include "ui/ItemDetailsView.h"
#include "ui/ItemsPanel.h"
#include "ui/MainWindow.h"
#include "vault/ItemStore.h"

#include <QAction>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QWebEngineView>
#include <QtTest>

#include <csignal>

using namespace weft;
using test::embeddedSettings;
using ui::MainWindow;
using Choice = MainWindow::UnsavedChoice;
using State = link::LinkController::State;
using Fixture = test::MainWindowFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void quitQuestionOnlyWithUnsavedTokens();
    void retrySavingFromTheQuitQuestion();
    void changingSettingsAsksAboutUnsavedTokens();
    void startupProblemIsShown();
    void indexThatCannotBeSavedIsSaid();
    void failedBackendKeepsTheItemsUsable();
    void backendThatFailedBeforeTheWindowIsSaid();
    void linkFollowsTheSession();
    void cameraIsTheWindowsQuestion();
    void linkingABankShowsItInTheItemsPanel();
    void settingsChangeWithTheSandboxStateFile();
    void removeAllDataAsksThenErases();
    void terminationSignalMarksLostTokens_data();
    void terminationSignalMarksLostTokens();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings saved by apply() go to a test folder
    QCoreApplication::setOrganizationName(QStringLiteral("weft-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::quitQuestionOnlyWithUnsavedTokens()
{
    Fixture f(false);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    QCOMPARE(f.window.backendDescription(), f.manager.session()->description());
    QVERIFY(f.window.backendDescription().contains(u"Embedded Plaid Sandbox"));

    f.window.show();
    QVERIFY(f.window.close()); // nothing unsaved: no question
    QVERIFY(f.questions.isEmpty());

    const QString itemId = f.addUnsavedItem(QStringLiteral("item_unsaved_1"));
    QCOMPARE(f.manager.session()->items()->tokenState(itemId), items::TokenState::Unsaved);
    f.window.show();
    f.choice = Choice::Cancel;
    QVERIFY(!f.window.close());
    QVERIFY(f.window.isVisible());
    QCOMPARE(f.questions.size(), 1);
    QCOMPARE(f.questions.at(0).first, MainWindow::UnsavedContext::Quit);
    QCOMPARE(f.questions.at(0).second,
             QStringList{QStringLiteral("First Platypus Bank (item_id item_unsaved_1)")});

    f.choice = Choice::Proceed;
    QVERIFY(f.window.close());
    QCOMPARE(f.questions.size(), 2);
}

void TestMainWindow::retrySavingFromTheQuitQuestion()
{
    Fixture f(false);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    const QString itemId = f.addUnsavedItem(QStringLiteral("item_unsaved_2"));
    items::ItemService *service = f.manager.session()->items();
    QSignalSpy saved(service, &items::ItemService::tokenSaved);
    f.choice = Choice::RetrySaving;
    QVERIFY(!f.window.mayClose());
    QVERIFY(saved.wait(5000));
    QCOMPARE(service->tokenState(itemId), items::TokenState::Saved);
    QVERIFY(f.window.mayClose()); // saved now: no question
    QCOMPARE(f.questions.size(), 1);
}

void TestMainWindow::changingSettingsAsksAboutUnsavedTokens()
{
    Fixture f(false);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    session::Session *first = f.manager.session();
    f.addUnsavedItem(QStringLiteral("item_unsaved_3"));
    f.keychain.mode =
        test::FakeSecretStore::Mode::Unavailable; // still failing when the question comes
    QSignalSpy changed(&f.manager, &session::SessionManager::sessionChanged);
    f.choice = Choice::Cancel;
    f.window.applySettings(embeddedSettings(QStringLiteral("Weft Two")), QString());
    QCOMPARE(f.questions.size(), 1);
    QCOMPARE(f.questions.at(0).first, MainWindow::UnsavedContext::ChangeSettings);
    QTest::qWait(50);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(f.manager.session(), first);

    f.keychain.mode = test::FakeSecretStore::Mode::Works; // the keychain is back by the time the
                                                          // new backend stands
    f.choice = Choice::Proceed;
    f.window.applySettings(embeddedSettings(QStringLiteral("Weft Two")), QString());
    QTRY_VERIFY2(changed.size() == 1, qPrintable(f.window.noticeText()));
    QCOMPARE(f.window.itemsPanel()->service(), f.manager.session()->items());
    // The token that was only in memory moved to the new backend, which saved it.
    QTRY_COMPARE(f.manager.session()->items()->tokenState(QStringLiteral("item_unsaved_3")),
                 items::TokenState::Saved);
    QCOMPARE(f.keychain.entries.value(QStringLiteral("plaid:embedded:item_unsaved_3")),
             QStringLiteral("access-sandbox-5c4d3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"));
}

void TestMainWindow::startupProblemIsShown()
{
    Fixture f(false);
    const QString text =
        QStringLiteral("The Items index was damaged; it was kept as /tmp/items.json.damaged-1.");
    f.window.showStartupProblem(text);
    auto *label = f.window.findChild<QLabel *>(QStringLiteral("startupLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), text);
    QVERIFY(!label->isHidden());
    QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
}

void TestMainWindow::indexThatCannotBeSavedIsSaid()
{
    // The index's folder cannot be made (a file stands where it should be): the window says
    // so while it lasts, asks before quitting, and clears the message once a save works.
    QTemporaryDir directory;
    const QString blocker = directory.filePath(QStringLiteral("data"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    test::TestKeychain keychain;
    vault::ItemStore store(blocker + QStringLiteral("/items.json"));
    QVERIFY(store.load().ok);
    session::SessionManager manager(&keychain, &store, Fixture::options(false, {}));
    MainWindow window(&manager, &store);
    QStringList asked;
    bool quitAnyway = false;
    window.setUnsavedIndexQuestion([&](const QString &error) {
        asked << error;
        return quitAnyway;
    });
    window.show();
    QVERIFY(window.saveProblemText().isEmpty());
    store.upsert(test::makeRecord(1));
    QVERIFY(!store.flush());
    QVERIFY(!window.saveProblemText().isEmpty());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("saveProblemLabel"))->isVisible());
    QVERIFY(!window.mayClose()); // asked, and the answer was "not yet"
    QCOMPARE(asked.size(), 1);
    QVERIFY(!asked.first().isEmpty());
    QVERIFY(QFile::remove(blocker)); // room again
    QVERIFY(window.mayClose());      // saved now: no question
    QCOMPARE(asked.size(), 1);
    QVERIFY(window.saveProblemText().isEmpty());
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("saveProblemLabel"))->isVisible());
    vault::ItemStore reread(store.path());
    QCOMPARE(reread.load().count, 1);
}

void TestMainWindow::failedBackendKeepsTheItemsUsable()
{
    Fixture f(false);
    f.store.resetItems({test::makeRecord(1, QStringLiteral("sandbox"))});
    QSignalSpy failed(&f.manager, &session::SessionManager::sessionFailed);
    AppSettings plaid = embeddedSettings();
    plaid.mode = BackendMode::PlaidSandbox;
    plaid.clientId = QStringLiteral("client_without_secret");
    f.manager.start(plaid); // no secret in the keychain
    QVERIFY(failed.wait(5000));
    QVERIFY(!f.manager.session());
    QVERIFY(f.window.noticeText().contains(u"No Plaid secret is saved"));
    ui::ItemsPanel *panel = f.window.itemsPanel();
    QCOMPARE(panel->tableView()->model()->rowCount(), 1);
    QVERIFY(panel->selectItem(test::makeRecord(1).itemId));
    QCOMPARE(panel->details()->fieldText(QStringLiteral("link_session_id")),
             QStringLiteral("lsid-1"));
    QVERIFY(!panel->refreshAction()->isEnabled());
    QVERIFY(!f.window.findChild<QPushButton *>(QStringLiteral("connectButton"))->isEnabled());

    // The settings can still fix it.
    QSignalSpy changed(&f.manager, &session::SessionManager::sessionChanged);
    f.window.applySettings(embeddedSettings(), QString());
    QTRY_VERIFY2(changed.size() == 1, qPrintable(f.window.noticeText()));
    QCOMPARE(panel->service(), f.manager.session()->items());
}

void TestMainWindow::backendThatFailedBeforeTheWindowIsSaid()
{
    // weft starts the backend before it builds the window: a failure then must not be lost.
    Fixture f(false);
    AppSettings plaid = embeddedSettings();
    plaid.mode = BackendMode::PlaidSandbox;
    plaid.clientId = QStringLiteral("client_without_secret");
    f.manager.start(plaid);
    QTRY_VERIFY(!f.manager.lastFailure().isEmpty());
    MainWindow late(&f.manager, &f.store);
    QVERIFY2(late.noticeText().contains(u"No backend is running"), qPrintable(late.noticeText()));
    QVERIFY(late.noticeText().contains(f.manager.lastFailure()));
    QVERIFY(!late.findChild<QPushButton *>(QStringLiteral("connectButton"))->isEnabled());
    // A session that starts clears it.
    QSignalSpy changed(&f.manager, &session::SessionManager::sessionChanged);
    f.manager.start(embeddedSettings());
    QTRY_COMPARE(changed.size(), 1);
    QVERIFY(f.manager.lastFailure().isEmpty());
}

void TestMainWindow::cameraIsTheWindowsQuestion()
{
    // The page asks; the window asks the person, with the site's name, and nothing else does.
    Fixture f(true);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    QStringList sites;
    f.window.setCameraQuestion([&sites](const QString &site) {
        sites << site;
        return false;
    });
    link::LinkPage *page = f.manager.session()->linkHost()->page();
    emit page->cameraRequested(QUrl(QStringLiteral("http://localhost:1234")));
    QCOMPARE(sites, QStringList{QStringLiteral("localhost")});
}

void TestMainWindow::linkFollowsTheSession()
{
    Fixture f(true);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    session::Session *first = f.manager.session();
    const QPointer<session::Session> firstAlive(first);
    QCOMPARE(f.window.linkView()->page(), first->linkHost()->page());
    // The window preloads Link: the host page loads and the controller gets ready.
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->state(), State::Ready, 30000);
    auto *connect = f.window.findChild<QPushButton *>(QStringLiteral("connectButton"));
    QVERIFY(connect->isEnabled());

    QSignalSpy aboutToChange(&f.manager, &session::SessionManager::sessionAboutToChange);
    QSignalSpy changed(&f.manager, &session::SessionManager::sessionChanged);
    f.window.applySettings(embeddedSettings(QStringLiteral("Weft Two")), QString());
    QTRY_VERIFY2(changed.size() == 1, qPrintable(f.window.noticeText()));
    QCOMPARE(aboutToChange.size(), 1);
    session::Session *second = f.manager.session();
    // A new session (the old one is gone; its address may well be the new one's).
    QVERIFY(firstAlive.isNull());
    QVERIFY(second);
    QCOMPARE(f.window.linkView()->page(), second->linkHost()->page());
    QVERIFY(!f.window.isLinkShown());

    f.window.show();
    f.window.openLinkWhenReady(); // opens as soon as the new session's Link is ready
    QTRY_VERIFY_WITH_TIMEOUT(f.window.isLinkShown(), 30000);
    QCOMPARE(f.controller()->state(), State::Open);
    QVERIFY(
        test::waitFrameJs(second->linkHost()->page(), test::linkViewIs(QStringLiteral("CONSENT"))));
}

void TestMainWindow::linkingABankShowsItInTheItemsPanel()
{
    Fixture f(true);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    f.window.show();
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->state(), State::Ready, 30000);
    f.window.findChild<QPushButton *>(QStringLiteral("connectButton"))->click();
    QVERIFY(f.window.isLinkShown());
    QWebEnginePage *page = f.manager.session()->linkHost()->page();
    QSignalSpy saved(f.manager.session()->items(), &items::ItemService::tokenSaved);
    QVERIFY(test::linkUserGoodToConnected(page));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(QStringLiteral("connected-continue"))));
    QVERIFY2(QTest::qWaitFor([&] { return saved.size() == 1; }, 30000),
             qPrintable(QStringLiteral("state %1, notice: %2")
                            .arg(int(f.controller()->state()))
                            .arg(f.window.noticeText())));
    QTRY_VERIFY(!f.window.isLinkShown());

    const QString itemId = saved.at(0).at(0).toString();
    QVERIFY(f.store.item(itemId));
    QVERIFY(f.window.noticeText().contains(u"First Platypus Bank is connected"));
    QVERIFY(!f.window.noticeText().contains(itemId)); // no ids in what people read
    ui::ItemsPanel *panel = f.window.itemsPanel();
    QCOMPARE(panel->currentItemId(), itemId);
    QCOMPARE(panel->details()->fieldText(QStringLiteral("item_id")), itemId);
    QCOMPARE(panel->details()->fieldText(QStringLiteral("token")),
             QStringLiteral("Saved in the keychain"));
    QVERIFY(!panel->details()->fieldText(QStringLiteral("link_session_id")).isEmpty());
    QVERIFY(panel->details()->eventsTable()->rowCount() > 3);
    QCOMPARE(f.keychain.entries.size(), 1);
}

// As the app runs: the embedded sandbox with its state file in the data folder. Applying new
// settings builds the new session while the old one still stands.
void TestMainWindow::settingsChangeWithTheSandboxStateFile()
{
    Fixture f(false, true);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    QSignalSpy changed(&f.manager, &session::SessionManager::sessionChanged);
    f.window.applySettings(embeddedSettings(QStringLiteral("Weft Two")), QString());
    QTRY_VERIFY2(changed.size() == 1, qPrintable(f.window.noticeText()));
}

void TestMainWindow::terminationSignalMarksLostTokens_data()
{
    QTest::addColumn<bool>("keychainBack");
    QTest::newRow("the keychain still refuses") << false;
    QTest::newRow("the keychain is back") << true;
}

void TestMainWindow::terminationSignalMarksLostTokens()
{
    // A token the keychain refused is in memory only; SIGTERM arrives. One more save is tried;
    // if it fails too, the Item says in the index that its token was lost, and what to do.
    QFETCH(bool, keychainBack);
    Fixture f(false);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    const QString itemId = f.addUnsavedItem(QStringLiteral("item_sigterm"));
    QCOMPARE(f.manager.session()->items()->tokenState(itemId), items::TokenState::Unsaved);
    f.keychain.mode = keychainBack ? test::FakeSecretStore::Mode::Works
                                   : test::FakeSecretStore::Mode::Unavailable;
    int quits = 0;
    f.window.setQuitAction([&quits] { ++quits; });
    SignalWatcher watcher;
    connect(&watcher, &SignalWatcher::terminationRequested, &f.window,
            [&f](const QString &name) { f.window.endWithoutAsking(name); });
    QVERIFY(::raise(SIGTERM) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(quits, 1, 10000);
    QCOMPARE(f.questions.size(), 0); // nobody was asked
    vault::ItemStore reread(f.store.path());
    QVERIFY(reread.load().ok);
    const vault::ItemRecord *record = reread.item(itemId);
    QVERIFY(record);
    if (keychainBack) {
        QVERIFY(record->tokenSaved);
        QVERIFY(record->tokenLost.isEmpty());
    } else {
        QVERIFY(!record->tokenSaved);
        QVERIFY2(record->tokenLost.contains(u"SIGTERM") &&
                     record->tokenLost.contains(u"Link this bank again"),
                 qPrintable(record->tokenLost));
        QCOMPARE(f.manager.session()->items()->tokenProblem(itemId), record->tokenLost);
    }
    raise(SIGTERM); // a second one while closing changes nothing
    QTest::qWait(200);
    QCOMPARE(quits, 1);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

void TestMainWindow::removeAllDataAsksThenErases()
{
    Fixture f(false);
    f.manager.start(embeddedSettings());
    QTRY_VERIFY(f.manager.session());
    f.addUnsavedItem(QStringLiteral("item_erase_1"));
    f.keychain.entries.insert(QStringLiteral("plaid:production:client-secret"),
                              QStringLiteral("s"));
    f.keychain.entries.insert(QStringLiteral("plaid:embedded:item_erase_1"), QStringLiteral("t"));
    QSignalSpy removed(&f.window, &MainWindow::allDataRemoved);
    int asked = -1;
    f.window.setEraseQuestion([&](int count) {
        asked = count;
        return false;
    });
    f.window.removeAllData();
    QCOMPARE(asked, 1);
    QTest::qWait(50);
    QCOMPARE(f.keychain.entries.size(), 2); // "no" touches nothing
    QVERIFY(f.manager.session());
    f.window.setEraseQuestion([](int) { return true; });
    f.window.removeAllData();
    QVERIFY(removed.wait(5000));
    QVERIFY(f.keychain.entries.isEmpty());
    QVERIFY(f.store.items().isEmpty());
    QVERIFY(!f.manager.session());
    QVERIFY(f.window.noticeText().contains(u"removed"));
}
