// /transactions/sync and /transactions/refresh as Plaid's Sandbox behaves: the history in pages,
// cursors that move on and survive a restart, a refresh that brings a pending purchase (posted
// at the next refresh: removed, then added naming it) and a merchant name, and the
// SYNC_UPDATES_AVAILABLE webhook.
#include "SandboxApiTestKit.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kHook = u"https://hooks.example.com/plaid"_s;
constexpr int kHistory = 28; // 12 for checking, 12 for savings, 4 for the credit card

QJsonObject syncBody(const QString &access, const QString &cursor = {}, int count = 0)
{
    QJsonObject body{{u"access_token"_s, access}};
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    if (count > 0)
        body.insert(u"count"_s, count);
    return body;
}

} // namespace

class TestSandboxApiTransactions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietSandboxLog(); }
    void init() { m_kit.reset(); }

    void historyThenNothingNew();
    void pages();
    void mutationDuringPagination();
    void refreshBringsChanges();
    void refreshWebhook();
    void oneAccount();
    void refusals_data();
    void refusals();
    void cursorsSurviveARestart();

private:
    QString itemWithWebhook();
    ApiKit m_kit;
};

QString TestSandboxApiTransactions::itemWithWebhook()
{
    const SandboxResponse created = m_kit.post(
        u"/sandbox/public_token/create"_s, {{u"institution_id"_s, kBank},
                                            {u"initial_products"_s, QJsonArray{u"transactions"_s}},
                                            {u"options"_s, QJsonObject{{u"webhook"_s, kHook}}}});
    return created.status == 200 ? m_kit.exchange(created.body[u"public_token"].toString())
                                 : QString();
}

void TestSandboxApiTransactions::historyThenNothingNew()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const SandboxResponse first = m_kit.post(u"/transactions/sync"_s, syncBody(access));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body[u"transactions_update_status"].toString(), u"HISTORICAL_UPDATE_COMPLETE"_s);
    const QJsonArray added = first.body[u"added"].toArray();
    QCOMPARE(added.size(), kHistory);
    QVERIFY(first.body[u"modified"].toArray().isEmpty() &&
            first.body[u"removed"].toArray().isEmpty());
    QCOMPARE(first.body[u"has_more"].toBool(), false);
    QCOMPARE(first.body[u"accounts"].toArray().size(), 9);
    const QDate today = m_kit.clock->now().toUTC().date();
    for (const QJsonValue t : added) {
        const QDate date = QDate::fromString(t[u"date"].toString(), Qt::ISODate);
        QVERIFY(date.isValid() && date <= today && date >= today.addDays(-30));
        QCOMPARE(t[u"pending"].toBool(), false);
        QCOMPARE(t[u"iso_currency_code"].toString(), u"USD"_s);
    }
    const QString cursor = first.body[u"next_cursor"].toString();
    QVERIFY(!cursor.isEmpty());
    const SandboxResponse again = m_kit.post(u"/transactions/sync"_s, syncBody(access, cursor));
    QCOMPARE(again.status, 200);
    QVERIFY(again.body[u"added"].toArray().isEmpty());
    QCOMPARE(again.body[u"next_cursor"].toString(), cursor);
    QCOMPARE(again.body[u"has_more"].toBool(), false);
}

void TestSandboxApiTransactions::pages()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    QString cursor;
    QStringList seen;
    int pages = 0;
    bool more = true;
    while (more && pages < 10) {
        const SandboxResponse page =
            m_kit.post(u"/transactions/sync"_s, syncBody(access, cursor, 10));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body[u"added"].toArray().size() <= 10);
        seen += valuesOf(page.body[u"added"], u"transaction_id");
        cursor = page.body[u"next_cursor"].toString();
        more = page.body[u"has_more"].toBool();
        ++pages;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), kHistory);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), kHistory); // each once
}

void TestSandboxApiTransactions::mutationDuringPagination()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QString start =
        m_kit.post(u"/transactions/sync"_s, syncBody(access)).body[u"next_cursor"].toString();
    // New activity, then a pagination of it one change a page: a refresh between two pages makes
    // the next page fail, as Plaid's does.
    QCOMPARE(m_kit.post(u"/transactions/refresh"_s, {{u"access_token"_s, access}}).status, 200);
    const SandboxResponse first = m_kit.post(u"/transactions/sync"_s, syncBody(access, start, 1));
    QCOMPARE(first.status, 200);
    QVERIFY(first.body[u"has_more"].toBool());
    const QString middle = first.body[u"next_cursor"].toString();
    QCOMPARE(m_kit.post(u"/transactions/refresh"_s, {{u"access_token"_s, access}}).status, 200);
    CHECK_ERROR(m_kit.post(u"/transactions/sync"_s, syncBody(access, middle, 1)), 400,
                u"TRANSACTIONS_ERROR"_s, u"TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION"_s,
                u"restart pagination"_s);
    // Starting over from the pagination's first cursor works, and sees both refreshes.
    QString cursor = start;
    QStringList added;
    QStringList removed;
    bool more = true;
    for (int page = 0; more && page < 20; ++page) {
        const SandboxResponse answer =
            m_kit.post(u"/transactions/sync"_s, syncBody(access, cursor, 1));
        QCOMPARE(answer.status, 200);
        added += valuesOf(answer.body[u"added"], u"transaction_id");
        removed += valuesOf(answer.body[u"removed"], u"transaction_id");
        cursor = answer.body[u"next_cursor"].toString();
        more = answer.body[u"has_more"].toBool();
    }
    QVERIFY(!more);
    QCOMPARE(removed.size(), 1); // the pending purchase, posted by the second refresh
    QVERIFY(added.contains(removed.first()));
    // A cursor at the end of a pagination stays good whatever happens next.
    QCOMPARE(m_kit.post(u"/transactions/refresh"_s, {{u"access_token"_s, access}}).status, 200);
    QCOMPARE(m_kit.post(u"/transactions/sync"_s, syncBody(access, cursor)).status, 200);
}

void TestSandboxApiTransactions::refreshBringsChanges()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const QString start =
        m_kit.post(u"/transactions/sync"_s, syncBody(access)).body[u"next_cursor"].toString();
    QCOMPARE(m_kit.post(u"/transactions/refresh"_s, {{u"access_token"_s, access}}).status, 200);
    const SandboxResponse after = m_kit.post(u"/transactions/sync"_s, syncBody(access, start));
    const QJsonArray added = after.body[u"added"].toArray();
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0)[u"pending"].toBool(), true);
    QCOMPARE(added.at(0)[u"name"].toString(), u"Starbucks"_s);
    const QString pendingId = added.at(0)[u"transaction_id"].toString();
    const QJsonArray modified = after.body[u"modified"].toArray();
    QCOMPARE(modified.size(), 2); // SparkFun, on checking and on savings, is recognised
    for (const QJsonValue t : modified)
        QCOMPARE(t[u"merchant_name"].toString(), u"SparkFun Electronics"_s);

    // The next refresh posts the purchase: the pending one goes, the posted one names it.
    const QString middle = after.body[u"next_cursor"].toString();
    QCOMPARE(m_kit.post(u"/transactions/refresh"_s, {{u"access_token"_s, access}}).status, 200);
    const SandboxResponse posted = m_kit.post(u"/transactions/sync"_s, syncBody(access, middle));
    QCOMPARE(valuesOf(posted.body[u"removed"], u"transaction_id"), QStringList{pendingId});
    QVERIFY(posted.body[u"removed"][0].toObject().contains(u"account_id"));
    bool found = false;
    for (const QJsonValue t : posted.body[u"added"].toArray()) {
        if (t[u"pending_transaction_id"].toString() == pendingId) {
            found = true;
            QCOMPARE(t[u"pending"].toBool(), false);
        }
    }
    QVERIFY(found);
    QVERIFY(posted.body[u"modified"].toArray().isEmpty()); // once named, stays named
}

void TestSandboxApiTransactions::refreshWebhook()
{
    const QString access = itemWithWebhook();
    QVERIFY(!access.isEmpty());
    QSignalSpy fired(m_kit.api.get(), &SandboxApi::webhookFired);
    QCOMPARE(m_kit.post(u"/transactions/refresh"_s, {{u"access_token"_s, access}}).status, 200);
    QCOMPARE(fired.size(), 1);
    const QJsonObject payload = fired.at(0).at(1).toJsonObject();
    QCOMPARE(payload[u"webhook_type"].toString(), u"TRANSACTIONS"_s);
    QCOMPARE(payload[u"webhook_code"].toString(), u"SYNC_UPDATES_AVAILABLE"_s);
    QCOMPARE(payload[u"historical_update_complete"].toBool(), true);
    // fire_webhook can send it too; an Item without transactions cannot.
    QCOMPARE(
        m_kit
            .post(u"/sandbox/item/fire_webhook"_s,
                  {{u"access_token"_s, access}, {u"webhook_code"_s, u"SYNC_UPDATES_AVAILABLE"_s}})
            .status,
        200);
    QCOMPARE(fired.size(), 2);
    const SandboxResponse other = m_kit.post(u"/sandbox/public_token/create"_s,
                                             {{u"institution_id"_s, kBank},
                                              {u"initial_products"_s, QJsonArray{u"auth"_s}},
                                              {u"options"_s, QJsonObject{{u"webhook"_s, kHook}}}});
    const QString authOnly = m_kit.exchange(other.body[u"public_token"].toString());
    CHECK_ERROR(m_kit.post(u"/sandbox/item/fire_webhook"_s,
                           {{u"access_token"_s, authOnly},
                            {u"webhook_code"_s, u"SYNC_UPDATES_AVAILABLE"_s}}),
                400, u"SANDBOX_ERROR"_s, u"SANDBOX_PRODUCT_NOT_ENABLED"_s);
}

void TestSandboxApiTransactions::oneAccount()
{
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const SandboxResponse accounts = m_kit.post(u"/accounts/get"_s, {{u"access_token"_s, access}});
    const QString card = accounts.body[u"accounts"][3][u"account_id"].toString();
    QJsonObject body = syncBody(access);
    body.insert(u"options"_s, QJsonObject{{u"account_id"_s, card}});
    const SandboxResponse sync = m_kit.post(u"/transactions/sync"_s, body);
    QCOMPARE(sync.status, 200);
    QCOMPARE(sync.body[u"added"].toArray().size(), 4);
    for (const QJsonValue t : sync.body[u"added"].toArray())
        QCOMPARE(t[u"account_id"].toString(), card);
    QCOMPARE(valuesOf(sync.body[u"accounts"], u"account_id"), QStringList{card});
}

void TestSandboxApiTransactions::refusals_data()
{
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("count 0") << QJsonObject{{u"count"_s, 0}} << u"INVALID_FIELD"_s << u"count"_s;
    QTest::newRow("count 501") << QJsonObject{{u"count"_s, 501}} << u"INVALID_FIELD"_s
                               << u"count"_s;
    QTest::newRow("made-up cursor")
        << QJsonObject{{u"cursor"_s, u"bm9wZQ"_s}} << u"INVALID_FIELD"_s << u"cursor"_s;
    QTest::newRow("cursor past the end")
        << QJsonObject{{u"cursor"_s,
                        QString::fromLatin1(QByteArray("v1:ITEM:999")
                                                .toBase64(QByteArray::Base64UrlEncoding |
                                                          QByteArray::OmitTrailingEquals))}}
        << u"INVALID_FIELD"_s << u"cursor"_s;
    QTest::newRow("unknown account")
        << QJsonObject{{u"options"_s, QJsonObject{{u"account_id"_s, u"nope"_s}}}}
        << u"INVALID_ACCOUNT_ID"_s << QString();
}

void TestSandboxApiTransactions::refusals()
{
    QFETCH(QJsonObject, extra);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    QJsonObject body = syncBody(access);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        body.insert(it.key(), it.value());
    const SandboxResponse answer = m_kit.post(u"/transactions/sync"_s, body);
    CHECK_ERROR(answer, 400, code == u"INVALID_FIELD" ? u"INVALID_REQUEST"_s : u"INVALID_INPUT"_s,
                code, messagePart);
    // Another Item's cursor is not this one's.
    const QString other = m_kit.accessToken();
    const QString otherCursor =
        m_kit.post(u"/transactions/sync"_s, syncBody(other)).body[u"next_cursor"].toString();
    CHECK_ERROR(m_kit.post(u"/transactions/sync"_s, syncBody(access, otherCursor)), 400,
                u"INVALID_REQUEST"_s, u"INVALID_FIELD"_s, u"cursor"_s);
}

void TestSandboxApiTransactions::cursorsSurviveARestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sandbox.json"_s);
    QString error;
    QVERIFY2(m_kit.api->attachStateFile(path, &error), qPrintable(error));
    const QString access = m_kit.accessToken();
    QVERIFY(!access.isEmpty());
    const SandboxResponse first = m_kit.post(u"/transactions/sync"_s, syncBody(access, {}, 5));
    const QString cursor = first.body[u"next_cursor"].toString();
    QVERIFY(first.body[u"has_more"].toBool());

    m_kit.api.reset();
    m_kit.api = std::make_unique<SandboxApi>(m_kit.clock.get(), SandboxCredentials{});
    QVERIFY2(m_kit.api->attachStateFile(path, &error), qPrintable(error));
    const SandboxResponse rest = m_kit.post(u"/transactions/sync"_s, syncBody(access, cursor));
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.body[u"added"].toArray().size(), kHistory - 5);
    m_kit.api.reset(); // lets go of the state file before its folder goes
}

QTEST_GUILESS_MAIN(TestSandboxApiTransactions)
#include "tst_sandboxapi_transactions.moc"
