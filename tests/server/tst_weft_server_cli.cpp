// The weft-server executable's administration commands, run for real on SQLite and on the
// fixture's PostgreSQL: enrolling prints a one-time code that the database keeps only as a
// hash; an address is enrolled once; revoking ends the account and its unused code; the key
// file is made owner-only and rotates; usage errors and a missing database say so. And
// `weft-server serve` itself: a config that others may read while it holds the Plaid secret is
// refused; a good one serves (a desktop enrols and signs in over HTTP) until SIGTERM, and its
// log holds no secret, code or token.
#include "PostgresTestKit.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QVariant>

using namespace Qt::StringLiterals;
using weft::server::ServerDatabase;
using weft::server::UserDirectory;

namespace {

struct Run
{
    int status = -1;
    QString out;
    QString err;
};

Run weftServer(const QStringList &arguments, const QString &database = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"WEFT_SERVER_DATABASE"_s);
    if (!database.isEmpty())
        environment.insert(u"WEFT_SERVER_DATABASE"_s, database);
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("WEFT_SERVER_BINARY"), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestWeftServerCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enrolAndRevoke_data();
    void enrolAndRevoke();
    void keyFile();
    void usageErrors_data();
    void usageErrors();
    void serveUntilTerminated();

private:
    QTemporaryDir m_dir;
    QString m_postgresUrl;
};

void TestWeftServerCli::initTestCase()
{
    QVERIFY(QFile::exists(qEnvironmentVariable("WEFT_SERVER_BINARY")));
    m_postgresUrl = weft::server::testkit::postgresUrl();
    QVERIFY2(!m_postgresUrl.isEmpty(), "no PostgreSQL: run with ctest (postgres fixture)");
    const QString problem = weft::server::testkit::resetPostgres(m_postgresUrl);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWeftServerCli::enrolAndRevoke_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("fromEnvironment");
    QTest::newRow("SQLite, --database") << u"sqlite:"_s + m_dir.filePath(u"server.db"_s) << false;
    QTest::newRow("PostgreSQL, WEFT_SERVER_DATABASE") << m_postgresUrl << true;
}

void TestWeftServerCli::enrolAndRevoke()
{
    QFETCH(QString, url);
    QFETCH(bool, fromEnvironment);
    const auto run = [&](QStringList arguments) {
        if (!fromEnvironment)
            arguments = QStringList{u"--database"_s, url} + arguments;
        return weftServer(arguments, fromEnvironment ? url : QString());
    };
    const QString email = u"ada.%1@example.com"_s.arg(QTest::currentDataTag()[0] == 'S' ? 1 : 2);

    const Run added = run({u"users"_s, u"add"_s, u"  " + email.toUpper() + u" "_s});
    QCOMPARE(added.status, 0);
    static const QRegularExpression codePattern(u"\\b([A-Z2-7]{4}(-[A-Z2-7]{4}){7})\\b"_s);
    const QRegularExpressionMatch code = codePattern.match(added.out);
    QVERIFY2(code.hasMatch(), qPrintable(added.out));
    QVERIFY(added.out.contains(email)); // normalised: trimmed, lower case

    const Run support =
        run({u"users"_s, u"add"_s, u"help@example.com"_s, u"--role"_s, u"support"_s});
    QCOMPARE(support.status, 0);
    QVERIFY(support.out.contains(u"(support)"_s));
    QVERIFY(codePattern.match(support.out).captured(1) != code.captured(1));

    // The database has the code's hash, never the code.
    {
        QString error;
        const auto db = ServerDatabase::open(url, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"SELECT code_hash FROM enrolments"_s));
        QStringList hashes;
        while (query.next())
            hashes << query.value(0).toString();
        QVERIFY(hashes.contains(UserDirectory::codeHash(code.captured(1))));
        QVERIFY(hashes.contains(UserDirectory::codeHash(code.captured(1).toLower())));
        static const QRegularExpression sha256(u"^[0-9a-f]{64}$"_s);
        for (const QString &hash : std::as_const(hashes))
            QVERIFY2(sha256.match(hash).hasMatch(), qPrintable(hash));
    }
    if (url.startsWith(u"sqlite:"_s)) {
        // Nowhere in the file (or its write-ahead log): neither the code nor its letters.
        const QByteArray shown = code.captured(1).toLatin1();
        const QByteArray letters = QByteArray(shown).replace('-', QByteArray());
        for (const QString &suffix : {QString(), u"-wal"_s}) {
            QFile file(url.mid(7) + suffix);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(shown) && !bytes.contains(letters),
                     qPrintable(file.fileName()));
        }
    }

    const Run again = run({u"users"_s, u"add"_s, email});
    QCOMPARE(again.status, 1);
    QVERIFY2(again.err.contains(u"already a user"_s), qPrintable(again.err));

    // Another code for the same account (a second computer, or one that lost its sign-in).
    const Run another = run({u"users"_s, u"code"_s, email});
    QCOMPARE(another.status, 0);
    const QString secondCode = codePattern.match(another.out).captured(1);
    QVERIFY2(!secondCode.isEmpty() && secondCode != code.captured(1), qPrintable(another.out));
    const Run nobody = run({u"users"_s, u"code"_s, u"nobody@example.com"_s});
    QCOMPARE(nobody.status, 1);
    QVERIFY2(nobody.err.contains(u"not a user"_s), qPrintable(nobody.err));
    {
        QString error;
        const auto db = ServerDatabase::open(url, &error);
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"SELECT COUNT(*) FROM enrolments"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 3);
    }

    const Run listed = run({u"users"_s, u"list"_s});
    QCOMPARE(listed.status, 0);
    QVERIFY(listed.out.contains(email + u"\tuser\tactive"_s));
    QVERIFY(listed.out.contains(u"help@example.com\tsupport\tactive"_s));

    QCOMPARE(run({u"users"_s, u"revoke"_s, email}).status, 0);
    const Run twice = run({u"users"_s, u"revoke"_s, email});
    QCOMPARE(twice.status, 1);
    QVERIFY(twice.err.contains(u"revoked already"_s));
    QVERIFY(run({u"users"_s, u"list"_s}).out.contains(email + u"\tuser\trevoked "_s));
    const Run readd = run({u"users"_s, u"add"_s, email});
    QCOMPARE(readd.status, 1);
    QVERIFY(readd.err.contains(u"was revoked"_s));
    const Run revokedCode = run({u"users"_s, u"code"_s, email});
    QCOMPARE(revokedCode.status, 1);
    QVERIFY(revokedCode.err.contains(u"was revoked"_s));
    {
        // The revoked account's unused codes are gone; the other account's stays.
        QString error;
        const auto db = ServerDatabase::open(url, &error);
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"SELECT COUNT(*) FROM enrolments"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
}

void TestWeftServerCli::keyFile()
{
    const QString path = m_dir.filePath(u"keys"_s);
    const Run init = weftServer({u"keys"_s, u"init"_s, path});
    QCOMPARE(init.status, 0);
    QVERIFY(QFile::exists(path));
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
#endif
    QCOMPARE(weftServer({u"keys"_s, u"init"_s, path}).status, 1); // never overwritten
    const Run rotated = weftServer({u"keys"_s, u"rotate"_s, path});
    QCOMPARE(rotated.status, 0);
    QVERIFY2(rotated.out.contains(u"still open"_s), qPrintable(rotated.out));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(text.count('\n') - text.count("# "), 2); // two keys
    QVERIFY(!init.out.contains(QString::fromLatin1(text.split('\n').value(1).split(' ').value(1))));
}

void TestWeftServerCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QStringList() << 2 << u"usage"_s;
    QTest::newRow("unknown command") << QStringList{u"serve-coffee"_s} << 2 << u"usage"_s;
    QTest::newRow("unknown option")
        << QStringList{u"users"_s, u"list"_s, u"--verbose"_s} << 2 << u"usage"_s;
    QTest::newRow("no database") << QStringList{u"users"_s, u"list"_s} << 2 << u"no database"_s;
    QTest::newRow("bad role") << QStringList{u"--database"_s, u"sqlite:/tmp/x.db"_s, u"users"_s,
                                             u"add"_s,        u"a@example.com"_s,    u"--role"_s,
                                             u"root"_s}
                              << 2 << u"--role"_s;
    QTest::newRow("not an address")
        << QStringList{u"--database"_s, u"sqlite:"_s + m_dir.filePath(u"other.db"_s), u"users"_s,
                       u"add"_s, u"nobody"_s}
        << 1 << u"not an e-mail address"_s;
    QTest::newRow("database unreachable")
        << QStringList{u"--database"_s, u"postgresql://weft:s3cret-pw@127.0.0.1:1/weft"_s,
                       u"users"_s, u"list"_s}
        << 1 << u"cannot open"_s;
    QTest::newRow("missing key file")
        << QStringList{u"keys"_s, u"rotate"_s, m_dir.filePath(u"none"_s)} << 1 << u"none"_s;
}

void TestWeftServerCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Run run = weftServer(arguments);
    QCOMPARE(run.status, status);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!run.err.contains(u"s3cret-pw"_s));
}

namespace {

QJsonObject httpCall(QNetworkAccessManager &network, const QUrl &url, const QJsonObject &body,
                     const QString &token, int *status)
{
    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply =
        body.isEmpty() ? network.get(request) : network.post(request, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

} // namespace

void TestWeftServerCli::serveUntilTerminated()
{
    const QString database = u"sqlite:"_s + m_dir.filePath(u"serve.db"_s);
    const QString keys = m_dir.filePath(u"serve-keys"_s);
    QCOMPARE(weftServer({u"keys"_s, u"init"_s, keys}).status, 0);
    const QString secret = u"plaid-secret-never-in-a-log"_s;
    const QString configPath = m_dir.filePath(u"weft-server.conf"_s);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    // Nothing listens at that Plaid URL: enrolment and sign-in do not need Plaid.
    config.write(u"# test\ndatabase = %1\nkeys = %2\nlisten = 127.0.0.1:0\n"
                 u"plaid_env = http://127.0.0.1:9\nplaid_client_id = client\n"
                 u"plaid_secret = %3\n"_s.arg(database, keys, secret)
                     .toUtf8());
    config.close();
#ifdef Q_OS_UNIX
    QVERIFY(config.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const Run open = weftServer({u"serve"_s, u"--config"_s, configPath});
    QCOMPARE(open.status, 2);
    QVERIFY2(open.err.contains(u"chmod 600"_s), qPrintable(open.err));
    QVERIFY(!open.err.contains(secret));
#endif
    QVERIFY(config.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const Run added = weftServer({u"users"_s, u"add"_s, u"ada@example.com"_s}, database);
    QCOMPARE(added.status, 0);
    const QString code = added.out.trimmed().split(u'\n').last();

    QProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"WEFT_SERVER_DATABASE"_s);
    server.setProcessEnvironment(environment);
    server.start(qEnvironmentVariable("WEFT_SERVER_BINARY"),
                 {u"serve"_s, u"--config"_s, configPath});
    QVERIFY(server.waitForReadyRead(30000));
    const QUrl base(QString::fromUtf8(server.readLine()).trimmed());
    QVERIFY2(base.scheme() == u"http"_s && base.port() > 0, qPrintable(base.toString()));

    QNetworkAccessManager network;
    int status = 0;
    const QJsonObject session = httpCall(network, base.resolved(QUrl(u"/v1/enrol"_s)),
                                         {{u"enrolment_code"_s, code}}, {}, &status);
    QCOMPARE(status, 200);
    const QString access = session[u"access_token"].toString();
    const QString refresh = session[u"refresh_token"].toString();
    QVERIFY(access.startsWith(u"wsa-"_s));
    const QJsonObject me = httpCall(network, base.resolved(QUrl(u"/v1/me"_s)), {}, access, &status);
    QCOMPARE(status, 200);
    QCOMPARE(me[u"email"].toString(), u"ada@example.com"_s);
    // A refused refresh (its token mangled) is logged, the token not.
    QString mangled = refresh;
    mangled.back() = mangled.back() == u'A' ? u'B' : u'A';
    httpCall(network, base.resolved(QUrl(u"/v1/session/refresh"_s)),
             {{u"refresh_token"_s, mangled}}, {}, &status);
    QCOMPARE(status, 401);

    server.terminate();
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    const QString log = QString::fromUtf8(server.readAllStandardError() + server.readAll());
    QVERIFY2(log.contains(u"enrolled a desktop"_s), qPrintable(log));
    for (const QString &secretText : QStringList{secret, code, access, refresh, mangled})
        QVERIFY2(!log.contains(secretText), qPrintable(log));
}

QTEST_GUILESS_MAIN(TestWeftServerCli)
#include "tst_weft_server_cli.moc"
