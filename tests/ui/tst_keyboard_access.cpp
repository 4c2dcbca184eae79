// Keyboard and screen readers, in process: the accessibility tree of the main window and its
// dialogs has a name on every control a person can reach; Item status is text, not only
// paint; and a person with only a keyboard connects a bank (Link driven by its own page) and
// removes it again, with focus where it should be at every step.
#include "MainWindowFixture.h"
#include "items/ItemsModel.h"
#include "ui/AboutDialog.h"
#include "ui/ItemsPanel.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QWebEngineView>

using namespace weft;
using test::MainWindowFixture;

namespace {

bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::PageTab:
    case QAccessible::PageTabList:
    case QAccessible::ProgressBar:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Link:
    case QAccessible::MenuItem:
    case QAccessible::Graphic:
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *iface)
{
    QObject *object = iface->object();
    return QStringLiteral("%1 %2 \"%3\"")
        .arg(QString::number(int(iface->role()), 16),
             object ? QString::fromLatin1(object->metaObject()->className()) + u'#' +
                          object->objectName()
                    : QStringLiteral("(no object)"),
             iface->text(QAccessible::Name));
}

// Every visible interactive element under iface that has no name; counts what it saw.
void collectUnnamed(QAccessibleInterface *iface, QStringList *unnamed, int *seen, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 60 || iface->state().invisible)
        return;
    QObject *object = iface->object();
    if (qobject_cast<QWebEngineView *>(object))
        return; // the page's own tree is the page's business (Link's, for Link)
    if (auto *label = qobject_cast<QLabel *>(object);
        label && label->pixmap().isNull() && iface->role() == QAccessible::Graphic)
        return; // an empty picture (no logo yet) shows nothing
    ++*seen;
    const QAccessible::Role role = iface->role();
    if (isInteractive(role) && iface->text(QAccessible::Name).trimmed().isEmpty())
        unnamed->append(describe(iface));
    if (role == QAccessible::Table || role == QAccessible::List || role == QAccessible::Tree)
        return; // rows and cells are named by their data
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), unnamed, seen, depth + 1);
}

QStringList unnamedIn(QWidget *widget, int minimumSeen)
{
    QStringList unnamed;
    int seen = 0;
    collectUnnamed(QAccessible::queryAccessibleInterface(widget), &unnamed, &seen);
    if (seen < minimumSeen)
        unnamed.append(QStringLiteral("only %1 elements in the tree").arg(seen));
    return unnamed;
}

bool insideLinkView(QWebEngineView *view, QWidget *widget)
{
    return widget && (widget == view || view->isAncestorOf(widget));
}

} // namespace

class TestKeyboardAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyControlIsNamed();
    void dialogsNameEveryControl();
    void statusIsText();
    void keyboardOnlyConnectAndRemove();
};

void TestKeyboardAccess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QAccessible::setActive(true);
}

void TestKeyboardAccess::everyControlIsNamed()
{
    MainWindowFixture f(false);
    f.store.resetItems(
        {test::makeRecord(1),
         test::makeRecord(2, QStringLiteral("sandbox"), QStringLiteral("ITEM_LOGIN_REQUIRED"))});
    f.manager.start(test::embeddedSettings());
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    QTRY_VERIFY(f.manager.session() != nullptr);
    QVERIFY(f.window.itemsPanel()->selectItem(test::makeRecord(2).itemId));
    // Both faces: the end user's, then the support view with the details and events.
    for (bool support : {false, true}) {
        f.window.setSupportView(support);
        const QStringList unnamed = unnamedIn(&f.window, support ? 60 : 25);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }
    f.window.setSupportView(false);
}

void TestKeyboardAccess::dialogsNameEveryControl()
{
    MainWindowFixture f(false);
    ui::SettingsDialog settings(test::embeddedSettings());
    settings.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settings));
    QStringList unnamed = unnamedIn(&settings, 15);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));

    ui::AboutDialog about;
    about.show();
    QVERIFY(QTest::qWaitForWindowExposed(&about));
    unnamed = unnamedIn(&about, 5);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    QVERIFY(ui::AboutDialog::versionsText().contains(QString::fromLatin1(qVersion())));

    ui::ShortcutsDialog shortcuts(f.window.menuBar());
    shortcuts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shortcuts));
    unnamed = unnamedIn(&shortcuts, 3);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    // Every action people use has keys, and the list shows them.
    const QList<QStringList> rows = ui::ShortcutsDialog::rows(f.window.menuBar());
    QStringList actions;
    for (const QStringList &row : rows)
        actions << row.at(1);
    for (const char *expected : {"Connect a bank account…", "Settings…", "Quit", "Refresh",
                                 "Refresh all", "Fix connection…", "Remove…", "Copy diagnostics",
                                 "Copy item_id", "Find…", "Keyboard shortcuts"}) {
        QVERIFY2(actions.contains(QString::fromUtf8(expected)),
                 qPrintable(QStringLiteral("%1 has no shortcut (%2)")
                                .arg(QString::fromUtf8(expected), actions.join(u", "))));
    }
    // Every menu and every action in it has a mnemonic.
    for (QAction *menuAction : f.window.menuBar()->actions()) {
        QVERIFY2(menuAction->text().contains(u'&'), qPrintable(menuAction->text()));
        for (QAction *action : menuAction->menu()->actions()) {
            if (!action->isSeparator())
                QVERIFY2(action->text().contains(u'&'), qPrintable(action->text()));
        }
    }
}

void TestKeyboardAccess::statusIsText()
{
    MainWindowFixture f(false);
    vault::ItemRecord broken =
        test::makeRecord(3, QStringLiteral("embedded"), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    f.store.resetItems({broken});
    f.manager.start(test::embeddedSettings());
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    QTRY_VERIFY(f.manager.session() != nullptr);
    QAccessibleInterface *table =
        QAccessible::queryAccessibleInterface(f.window.itemsPanel()->tableView());
    QVERIFY(table && table->tableInterface());
    QCOMPARE(table->text(QAccessible::Name), QStringLiteral("Bank connections"));
    QAccessibleInterface *status = table->tableInterface()->cellAt(0, items::ItemsModel::Status);
    QVERIFY(status);
    const QString said = status->text(QAccessible::Name);
    QCOMPARE(said, items::ItemService::statusText(broken));
    QVERIFY2(!said.contains(u'_'), qPrintable(said)); // words, not ITEM_LOGIN_REQUIRED
    QAccessibleInterface *bank = table->tableInterface()->cellAt(0, items::ItemsModel::Institution);
    QCOMPARE(bank->text(QAccessible::Name), broken.institutionName);
}

void TestKeyboardAccess::keyboardOnlyConnectAndRemove()
{
    MainWindowFixture f(true);
    f.manager.start(test::embeddedSettings());
    f.window.show();
    f.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    auto *connect = f.window.findChild<QPushButton *>(QStringLiteral("connectButton"));
    QTRY_VERIFY_WITH_TIMEOUT(connect->isEnabled(), 30000);
    QWebEngineView *view = f.window.linkView();

    // At the start, focus is on what to do first, and Tab never enters Link's covered view.
    QTRY_COMPARE(QApplication::focusWidget(), connect);
    QSet<QWidget *> visited;
    for (int i = 0; i < 25; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY2(!insideLinkView(view, now), "Tab reached Link's covered view");
        visited.insert(now);
    }
    QVERIFY(visited.contains(f.window.itemsPanel()->tableView()));
    connect->setFocus(Qt::TabFocusReason);

    // The attacker's side: a script in the covered page or in Link's frame grabs focus. The
    // keyboard stays where the person is, and what they type never reaches the page.
    QWebEnginePage *page = f.manager.session()->linkHost()->page();
    QCOMPARE(test::runJs(page, QStringLiteral("window.focus(); document.body.focus(); 1")).toInt(),
             1);
    QCOMPARE(
        test::frameJs(page, QStringLiteral("(function(){var i=document.createElement('input');"
                                           "document.body.appendChild(i);i.id='grab';i.focus();"
                                           "window.focus();return 1;})()"))
            .toInt(),
        1); // the attack ran
    QTest::qWait(200);
    QCOMPARE(QApplication::focusWidget(), connect);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("secret"));
    // The trap is there, and empty (an answer that never came would not pass for empty).
    QVERIFY(test::frameJs(page, QStringLiteral("(function(){var g=document.getElementById('grab');"
                                               "return !!g && g.value === '';})()"))
                .toBool());

    // Space on "Connect a bank account": Link shows, with the keyboard in it.
    QTest::keyClick(connect, Qt::Key_Space);
    QTRY_VERIFY(f.window.isLinkShown());
    QTRY_VERIFY(insideLinkView(view, QApplication::focusWidget()));
    // What Link covers is out of the focus chain and deaf to keys.
    QVERIFY(!connect->isEnabled());
    QVERIFY(!f.window.itemsPanel()->isEnabled());
    QVERIFY(test::waitFrameJs(page, test::linkViewIs(QStringLiteral("CONSENT"))));
    QVERIFY(test::linkUserGoodToConnected(page));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(QStringLiteral("connected-continue"))));

    // Linked: Link is covered again and focus is on the new Item.
    QTRY_COMPARE_WITH_TIMEOUT(f.store.items().size(), 1, 20000);
    const QString itemId = f.store.items().first().itemId;
    QTRY_VERIFY_WITH_TIMEOUT(!f.window.isLinkShown(), 20000);
    QTableView *table = f.window.itemsPanel()->tableView();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(table));
    QCOMPARE(f.window.itemsPanel()->currentItemId(), itemId);
    QVERIFY(!view->isEnabled());
    // Tab leaves the table (it does not walk its cells).
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != table);
    table->setFocus(Qt::BacktabFocusReason);

    // Delete asks, with a button that says Remove (Cancel is the default); Tab and Space answer.
    QString buttons;
    bool answeredByKeyboard = false;
    QTimer::singleShot(0, &f.window, [&] {
        QMessageBox *box = test::visibleMessageBox();
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons())
            buttons += button->text() + u'|';
        if (box->defaultButton() != box->button(QMessageBox::Cancel))
            buttons += QStringLiteral("(the default is not Cancel)");
        // Tab to the Remove button (focus starts on Cancel), then Space.
        QAbstractButton *remove = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == u"&Remove")
                remove = button;
        }
        for (int i = 0; remove && i < 6 && box->focusWidget() != remove; ++i)
            QTest::keyClick(box->focusWidget() ? box->focusWidget() : box, Qt::Key_Tab);
        if (remove && box->focusWidget() == remove)
            QTest::keyClick(remove, Qt::Key_Space);
        answeredByKeyboard = QTest::qWaitFor([box] { return !box->isVisible(); }, 3000);
        if (!answeredByKeyboard)
            box->button(QMessageBox::Cancel)->click(); // never leave the test hanging
    });
    QTest::keyClick(table, Qt::Key_Delete);
    QVERIFY2(buttons.contains(QStringLiteral("&Remove")), qPrintable(buttons));
    QVERIFY2(!buttons.contains(u"(the default"), qPrintable(buttons));
    QVERIFY2(answeredByKeyboard, "the keyboard did not answer the question");
    QTRY_VERIFY_WITH_TIMEOUT(f.store.items().isEmpty(), 20000);
    QTRY_VERIFY(f.window.itemsPanel()->message().contains(u"removed"));
    // "… is connected" stopped being true with the Item: it is gone too.
    QVERIFY2(f.window.noticeText().isEmpty(), qPrintable(f.window.noticeText()));
    QCOMPARE(f.window.itemsPanel()->findChild<QLabel *>(QStringLiteral("countLabel"))->text(),
             QStringLiteral("0 bank connections"));
    // A message can be dismissed, from the keyboard too.
    auto *dismiss =
        f.window.itemsPanel()->findChild<QToolButton *>(QStringLiteral("messageLabelDismiss"));
    QVERIFY(dismiss && dismiss->isVisible() && dismiss->focusPolicy() & Qt::TabFocus);
    QCOMPARE(dismiss->accessibleName(), QStringLiteral("Dismiss this message"));
    dismiss->setFocus(Qt::TabFocusReason);
    QTest::keyClick(dismiss, Qt::Key_Space);
    QVERIFY(f.window.itemsPanel()->message().isEmpty());
    QVERIFY(!dismiss->isVisible());
}

QTEST_MAIN(TestKeyboardAccess)
#include "tst_keyboard_access.moc"
