// ItemStore: the non-secret index, written atomically, and never losing a damaged file.
#include "support/UtcDateTime.h"
#include "vault/ItemStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft::vault;

namespace {

ItemRecord record(const QString &id)
{
    ItemRecord r;
    r.itemId = id;
    r.environment = QStringLiteral("embedded");
    r.institutionId = QStringLiteral("ins_109508");
    r.institutionName = QStringLiteral("First Platypus Bank");
    r.createdAt = weft::test::utcDateTime(QDate(2026, 3, 1), QTime(10, 0));
    r.errorCode = QStringLiteral("ITEM_LOGIN_REQUIRED");
    r.errorType = QStringLiteral("ITEM_ERROR");
    r.accounts.append({QStringLiteral("acc"), QStringLiteral("Plaid Checking"), QString(),
                       QStringLiteral("0000"), QStringLiteral("depository"),
                       QStringLiteral("checking"), 100.0, 110.0, std::nullopt,
                       QStringLiteral("USD")});
    r.events.append({weft::test::utcDateTime(QDate(2026, 3, 1), QTime(10, 0, 1)),
                     QStringLiteral("OPEN"), QString(),
                     QJsonObject{{QStringLiteral("link_session_id"), QStringLiteral("s1")}}});
    r.linkSessionId = QStringLiteral("s1");
    r.addRequestId(QStringLiteral("req1"));
    r.tokenSaved = true;
    r.webhook = QStringLiteral("https://hooks.example/weft");
    return r;
}

} // namespace

class TestItemStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void fileIsPrivateAndHasNoSecrets();
    void damagedFileIsKeptAside_data();
    void damagedFileIsKeptAside();
    void changesAreSavedTogether();
    void updateChangesInPlace();
    void unwritableFolderIsReported();
    void requestIdsAreBounded();
};

void TestItemStore::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("items.json"));
    {
        ItemStore store(path);
        QVERIFY(store.load().ok);
        store.upsert(record(QStringLiteral("a")));
        store.upsert(record(QStringLiteral("b")));
        QVERIFY(store.flush());
    }
    ItemStore again(path);
    const ItemStore::LoadReport report = again.load();
    QVERIFY(report.ok);
    QCOMPARE(report.count, 2);
    const ItemRecord *b = again.item(QStringLiteral("b"));
    QVERIFY(b);
    QCOMPARE(b->institutionName, QStringLiteral("First Platypus Bank"));
    QCOMPARE(b->status(), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QCOMPARE(b->accounts.first().available, std::optional<double>(100.0));
    QVERIFY(!b->accounts.first().limit);
    QCOMPARE(b->events.first().name, QStringLiteral("OPEN"));
    QCOMPARE(b->requestIds, QStringList{QStringLiteral("req1")});
    QCOMPARE(b->webhook, QStringLiteral("https://hooks.example/weft"));
    QVERIFY(b->tokenSaved);
    QVERIFY(again.remove(QStringLiteral("a")));
    QCOMPARE(again.indexOf(QStringLiteral("b")), 0);
}

void TestItemStore::fileIsPrivateAndHasNoSecrets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("items.json"));
    ItemStore store(path);
    store.upsert(record(QStringLiteral("a")));
    QVERIFY(store.flush());
    const QFile::Permissions permissions = QFile(path).permissions();
    QVERIFY(permissions & QFile::ReadOwner);
    QVERIFY(!(permissions &
              (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("access-"));
    QVERIFY(!text.contains("secret"));
}

void TestItemStore::damagedFileIsKeptAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("garbage") << QByteArray("\x00\x01 not json", 12);
    QTest::newRow("truncated") << QByteArray(
        R"({"format":"weft-items","version":1,"items":[{"item_id":"a")");
    QTest::newRow("other format") << QByteArray(
        R"({"format":"something-else","version":1,"items":[]})");
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"weft-items","version":99,"items":[]})");
    QTest::newRow("entry without id") << QByteArray(
        R"({"format":"weft-items","version":1,"items":[{"environment":"embedded"}]})");
    QTest::newRow("array") << QByteArray("[]");
}

void TestItemStore::damagedFileIsKeptAside()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("items.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    ItemStore store(path);
    const ItemStore::LoadReport report = store.load();
    QVERIFY(!report.ok);
    QVERIFY(report.error.contains(path));
    QVERIFY(!report.backupPath.isEmpty());
    QFile backup(report.backupPath);
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), content); // kept byte for byte
    QCOMPARE(store.items().size(), 0);
    // Working on from an empty list never touches the backup.
    store.upsert(record(QStringLiteral("new")));
    QVERIFY(store.flush());
    QVERIFY(QFile::exists(report.backupPath));
}

void TestItemStore::changesAreSavedTogether()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("items.json"));
    ItemStore store(path);
    for (int i = 0; i < 50; ++i)
        store.upsert(record(QStringLiteral("item-%1").arg(i)));
    QVERIFY(!QFile::exists(path)); // not yet: saved at the next turn of the event loop
    QTRY_VERIFY(QFile::exists(path));
    ItemStore reader(path);
    QCOMPARE(reader.load().count, 50);
}

void TestItemStore::updateChangesInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("items.json"));
    ItemStore store(path);
    store.upsert(record(QStringLiteral("a")));
    store.upsert(record(QStringLiteral("b")));
    QVERIFY(store.flush());
    QVERIFY(!store.hasUnsavedChanges());
    QSignalSpy changed(&store, &ItemStore::itemChanged);
    QVERIFY(store.update(QStringLiteral("b"), [](ItemRecord &r) { r.errorCode.clear(); }));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toInt(), 1);
    QVERIFY(store.item(QStringLiteral("b"))->errorCode.isEmpty());
    QCOMPARE(store.item(QStringLiteral("a"))->errorCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));
    QVERIFY(store.hasUnsavedChanges());
    // No such Item: nothing is called, nothing changes.
    bool called = false;
    QVERIFY(!store.update(QStringLiteral("gone"), [&called](ItemRecord &) { called = true; }));
    QVERIFY(!called);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.items().size(), 2);
    QTRY_VERIFY(!store.hasUnsavedChanges());
    ItemStore reader(path);
    reader.load();
    QVERIFY(reader.item(QStringLiteral("b"))->errorCode.isEmpty());
}

void TestItemStore::unwritableFolderIsReported()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    ItemStore store(dir.filePath(QStringLiteral("not-a-folder/items.json")));
    QSignalSpy failed(&store, &ItemStore::saveFailed);
    store.upsert(record(QStringLiteral("a")));
    QString error;
    QVERIFY(!store.flush(&error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(store.items().size(), 1); // nothing lost in memory
}

void TestItemStore::requestIdsAreBounded()
{
    ItemRecord r = record(QStringLiteral("a"));
    for (int i = 0; i < 30; ++i)
        r.addRequestId(QStringLiteral("r%1").arg(i));
    r.addRequestId(QStringLiteral("r5")); // again: moves to the front
    QCOMPARE(r.requestIds.size(), ItemRecord::kMaxRequestIds);
    QCOMPARE(r.requestIds.first(), QStringLiteral("r5"));
}

QTEST_GUILESS_MAIN(TestItemStore)
#include "tst_itemstore.moc"
