// The Items panel as support staff see it: rows and statuses, the other environment, the
// filter, the details of the selected Item; painting never touches the keychain.
#include "ItemsPanelFixture.h"
#include "items/ItemService.h"
#include "items/ItemsModel.h"
#include "ui/CopyableTable.h"
#include "ui/ItemDetailsView.h"
#include "ui/ItemsFilterModel.h"
#include "ui/StatusBadgeDelegate.h"
#include "ui/Tones.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace weft;
using items::ItemsModel;
using test::ItemsPanelFixture;
using ui::ItemsPanel;

namespace {

QString statusText(const ItemsPanel &panel, int row)
{
    return panel.filterModel()->index(row, ItemsModel::Status).data().toString();
}

} // namespace

class TestItemsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsEveryItemWithItsStatus();
    void badgeColours_data();
    void badgeColours();
    void otherEnvironmentIsGreyedAndInert();
    void filter_data();
    void filter();
    void filterBoxFilters();
    void detailsFollowSelection();
    void paintingNeverReadsTheKeychain();
    void fixConnectionOnlyForBrokenItemsHere();
    void chooseAccountsForItemsHere();
};

void TestItemsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestItemsPanel::showsEveryItemWithItsStatus()
{
    ItemsPanelFixture f;
    QList<vault::ItemRecord> records;
    for (int i = 0; i < 30; ++i) {
        const QString code = i % 3 == 1   ? QStringLiteral("ITEM_LOGIN_REQUIRED")
                             : i % 3 == 2 ? QStringLiteral("INSTITUTION_DOWN")
                                          : QString();
        records.append(test::makeRecord(i, QStringLiteral("sandbox"), code));
    }
    f.store.resetItems(records);
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    QCOMPARE(f.panel.tableView()->model()->rowCount(), 30);
    for (int row = 0; row < 30; ++row) {
        const QString id =
            f.panel.filterModel()->index(row, 0).data(ItemsModel::ItemIdRole).toString();
        const vault::ItemRecord *record = f.store.item(id);
        QVERIFY(record);
        QCOMPARE(statusText(f.panel, row), items::ItemService::statusText(*record));
        QVERIFY(!statusText(f.panel, row).contains(u'_')); // words, not Plaid's codes
    }
    // Rows follow the index as it changes.
    f.store.upsert(test::makeRecord(100));
    QCOMPARE(f.panel.tableView()->model()->rowCount(), 31);
    f.store.remove(test::makeRecord(0).itemId);
    QCOMPARE(f.panel.tableView()->model()->rowCount(), 30);
}

void TestItemsPanel::badgeColours_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("foreign");
    QTest::addColumn<int>("tone");
    QTest::newRow("healthy") << "healthy" << false << int(ui::Tone::Good);
    QTest::newRow("login required") << "ITEM_LOGIN_REQUIRED" << false << int(ui::Tone::Attention);
    QTest::newRow("pending expiration")
        << "PENDING_EXPIRATION" << false << int(ui::Tone::Attention);
    QTest::newRow("institution down") << "INSTITUTION_DOWN" << false << int(ui::Tone::Problem);
    QTest::newRow("item locked") << "ITEM_LOCKED" << false << int(ui::Tone::Problem);
    QTest::newRow("other environment") << "healthy" << true << int(ui::Tone::Neutral);
}

void TestItemsPanel::badgeColours()
{
    QFETCH(QString, status);
    QFETCH(bool, foreign);
    QFETCH(int, tone);
    QCOMPARE(int(ui::tones::forStatus(status, foreign)), tone);
}

void TestItemsPanel::otherEnvironmentIsGreyedAndInert()
{
    ItemsPanelFixture f;
    f.store.resetItems(
        {test::makeRecord(1, QStringLiteral("production"), QStringLiteral("ITEM_LOGIN_REQUIRED")),
         test::makeRecord(2)});
    f.panel.setFixConnectionAvailable(true);
    QVERIFY(f.panel.selectItem(test::makeRecord(1).itemId));
    const QModelIndex foreign = f.panel.tableView()->currentIndex();
    QVERIFY(foreign.data(ItemsModel::ForeignRole).toBool());
    QVERIFY(foreign.data(Qt::ForegroundRole).isValid());
    QVERIFY(foreign.data(Qt::ToolTipRole).toString().contains(u"production"));
    QVERIFY(!f.panel.fixAction()->isEnabled());
    QVERIFY(!f.panel.removeAction()->isEnabled());
    QVERIFY(!f.panel.refreshAction()->isEnabled());
    QVERIFY(f.panel.copyDiagnosticsAction()->isEnabled());
    QVERIFY(f.panel.details()->fieldText(QStringLiteral("token")).contains(u"production"));

    QVERIFY(f.panel.selectItem(test::makeRecord(2).itemId));
    QVERIFY(!f.panel.tableView()->currentIndex().data(Qt::ForegroundRole).isValid());
    QVERIFY(f.panel.removeAction()->isEnabled());
    QVERIFY(f.panel.refreshAction()->isEnabled());
}

void TestItemsPanel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    // 12 Items: institutions cycle Platypus, Tartan, Houndstooth; every 4th has an error.
    QTest::newRow("everything") << "" << 12;
    QTest::newRow("institution name") << "tartan" << 4;
    QTest::newRow("institution id") << "ins_109512" << 4;
    QTest::newRow("item_id") << "item_0007" << 1;
    QTest::newRow("status code") << "login_required" << 3;
    QTest::newRow("healthy") << "healthy" << 9;
    QTest::newRow("nothing") << "no such bank" << 0;
}

void TestItemsPanel::filter()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    ItemsPanelFixture f;
    QList<vault::ItemRecord> records;
    for (int i = 0; i < 12; ++i)
        records.append(
            test::makeRecord(i, QStringLiteral("sandbox"),
                             i % 4 == 0 ? QStringLiteral("ITEM_LOGIN_REQUIRED") : QString()));
    f.store.resetItems(records);
    f.panel.setFilterText(text);
    QCOMPARE(f.panel.tableView()->model()->rowCount(), rows);
}

void TestItemsPanel::filterBoxFilters()
{
    ItemsPanelFixture f;
    f.store.resetItems({test::makeRecord(0), test::makeRecord(1), test::makeRecord(2)});
    f.panel.show();
    auto *box = f.panel.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QVERIFY(box);
    QTest::keyClicks(box, QStringLiteral("Houndstooth"));
    QCOMPARE(f.panel.tableView()->model()->rowCount(), 1);
    QCOMPARE(f.panel.filterModel()->filterText(), QStringLiteral("Houndstooth"));
    box->clear();
    QCOMPARE(f.panel.tableView()->model()->rowCount(), 3);
}

void TestItemsPanel::detailsFollowSelection()
{
    ItemsPanelFixture f;
    f.store.resetItems(
        {test::makeRecord(0),
         test::makeRecord(1, QStringLiteral("sandbox"), QStringLiteral("ITEM_LOGIN_REQUIRED"))});
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    QCOMPARE(f.panel.details()->itemId(), QString());

    // A click on the second row.
    QTableView *table = f.panel.tableView();
    const QRect rect = table->visualRect(table->model()->index(1, ItemsModel::Environment));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    const vault::ItemRecord r =
        test::makeRecord(1, QStringLiteral("sandbox"), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    ui::ItemDetailsView *d = f.panel.details();
    QCOMPARE(d->itemId(), r.itemId);
    QCOMPARE(d->fieldText(QStringLiteral("item_id")), r.itemId);
    QCOMPARE(d->fieldText(QStringLiteral("link_session_id")), QStringLiteral("lsid-1"));
    QCOMPARE(d->fieldText(QStringLiteral("request_ids")), QStringLiteral("req-new-1\nreq-old-1"));
    QCOMPARE(d->fieldText(QStringLiteral("status")), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(d->fieldText(QStringLiteral("error_code")), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(d->fieldText(QStringLiteral("display_message")),
             QStringLiteral("Please sign in again"));
    QCOMPARE(d->fieldText(QStringLiteral("institution_id")), QStringLiteral("ins_109511"));
    QCOMPARE(d->fieldText(QStringLiteral("update_type")), QStringLiteral("background"));
    QCOMPARE(d->fieldText(QStringLiteral("created_at")),
             QStringLiteral("2026-03-01T10:01:00.000Z"));
    // Every field of the record has a value here (refresh_problem is left empty, and owner is
    // a support account's view of another user's Item only).
    for (const QString &key : d->fieldKeys()) {
        if (key != u"refresh_problem" && key != u"owner")
            QVERIFY2(!d->fieldText(key).isEmpty(), qPrintable(key));
    }
    // Accounts and events.
    QCOMPARE(d->accountsTable()->rowCount(), 2);
    QCOMPARE(d->accountsTable()->item(0, 2)->text(), QStringLiteral("0000"));
    QCOMPARE(d->accountsTable()->item(1, 3)->text(), QStringLiteral("credit / credit card"));
    QVERIFY(d->accountsTable()->item(1, 6)->text().endsWith(u"USD"));
    QCOMPARE(d->eventsTable()->rowCount(), 3);
    QCOMPARE(d->eventsTable()->item(1, 1)->text(), QStringLiteral("TRANSITION_VIEW"));
    QCOMPARE(d->eventsTable()->item(1, 2)->text(), QStringLiteral("CONSENT"));
    QVERIFY(d->eventsTable()->item(2, 3)->text().contains(u"request_id=req-new-1"));
    // Copyable: every value is a read-only line edit, and tables copy as text.
    auto *itemId = d->findChild<QLineEdit *>(QStringLiteral("item_id"));
    QVERIFY(itemId && itemId->isReadOnly());
    d->eventsTable()->selectRow(0);
    d->eventsTable()->copySelection();
    QVERIFY(QApplication::clipboard()->text().contains(u"OPEN"));

    // The details follow the index: a refresh changing the selected Item shows at once.
    vault::ItemRecord repaired = r;
    repaired.errorCode.clear();
    repaired.errorType.clear();
    f.store.upsert(repaired);
    QCOMPARE(d->fieldText(QStringLiteral("status")), QStringLiteral("healthy"));
    // When it goes, the details move on to the Item that takes its place.
    f.store.remove(r.itemId);
    QVERIFY(d->itemId() != r.itemId);
    QCOMPARE(d->itemId(), f.panel.currentItemId());
}

void TestItemsPanel::paintingNeverReadsTheKeychain()
{
    ItemsPanelFixture f;
    QList<vault::ItemRecord> records;
    for (int i = 0; i < 2000; ++i)
        records.append(
            test::makeRecord(i, i % 7 ? QStringLiteral("sandbox") : QStringLiteral("production"),
                             i % 5 ? QString() : QStringLiteral("ITEM_LOGIN_REQUIRED")));
    f.store.resetItems(records);
    f.panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    f.panel.tableView()->scrollToBottom();
    f.panel.tableView()->sortByColumn(ItemsModel::Status, Qt::DescendingOrder);
    f.panel.setFilterText(QStringLiteral("bank"));
    QVERIFY(f.panel.selectItem(records.at(10).itemId));
    f.panel.tableView()->viewport()->repaint();
    QCOMPARE(f.keychain.reads, 0);
    QCOMPARE(f.panel.tableView()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
}

void TestItemsPanel::fixConnectionOnlyForBrokenItemsHere()
{
    ItemsPanelFixture f;
    const vault::ItemRecord broken =
        test::makeRecord(1, QStringLiteral("sandbox"), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    f.store.resetItems({broken, test::makeRecord(2)});
    QSignalSpy requested(&f.panel, &ItemsPanel::fixConnectionRequested);
    QVERIFY(f.panel.selectItem(broken.itemId));
    QVERIFY(!f.panel.fixAction()->isEnabled()); // no Link in this session yet
    f.panel.setFixConnectionAvailable(true);
    QVERIFY(f.panel.fixAction()->isEnabled());
    f.panel.fixAction()->trigger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), broken.itemId);
    QVERIFY(f.panel.selectItem(test::makeRecord(2).itemId));
    QVERIFY(!f.panel.fixAction()->isEnabled()); // healthy
    f.panel.setServices(nullptr, nullptr);      // no session: the list stays, actions go
    QCOMPARE(f.panel.tableView()->model()->rowCount(), 2);
    QVERIFY(f.panel.selectItem(broken.itemId));
    QVERIFY(!f.panel.fixAction()->isEnabled());
    QVERIFY(!f.panel.refreshAllAction()->isEnabled());
    QCOMPARE(f.panel.details()->itemId(), broken.itemId);
}

void TestItemsPanel::chooseAccountsForItemsHere()
{
    ItemsPanelFixture f;
    const vault::ItemRecord healthy = test::makeRecord(2);
    vault::ItemRecord foreign = test::makeRecord(3);
    foreign.environment = QStringLiteral("production");
    f.store.resetItems({healthy, foreign});
    QSignalSpy requested(&f.panel, &ItemsPanel::chooseAccountsRequested);
    QVERIFY(f.panel.selectItem(healthy.itemId));
    QVERIFY(!f.panel.chooseAccountsAction()->isEnabled()); // no Link in this session yet
    f.panel.setFixConnectionAvailable(true);
    QVERIFY(f.panel.chooseAccountsAction()->isEnabled());
    QVERIFY(!f.panel.chooseAccountsAction()->shortcut().isEmpty());
    f.panel.chooseAccountsAction()->trigger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), healthy.itemId);
    QVERIFY(f.panel.message().contains(healthy.institutionName));
    QVERIFY(f.panel.selectItem(foreign.itemId));
    QVERIFY(!f.panel.chooseAccountsAction()->isEnabled()); // another environment's Item
    f.panel.chooseAccounts();                              // a stale shortcut does nothing
    QCOMPARE(requested.size(), 1);
}

QTEST_MAIN(TestItemsPanel)
#include "tst_itemspanel.moc"
