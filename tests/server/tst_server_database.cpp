// ServerDatabase on both databases it supports, for real: SQLite in a scratch file, and a
// PostgreSQL server from Debian's archive that the postgres fixture (postgres-fixture.sh) starts
// on loopback for this run. Migrations make the schema once, run again as no-ops, run from two
// instances at once without a double migration, refuse a newer schema untouched; bad URLs and
// unreachable servers say what is wrong without a password; access tokens are stored sealed.
#include "PostgresTestKit.h"
#include "server/KeyRing.h"
#include "server/ServerDatabase.h"
#include "server/TokenCipher.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QVariant>

#include <thread>

using namespace Qt::StringLiterals;
using weft::server::KeyRing;
using weft::server::ServerDatabase;
using weft::server::TokenCipher;

class TestServerDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void migratesOnce_data() { backends(); }
    void migratesOnce();
    void twoInstancesAtOnce_data() { backends(); }
    void twoInstancesAtOnce();
    void newerSchemaLeftAlone_data() { backends(); }
    void newerSchemaLeftAlone();
    void tokensStoredSealed_data() { backends(); }
    void tokensStoredSealed();
    void tlsOptionsReachLibpq();
    void badUrls_data();
    void badUrls();

private:
    void backends();
    // Drops everything in the PostgreSQL test database (each test starts empty).
    void resetPostgres();

    QTemporaryDir m_dir;
    QString m_postgresUrl;
    int m_sqliteFiles = 0;
};

void TestServerDatabase::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_postgresUrl = weft::server::testkit::postgresUrl();
    QVERIFY2(m_postgresUrl.startsWith(u"postgresql://"_s),
             "no PostgreSQL for the tests: run them with ctest, whose postgres fixture starts one");
}

void TestServerDatabase::init()
{
    resetPostgres();
}

void TestServerDatabase::backends()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("SQLite") << u"sqlite:"_s + m_dir.filePath(u"weft-%1.db"_s.arg(++m_sqliteFiles));
    QTest::newRow("PostgreSQL") << m_postgresUrl;
}

void TestServerDatabase::resetPostgres()
{
    const QString problem = weft::server::testkit::resetPostgres(m_postgresUrl);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestServerDatabase::migratesOnce()
{
    QFETCH(QString, url);
    QString error;
    {
        const auto db = ServerDatabase::open(url, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), ServerDatabase::latestSchemaVersion());
        QCOMPARE(db->isPostgres(), url.startsWith(u"postgresql"_s));
        QSqlQuery query(db->connection());
        for (const QString &table : {u"users"_s, u"items"_s, u"item_events"_s, u"audit_log"_s})
            QVERIFY2(query.exec(u"SELECT COUNT(*) FROM %1"_s.arg(table)),
                     qPrintable(query.lastError().text()));
        // Auto-numbered ids, a unique e-mail, a checked role, a foreign key.
        QVERIFY(query.exec(u"INSERT INTO users (email, role, created_at) VALUES "
                           u"('a@example.com', 'user', 'now')"_s));
        QVERIFY(!query.exec(u"INSERT INTO users (email, role, created_at) VALUES "
                            u"('a@example.com', 'user', 'now')"_s));
        QVERIFY(!query.exec(u"INSERT INTO users (email, role, created_at) VALUES "
                            u"('b@example.com', 'root', 'now')"_s));
        QVERIFY(
            !query.exec(u"INSERT INTO items (item_id, user_id, access_token_sealed, status, "
                        u"created_at, updated_at) VALUES ('i', 999, 'v1.x.y', 'ok', 'n', 'n')"_s));
    }
    // Opening again migrates nothing and keeps the data.
    const auto again = ServerDatabase::open(url, &error);
    QVERIFY2(again, qPrintable(error));
    QSqlQuery query(again->connection());
    QVERIFY(query.exec(u"SELECT COUNT(*) FROM schema_migrations"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), ServerDatabase::latestSchemaVersion());
    QVERIFY(query.exec(u"SELECT COUNT(*) FROM users"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestServerDatabase::twoInstancesAtOnce()
{
    QFETCH(QString, url);
    // Two instances starting together on an empty database: one migrates, the other waits and
    // finds it done.
    QString errors[2];
    bool opened[2] = {false, false};
    std::thread first([&] {
        const auto db = ServerDatabase::open(url, &errors[0]);
        opened[0] = db != nullptr;
    });
    std::thread second([&] {
        const auto db = ServerDatabase::open(url, &errors[1]);
        opened[1] = db != nullptr;
    });
    first.join();
    second.join();
    QVERIFY2(opened[0], qPrintable(errors[0]));
    QVERIFY2(opened[1], qPrintable(errors[1]));
    QString error;
    const auto db = ServerDatabase::open(url, &error);
    QVERIFY2(db, qPrintable(error));
    QSqlQuery query(db->connection());
    QVERIFY(query.exec(u"SELECT COUNT(*) FROM schema_migrations"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), ServerDatabase::latestSchemaVersion());
}

void TestServerDatabase::newerSchemaLeftAlone()
{
    QFETCH(QString, url);
    QString error;
    {
        const auto db = ServerDatabase::open(url, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"INSERT INTO schema_migrations (version, description, applied_at) "
                           u"VALUES (99, 'from the future', 'later')"_s));
    }
    QVERIFY(!ServerDatabase::open(url, &error));
    QVERIFY2(error.contains(u"version 99"_s) && error.contains(u"newer"_s), qPrintable(error));
}

void TestServerDatabase::tokensStoredSealed()
{
    QFETCH(QString, url);
    const QByteArray token = "access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970"_ba;
    const TokenCipher cipher(KeyRing::generate());
    QString error;
    {
        const auto db = ServerDatabase::open(url, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"INSERT INTO users (email, role, created_at) VALUES "
                           u"('a@example.com', 'user', 'now')"_s));
        query.prepare(
            u"INSERT INTO items (item_id, user_id, access_token_sealed, status, "
            u"created_at, updated_at) VALUES (?, (SELECT id FROM users), ?, 'ok', ?, ?)"_s);
        query.addBindValue(u"item-1"_s);
        query.addBindValue(cipher.seal(token, "item:item-1"));
        query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        QVERIFY(query.exec(u"SELECT access_token_sealed FROM items"_s) && query.next());
        const QString stored = query.value(0).toString();
        QVERIFY(!stored.contains(u"access-"_s));
        QCOMPARE(cipher.open(stored, "item:item-1").plaintext.value_or(QByteArray()), token);
    }
    if (url.startsWith(u"sqlite:"_s)) {
        // The file itself (and its write-ahead log) holds no token.
        for (const QString &suffix : {QString(), u"-wal"_s}) {
            QFile file(url.mid(7) + suffix);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains("access-"), qPrintable(file.fileName()));
        }
    }
}

void TestServerDatabase::badUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("another database")
        << u"mysql://weft@127.0.0.1/weft"_s << u"not a database URL"_s;
    QTest::newRow("sqlite without a path") << u"sqlite:"_s << u"path"_s;
    QTest::newRow("postgresql without a database")
        << u"postgresql://weft@127.0.0.1:5432/"_s << u"DATABASE"_s;
    QTest::newRow("nobody listening")
        << u"postgresql://weft:hunter2-secret@127.0.0.1:1/weft_test"_s << u"cannot open"_s;
    QTest::newRow("a folder for a file") << u"sqlite:/proc"_s << u"cannot open"_s;
    QTest::newRow("an option libpq is not given")
        << u"postgresql://weft@127.0.0.1:5432/weft?options=-c%20x%3D1"_s << u"not one of"_s;
    QTest::newRow("an option smuggling another")
        << u"postgresql://weft@127.0.0.1:5432/weft?sslmode=disable%3Bhost%3Devil"_s
        << u"not one of"_s;
}

void TestServerDatabase::tlsOptionsReachLibpq()
{
    // The fixture's server has no TLS: sslmode=disable connects, sslmode=require is refused by
    // the server, which shows the option reached libpq rather than being dropped.
    QString error;
    QVERIFY2(ServerDatabase::open(m_postgresUrl + u"?sslmode=disable"_s, &error),
             qPrintable(error));
    QVERIFY(!ServerDatabase::open(m_postgresUrl + u"?sslmode=require"_s, &error));
    QVERIFY2(error.contains(u"SSL"_s, Qt::CaseInsensitive), qPrintable(error));
}

void TestServerDatabase::badUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ServerDatabase::open(url, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(!error.contains(u"hunter2"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_server_database.moc"
