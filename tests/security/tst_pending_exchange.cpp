// Killed between the exchange and the index write: the pending exchange is on disk before
// /item/public_token/exchange is called (never the public token), gone once the Item is
// recorded, and a start that finds one says that a connection may exist at Plaid and offers to
// link again.
#include "GuestFixture.h"
#include "ui/PendingExchangeBanner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

using namespace weft;

namespace {

QJsonObject fileOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

} // namespace

class TestPendingExchange : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recordedBeforeTheExchange();
    void foundAtTheNextStart();
};

void TestPendingExchange::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPendingExchange::recordedBeforeTheExchange()
{
    test::GuestFixture f;
    QVERIFY(f.ready());
    // What is on disk at the moment the exchange is about to go out: all a SIGKILL right
    // then would leave.
    QJsonObject atExchange;
    QString publicToken;
    connect(f.controller(), &link::LinkController::exchangeStarting, this,
            [&](const link::LinkSuccess &success) {
                atExchange = fileOf(f.store.path());
                publicToken = success.publicToken;
            });
    QSignalSpy linked(f.controller(), &link::LinkController::itemLinked);
    QVERIFY(f.openLink());
    QWebEnginePage *page = f.page();
    QVERIFY(test::linkUserGoodToConnected(page));
    QVERIFY(test::waitFrameJs(page, test::clickTestId(QStringLiteral("connected-continue"))));
    QVERIFY(QTest::qWaitFor([&] { return linked.size() == 1; }, 30000));

    const QJsonArray pending = atExchange.value(u"pending_exchanges").toArray();
    QCOMPARE(pending.size(), 1);
    const QJsonObject entry = pending.first().toObject();
    const auto success = linked.first().first().value<link::LinkedItem>().success;
    QCOMPARE(entry.value(u"link_session_id").toString(), success.linkSessionId);
    QCOMPARE(entry.value(u"institution_name").toString(), QStringLiteral("First Platypus Bank"));
    QCOMPARE(entry.value(u"environment").toString(), QStringLiteral("embedded"));
    QVERIFY(!publicToken.isEmpty());
    QVERIFY(!QJsonDocument(atExchange).toJson().contains(publicToken.toUtf8()));
    QVERIFY(atExchange.value(u"items").toArray().isEmpty()); // the Item came after

    // Once the Item is recorded, the pending exchange is gone from the file.
    QTRY_VERIFY(!fileOf(f.store.path()).contains(u"pending_exchanges"));
    QCOMPARE(fileOf(f.store.path()).value(u"items").toArray().size(), 1);
}

void TestPendingExchange::foundAtTheNextStart()
{
    // The file a run killed after its exchange left behind.
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("items.json"));
    {
        vault::ItemStore store(path);
        QVERIFY(store.load().ok);
        vault::PendingExchange pending;
        pending.linkSessionId = QStringLiteral("lost-session");
        pending.environment = QStringLiteral("embedded");
        pending.institutionId = QStringLiteral("ins_109511");
        pending.institutionName = QStringLiteral("Tartan Bank");
        pending.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        store.addPendingExchange(pending);
        QVERIFY(store.flush());
    }
    for (const char *choice : {"dismissPendingButton", "linkAgainButton"}) {
        test::FakeSecretStore keychain;
        vault::ItemStore store(path);
        QVERIFY(store.load().ok);
        QCOMPARE(store.pendingExchanges().size(), 1);
        session::SessionManager manager(&keychain, &store,
                                        test::GuestFixture::options(directory.path()));
        ui::MainWindow window(&manager, &store);
        window.show();
        ui::PendingExchangeBanner *banner = window.pendingExchangeBanner();
        QVERIFY(banner->isVisible());
        const QString text = banner->findChild<QLabel *>()->text();
        QVERIFY2(text.contains(u"Tartan Bank") && text.contains(u"Plaid"), qPrintable(text));
        QVERIFY(!text.contains(u"lost-session")); // no ids in the window's words
        auto *button = banner->findChild<QPushButton *>(QString::fromLatin1(choice));
        QVERIFY(button);
        QVERIFY(!button->text().isEmpty());
        if (qstrcmp(choice, "linkAgainButton") == 0) {
            AppSettings settings;
            settings.fillDefaults();
            manager.start(settings);
            button->click();
            QTRY_VERIFY_WITH_TIMEOUT(window.isLinkShown(), 30000); // Link opens when ready
        } else {
            button->click();
        }
        QVERIFY(!banner->isVisible());
        QVERIFY(store.pendingExchanges().isEmpty());
        vault::ItemStore reread(path);
        QVERIFY(reread.load().ok);
        QVERIFY(reread.pendingExchanges().isEmpty());
        if (qstrcmp(choice, "dismissPendingButton") == 0) { // put it back for the next choice
            vault::PendingExchange pending;
            pending.linkSessionId = QStringLiteral("lost-session");
            pending.institutionName = QStringLiteral("Tartan Bank");
            pending.startedAt = QDateTime::currentDateTimeUtc();
            store.addPendingExchange(pending);
            QVERIFY(store.flush());
        }
    }
}

WEFT_GUEST_TEST_MAIN(TestPendingExchange)
#include "tst_pending_exchange.moc"
