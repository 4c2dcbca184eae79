// WebhookInbox on SQLite and the fixture's PostgreSQL: ITEM webhooks move the Item's status and
// land in its timeline; notices never hide an error; a retry (the latest body again, within a
// day) is applied once, also when two instances take it at the same moment (PostgreSQL), while
// the same body after another webhook is news; webhooks for unknown Items and malformed bodies
// change nothing and say why.
#include "PostgresTestKit.h"
#include "server/ServerDatabase.h"
#include "server/WebhookInbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <thread>

using namespace Qt::StringLiterals;
using weft::server::ServerDatabase;
using weft::server::WebhookInbox;

namespace {

const QString kItem = u"eVBnVMp7zdTJLkRNr33Rs6zr7KNJqBFL9DrE6"_s;

QByteArray webhook(const QString &code, const QJsonValue &error = QJsonValue::Null,
                   const QString &type = u"ITEM"_s)
{
    return QJsonDocument(QJsonObject{{u"webhook_type"_s, type},
                                     {u"webhook_code"_s, code},
                                     {u"item_id"_s, kItem},
                                     {u"error"_s, error},
                                     {u"environment"_s, u"sandbox"_s}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject loginRequired()
{
    return {{u"error_type"_s, u"ITEM_ERROR"_s},
            {u"error_code"_s, u"ITEM_LOGIN_REQUIRED"_s},
            {u"error_message"_s, u"the login details of this item have changed"_s},
            {u"display_message"_s, QJsonValue::Null}};
}

} // namespace

class TestWebhookInbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void statusFollowsItemWebhooks_data() { backends(); }
    void statusFollowsItemWebhooks();
    void noticesNeverHideAnError_data() { backends(); }
    void noticesNeverHideAnError();
    void retriesAppliedOnce_data() { backends(); }
    void retriesAppliedOnce();
    void twoInstancesTakeTheSameRetry();
    void refusals_data() { backends(); }
    void refusals();

private:
    void backends();
    std::unique_ptr<ServerDatabase> openWithItem(const QString &url);
    static QString status(ServerDatabase *db);
    static int events(ServerDatabase *db);

    QTemporaryDir m_dir;
    QString m_postgresUrl;
    int m_files = 0;
};

void TestWebhookInbox::initTestCase()
{
    m_postgresUrl = weft::server::testkit::postgresUrl();
    QVERIFY2(!m_postgresUrl.isEmpty(), "no PostgreSQL: run with ctest (postgres fixture)");
}

void TestWebhookInbox::init()
{
    const QString problem = weft::server::testkit::resetPostgres(m_postgresUrl);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWebhookInbox::backends()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("SQLite") << u"sqlite:"_s + m_dir.filePath(u"inbox-%1.db"_s.arg(++m_files));
    QTest::newRow("PostgreSQL") << m_postgresUrl;
}

std::unique_ptr<ServerDatabase> TestWebhookInbox::openWithItem(const QString &url)
{
    QString error;
    auto db = ServerDatabase::open(url, &error);
    if (!db) {
        qWarning().noquote() << error;
        return nullptr;
    }
    QSqlQuery query(db->connection());
    const bool ok =
        query.exec(u"INSERT INTO users (email, role, created_at) VALUES ('a@example.com', "
                   u"'user', 'now')"_s) &&
        query.exec(u"INSERT INTO items (item_id, user_id, access_token_sealed, status, "
                   u"created_at, updated_at) VALUES ('%1', (SELECT id FROM users), 'v1.k.x', "
                   u"'healthy', 'now', 'now')"_s.arg(kItem));
    return ok ? std::move(db) : nullptr;
}

QString TestWebhookInbox::status(ServerDatabase *db)
{
    QSqlQuery query(db->connection());
    query.exec(u"SELECT status, error_code FROM items"_s);
    return query.next() ? query.value(0).toString() + u'/' + query.value(1).toString() : QString();
}

int TestWebhookInbox::events(ServerDatabase *db)
{
    QSqlQuery query(db->connection());
    query.exec(u"SELECT COUNT(*) FROM item_events"_s);
    return query.next() ? query.value(0).toInt() : -1;
}

void TestWebhookInbox::statusFollowsItemWebhooks()
{
    QFETCH(QString, url);
    const auto db = openWithItem(url);
    QVERIFY(db);
    WebhookInbox inbox(db.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const struct
    {
        QByteArray body;
        QString expected;
    } steps[] = {
        {webhook(u"ERROR"_s, loginRequired()), u"login_required/ITEM_LOGIN_REQUIRED"_s},
        {webhook(u"LOGIN_REPAIRED"_s), u"healthy/"_s},
        {webhook(u"PENDING_EXPIRATION"_s), u"pending_expiration/PENDING_EXPIRATION"_s},
        {webhook(u"NEW_ACCOUNTS_AVAILABLE"_s), u"new_accounts/NEW_ACCOUNTS_AVAILABLE"_s},
        {webhook(u"PENDING_DISCONNECT"_s), u"pending_disconnect/PENDING_DISCONNECT"_s},
        {webhook(u"USER_PERMISSION_REVOKED"_s,
                 QJsonObject{{u"error_type"_s, u"ITEM_ERROR"_s},
                             {u"error_code"_s, u"USER_PERMISSION_REVOKED"_s},
                             {u"error_message"_s, u"revoked"_s}}),
         u"permission_revoked/USER_PERMISSION_REVOKED"_s},
        // Webhooks that do not change the Item's state are kept in its timeline only.
        {webhook(u"WEBHOOK_UPDATE_ACKNOWLEDGED"_s),
         u"permission_revoked/USER_PERMISSION_REVOKED"_s},
        {webhook(u"SYNC_UPDATES_AVAILABLE"_s, QJsonValue::Null, u"TRANSACTIONS"_s),
         u"permission_revoked/USER_PERMISSION_REVOKED"_s},
    };
    int applied = 0;
    for (const auto &step : steps) {
        const WebhookInbox::Result result = inbox.apply(step.body, now.addSecs(++applied));
        QCOMPARE(result.outcome, WebhookInbox::Outcome::Applied);
        QCOMPARE(result.itemId, kItem);
        QCOMPARE(status(db.get()), step.expected);
        QCOMPARE(result.status, step.expected.section(u'/', 0, 0));
    }
    QCOMPARE(events(db.get()), applied);
    // The timeline keeps each webhook as received, in order.
    QSqlQuery query(db->connection());
    QVERIFY(query.exec(u"SELECT webhook_code, body FROM item_events ORDER BY at"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), u"ERROR"_s);
    QCOMPARE(query.value(1).toString().toUtf8(), steps[0].body);
}

void TestWebhookInbox::noticesNeverHideAnError()
{
    QFETCH(QString, url);
    const auto db = openWithItem(url);
    QVERIFY(db);
    WebhookInbox inbox(db.get());
    QDateTime at = QDateTime::currentDateTimeUtc();
    QCOMPARE(inbox.apply(webhook(u"ERROR"_s, loginRequired()), at).outcome,
             WebhookInbox::Outcome::Applied);
    for (const QString &notice :
         {u"NEW_ACCOUNTS_AVAILABLE"_s, u"PENDING_EXPIRATION"_s, u"PENDING_DISCONNECT"_s}) {
        QCOMPARE(inbox.apply(webhook(notice), at = at.addSecs(1)).outcome,
                 WebhookInbox::Outcome::Applied);
        QCOMPARE(status(db.get()), u"login_required/ITEM_LOGIN_REQUIRED"_s);
    }
    QCOMPARE(inbox.apply(webhook(u"LOGIN_REPAIRED"_s), at = at.addSecs(1)).status, u"healthy"_s);
    // An ERROR without its error object is still an error, never a repair.
    QCOMPARE(inbox.apply(webhook(u"ERROR"_s), at = at.addSecs(1)).status, u"error"_s);
    QCOMPARE(status(db.get()), u"error/ERROR"_s);
    // LOGIN_REPAIRED repairs a sign-in only.
    QCOMPARE(inbox.apply(webhook(u"LOGIN_REPAIRED"_s), at = at.addSecs(1)).status, u"error"_s);
    QCOMPARE(events(db.get()), 7);
}

void TestWebhookInbox::retriesAppliedOnce()
{
    QFETCH(QString, url);
    const auto db = openWithItem(url);
    QVERIFY(db);
    WebhookInbox inbox(db.get());
    const QByteArray broken = webhook(u"ERROR"_s, loginRequired());
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QCOMPARE(inbox.apply(broken, start).outcome, WebhookInbox::Outcome::Applied);
    // Plaid retries it (our answer was lost): applied once.
    const WebhookInbox::Result retry = inbox.apply(broken, start.addSecs(60));
    QCOMPARE(retry.outcome, WebhookInbox::Outcome::Duplicate);
    QCOMPARE(retry.status, u"login_required"_s);
    QCOMPARE(events(db.get()), 1);
    // Repaired, then broken again with the very same body: that is news, not a retry.
    QCOMPARE(inbox.apply(webhook(u"LOGIN_REPAIRED"_s), start.addSecs(120)).status, u"healthy"_s);
    const WebhookInbox::Result again = inbox.apply(broken, start.addSecs(180));
    QCOMPARE(again.outcome, WebhookInbox::Outcome::Applied);
    QCOMPARE(status(db.get()), u"login_required/ITEM_LOGIN_REQUIRED"_s);
    // The same body more than a day after the latest is no retry either.
    QCOMPARE(inbox.apply(broken, start.addDays(2)).outcome, WebhookInbox::Outcome::Applied);
    QCOMPARE(events(db.get()), 4);
}

void TestWebhookInbox::twoInstancesTakeTheSameRetry()
{
    // Two instances (two connections, two threads) receive the same retry at once: one applies
    // it, the other finds it done. (SQLite serves one instance; this is PostgreSQL's case.)
    {
        const auto db = openWithItem(m_postgresUrl);
        QVERIFY(db);
    }
    const QByteArray body = webhook(u"ERROR"_s, loginRequired());
    for (int round = 0; round < 10; ++round) {
        WebhookInbox::Outcome outcomes[2];
        QString problems[2];
        const auto take = [&](int i) {
            QString error;
            const auto db = ServerDatabase::open(m_postgresUrl, &error);
            if (!db) {
                problems[i] = error;
                outcomes[i] = WebhookInbox::Outcome::Failed;
                return;
            }
            const WebhookInbox::Result result = WebhookInbox(db.get()).apply(
                body + QByteArray(round, ' '), QDateTime::currentDateTimeUtc());
            outcomes[i] = result.outcome;
            problems[i] = result.problem;
        };
        std::thread first(take, 0);
        std::thread second(take, 1);
        first.join();
        second.join();
        QVERIFY2(outcomes[0] != WebhookInbox::Outcome::Failed, qPrintable(problems[0]));
        QVERIFY2(outcomes[1] != WebhookInbox::Outcome::Failed, qPrintable(problems[1]));
        QVERIFY((outcomes[0] == WebhookInbox::Outcome::Applied) !=
                (outcomes[1] == WebhookInbox::Outcome::Applied));
    }
    QString error;
    const auto db = ServerDatabase::open(m_postgresUrl, &error);
    QCOMPARE(events(db.get()), 10);
}

void TestWebhookInbox::refusals()
{
    QFETCH(QString, url);
    const auto db = openWithItem(url);
    QVERIFY(db);
    WebhookInbox inbox(db.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const struct
    {
        QByteArray body;
        WebhookInbox::Outcome outcome;
    } cases[] = {
        {"not json", WebhookInbox::Outcome::Malformed},
        {"[1,2]", WebhookInbox::Outcome::Malformed},
        {R"({"webhook_type":"ITEM","item_id":"x"})", WebhookInbox::Outcome::Malformed},
        {R"({"webhook_type":"ITEM","webhook_code":"ERROR","item_id":")" + kItem.toLatin1() +
             R"(","error":"boom"})",
         WebhookInbox::Outcome::Malformed},
        {R"({"webhook_type":"ITEM","webhook_code":"ERROR","item_id":"someone-elses"})",
         WebhookInbox::Outcome::UnknownItem},
    };
    for (const auto &c : cases) {
        const WebhookInbox::Result result = inbox.apply(c.body, now);
        QCOMPARE(result.outcome, c.outcome);
        QVERIFY(!result.problem.isEmpty());
    }
    QCOMPARE(events(db.get()), 0);
    QCOMPARE(status(db.get()), u"healthy/"_s);
}

QTEST_GUILESS_MAIN(TestWebhookInbox)
#include "tst_webhook_inbox.moc"
