#include "core/Logging.h"
#include "core/Redaction.h"

#include <QLoggingCategory>
#include <QtTest>

using namespace weft;

namespace {
QStringList s_captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_captured.append(message);
}
} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT

private slots:
    void redactsText_data();
    void redactsText();
    void registeredSecrets();
    void messageHandlerRedactsEveryMessage();
};

void TestRedaction::redactsText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("access token")
        << QStringLiteral("token access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970 stored")
        << QStringLiteral("token access-sandbox-[REDACTED] stored");
    QTest::newRow("public token production")
        << QStringLiteral("public-production-0a1b2c3d-0000-1111-2222-333344445555")
        << QStringLiteral("public-production-[REDACTED]");
    QTest::newRow("development environment") << QStringLiteral("access-development-abc123")
                                             << QStringLiteral("access-development-[REDACTED]");
    QTest::newRow("json secret field")
        << QStringLiteral(R"({"client_id":"abc","secret":"s3cr3t-value","x":1})")
        << QStringLiteral(R"({"client_id":"abc","secret":"[REDACTED]","x":1})");
    QTest::newRow("json access_token with escapes")
        << QStringLiteral(R"({"access_token": "odd\"value"})")
        << QStringLiteral(R"({"access_token": "[REDACTED]"})");
    QTest::newRow("weft-server access token")
        << QStringLiteral("Authorization: Bearer wsa-q3Xv_0-9aZkLmNoPqRsTuVwXyZ0123456789abcdEf")
        << QStringLiteral("Authorization: Bearer wsa-[REDACTED]");
    QTest::newRow("weft-server refresh token in JSON")
        << QStringLiteral(R"({"refresh_token":"not-prefixed-at-all","user":1})")
        << QStringLiteral(R"({"refresh_token":"[REDACTED]","user":1})");
    QTest::newRow("weft-server refresh token")
        << QStringLiteral("refresh wsr-Q3Xv_0-9aZkLmNoPqRsTuVwXyZ0123456789abcdEf failed")
        << QStringLiteral("refresh wsr-[REDACTED] failed");
    QTest::newRow("enrolment code in JSON") << QStringLiteral(R"({"enrolment_code":"ABCD-EFGH"})")
                                            << QStringLiteral(R"({"enrolment_code":"[REDACTED]"})");
    QTest::newRow("link token kept")
        << QStringLiteral("link-sandbox-1234") << QStringLiteral("link-sandbox-1234");
    QTest::newRow("ordinary text kept")
        << QStringLiteral("accessible public data") << QStringLiteral("accessible public data");
}

void TestRedaction::redactsText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(redaction::redact(input), expected);
}

void TestRedaction::registeredSecrets()
{
    const QString secret = QStringLiteral("weft-secret-9f8e7d");
    QVERIFY(redaction::redact(secret).contains(secret));
    redaction::registerSecret(secret);
    QCOMPARE(redaction::redact(QStringLiteral("key=") + secret), QStringLiteral("key=[REDACTED]"));
    redaction::registerSecret(QStringLiteral("abc")); // too short to mask
    QCOMPARE(redaction::redact(QStringLiteral("abcdef")), QStringLiteral("abcdef"));
    redaction::forgetSecret(secret);
    QVERIFY(redaction::redact(secret).contains(secret));
}

void TestRedaction::messageHandlerRedactsEveryMessage()
{
    qInstallMessageHandler(capture);
    installRedactingMessageHandler();
    const QString secret = QStringLiteral("client-secret-7c6b5a");
    redaction::registerSecret(secret);
    QLoggingCategory::setFilterRules(QStringLiteral("weft.*=true"));
    qCWarning(lcCore) << "exchanged"
                      << QStringLiteral("access-sandbox-00000000-1111-2222-3333-444444444444")
                      << "with" << secret;
    qInfo("public token %s", "public-sandbox-00000000-1111-2222-3333-444444444444");
    qInstallMessageHandler(nullptr);
    QCOMPARE(s_captured.size(), 2);
    for (const QString &line : std::as_const(s_captured)) {
        QVERIFY2(!line.contains(u"00000000-1111"), qPrintable(line));
        QVERIFY2(!line.contains(secret), qPrintable(line));
        QVERIFY2(line.contains(u"[REDACTED]"), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
