// ItemRefresher against the sandbox: many Items, a bounded number at a time, with injected
// faults ending in the right per-Item problems and no Item lost; update of status from Plaid.
#include "ItemsFixture.h"
#include "core/Clock.h"
#include "items/ItemRefresher.h"

#include <QSignalSpy>
#include <QtTest>

using namespace weft;

class TestItemRefresher : public QObject
{
    Q_OBJECT

private slots:
    void refreshesStatusAccountsAndLogo();
    void faultsGivePerItemProblems();
    void loginRequiredShowsAsTheItemsStatus();
    void otherEnvironmentIsNotRefreshed();
    void cancelLeavesTheRestAsTheyWere();
    void webhookIsKeptForSupport();

private:
    static QStringList linkMany(test::ItemsFixture &f, int count)
    {
        QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids << f.linkItem(i % 2 ? QStringLiteral("ins_109508") : QStringLiteral("ins_109511"));
        while (saved.size() < count && saved.wait(5000)) {
        }
        return ids;
    }
};

void TestItemRefresher::refreshesStatusAccountsAndLogo()
{
    test::ItemsFixture f;
    const QStringList ids = linkMany(f, 2);
    items::ItemRefresher refresher(&f.service, Clock::system(), 2);
    QSignalSpy finished(&refresher, &items::ItemRefresher::finished);
    refresher.refresh(ids);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toInt(), 2);
    QCOMPARE(finished.first().at(1).toInt(), 0);
    const vault::ItemRecord *r = f.store.item(ids.first());
    QVERIFY(r->lastRefresh.isValid());
    QVERIFY(r->isHealthy());
    QVERIFY(r->refreshProblem.isEmpty());
    QVERIFY(r->accounts.size() >= 5);
    QVERIFY(r->accounts.first().current.has_value());
    QVERIFY(!r->institutionLogo.isEmpty());
    QVERIFY(r->institutionColor.startsWith(u'#'));
    QVERIFY(!r->billedProducts.isEmpty());
    QCOMPARE(r->updateType, QStringLiteral("background"));
    QVERIFY(r->requestIds.size() >= 2);
}

void TestItemRefresher::faultsGivePerItemProblems()
{
    test::ItemsFixture f(plaid::RetryPolicy::none()); // each fault hits exactly one Item
    const QStringList ids = linkMany(f, 16);
    sandbox::Fault server;
    server.path = QStringLiteral("/accounts/get");
    server.kind = sandbox::Fault::Kind::ServerError;
    server.count = 3;
    sandbox::Fault limit;
    limit.path = QStringLiteral("/item/get");
    limit.kind = sandbox::Fault::Kind::RateLimit;
    limit.count = 1;
    f.plaid.sandbox.server().faults().add(server);
    f.plaid.sandbox.server().faults().add(limit);
    items::ItemRefresher refresher(&f.service, Clock::system(), 4);
    QSignalSpy progress(&refresher, &items::ItemRefresher::progress);
    QSignalSpy finished(&refresher, &items::ItemRefresher::finished);
    refresher.refresh(ids);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toInt(), 12);
    QCOMPARE(finished.first().at(1).toInt(), 4);
    QCOMPARE(progress.last().at(0).toInt(), 16);
    QCOMPARE(f.store.items().size(), 16); // no Item lost
    int serverErrors = 0;
    int rateLimited = 0;
    int healthy = 0;
    for (const vault::ItemRecord &r : f.store.items()) {
        if (r.refreshProblem.contains(u"INTERNAL_SERVER_ERROR"))
            ++serverErrors;
        else if (r.refreshProblem.contains(u"RATE_LIMIT"))
            ++rateLimited;
        else if (r.refreshProblem.isEmpty() && r.lastRefresh.isValid())
            ++healthy;
        QVERIFY(r.isHealthy()); // a failed refresh is not the Item's error
    }
    QCOMPARE(serverErrors, 3);
    QCOMPARE(rateLimited, 1);
    QCOMPARE(healthy, 12);
    // The next refresh clears the problems.
    QSignalSpy again(&refresher, &items::ItemRefresher::finished);
    refresher.refresh(ids);
    QVERIFY(again.wait(30000));
    QCOMPARE(again.first().at(1).toInt(), 0);
    for (const vault::ItemRecord &r : f.store.items())
        QVERIFY2(r.refreshProblem.isEmpty(), qPrintable(r.refreshProblem));
}

void TestItemRefresher::loginRequiredShowsAsTheItemsStatus()
{
    test::ItemsFixture f;
    const QStringList ids = linkMany(f, 1);
    const auto reset = f.plaid.run<plaid::Done>([&](auto done) {
        f.plaid.client->resetSandboxLogin(f.tokens.value(ids.first()), &f.plaid.context, done);
    });
    QVERIFY(reset.ok());
    items::ItemRefresher refresher(&f.service, Clock::system());
    QSignalSpy finished(&refresher, &items::ItemRefresher::finished);
    refresher.refresh(ids);
    QVERIFY(finished.wait(20000));
    const vault::ItemRecord *r = f.store.item(ids.first());
    QCOMPARE(r->status(), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(r->errorType, QStringLiteral("ITEM_ERROR"));
    QVERIFY(r->refreshProblem.isEmpty());
}

void TestItemRefresher::otherEnvironmentIsNotRefreshed()
{
    test::ItemsFixture f;
    vault::ItemRecord production;
    production.itemId = QStringLiteral("prod-item");
    production.environment = QStringLiteral("production");
    f.store.upsert(production);
    items::ItemRefresher refresher(&f.service, Clock::system());
    QSignalSpy finished(&refresher, &items::ItemRefresher::finished);
    refresher.refresh({QStringLiteral("prod-item")});
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toInt(), 1);
    QVERIFY(f.store.item(QStringLiteral("prod-item"))->refreshProblem.contains(u"production"));
    QCOMPARE(f.keychain.reads, 0); // its token was never read
}

void TestItemRefresher::cancelLeavesTheRestAsTheyWere()
{
    test::ItemsFixture f;
    const QStringList ids = linkMany(f, 8);
    sandbox::Fault slow;
    slow.path = QStringLiteral("/item/get");
    slow.kind = sandbox::Fault::Kind::Delay;
    slow.delayMs = 300;
    slow.count = 8;
    f.plaid.sandbox.server().faults().add(slow);
    items::ItemRefresher refresher(&f.service, Clock::system(), 2);
    QSignalSpy finished(&refresher, &items::ItemRefresher::finished);
    refresher.refresh(ids);
    QTest::qWait(100);
    refresher.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(2).toBool(), true);
    QVERIFY(!refresher.isRunning());
    QTest::qWait(800); // answers still on their way change nothing
    int refreshed = 0;
    for (const vault::ItemRecord &r : f.store.items())
        refreshed += r.lastRefresh.isValid() ? 1 : 0;
    QCOMPARE(refreshed, 0);
    QCOMPARE(f.store.items().size(), 8);
}

void TestItemRefresher::webhookIsKeptForSupport()
{
    // The Item's webhook, as /item/get reports it, is in the record (support view, diagnostics).
    test::ItemsFixture f;
    const QString id =
        f.linkItem(QStringLiteral("ins_109508"), QStringLiteral("https://hooks.example/weft"));
    items::ItemRefresher refresher(&f.service, Clock::system());
    QSignalSpy finished(&refresher, &items::ItemRefresher::finished);
    refresher.refresh({id});
    QVERIFY(finished.wait(20000));
    QCOMPARE(f.store.item(id)->webhook, QStringLiteral("https://hooks.example/weft"));
    QCOMPARE(f.service.diagnostics(id).value(u"webhook").toString(),
             QStringLiteral("https://hooks.example/weft"));
}

QTEST_GUILESS_MAIN(TestItemRefresher)
#include "tst_itemrefresher.moc"
