// The desktop's sign-in at weft-server (ServerCredential, ServerClient) against a real
// weft-server on loopback (SQLite, the embedded sandbox as Plaid), with a fake keychain for the
// faults: enrolment keeps only the refresh token, each refresh rotates it in the keychain, a
// keychain that refuses the new one does not end the session (and the token is saved at the
// next refresh), a revoked or signed-out sign-in says so, and concurrent callers share one
// refresh.
#include "../server/ServerRig.h"
#include "remote/ServerClient.h"
#include "remote/ServerCredential.h"
#include "remote/ServerTransport.h"
#include "support/FakeSecretStore.h"
#include "support/ManualClock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace weft;
using namespace std::chrono_literals;

namespace {

struct Token
{
    bool done = false;
    QString token;
    remote::ServerReply failure;
};

} // namespace

class TestServerSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void enrolKeepsOnlyTheRefreshToken();
    void wrongCodeSavesNothing();
    void refreshRotatesTheKeychainEntry();
    void keychainRefusalKeepsTheSignInInMemory();
    void revokedSignInSaysSo();
    void concurrentCallersShareOneRefresh();
    void notEnrolledSaysWhatToDo();
    void signOutElsewhereEndsCalls();
    void signOutEndsItEverywhere();

private:
    QString code(const QString &email);
    bool enrol(const QString &email);
    Token accessToken();

    std::unique_ptr<server::testkit::ServerRig> m_rig;
    int m_server = -1;
    QNetworkAccessManager m_network;
    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<test::FakeSecretStore> m_keychain;
    std::unique_ptr<remote::ServerTransport> m_transport;
    std::unique_ptr<remote::ServerCredential> m_credential;
    int m_user = 0;
};

void TestServerSignIn::initTestCase()
{
    m_rig = std::make_unique<server::testkit::ServerRig>();
    QVERIFY(m_rig->ok());
    m_server = m_rig->startInstance(QStringLiteral("sqlite:%1/db").arg(m_rig->dir()));
    QVERIFY(m_server >= 0);
}

void TestServerSignIn::init()
{
    m_clock = std::make_unique<test::ManualClock>(QDateTime::currentDateTimeUtc());
    m_keychain = std::make_unique<test::FakeSecretStore>();
    m_transport = std::make_unique<remote::ServerTransport>(&m_network, m_rig->url(m_server, {}));
    m_credential = std::make_unique<remote::ServerCredential>(m_transport.get(), m_keychain.get(),
                                                              m_clock.get());
}

void TestServerSignIn::cleanup()
{
    m_credential.reset();
    m_transport.reset();
}

QString TestServerSignIn::code(const QString &email)
{
    QString error;
    const auto enrolment =
        server::UserDirectory(m_rig->instance(m_server).database())
            .add(email, server::UserDirectory::Role::User, QDateTime::currentDateTimeUtc(), &error);
    return enrolment ? enrolment->code : QString();
}

bool TestServerSignIn::enrol(const QString &email)
{
    QString problem = QStringLiteral("no answer");
    bool done = false;
    m_credential->enrol(code(email), this, [&](const QString &p) {
        problem = p;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    if (!problem.isEmpty())
        qWarning().noquote() << problem;
    return problem.isEmpty();
}

Token TestServerSignIn::accessToken()
{
    Token result;
    m_credential->withAccessToken(this, [&](const QString &token, const remote::ServerReply &f) {
        result = {true, token, f};
    });
    (void)QTest::qWaitFor([&] { return result.done; }, 10000);
    return result;
}

void TestServerSignIn::enrolKeepsOnlyTheRefreshToken()
{
    QVERIFY(enrol(QStringLiteral("ada%1@example.com").arg(++m_user)));
    const QString key = remote::ServerCredential::keychainKey(m_rig->url(m_server, {}));
    QCOMPARE(m_keychain->entries.keys(), QStringList{key});
    QVERIFY(m_keychain->entries.value(key).startsWith(u"wsr-"));
    QCOMPARE(m_credential->account().role, QStringLiteral("user"));
    const Token token = accessToken();
    QVERIFY(token.token.startsWith(u"wsa-"));
    QCOMPARE(m_keychain->writes, 1); // the fresh access token needed no refresh
    // The server knows it.
    QCOMPARE(m_rig->call(m_server, "GET", QStringLiteral("/v1/me"), {}, token.token).status, 200);
}

void TestServerSignIn::wrongCodeSavesNothing()
{
    QString problem;
    bool done = false;
    m_credential->enrol(QStringLiteral("not-a-code"), this, [&](const QString &p) {
        problem = p;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(problem.contains(u"enrolment code"), qPrintable(problem));
    QVERIFY(m_keychain->entries.isEmpty());
    QVERIFY(accessToken().token.isEmpty());
}

void TestServerSignIn::refreshRotatesTheKeychainEntry()
{
    QVERIFY(enrol(QStringLiteral("ada%1@example.com").arg(++m_user)));
    const QString key = remote::ServerCredential::keychainKey(m_rig->url(m_server, {}));
    const QString first = m_keychain->entries.value(key);
    const QString firstAccess = accessToken().token;
    m_clock->advance(15min); // the access token lapses
    const Token second = accessToken();
    QVERIFY(second.token.startsWith(u"wsa-"));
    QVERIFY(second.token != firstAccess);
    QVERIFY(m_keychain->entries.value(key).startsWith(u"wsr-"));
    QVERIFY(m_keychain->entries.value(key) != first);
    // The first refresh token was spent: presented again it ends the whole sign-in.
    const auto reused = m_rig->call(m_server, "POST", QStringLiteral("/v1/session/refresh"),
                                    {{QStringLiteral("refresh_token"), first}});
    QCOMPARE(reused.status, 401);
}

void TestServerSignIn::keychainRefusalKeepsTheSignInInMemory()
{
    QVERIFY(enrol(QStringLiteral("ada%1@example.com").arg(++m_user)));
    const QString key = remote::ServerCredential::keychainKey(m_rig->url(m_server, {}));
    const QString saved = m_keychain->entries.value(key);
    // The keychain takes the rotated token and keeps nothing (its read-back finds the old).
    m_keychain->mode = test::FakeSecretStore::Mode::Lies;
    m_clock->advance(15min);
    const Token during = accessToken();
    QVERIFY2(during.token.startsWith(u"wsa-"), qPrintable(during.failure.describe()));
    QCOMPARE(m_keychain->entries.value(key), saved); // spent, and not replaced yet
    // The keychain is back: the next refresh uses the token held in memory, and saves.
    m_keychain->mode = test::FakeSecretStore::Mode::Works;
    m_clock->advance(15min);
    const Token after = accessToken();
    QVERIFY2(after.token.startsWith(u"wsa-"), qPrintable(after.failure.describe()));
    QVERIFY(m_keychain->entries.value(key) != saved);
    QCOMPARE(m_rig->call(m_server, "GET", QStringLiteral("/v1/me"), {}, after.token).status, 200);
}

void TestServerSignIn::revokedSignInSaysSo()
{
    const QString email = QStringLiteral("ada%1@example.com").arg(++m_user);
    QVERIFY(enrol(email));
    QString error;
    QVERIFY(server::UserDirectory(m_rig->instance(m_server).database())
                .revoke(email, QDateTime::currentDateTimeUtc(), &error));
    QSignalSpy ended(m_credential.get(), &remote::ServerCredential::signInEnded);
    m_clock->advance(15min);
    const Token token = accessToken();
    QVERIFY(token.token.isEmpty());
    QCOMPARE(token.failure.errorCode, QStringLiteral("SIGN_IN_ENDED"));
    QCOMPARE(ended.size(), 1);
    QVERIFY(ended.first().first().toString().contains(u"enrolment code"));
}

void TestServerSignIn::concurrentCallersShareOneRefresh()
{
    QVERIFY(enrol(QStringLiteral("ada%1@example.com").arg(++m_user)));
    m_clock->advance(15min);
    const int writesBefore = m_keychain->writes;
    QStringList tokens;
    for (int i = 0; i < 5; ++i) {
        m_credential->withAccessToken(
            this,
            [&tokens](const QString &token, const remote::ServerReply &) { tokens << token; });
    }
    QTRY_COMPARE(tokens.size(), 5);
    tokens.removeDuplicates();
    QCOMPARE(tokens.size(), 1); // one refresh: a second would have revoked the family
    QVERIFY(tokens.first().startsWith(u"wsa-"));
    QCOMPARE(m_keychain->writes, writesBefore + 1);
}

void TestServerSignIn::notEnrolledSaysWhatToDo()
{
    const Token token = accessToken();
    QVERIFY(token.token.isEmpty());
    QCOMPARE(token.failure.errorCode, QStringLiteral("NOT_ENROLLED"));
    QVERIFY(token.failure.describe().contains(u"enrolment code"));
    // A keychain that cannot be read is told apart from one with no sign-in.
    m_keychain->mode = test::FakeSecretStore::Mode::Unavailable;
    const Token locked = accessToken();
    QCOMPARE(locked.failure.errorCode, QStringLiteral("KEYCHAIN"));
}

void TestServerSignIn::signOutElsewhereEndsCalls()
{
    QVERIFY(enrol(QStringLiteral("ada%1@example.com").arg(++m_user)));
    const QString key = remote::ServerCredential::keychainKey(m_rig->url(m_server, {}));
    QVERIFY(accessToken().token.startsWith(u"wsa-"));
    // The sign-in is ended at the server (by the user, elsewhere): the next call is refused,
    // the refresh is refused too, and the call ends saying so: not a loop, not a crash.
    QCOMPARE(m_rig
                 ->call(m_server, "POST", QStringLiteral("/v1/session/sign_out"),
                        {{QStringLiteral("refresh_token"), m_keychain->entries.value(key)}})
                 .status,
             200);
    remote::ServerClient client(m_transport.get(), m_credential.get());
    QSignalSpy ended(m_credential.get(), &remote::ServerCredential::signInEnded);
    remote::ServerReply reply;
    bool done = false;
    client.call("GET", QStringLiteral("/v1/me"), {}, this, [&](const remote::ServerReply &r) {
        reply = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(!reply.ok());
    QCOMPARE(reply.errorCode, QStringLiteral("SIGN_IN_ENDED"));
    QCOMPARE(ended.size(), 1);
}

void TestServerSignIn::signOutEndsItEverywhere()
{
    QVERIFY(enrol(QStringLiteral("ada%1@example.com").arg(++m_user)));
    const QString token = accessToken().token;
    bool done = false;
    QString problem = QStringLiteral("no answer");
    m_credential->signOut(this, [&](const QString &p) {
        problem = p;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_keychain->entries.isEmpty());
    QCOMPARE(m_rig->call(m_server, "GET", QStringLiteral("/v1/me"), {}, token).status, 401);
}

QTEST_GUILESS_MAIN(TestServerSignIn)
#include "tst_server_sign_in.moc"
