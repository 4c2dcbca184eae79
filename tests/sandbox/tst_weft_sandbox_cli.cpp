// The weft-sandbox executable (path from WEFT_SANDBOX_BINARY), run with QProcess: arguments,
// the base URL on the first line of standard output, --fault, --state across a restart, and
// SIGTERM.
#include "SandboxHttpTestKit.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>

using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

class TestWeftSandboxCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void help();
    void badArguments_data();
    void badArguments();
    void servesOnLoopback();
    void pinnedCredentials();
    void faultOption();
    void adminRoutes_data();
    void adminRoutes();
    void stateSurvivesRestart();
    void corruptStateFile();

private:
    // Starts weft-sandbox and reads the base URL from its first line of output (an invalid URL
    // when it printed none within 5 s).
    QProcess *launch(const QStringList &arguments, QUrl *baseUrl);
    bool terminate(QProcess *process);
    // A new Item at First Platypus Bank through the HTTP API: its access token, or empty.
    QString createItem(const QUrl &base);

    QString m_binary;
    QNetworkAccessManager m_nam;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

void TestWeftSandboxCli::initTestCase()
{
    m_binary = qEnvironmentVariable("WEFT_SANDBOX_BINARY");
    QVERIFY2(QFileInfo(m_binary).isExecutable(),
             qPrintable(u"WEFT_SANDBOX_BINARY is not an executable: "_s + m_binary));
}

void TestWeftSandboxCli::cleanup()
{
    for (const auto &process : m_processes) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    m_processes.clear();
}

QProcess *TestWeftSandboxCli::launch(const QStringList &arguments, QUrl *baseUrl)
{
    m_processes.push_back(std::make_unique<QProcess>());
    QProcess *process = m_processes.back().get();
    process->start(m_binary, arguments);
    *baseUrl = QUrl();
    if (!process->waitForStarted(5000))
        return process;
    if (QTest::qWaitFor(
            [&] { return process->canReadLine() || process->state() != QProcess::Running; },
            5000) &&
        process->canReadLine()) {
        *baseUrl = QUrl(QString::fromUtf8(process->readLine().trimmed()));
    }
    return process;
}

bool TestWeftSandboxCli::terminate(QProcess *process)
{
    process->terminate(); // SIGTERM
    return process->waitForFinished(5000) && process->exitStatus() == QProcess::NormalExit &&
           process->exitCode() == 0;
}

QString TestWeftSandboxCli::createItem(const QUrl &base)
{
    const QJsonObject create{{u"institution_id"_s, u"ins_109508"_s},
                             {u"initial_products"_s, QJsonArray{u"transactions"_s}}};
    const QString publicToken =
        postApi(m_nam, base, u"/sandbox/public_token/create"_s, create).field(u"public_token");
    return postApi(m_nam, base, u"/item/public_token/exchange"_s,
                   {{u"public_token"_s, publicToken}})
        .field(u"access_token");
}

void TestWeftSandboxCli::help()
{
    QProcess process;
    process.start(m_binary, {u"--help"_s});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QByteArray text = process.readAllStandardOutput();
    for (const char *option : {"--port", "--state", "--fault", "--client-id", "--secret"})
        QVERIFY2(text.contains(option), option);
}

void TestWeftSandboxCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("port out of range")
        << QStringList{u"--port"_s, u"70000"_s} << QByteArray("--port");
    QTest::newRow("port not a number")
        << QStringList{u"--port"_s, u"http"_s} << QByteArray("--port");
    QTest::newRow("client id alone")
        << QStringList{u"--client-id"_s, u"abc"_s} << QByteArray("--secret");
    QTest::newRow("secret alone") << QStringList{u"--secret"_s, u"xyz"_s}
                                  << QByteArray("--client-id");
    QTest::newRow("bad fault") << QStringList{u"--fault"_s, u"/item/get:explode"_s}
                               << QByteArray("--fault");
}

void TestWeftSandboxCli::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    QProcess process;
    process.start(m_binary, arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty()); // no URL: it never listened
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(errors.contains(message), errors.constData());
}

void TestWeftSandboxCli::servesOnLoopback()
{
    QUrl base;
    QProcess *process = launch({u"--port"_s, u"0"_s}, &base);
    const QRegularExpression urlLine(u"^http://127\\.0\\.0\\.1:(\\d+)$"_s);
    const QRegularExpressionMatch match = urlLine.match(base.toString());
    QVERIFY2(match.hasMatch(), qPrintable(base.toString()));
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0 && port <= 65535);

    const HttpResult result = postApi(
        m_nam, base, u"/institutions/get_by_id"_s,
        {{u"institution_id"_s, u"ins_109508"_s}, {u"country_codes"_s, QJsonArray{u"US"_s}}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json()[u"institution"][u"institution_id"].toString(), u"ins_109508"_s);
    QVERIFY(terminate(process));
}

void TestWeftSandboxCli::pinnedCredentials()
{
    QUrl base;
    QProcess *process = launch({u"--client-id"_s, QString::fromLatin1(kHttpClientId), u"--secret"_s,
                                QString::fromLatin1(kHttpSecret)},
                               &base);
    QVERIFY(base.isValid());
    const QJsonObject body{{u"institution_id"_s, u"ins_109508"_s},
                           {u"country_codes"_s, QJsonArray{u"US"_s}}};
    QCOMPARE(postApi(m_nam, base, u"/institutions/get_by_id"_s, body).status, 200);
    const HttpResult refused =
        postApi(m_nam, base, u"/institutions/get_by_id"_s, body, "another-secret");
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.field(u"error_code"), u"INVALID_API_KEYS"_s);
    QVERIFY(terminate(process));
    const QByteArray output = process->readAllStandardOutput() + process->readAllStandardError();
    QVERIFY2(!output.contains(kHttpSecret), "the secret appeared in the output");
}

void TestWeftSandboxCli::faultOption()
{
    QUrl base;
    QProcess *process = launch({u"--fault"_s, u"/item/get:server_error:1"_s}, &base);
    QVERIFY(base.isValid());
    const QString access = createItem(base);
    QVERIFY(!access.isEmpty());
    const HttpResult first = postApi(m_nam, base, u"/item/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(first.status, 500);
    QCOMPARE(first.field(u"error_type"), u"API_ERROR"_s);
    QCOMPARE(first.field(u"error_code"), u"INTERNAL_SERVER_ERROR"_s);
    const HttpResult second = postApi(m_nam, base, u"/item/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(second.status, 200);
    QVERIFY(terminate(process));
}

void TestWeftSandboxCli::adminRoutes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::newRow("default: on") << QStringList() << 200;
    QTest::newRow("--no-admin") << QStringList{u"--no-admin"_s} << 403;
}

void TestWeftSandboxCli::adminRoutes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QUrl base;
    QProcess *process = launch(arguments, &base);
    QVERIFY(base.isValid());
    QCOMPARE(httpSend(m_nam, "GET", base.resolved(QUrl(u"/weft/admin/faults"_s))).status, status);
    QVERIFY(terminate(process));
}

void TestWeftSandboxCli::stateSurvivesRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(u"sandbox-state.json"_s);

    QUrl base;
    QProcess *first = launch({u"--state"_s, state}, &base);
    QVERIFY(base.isValid());
    const QString access = createItem(base);
    QVERIFY(!access.isEmpty());
    const QString itemId = postApi(m_nam, base, u"/item/get"_s, {{u"access_token"_s, access}})
                               .json()[u"item"][u"item_id"]
                               .toString();
    QVERIFY(!itemId.isEmpty());
    QVERIFY(terminate(first)); // SIGTERM: exit 0 within 5 s, state flushed

    QFile file(state);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains(itemId.toUtf8()));
    QVERIFY(!content.contains(access.toUtf8()));

    QProcess *second = launch({u"--state"_s, state}, &base);
    QVERIFY(base.isValid());
    const HttpResult again = postApi(m_nam, base, u"/item/get"_s, {{u"access_token"_s, access}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json()[u"item"][u"item_id"].toString(), itemId);
    QVERIFY(terminate(second));
}

void TestWeftSandboxCli::corruptStateFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(u"broken-state.json"_s);
    const QByteArray garbage =
        QByteArray("{\"format\": \"weft-sandbox-state\", ") + QByteArray("\x01\x02 not json");
    QFile file(state);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(garbage), qint64(garbage.size()));
    file.close();

    QProcess process;
    process.start(m_binary, {u"--port"_s, u"0"_s, u"--state"_s, state});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(errors.contains(state.toUtf8()), errors.constData());

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
}

QTEST_GUILESS_MAIN(TestWeftSandboxCli)
#include "tst_weft_sandbox_cli.moc"
