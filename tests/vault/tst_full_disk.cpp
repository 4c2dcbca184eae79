// A full disk (a small tmpfs made for this test by with-small-tmpfs.sh): the Items index and
// the sandbox's state file keep their last good content, the failure is reported, nothing is
// issued that a restart would forget, no temporary file is left behind, and all is saved once
// there is room again.
#include "../sandbox/SandboxApiTestKit.h"
#include "../sandbox/SandboxHttpTestKit.h"
#include "core/AtomicFile.h"
#include "vault/ItemStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace weft;
using namespace weft::sandbox::testkit;
using weft::sandbox::SandboxResponse;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

vault::ItemRecord bigRecord(int n)
{
    vault::ItemRecord r;
    r.itemId = QStringLiteral("item_%1_%2").arg(n).arg(QString(40, u'x'));
    r.environment = QStringLiteral("embedded");
    r.institutionId = QStringLiteral("ins_109508");
    r.institutionName = QStringLiteral("First Platypus Bank");
    r.institutionLogo = QString(2000, u'L');
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.tokenSaved = true;
    return r;
}

// Fills the file system at folder: the file that holds the space (remove it to free it).
QString fillUp(const QString &folder)
{
    const QString path = folder + QStringLiteral("/filler");
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return {};
    const QByteArray chunk(4096, 'f');
    while (filler.write(chunk) == chunk.size()) {
    }
    return path;
}

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void indexKeepsItsLastGoodContent();
    void atomicWriteLeavesNothingBehind();
    void sandboxIssuesNothingItCannotSave();
    void keptAsideNamesNeverCollide();
    void weftSandboxOnAFullDisk();

private:
    QString m_fs;
};

void TestFullDisk::initTestCase()
{
    quietSandboxLog();
    m_fs = qEnvironmentVariable("WEFT_SMALL_FS");
    if (m_fs.isEmpty())
        QSKIP("no small file system to fill (see tests/support/with-small-tmpfs.sh)");
}

void TestFullDisk::init()
{
    QDir dir(m_fs);
    for (const QString &name :
         dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        QFileInfo(dir.filePath(name)).isDir() ? QDir(dir.filePath(name)).removeRecursively()
                                              : QFile::remove(dir.filePath(name));
}

void TestFullDisk::indexKeepsItsLastGoodContent()
{
    const QString path = m_fs + QStringLiteral("/data/items.json");
    vault::ItemStore store(path);
    QVERIFY(store.load().ok);
    for (int i = 0; i < 10; ++i)
        store.upsert(bigRecord(i));
    QVERIFY(store.flush());
    const QByteArray good = contentOf(path);
    QVERIFY(!good.isEmpty());

    const QString filler = fillUp(m_fs);
    QVERIFY(!filler.isEmpty());
    QSignalSpy failed(&store, &vault::ItemStore::saveFailed);
    QSignalSpy recovered(&store, &vault::ItemStore::saveRecovered);
    for (int i = 10; i < 60; ++i)
        store.upsert(bigRecord(i));
    QString error;
    QVERIFY(!store.flush(&error));
    QVERIFY2(error.contains(u"space", Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(!failed.isEmpty());
    QCOMPARE(store.items().size(), 60); // nothing lost in memory
    // The file is what it was, whole: a restart reads the last good list.
    QCOMPARE(contentOf(path), good);
    vault::ItemStore reread(path);
    const vault::ItemStore::LoadReport report = reread.load();
    QVERIFY(report.ok);
    QCOMPARE(report.count, 10);
    QCOMPARE(QDir(m_fs + QStringLiteral("/data")).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("items.json")});

    // Room again: saved, and said so.
    QVERIFY(QFile::remove(filler));
    QVERIFY(store.flush());
    QCOMPARE(recovered.size(), 1);
    vault::ItemStore after(path);
    QCOMPARE(after.load().count, 60);
}

void TestFullDisk::atomicWriteLeavesNothingBehind()
{
    const QString path = m_fs + QStringLiteral("/state/file.json");
    QString error;
    QVERIFY(writeFileAtomically(path, QByteArray(1000, 'a'), &error));
    QVERIFY(!(QFile(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    const QString filler = fillUp(m_fs);
    for (const qsizetype size : {qsizetype(10), qsizetype(5000), qsizetype(300 * 1024)}) {
        const bool written = writeFileAtomically(path, QByteArray(size, 'b'), &error);
        if (written) // a tiny write may still fit in the last free block
            QVERIFY(size <= 4096);
        else
            QCOMPARE(contentOf(path), QByteArray(1000, 'a'));
        QCOMPARE(QDir(m_fs + QStringLiteral("/state")).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("file.json")});
        if (written)
            QVERIFY(writeFileAtomically(path, QByteArray(1000, 'a'), &error));
    }
    QFile::remove(filler);
}

void TestFullDisk::sandboxIssuesNothingItCannotSave()
{
    const QString path = m_fs + QStringLiteral("/sandbox/state.json");
    ApiKit kit;
    kit.reset();
    QString error;
    QVERIFY2(kit.api->attachStateFile(path, &error), qPrintable(error));
    const QString access = kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QString link = kit.linkToken();
    QVERIFY(!link.isEmpty());
    const QByteArray good = contentOf(path);
    QVERIFY(!good.isEmpty());
    const auto itemsBefore = kit.api->store().items.size();
    const auto linksBefore = kit.api->store().linkTokens.size();

    const QString filler = fillUp(m_fs);
    // Every call that would change the state fails, and changes nothing.
    for (int i = 0; i < 5; ++i) {
        const SandboxResponse created =
            kit.post(QStringLiteral("/link/token/create"), linkTokenBody());
        QCOMPARE(created.status, 500);
        QCOMPARE(created.body.value(u"error_code").toString(),
                 QStringLiteral("INTERNAL_SERVER_ERROR"));
        QVERIFY(!created.body.contains(u"link_token"));
        const SandboxResponse item = kit.post(
            QStringLiteral("/sandbox/public_token/create"),
            {{QStringLiteral("institution_id"), kBank},
             {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}}});
        QCOMPARE(item.status, 500);
        QVERIFY(!item.body.contains(u"public_token"));
    }
    // A Link session cannot complete either: no public token from a state that is not saved.
    const SandboxResponse completed =
        kit.complete(link, QStringLiteral("user_good"), QStringLiteral("pass_good"));
    QCOMPARE(completed.status, 500);
    QVERIFY(!completed.body.contains(u"public_token"));
    QCOMPARE(kit.api->store().items.size(), itemsBefore);
    QCOMPARE(kit.api->store().linkTokens.size(), linksBefore);
    // Reads still work.
    QCOMPARE(
        kit.post(QStringLiteral("/item/get"), {{QStringLiteral("access_token"), access}}).status,
        200);
    QCOMPARE(contentOf(path), good);
    QStringList files =
        QDir(m_fs + QStringLiteral("/sandbox")).entryList(QDir::Files | QDir::Hidden);
    files.removeAll(QStringLiteral("state.json.lock"));
    QCOMPARE(files, QStringList{QStringLiteral("state.json")});

    // A restart keeps the last good state: the access token issued before still works.
    kit.api.reset();
    kit.api = std::make_unique<sandbox::SandboxApi>(kit.clock.get(), sandbox::SandboxCredentials{});
    QVERIFY2(kit.api->attachStateFile(path, &error), qPrintable(error));
    QCOMPARE(
        kit.post(QStringLiteral("/item/get"), {{QStringLiteral("access_token"), access}}).status,
        200);
    // Room again: the same session completes.
    QVERIFY(QFile::remove(filler));
    QCOMPARE(kit.complete(link, QStringLiteral("user_good"), QStringLiteral("pass_good")).status,
             200);
}

void TestFullDisk::keptAsideNamesNeverCollide()
{
    // Two damaged index files in the same instant: each is kept, under its own name.
    const QString path = m_fs + QStringLiteral("/aside/items.json");
    QDir().mkpath(m_fs + QStringLiteral("/aside"));
    QStringList kept;
    for (int i = 0; i < 3; ++i) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json " + QByteArray::number(i));
        file.close();
        vault::ItemStore store(path);
        const vault::ItemStore::LoadReport report = store.load();
        QVERIFY(!report.ok);
        QVERIFY2(!report.backupPath.isEmpty(), qPrintable(report.error));
        kept << report.backupPath;
    }
    QCOMPARE(QSet<QString>(kept.begin(), kept.end()).size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(contentOf(kept.at(i)), "{ not json " + QByteArray::number(i));
}

void TestFullDisk::weftSandboxOnAFullDisk()
{
    // The standalone server with --state: once kept issuing tokens while every save failed,
    // left state.json empty, then refused to start.
    const QString binary = qEnvironmentVariable("WEFT_SANDBOX_BINARY");
    QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary));
    const QString state = m_fs + QStringLiteral("/cli/state.json");
    QNetworkAccessManager nam;
    auto start = [&](QProcess &process, QUrl *base) {
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(binary,
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--client-id"),
                       QString::fromLatin1(kHttpClientId), QStringLiteral("--secret"),
                       QString::fromLatin1(kHttpSecret), QStringLiteral("--state"), state});
        if (!process.waitForStarted(5000) ||
            !QTest::qWaitFor([&] { return process.canReadLine(); }, 10000))
            return false;
        *base = QUrl(QString::fromUtf8(process.readLine().trimmed()));
        return base->isValid();
    };
    auto newItem = [&](const QUrl &base) {
        const HttpResult created = postApi(
            nam, base, QStringLiteral("/sandbox/public_token/create"),
            {{QStringLiteral("institution_id"), kBank},
             {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}}});
        if (created.status != 200)
            return created;
        return postApi(nam, base, QStringLiteral("/item/public_token/exchange"),
                       {{QStringLiteral("public_token"), created.field(u"public_token")}});
    };
    QProcess first;
    QUrl base;
    QVERIFY(start(first, &base));
    const HttpResult item = newItem(base);
    QCOMPARE(item.status, 200);
    const QString access = item.field(u"access_token");
    const QByteArray good = contentOf(state);
    QVERIFY(QJsonDocument::fromJson(good).isObject());

    const QString filler = fillUp(m_fs);
    for (int i = 0; i < 3; ++i) {
        const HttpResult refused = newItem(base);
        QCOMPARE(refused.status, 500);
        QCOMPARE(refused.field(u"error_code"), QStringLiteral("INTERNAL_SERVER_ERROR"));
        QVERIFY(refused.field(u"public_token").isEmpty());
        QCOMPARE(postApi(nam, base, QStringLiteral("/link/token/create"), linkTokenBody()).status,
                 500);
    }
    QCOMPARE(contentOf(state), good);
    first.terminate();
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(contentOf(state), good);

    // It starts again, with the last good state: the access token it issued still works.
    QProcess second;
    QVERIFY(start(second, &base));
    QCOMPARE(
        postApi(nam, base, QStringLiteral("/item/get"), {{QStringLiteral("access_token"), access}})
            .status,
        200);
    QVERIFY(QFile::remove(filler));
    QCOMPARE(newItem(base).status, 200);
    second.terminate();
    second.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_full_disk.moc"
