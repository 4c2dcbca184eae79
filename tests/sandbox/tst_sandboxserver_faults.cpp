// The sandbox server's fault injection over real loopback HTTP: each kind of fault ordered
// through POST /weft/admin/faults, counts, paths, clearing, listing and invalid orders.
#include "SandboxHttpTestKit.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace weft::sandbox;
using namespace weft::sandbox::testkit;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kInstitutionPath = u"/institutions/get_by_id"_s;

QJsonObject institutionRequest()
{
    return {{u"institution_id"_s, u"ins_109508"_s}, {u"country_codes"_s, QJsonArray{u"US"_s}}};
}

QByteArray rawInstitutionRequest(quint16 port)
{
    return rawPost(kInstitutionPath.toLatin1(), port, QJsonDocument(institutionRequest()).toJson());
}

} // namespace

class TestSandboxServerFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ServerKit::quietLog(); }
    void init()
    {
        EmbeddedSandboxOptions options;
        options.adminRoutes = true;
        QVERIFY(m_kit.start(options));
    }
    void cleanup() { m_kit.sandbox.reset(); }

    void jsonFaults_data();
    void jsonFaults();
    void nonJsonFault();
    void oversizedFault();
    void truncatedFault();
    void dropFault();
    void delayFault();
    void faultCountAndPath();
    void clearFaults();
    void invalidFault_data();
    void invalidFault();

private:
    ServerKit m_kit;
};

void TestSandboxServerFaults::jsonFaults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::newRow("server_error") << u"server_error"_s << 500 << u"API_ERROR"_s
                                  << u"INTERNAL_SERVER_ERROR"_s;
    QTest::newRow("rate_limit") << u"rate_limit"_s << 429 << u"RATE_LIMIT_EXCEEDED"_s
                                << u"RATE_LIMIT"_s;
}

void TestSandboxServerFaults::jsonFaults()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);

    QVERIFY(m_kit.addFault({{u"path"_s, kInstitutionPath}, {u"kind"_s, kind}}));
    const HttpResult faulty = m_kit.post(kInstitutionPath, institutionRequest());
    QCOMPARE(faulty.status, status);
    QVERIFY(faulty.contentType.startsWith("application/json"));
    const QJsonObject error = faulty.json();
    QCOMPARE(error[u"error_type"].toString(), type);
    QCOMPARE(error[u"error_code"].toString(), code);
    QCOMPARE(error[u"request_id"].toString().size(), 15);
    QVERIFY(!error[u"error_message"].toString().isEmpty());
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 200); // count 1 by default
}

void TestSandboxServerFaults::nonJsonFault()
{
    QVERIFY(m_kit.addFault({{u"kind"_s, u"non_json"_s}}));
    const HttpResult page = m_kit.post(kInstitutionPath, institutionRequest());
    QCOMPARE(page.status, 200);
    QVERIFY(page.contentType.startsWith("text/html"));
    QVERIFY(page.body.startsWith("<html"));
    QJsonParseError error{};
    QJsonDocument::fromJson(page.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);

    QVERIFY(m_kit.addFault({{u"kind"_s, u"non_json"_s}, {u"status"_s, 503}}));
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 503);
}

void TestSandboxServerFaults::oversizedFault()
{
    QVERIFY(m_kit.addFault({{u"kind"_s, u"oversized"_s}, {u"size"_s, 200000}}));
    const RawResult result = rawExchange(m_kit.port(), rawInstitutionRequest(m_kit.port()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.contentLength, qint64(result.body.size()));
    QVERIFY(QJsonDocument::fromJson(result.body).isObject());
    QCOMPARE(result.body.size(), 200000);
}

void TestSandboxServerFaults::truncatedFault()
{
    QVERIFY(m_kit.addFault({{u"kind"_s, u"truncated"_s}}));
    const RawResult result = rawExchange(m_kit.port(), rawInstitutionRequest(m_kit.port()));
    QCOMPARE(result.status, 200);
    QVERIFY(result.closed);
    QVERIFY(result.contentLength > 0);
    QVERIFY2(result.body.size() < result.contentLength,
             qPrintable(QString::number(result.body.size())));
    QVERIFY(result.body.startsWith("{\"institution\""));

    // Through QNetworkAccessManager the short answer is an error, not a success.
    QVERIFY(m_kit.addFault({{u"kind"_s, u"truncated"_s}}));
    const HttpResult viaNam = m_kit.post(kInstitutionPath, institutionRequest());
    QVERIFY(viaNam.finished);
    QVERIFY(viaNam.error != QNetworkReply::NoError);
}

void TestSandboxServerFaults::dropFault()
{
    QVERIFY(m_kit.addFault({{u"kind"_s, u"drop"_s}}));
    const RawResult result = rawExchange(m_kit.port(), rawInstitutionRequest(m_kit.port()));
    QVERIFY(result.connected);
    QVERIFY(result.closed);
    QCOMPARE(result.status, 0);
    QVERIFY(result.head.isEmpty() && result.body.isEmpty());
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 200);
}

void TestSandboxServerFaults::delayFault()
{
    QVERIFY(m_kit.addFault({{u"kind"_s, u"delay"_s}, {u"delay_ms"_s, 200}}));
    QElapsedTimer timer;
    timer.start();
    const HttpResult late = m_kit.post(kInstitutionPath, institutionRequest());
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(late.status, 200);
    QCOMPARE(late.json()[u"institution"][u"institution_id"].toString(), u"ins_109508"_s);
    QVERIFY2(elapsed >= 180, qPrintable(QString::number(elapsed)));
    QVERIFY(m_kit.sandbox->server().faults().pending().isEmpty());
}

void TestSandboxServerFaults::faultCountAndPath()
{
    QVERIFY(m_kit.addFault({{u"path"_s, u"/item/get"_s}, {u"kind"_s, u"server_error"_s}}));
    QVERIFY(m_kit.addFault(
        {{u"path"_s, kInstitutionPath}, {u"kind"_s, u"rate_limit"_s}, {u"count"_s, 2}}));
    const QJsonArray listed =
        m_kit.send("GET", u"/weft/admin/faults"_s).json()[u"faults"].toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(1)[u"path"].toString(), kInstitutionPath);
    QCOMPARE(listed.at(1)[u"kind"].toString(), u"rate_limit"_s);
    QCOMPARE(listed.at(1)[u"count"].toInt(), 2);

    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 429);
    QCOMPARE(m_kit.send("GET", u"/weft/admin/faults"_s).json()[u"faults"][1][u"count"].toInt(), 1);
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 429);
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 200);
    // The /item/get fault is untouched by calls elsewhere.
    const QJsonArray left = m_kit.send("GET", u"/weft/admin/faults"_s).json()[u"faults"].toArray();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0)[u"path"].toString(), u"/item/get"_s);

    QVERIFY(m_kit.addFault({{u"path"_s, u"*"_s}, {u"kind"_s, u"server_error"_s}}));
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 500);
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 200);
    QCOMPARE(m_kit.post(u"/item/get"_s, {{u"access_token"_s, u"access-sandbox-x"_s}}).status, 500);
    QCOMPARE(m_kit.post(u"/item/get"_s, {{u"access_token"_s, u"access-sandbox-x"_s}}).status, 400);
}

void TestSandboxServerFaults::clearFaults()
{
    QVERIFY(m_kit.addFault({{u"kind"_s, u"server_error"_s}, {u"count"_s, 5}}));
    QVERIFY(m_kit.addFault({{u"kind"_s, u"drop"_s}}));
    const HttpResult cleared = m_kit.send("POST", u"/weft/admin/faults/clear"_s);
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json()[u"faults"].toArray().size(), 0);
    QCOMPARE(m_kit.post(kInstitutionPath, institutionRequest()).status, 200);
}

void TestSandboxServerFaults::invalidFault_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("kind=drop") << u"JSON object"_s;
    QTest::newRow("unknown kind") << QByteArray(R"({"kind":"explode"})") << u"kind"_s;
    QTest::newRow("no kind") << QByteArray(R"({"path":"/item/get"})") << u"kind"_s;
    QTest::newRow("relative path")
        << QByteArray(R"({"kind":"drop","path":"item/get"})") << u"path"_s;
    QTest::newRow("count 0") << QByteArray(R"({"kind":"drop","count":0})") << u"count"_s;
    QTest::newRow("negative delay")
        << QByteArray(R"({"kind":"delay","delay_ms":-1})") << u"delay_ms"_s;
    QTest::newRow("status 99") << QByteArray(R"({"kind":"non_json","status":99})") << u"status"_s;
    QTest::newRow("size 0") << QByteArray(R"({"kind":"oversized","size":0})") << u"size"_s;
}

void TestSandboxServerFaults::invalidFault()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const HttpResult result = m_kit.send("POST", u"/weft/admin/faults"_s, body);
    QCOMPARE(result.status, 400);
    QVERIFY2(result.field(u"error").contains(reason), result.body.constData());
    QVERIFY(m_kit.sandbox->server().faults().pending().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxServerFaults)
#include "tst_sandboxserver_faults.moc"
