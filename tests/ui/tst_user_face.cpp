// The end user's face and the support face of the main window: a first-run welcome, banks
// with their accounts and balances in the user's locale, a banner with one action for a
// connection that needs its user, the support view (ids, codes, events) on demand, and
// diagnostics that carry Weft's versions and open again, read-only, in the support view.
#include "MainWindowFixture.h"
#include "items/ItemsModel.h"
#include "ui/AttentionBanner.h"
#include "ui/DiagnosticsViewer.h"
#include "ui/ItemDetailsView.h"
#include "ui/ItemsPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

using namespace weft;
using test::MainWindowFixture;

namespace {

vault::ItemRecord withAccounts(vault::ItemRecord record)
{
    record.accounts = {{QStringLiteral("acc-1"), QStringLiteral("Plaid Checking"), QString(),
                        QStringLiteral("0000"), QStringLiteral("depository"),
                        QStringLiteral("checking"), 100.0, 110.0, std::nullopt,
                        QStringLiteral("USD")}};
    return record;
}

} // namespace

class TestUserFace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void welcomeUntilTheFirstBank();
    void accountsAndBalancesInTheUsersLocale();
    void bannerOffersTheOneAction();
    void supportViewOnDemand();
    void diagnosticsOpenAgainReadOnly();
    void diagnosticsThatAreNotWeftsAreRefused();
    void fitsSmallAndZoomedScreens();
};

void TestUserFace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUserFace::welcomeUntilTheFirstBank()
{
    MainWindowFixture f(false);
    f.window.show();
    auto *welcome = f.window.findChild<QLabel *>(QStringLiteral("welcomeLabel"));
    QVERIFY(welcome);
    QVERIFY(welcome->isVisible());
    QVERIFY(welcome->text().contains(u"password"));
    QVERIFY(welcome->text().contains(u"keychain"));
    f.store.upsert(test::makeRecord(1, QStringLiteral("embedded")));
    QVERIFY(!welcome->isVisible());
    f.store.remove(test::makeRecord(1).itemId);
    QVERIFY(welcome->isVisible());
}

void TestUserFace::accountsAndBalancesInTheUsersLocale()
{
    const QLocale original;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    vault::ItemRecord record = withAccounts(test::makeRecord(1, QStringLiteral("embedded")));
    const QString english = items::ItemsModel::accountsSummary(record);
    QCOMPARE(english, QStringLiteral("Plaid Checking ••0000: $110.00"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString german = items::ItemsModel::accountsSummary(record);
    QVERIFY2(german.contains(u"110,00"), qPrintable(german));
    QVERIFY2(german.contains(u"USD"), qPrintable(german)); // not the locale's own currency
    record.accounts.append(record.accounts.first());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(items::ItemsModel::accountsSummary(record).contains(u" and "));
    QLocale::setDefault(original);

    // The list shows them up front, beside the bank.
    MainWindowFixture f(false);
    f.store.resetItems({record});
    f.manager.start(test::embeddedSettings());
    QTRY_VERIFY(f.manager.session() != nullptr);
    const QModelIndex accounts =
        f.window.itemsPanel()->tableView()->model()->index(0, items::ItemsModel::Accounts);
    QVERIFY(accounts.data().toString().contains(u"Plaid Checking"));
    QVERIFY(!f.window.itemsPanel()->tableView()->isColumnHidden(items::ItemsModel::Accounts));
}

void TestUserFace::bannerOffersTheOneAction()
{
    MainWindowFixture f(true);
    vault::ItemRecord broken =
        test::makeRecord(1, QStringLiteral("embedded"), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    broken.institutionName = QStringLiteral("First Platypus Bank");
    f.store.resetItems({broken, test::makeRecord(2, QStringLiteral("embedded"))});
    f.manager.start(test::embeddedSettings());
    f.window.show();
    QTRY_VERIFY(f.manager.session() != nullptr);
    auto *banner = f.window.findChild<ui::AttentionBanner *>();
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->itemId(), broken.itemId);
    QCOMPARE(banner->actionText(), QStringLiteral("Sign in to First Platypus Bank again"));
    QVERIFY(banner->text().contains(u"First Platypus Bank"));
    QVERIFY2(!banner->text().contains(u"ITEM_LOGIN_REQUIRED"), qPrintable(banner->text()));
    QVERIFY(!banner->text().contains(broken.itemId));

    // The one action is Fix connection for that Item (here it finds no token to open Link
    // with, and says so about the bank).
    auto *action = banner->findChild<QPushButton *>(QStringLiteral("attentionAction"));
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);
    action->click();
    QTRY_VERIFY(f.window.itemsPanel()->message().contains(u"First Platypus Bank"));

    // Fixed: the banner goes.
    f.store.update(broken.itemId, [](vault::ItemRecord &r) {
        r.errorCode.clear();
        r.errorType.clear();
    });
    QVERIFY(!banner->isVisible());

    // "Not now" hides it for the Items it showed; a new one brings it back.
    f.store.update(broken.itemId, [](vault::ItemRecord &r) {
        r.errorCode = QStringLiteral("PENDING_EXPIRATION");
    });
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->actionText(), QStringLiteral("Sign in to First Platypus Bank again"));
    banner->findChild<QPushButton *>(QStringLiteral("attentionDismiss"))->click();
    QVERIFY(!banner->isVisible());
    f.store.update(test::makeRecord(2).itemId, [](vault::ItemRecord &r) {
        r.errorCode = QStringLiteral("NEW_ACCOUNTS_AVAILABLE");
    });
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->itemId(), test::makeRecord(2).itemId);
    QVERIFY(banner->actionText().startsWith(u"Choose accounts to share"));
}

void TestUserFace::supportViewOnDemand()
{
    QSettings().remove(QStringLiteral("window/supportView"));
    MainWindowFixture f(false);
    f.store.resetItems({test::makeRecord(1, QStringLiteral("embedded"))});
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    ui::ItemsPanel *panel = f.window.itemsPanel();
    auto *events = f.window.findChild<QGroupBox *>(QStringLiteral("eventsGroup"));
    // People who connect banks: the list and what they can do.
    QVERIFY(!f.window.isSupportView());
    QVERIFY(!panel->details()->isVisible());
    QVERIFY(!events->isVisible());
    QVERIFY(panel->tableView()->isColumnHidden(items::ItemsModel::Token));
    QVERIFY(panel->tableView()->isColumnHidden(items::ItemsModel::Environment));
    // Support staff: View → Support view (Ctrl+Shift+D).
    f.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    QTest::keyClick(&f.window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(f.window.isSupportView());
    QVERIFY(panel->details()->isVisible());
    QVERIFY(events->isVisible());
    QVERIFY(!panel->tableView()->isColumnHidden(items::ItemsModel::Token));
    QVERIFY(panel->selectItem(test::makeRecord(1).itemId));
    QCOMPARE(panel->details()->fieldText(QStringLiteral("item_id")), test::makeRecord(1).itemId);
    // Kept for the next start.
    QCOMPARE(QSettings().value(QStringLiteral("window/supportView")).toBool(), true);
    f.window.setSupportView(false);
    QCOMPARE(QSettings().value(QStringLiteral("window/supportView")).toBool(), false);
}

void TestUserFace::diagnosticsOpenAgainReadOnly()
{
    MainWindowFixture f(false);
    vault::ItemRecord record =
        test::makeRecord(4, QStringLiteral("embedded"), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    f.store.resetItems({record});
    f.manager.start(test::embeddedSettings());
    QTRY_VERIFY(f.manager.session() != nullptr);
    ui::ItemsPanel *panel = f.window.itemsPanel();
    QVERIFY(panel->selectItem(record.itemId));
    QApplication::clipboard()->clear();
    panel->copyDiagnosticsAction()->trigger();
    const QByteArray copied = QApplication::clipboard()->text().toUtf8();
    const QJsonObject json = QJsonDocument::fromJson(copied).object();
    QCOMPARE(json.value(u"item_id").toString(), record.itemId);
    const QJsonObject weft = json.value(u"weft").toObject();
    QCOMPARE(weft.value(u"qt").toString(), QStringLiteral("Qt ") + QString::fromLatin1(qVersion()));
    QVERIFY(weft.value(u"chromium").toString().startsWith(u"Chromium "));
    QVERIFY(!weft.value(u"system").toString().isEmpty());
    QVERIFY(weft.value(u"backend").toString().contains(u"sandbox", Qt::CaseInsensitive));
    QVERIFY(!copied.contains("access-") && !copied.contains("secret"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diagnostics.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(copied);
    file.close();
    QVERIFY(f.window.openDiagnosticsFile(path));
    auto *viewer = f.window.findChild<ui::DiagnosticsViewer *>();
    QVERIFY(viewer && viewer->isVisible());
    QCOMPARE(viewer->details()->fieldText(QStringLiteral("item_id")), record.itemId);
    QCOMPARE(viewer->details()->fieldText(QStringLiteral("error_code")),
             QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QVERIFY(viewer->origin().contains(QString::fromLatin1(qVersion())));
    for (QLineEdit *field : viewer->details()->findChildren<QLineEdit *>())
        QVERIFY(field->isReadOnly());
    viewer->close();
}

void TestUserFace::diagnosticsThatAreNotWeftsAreRefused()
{
    ui::DiagnosticsViewer viewer;
    QString error;
    QVERIFY(!viewer.load("not json at all", &error));
    QVERIFY2(error.contains(u"not diagnostics from Weft"), qPrintable(error));
    QVERIFY(!viewer.load("[1, 2, 3]", &error));
    QVERIFY(error.contains(u"no JSON object"));
    QVERIFY(!viewer.load(R"({"item_id": "x"})", &error));
    QVERIFY2(error.contains(u"environment"), qPrintable(error));
    QVERIFY(!viewer.load(QByteArray(ui::DiagnosticsViewer::kMaxBytes + 1, ' '), &error));
    QVERIFY(error.contains(u"larger"));

    // From the window: a damaged file is refused with what is wrong, and nothing opens.
    MainWindowFixture f(false);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"item_id": "item-1", "environment": )");
    file.close();
    QString said;
    QTimer::singleShot(0, &f.window, [&said] {
        if (QMessageBox *box = test::visibleMessageBox()) {
            said = box->text();
            box->close();
        }
    });
    QVERIFY(!f.window.openDiagnosticsFile(path));
    QVERIFY2(said.contains(u"damaged.json was not opened"), qPrintable(said));
    QVERIFY(said.contains(u"not diagnostics from Weft"));
    QVERIFY(!f.window.findChild<ui::DiagnosticsViewer *>());
}

void TestUserFace::fitsSmallAndZoomedScreens()
{
    MainWindowFixture f(false);
    vault::ItemRecord record = withAccounts(test::makeRecord(1, QStringLiteral("embedded")));
    vault::StoredAccount savings = record.accounts.first();
    savings.id = QStringLiteral("acc-2");
    savings.name = QStringLiteral("Plaid Saving");
    savings.mask = QStringLiteral("1111");
    savings.current = 210.0;
    record.accounts.append(savings);
    f.store.resetItems({record, test::makeRecord(2, QStringLiteral("embedded"))});
    f.manager.start(test::embeddedSettings());
    QTRY_VERIFY(f.manager.session() != nullptr);
    f.window.setSupportView(false);
    // 1366×768 at 100 %, and 1920×1080 at 200 % (960×540 in the window's own pixels), each
    // less a taskbar.
    const QSize minimum = f.window.minimumSizeHint();
    qInfo() << "smallest window:" << minimum << "default:" << f.window.defaultSize();
    QVERIFY2(minimum.width() <= 1366 && minimum.height() <= 768 - 48,
             qPrintable(QStringLiteral("%1×%2").arg(minimum.width()).arg(minimum.height())));
    QVERIFY2(minimum.width() <= 960 && minimum.height() <= 540 - 48,
             qPrintable(QStringLiteral("%1×%2").arg(minimum.width()).arg(minimum.height())));
    QVERIFY(f.window.defaultSize().width() <= 1366 && f.window.defaultSize().height() <= 768 - 48);

    // At the default size, the list shows the accounts with their balances, unscrolled.
    f.window.resize(f.window.defaultSize());
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    QTableView *table = f.window.itemsPanel()->tableView();
    QTRY_VERIFY(table->isVisible());
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
    const int accountsColumn = items::ItemsModel::Accounts;
    QCOMPARE(table->horizontalHeader()->visualIndex(accountsColumn), 1); // beside the bank
    const QString accounts = table->model()->index(0, accountsColumn).data().toString();
    QVERIFY(accounts.contains(u"Plaid Saving"));
    const int needed = table->fontMetrics().horizontalAdvance(accounts);
    QVERIFY2(table->columnWidth(accountsColumn) >= needed,
             qPrintable(QStringLiteral("%1 px for %2 px of \"%3\"")
                            .arg(table->columnWidth(accountsColumn))
                            .arg(needed)
                            .arg(accounts)));
}

QTEST_MAIN(TestUserFace)
#include "tst_user_face.moc"
