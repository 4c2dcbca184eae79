// Credentials on SQLite and the fixture's PostgreSQL: an enrolment code is spent once for a
// refresh and an access token; access tokens expire in minutes; each refresh spends its token,
// and a spent token presented again ends the whole sign-in; revoking the user or signing out
// ends it too; the database keeps only hashes; malformed tokens are refused before any query.
#include "PostgresTestKit.h"
#include "server/Credentials.h"
#include "server/ServerDatabase.h"
#include "server/UserDirectory.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using weft::server::Credentials;
using weft::server::ServerDatabase;
using weft::server::UserDirectory;
using Problem = Credentials::Problem;

class TestCredentials : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void enrolOnce_data() { backends(); }
    void enrolOnce();
    void accessExpires_data() { backends(); }
    void accessExpires();
    void refreshRotates_data() { backends(); }
    void refreshRotates();
    void reusedRefreshEndsTheSignIn_data() { backends(); }
    void reusedRefreshEndsTheSignIn();
    void revokingTheUserEndsEverything_data() { backends(); }
    void revokingTheUserEndsEverything();
    void signOut_data() { backends(); }
    void signOut();
    void malformedTokensRefused();
    void databaseKeepsOnlyHashes();

private:
    void backends();
    std::unique_ptr<ServerDatabase> open(const QString &url);
    QString enrolUser(ServerDatabase *db, const QString &email,
                      UserDirectory::Role role = UserDirectory::Role::User);

    QTemporaryDir m_dir;
    QString m_postgresUrl;
    int m_files = 0;
    const QDateTime m_now = QDateTime::currentDateTimeUtc();
};

void TestCredentials::initTestCase()
{
    m_postgresUrl = weft::server::testkit::postgresUrl();
    QVERIFY2(!m_postgresUrl.isEmpty(), "no PostgreSQL: run with ctest (postgres fixture)");
}

void TestCredentials::init()
{
    const QString problem = weft::server::testkit::resetPostgres(m_postgresUrl);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCredentials::backends()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("SQLite") << u"sqlite:"_s + m_dir.filePath(u"credentials-%1.db"_s.arg(++m_files));
    QTest::newRow("PostgreSQL") << m_postgresUrl;
}

std::unique_ptr<ServerDatabase> TestCredentials::open(const QString &url)
{
    QString error;
    auto db = ServerDatabase::open(url, &error);
    if (!db)
        qWarning().noquote() << error;
    return db;
}

QString TestCredentials::enrolUser(ServerDatabase *db, const QString &email,
                                   UserDirectory::Role role)
{
    QString error;
    const auto enrolment = UserDirectory(db).add(email, role, m_now, &error);
    if (!enrolment)
        qWarning().noquote() << error;
    return enrolment ? enrolment->code : QString();
}

void TestCredentials::enrolOnce()
{
    QFETCH(QString, url);
    const auto db = open(url);
    QVERIFY(db);
    const QString code = enrolUser(db.get(), u"Ada@Example.com"_s, UserDirectory::Role::Support);
    QVERIFY(!code.isEmpty());
    Credentials credentials(db.get());
    Credentials::Outcome outcome;

    QVERIFY(!credentials.enrol(u"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"_s, m_now, &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);

    // Typed in lower case, without dashes: the same code.
    QString typed = code.toLower();
    typed.remove(u'-');
    const auto issued = credentials.enrol(typed, m_now.addSecs(60), &outcome);
    QVERIFY2(issued, qPrintable(outcome.message));
    QCOMPARE(issued->principal.email, u"ada@example.com"_s);
    QCOMPARE(issued->principal.role, UserDirectory::Role::Support);
    QVERIFY(issued->refreshToken.startsWith(u"wsr-"_s));
    QVERIFY(issued->accessToken.startsWith(u"wsa-"_s));
    QCOMPARE(issued->accessExpiresAt, m_now.addSecs(60 + Credentials::kAccessMinutes * 60));

    const auto principal = credentials.authenticate(issued->accessToken, m_now, &outcome);
    QVERIFY2(principal, qPrintable(outcome.message));
    QCOMPARE(principal->userId, issued->principal.userId);
    // The refresh token is not an access token.
    QVERIFY(!credentials.authenticate(issued->refreshToken, m_now, &outcome));

    QVERIFY(!credentials.enrol(code, m_now.addSecs(120), &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
    QVERIFY(outcome.message.contains(u"used"_s));

    // A code past its seven days is refused.
    const QString late = enrolUser(db.get(), u"late@example.com"_s);
    QVERIFY(!credentials.enrol(late, m_now.addDays(UserDirectory::kEnrolmentDays).addSecs(1),
                               &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
    QVERIFY(credentials.enrol(late, m_now.addDays(UserDirectory::kEnrolmentDays).addSecs(-1),
                              &outcome));
}

void TestCredentials::accessExpires()
{
    QFETCH(QString, url);
    const auto db = open(url);
    QVERIFY(db);
    Credentials credentials(db.get());
    Credentials::Outcome outcome;
    const auto issued = credentials.enrol(enrolUser(db.get(), u"a@example.com"_s), m_now, &outcome);
    QVERIFY(issued);
    const int lifetime = Credentials::kAccessMinutes * 60;
    QVERIFY(credentials.authenticate(issued->accessToken, m_now.addSecs(lifetime - 1), &outcome));
    QVERIFY(!credentials.authenticate(issued->accessToken, m_now.addSecs(lifetime), &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
    QVERIFY(outcome.message.contains(u"expired"_s));
}

void TestCredentials::refreshRotates()
{
    QFETCH(QString, url);
    const auto db = open(url);
    QVERIFY(db);
    Credentials credentials(db.get());
    Credentials::Outcome outcome;
    auto current = credentials.enrol(enrolUser(db.get(), u"a@example.com"_s), m_now, &outcome);
    QVERIFY(current);
    // A desktop that stays on for a year refreshes every quarter hour; three months apart is
    // still within the refresh token's life.
    QDateTime at = m_now;
    for (int i = 0; i < 5; ++i) {
        at = at.addDays(Credentials::kRefreshDays - 1);
        const auto next = credentials.refresh(current->refreshToken, at, &outcome);
        QVERIFY2(next, qPrintable(outcome.message));
        QVERIFY(next->refreshToken != current->refreshToken);
        QCOMPARE(next->principal.userId, current->principal.userId);
        QVERIFY(credentials.authenticate(next->accessToken, at, &outcome));
        current = next;
    }
    QVERIFY(!credentials.refresh(current->refreshToken, at.addDays(Credentials::kRefreshDays),
                                 &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
    QVERIFY(outcome.message.contains(u"expired"_s));
}

void TestCredentials::reusedRefreshEndsTheSignIn()
{
    QFETCH(QString, url);
    const auto db = open(url);
    QVERIFY(db);
    Credentials credentials(db.get());
    Credentials::Outcome outcome;
    const auto first = credentials.enrol(enrolUser(db.get(), u"a@example.com"_s), m_now, &outcome);
    QVERIFY(first);
    // Another desktop of the same user, enrolled separately: a family of its own.
    const auto other = credentials.enrol(enrolUser(db.get(), u"b@example.com"_s), m_now, &outcome);
    QVERIFY(other);
    const auto second = credentials.refresh(first->refreshToken, m_now.addSecs(60), &outcome);
    QVERIFY(second);

    // The first refresh token again (a stolen copy, or the thief after the owner).
    QVERIFY(!credentials.refresh(first->refreshToken, m_now.addSecs(120), &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
    QVERIFY(outcome.message.contains(u"enrol again"_s));
    // Both holders lose the sign-in: the newer refresh and access tokens too.
    QVERIFY(!credentials.refresh(second->refreshToken, m_now.addSecs(180), &outcome));
    QVERIFY(!credentials.authenticate(second->accessToken, m_now.addSecs(180), &outcome));
    QVERIFY(!credentials.authenticate(first->accessToken, m_now.addSecs(180), &outcome));
    // The other sign-in is untouched.
    QVERIFY(credentials.authenticate(other->accessToken, m_now.addSecs(180), &outcome));
    QVERIFY(credentials.refresh(other->refreshToken, m_now.addSecs(180), &outcome));
}

void TestCredentials::revokingTheUserEndsEverything()
{
    QFETCH(QString, url);
    const auto db = open(url);
    QVERIFY(db);
    Credentials credentials(db.get());
    Credentials::Outcome outcome;
    const auto issued = credentials.enrol(enrolUser(db.get(), u"a@example.com"_s), m_now, &outcome);
    QVERIFY(issued);
    QString error;
    QVERIFY2(UserDirectory(db.get()).revoke(u"a@example.com"_s, m_now, &error), qPrintable(error));
    QVERIFY(!credentials.authenticate(issued->accessToken, m_now, &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
    QVERIFY(!credentials.refresh(issued->refreshToken, m_now, &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
    QVERIFY(outcome.message.contains(u"revoked"_s));
}

void TestCredentials::signOut()
{
    QFETCH(QString, url);
    const auto db = open(url);
    QVERIFY(db);
    Credentials credentials(db.get());
    Credentials::Outcome outcome;
    const auto issued = credentials.enrol(enrolUser(db.get(), u"a@example.com"_s), m_now, &outcome);
    QVERIFY(issued);
    QVERIFY(credentials.signOut(issued->refreshToken, m_now, &outcome));
    QVERIFY(!credentials.authenticate(issued->accessToken, m_now, &outcome));
    QVERIFY(!credentials.refresh(issued->refreshToken, m_now, &outcome));
    QVERIFY(!credentials.signOut(issued->refreshToken, m_now, &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
}

void TestCredentials::malformedTokensRefused()
{
    const auto db = open(u"sqlite:"_s + m_dir.filePath(u"malformed.db"_s));
    QVERIFY(db);
    Credentials credentials(db.get());
    Credentials::Outcome outcome;
    const QString bad[] = {QString(),
                           u"wsa-"_s,
                           u"wsa-' OR 1=1 --"_s,
                           u"wsa-"_s + QString(43, u'é'),
                           u"wsr-"_s + QString(43, u'A'),
                           u"Bearer wsa-abc"_s,
                           QString(5000, u'x')};
    for (const QString &token : bad) {
        QVERIFY(!credentials.authenticate(token, m_now, &outcome));
        QCOMPARE(outcome.problem, Problem::Refused);
        QVERIFY(!credentials.refresh(token, m_now, &outcome));
        QCOMPARE(outcome.problem, Problem::Refused);
    }
    QVERIFY(!credentials.enrol(QString(5000, u'A'), m_now, &outcome));
    QCOMPARE(outcome.problem, Problem::Refused);
}

void TestCredentials::databaseKeepsOnlyHashes()
{
    const QString path = m_dir.filePath(u"hashes.db"_s);
    QStringList secrets;
    {
        const auto db = open(u"sqlite:"_s + path);
        QVERIFY(db);
        Credentials credentials(db.get());
        Credentials::Outcome outcome;
        auto issued = credentials.enrol(enrolUser(db.get(), u"a@example.com"_s), m_now, &outcome);
        QVERIFY(issued);
        secrets << issued->refreshToken << issued->accessToken;
        issued = credentials.refresh(issued->refreshToken, m_now, &outcome);
        QVERIFY(issued);
        secrets << issued->refreshToken << issued->accessToken;
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"SELECT token_hash FROM credentials"_s));
        int rows = 0;
        while (query.next()) {
            ++rows;
            QVERIFY(QByteArray::fromHex(query.value(0).toByteArray()).size() == 32);
        }
        QCOMPARE(rows, 4);
    }
    QByteArray stored;
    for (const QString &file : QStringList{path, path + u"-wal"_s}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            stored += f.readAll();
    }
    QVERIFY(!stored.isEmpty());
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY(!stored.contains(secret.toLatin1()));
        QVERIFY(!stored.contains(secret.mid(4).toLatin1()));
    }
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
