// The Items panel's actions against the embedded sandbox and a fake keychain: diagnostics
// without the token, Retry saving, Remove (asked first; failures in plain words), Refresh all
// with progress, Cancel.
#include "ItemsPanelFixture.h"
#include "items/ItemsModel.h"
#include "ui/ItemDetailsView.h"
#include "ui/ItemsFilterModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QtTest>

using namespace weft;
using items::ItemsModel;
using test::ItemsPanelFixture;
using ui::ItemsPanel;

class TestItemsPanelActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void diagnosticsNeverHoldTheToken();
    void retrySavingSavesTheToken();
    void removeAsksFirst();
    void removeFailureIsReported();
    void refreshAllShowsProgressAndUpdatesItems();
    void cancelStopsTheRefresh();
};

void TestItemsPanelActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestItemsPanelActions::diagnosticsNeverHoldTheToken()
{
    ItemsPanelFixture f;
    QVERIFY(f.plaid.started);
    f.keychain.mode =
        test::FakeSecretStore::Mode::Unavailable; // the token cannot be saved: it stays in memory
    const QString itemId = f.linkRealItem();
    QVERIFY(!itemId.isEmpty());
    QCOMPARE(f.service.tokenState(itemId), items::TokenState::Unsaved);
    QVERIFY(f.panel.selectItem(itemId));
    QVERIFY(f.panel.retrySaveAction()->isEnabled());
    QVERIFY(f.panel.details()->fieldText(QStringLiteral("token")).startsWith(u"Not saved"));
    // "The connection to First Platypus Bank is not saved …": the bank, never an id.
    QVERIFY(f.panel.message().contains(u"First Platypus Bank"));
    QVERIFY(!f.panel.message().contains(itemId));

    QApplication::clipboard()->clear();
    f.panel.copyDiagnosticsAction()->trigger();
    const QString copied = QApplication::clipboard()->text();
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(copied.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.value(QLatin1StringView("item_id")).toString(), itemId);
    QVERIFY(copied.contains(itemId));
    QVERIFY(!copied.contains(u"access-sandbox-"));
    QVERIFY(!f.panel.details()->fieldsAsText().contains(u"access-sandbox-"));
}

void TestItemsPanelActions::retrySavingSavesTheToken()
{
    ItemsPanelFixture f;
    f.keychain.mode = test::FakeSecretStore::Mode::Unavailable;
    const QString itemId = f.linkRealItem();
    QVERIFY(!itemId.isEmpty());
    QVERIFY(f.panel.selectItem(itemId));
    f.keychain.mode = test::FakeSecretStore::Mode::Works;
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    f.panel.retrySaveAction()->trigger();
    QVERIFY(saved.wait(5000));
    QCOMPARE(f.service.tokenState(itemId), items::TokenState::Saved);
    QVERIFY(!f.panel.retrySaveAction()->isEnabled());
    QCOMPARE(f.panel.details()->fieldText(QStringLiteral("token")),
             QStringLiteral("Saved in the keychain"));
    QCOMPARE(f.panel.filterModel()->index(0, ItemsModel::Token).data().toString(),
             QStringLiteral("Saved"));
}

void TestItemsPanelActions::removeAsksFirst()
{
    ItemsPanelFixture f;
    const QString itemId = f.linkRealItem();
    QVERIFY(!itemId.isEmpty());
    QCOMPARE(f.service.tokenState(itemId), items::TokenState::Saved);
    QVERIFY(f.panel.selectItem(itemId));

    QStringList questions;
    bool answer = false;
    f.panel.setConfirmation([&](const QString &, const QString &text) {
        questions.append(text);
        return answer;
    });
    f.panel.removeAction()->trigger();
    QCOMPARE(questions.size(), 1);
    QVERIFY(!questions.at(0).contains(itemId)); // people read it: the bank, not an id
    QVERIFY(questions.at(0).contains(u"First Platypus Bank"));
    QTest::qWait(50);
    QVERIFY(f.store.item(itemId)); // "no" leaves everything as it was

    answer = true;
    QSignalSpy removed(&f.service, &items::ItemService::itemRemoved);
    f.panel.removeAction()->trigger();
    QCOMPARE(questions.size(), 2);
    QVERIFY(removed.wait(5000));
    QVERIFY(!f.store.item(itemId));
    QVERIFY(f.keychain.entries.isEmpty());
    QCOMPARE(f.panel.tableView()->model()->rowCount(), 0);
    QVERIFY(f.panel.message().contains(u"First Platypus Bank was removed"));
    QVERIFY(!f.panel.message().contains(itemId));
}

void TestItemsPanelActions::removeFailureIsReported()
{
    ItemsPanelFixture f;
    const QString itemId = f.linkRealItem();
    QVERIFY(!itemId.isEmpty());
    QVERIFY(f.panel.selectItem(itemId));
    f.panel.setConfirmation([](const QString &, const QString &) { return true; });
    f.keychain.mode = test::FakeSecretStore::Mode::Unavailable; // the token cannot be read
    QSignalSpy failed(&f.service, &items::ItemService::removeFailed);
    f.panel.removeAction()->trigger();
    QVERIFY(failed.wait(5000));
    QVERIFY(f.store.item(itemId));
    QVERIFY(f.panel.message().contains(u"was not removed"));
    QVERIFY(f.panel.message().contains(u"No keychain is available"));
    QVERIFY(f.panel.removeAction()->isEnabled()); // can try again
}

void TestItemsPanelActions::refreshAllShowsProgressAndUpdatesItems()
{
    ItemsPanelFixture f;
    const QString first = f.linkRealItem();
    const QString second = f.linkRealItem(QStringLiteral("ins_109511"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    f.store.upsert(test::makeRecord(9, QStringLiteral("production"))); // not refreshed here
    f.panel.show();
    QSignalSpy progress(&f.refresher, &items::ItemRefresher::progress);
    QSignalSpy finished(&f.refresher, &items::ItemRefresher::finished);
    f.panel.refreshAllAction()->trigger();
    auto *box = f.panel.findChild<QWidget *>(QStringLiteral("progressBox"));
    QVERIFY(box->isVisible());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toInt(), 2); // refreshed
    QCOMPARE(finished.at(0).at(1).toInt(), 0); // failed
    QCOMPARE(progress.last().at(0).toInt(), 2);
    QCOMPARE(progress.last().at(1).toInt(), 2);
    QVERIFY(!box->isVisible());
    QVERIFY(f.store.item(first)->lastRefresh.isValid());
    QVERIFY(!f.store.item(first)->accounts.isEmpty());
    QCOMPARE(f.store.item(second)->institutionName, QStringLiteral("Tartan Bank"));
    QVERIFY(f.store.item(test::makeRecord(9).itemId)->refreshProblem.isEmpty());
    QVERIFY(f.panel.message().contains(u"2 connections refreshed"));
}

void TestItemsPanelActions::cancelStopsTheRefresh()
{
    ItemsPanelFixture f;
    for (int i = 0; i < 3; ++i)
        QVERIFY(!f.linkRealItem().isEmpty());
    QList<vault::ItemRecord> records = f.store.items();
    for (int i = 0; i < 40; ++i)
        records.append(test::makeRecord(i)); // no token: these fail, one by one
    f.store.resetItems(records);
    QSignalSpy finished(&f.refresher, &items::ItemRefresher::finished);
    f.panel.refreshAll();
    QVERIFY(f.refresher.isRunning());
    f.panel.cancelRefresh();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(2).toBool(), true);
    QVERIFY(f.panel.message().startsWith(u"Refresh canceled"));
    QVERIFY(!f.panel.findChild<QWidget *>(QStringLiteral("progressBox"))->isVisible());
}

QTEST_MAIN(TestItemsPanelActions)
#include "tst_itemspanel_actions.moc"
