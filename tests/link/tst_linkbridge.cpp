// LinkBridge: every call from the page is checked for origin, size and shape before anything
// reaches the controller.
#include "link/LinkBridge.h"
#include "support/UtcDateTime.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace weft::link;

namespace {

const QUrl kHost(QStringLiteral("http://127.0.0.1:4242/weft/host/index.html"));
const QString kPublicToken = QStringLiteral("public-sandbox-0b2c5a70-4d8e-4f6a-9c1d-2e3f4a5b6c7d");

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject goodMetadata()
{
    return {{QStringLiteral("institution"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("First Platypus Bank")},
                         {QStringLiteral("institution_id"), QStringLiteral("ins_109508")}}},
            {QStringLiteral("accounts"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("acc1")},
                                    {QStringLiteral("name"), QStringLiteral("Plaid Checking")},
                                    {QStringLiteral("mask"), QStringLiteral("0000")},
                                    {QStringLiteral("type"), QStringLiteral("depository")},
                                    {QStringLiteral("subtype"), QStringLiteral("checking")},
                                    {QStringLiteral("verification_status"), QJsonValue::Null}}}},
            {QStringLiteral("link_session_id"), QStringLiteral("sess-1")}};
}

} // namespace

class TestLinkBridge : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createWaitsForTheHostPage();
    void successIsTyped();
    void rejectedSuccess_data();
    void rejectedSuccess();
    void rejectedFromAnotherOrigin_data();
    void rejectedFromAnotherOrigin();
    void oversizedAndMalformedPayloads_data();
    void oversizedAndMalformedPayloads();
    void staleHandlerIgnored();
    void oneOutcomePerSession();
    void outcomesOnlyWhileOpen();
    void objectNameIsPutBack();
    void exitWithError();
    void events();

private:
    std::unique_ptr<LinkBridge> m_bridge;
    QUrl m_pageUrl;
    int m_handler = 0;
};

void TestLinkBridge::init()
{
    m_pageUrl = kHost;
    m_bridge = std::make_unique<LinkBridge>(kHost, [this] { return m_pageUrl; });
    QSignalSpy create(m_bridge.get(), &LinkBridge::createRequested);
    m_bridge->hostReady(QStringLiteral("{}"));
    m_handler = m_bridge->createHandler(QStringLiteral("link-sandbox-x"),
                                        QUrl(QStringLiteral("http://127.0.0.1:4242/link.js")));
    QCOMPARE(create.size(), 1);
    m_bridge->openHandler(); // the user opened Link: its outcome is awaited
}

void TestLinkBridge::createWaitsForTheHostPage()
{
    LinkBridge bridge(kHost, [] { return kHost; });
    QSignalSpy create(&bridge, &LinkBridge::createRequested);
    const int id = bridge.createHandler(QStringLiteral("link-sandbox-y"),
                                        QUrl(QStringLiteral("http://127.0.0.1:1/s.js")));
    QCOMPARE(create.size(), 0);
    bridge.hostReady(QStringLiteral("{}"));
    QCOMPARE(create.size(), 1);
    const QJsonObject config =
        QJsonDocument::fromJson(create.at(0).at(0).toString().toUtf8()).object();
    QCOMPARE(config.value(QLatin1StringView("handler_id")).toInt(), id);
    QCOMPARE(config.value(QLatin1StringView("token")).toString(), QStringLiteral("link-sandbox-y"));
}

void TestLinkBridge::successIsTyped()
{
    QSignalSpy spy(m_bridge.get(), &LinkBridge::linkSucceeded);
    m_bridge->succeeded(json({{QStringLiteral("handler_id"), m_handler},
                              {QStringLiteral("public_token"), kPublicToken},
                              {QStringLiteral("metadata"), goodMetadata()}}));
    QCOMPARE(spy.size(), 1);
    const auto success = spy.at(0).at(0).value<LinkSuccess>();
    QCOMPARE(success.publicToken, kPublicToken);
    QCOMPARE(success.institution->institutionId, QStringLiteral("ins_109508"));
    QCOMPARE(success.accounts.size(), 1);
    QCOMPARE(success.accounts.first().mask, QStringLiteral("0000"));
    QCOMPARE(success.linkSessionId, QStringLiteral("sess-1"));
    QVERIFY(!success.metadata.contains(QLatin1StringView("public_token")));
}

void TestLinkBridge::rejectedSuccess_data()
{
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<QString>("reason");
    auto with = [](const char *key, const QJsonValue &value) {
        QJsonObject metadata = goodMetadata();
        if (value.isUndefined())
            metadata.remove(QLatin1StringView(key));
        else
            metadata.insert(QLatin1StringView(key), value);
        return metadata;
    };
    auto payload = [](const QJsonValue &token, const QJsonValue &metadata) {
        QJsonObject object{{QStringLiteral("public_token"), token},
                           {QStringLiteral("metadata"), metadata}};
        return object;
    };
    QTest::newRow("token missing") << payload(QJsonValue(), goodMetadata()) << "public_token";
    QTest::newRow("access token instead")
        << payload(
               QString(kPublicToken).replace(QStringLiteral("public"), QStringLiteral("access")),
               goodMetadata())
        << "public_token";
    QTest::newRow("token is a number") << payload(42, goodMetadata()) << "public_token";
    QTest::newRow("metadata missing")
        << payload(kPublicToken, QJsonValue()) << "metadata must be an object";
    QTest::newRow("accounts not array")
        << payload(kPublicToken, with("accounts", QStringLiteral("all")))
        << "metadata.accounts must be an array";
    QTest::newRow("account without id")
        << payload(kPublicToken,
                   with("accounts",
                        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}}))
        << "metadata.accounts[0].id";
    QTest::newRow("mask is a number")
        << payload(
               kPublicToken,
               with("accounts", QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                                       {QStringLiteral("mask"), 0}}}))
        << "mask must be a string";
    QTest::newRow("institution is text")
        << payload(kPublicToken, with("institution", QStringLiteral("bank")))
        << "metadata.institution must be an object";
    QTest::newRow("no link_session_id")
        << payload(kPublicToken, with("link_session_id", QJsonValue::Undefined))
        << "link_session_id";
}

void TestLinkBridge::rejectedSuccess()
{
    QFETCH(QJsonObject, payload);
    QFETCH(QString, reason);
    payload.insert(QStringLiteral("handler_id"), m_handler);
    QSignalSpy accepted(m_bridge.get(), &LinkBridge::linkSucceeded);
    QSignalSpy rejected(m_bridge.get(), &LinkBridge::rejected);
    m_bridge->succeeded(json(payload));
    QCOMPARE(accepted.size(), 0);
    QCOMPARE(rejected.size(), 1);
    QVERIFY2(rejected.at(0).at(1).toString().contains(reason),
             qPrintable(rejected.at(0).at(1).toString()));
}

void TestLinkBridge::rejectedFromAnotherOrigin_data()
{
    QTest::addColumn<QUrl>("pageUrl");
    QTest::newRow("other host") << QUrl(QStringLiteral("http://evil.example/weft/host/index.html"));
    QTest::newRow("other port") << QUrl(
        QStringLiteral("http://127.0.0.1:4243/weft/host/index.html"));
    QTest::newRow("https variant")
        << QUrl(QStringLiteral("https://127.0.0.1:4242/weft/host/index.html"));
    QTest::newRow("file") << QUrl(QStringLiteral("file:///tmp/index.html"));
    QTest::newRow("no page") << QUrl();
}

void TestLinkBridge::rejectedFromAnotherOrigin()
{
    QFETCH(QUrl, pageUrl);
    m_pageUrl = pageUrl;
    QSignalSpy accepted(m_bridge.get(), &LinkBridge::linkSucceeded);
    QSignalSpy loaded(m_bridge.get(), &LinkBridge::handlerLoaded);
    QSignalSpy rejected(m_bridge.get(), &LinkBridge::rejected);
    m_bridge->loaded(json({{QStringLiteral("handler_id"), m_handler}}));
    m_bridge->succeeded(json({{QStringLiteral("handler_id"), m_handler},
                              {QStringLiteral("public_token"), kPublicToken},
                              {QStringLiteral("metadata"), goodMetadata()}}));
    QCOMPARE(accepted.size(), 0);
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(rejected.size(), 2);
    QVERIFY(rejected.at(0).at(1).toString().contains(u"not the host page"));
}

void TestLinkBridge::oversizedAndMalformedPayloads_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("reason");
    QString big = json(
        {{QStringLiteral("handler_id"), 1}, {QStringLiteral("pad"), QString(70 * 1024, u'x')}});
    QTest::newRow("over 64 KiB") << big << "exceeds";
    QTest::newRow("not JSON") << QStringLiteral("{nope") << "not a JSON object";
    QTest::newRow("JSON array") << QStringLiteral("[1,2]") << "not a JSON object";
    QTest::newRow("no handler id") << QStringLiteral("{}") << "handler_id is missing";
    QTest::newRow("handler id is text")
        << QStringLiteral(R"({"handler_id":"1"})") << "handler_id is missing";
}

void TestLinkBridge::oversizedAndMalformedPayloads()
{
    QFETCH(QString, payload);
    QFETCH(QString, reason);
    QSignalSpy exited(m_bridge.get(), &LinkBridge::linkExited);
    QSignalSpy rejected(m_bridge.get(), &LinkBridge::rejected);
    m_bridge->exited(payload);
    QCOMPARE(exited.size(), 0);
    QCOMPARE(rejected.size(), 1);
    QVERIFY2(rejected.at(0).at(1).toString().contains(reason),
             qPrintable(rejected.at(0).at(1).toString()));
}

void TestLinkBridge::staleHandlerIgnored()
{
    const int old = m_handler;
    m_bridge->destroyHandler();
    QSignalSpy loaded(m_bridge.get(), &LinkBridge::handlerLoaded);
    QSignalSpy rejected(m_bridge.get(), &LinkBridge::rejected);
    m_bridge->loaded(json({{QStringLiteral("handler_id"), old}}));
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(rejected.size(), 1);
    const int fresh = m_bridge->createHandler(QStringLiteral("link-sandbox-z"),
                                              QUrl(QStringLiteral("http://127.0.0.1:1/s.js")));
    QVERIFY(fresh != old);
    m_bridge->loaded(json({{QStringLiteral("handler_id"), fresh}}));
    QCOMPARE(loaded.size(), 1);
}

void TestLinkBridge::oneOutcomePerSession()
{
    QSignalSpy succeeded(m_bridge.get(), &LinkBridge::linkSucceeded);
    QSignalSpy exited(m_bridge.get(), &LinkBridge::linkExited);
    const QString success = json({{QStringLiteral("handler_id"), m_handler},
                                  {QStringLiteral("public_token"), kPublicToken},
                                  {QStringLiteral("metadata"), goodMetadata()}});
    const QString exit =
        json({{QStringLiteral("handler_id"), m_handler},
              {QStringLiteral("error"), QJsonValue::Null},
              {QStringLiteral("metadata"),
               QJsonObject{{QStringLiteral("status"), QStringLiteral("requires_credentials")}}}});
    m_bridge->exited(exit);
    m_bridge->succeeded(success); // success after exit: ignored
    m_bridge->exited(exit);       // a second exit: ignored
    QCOMPARE(exited.size(), 1);
    QCOMPARE(succeeded.size(), 0);
    m_bridge->openHandler(); // a new session on the same handler
    m_bridge->succeeded(success);
    m_bridge->succeeded(success); // duplicate success: ignored
    QCOMPARE(succeeded.size(), 1);
}

void TestLinkBridge::outcomesOnlyWhileOpen()
{
    // A page that forges onSuccess while Link is closed (the handler preloaded, never opened)
    // gets nothing: no exchange can follow.
    LinkBridge bridge(kHost, [] { return kHost; });
    bridge.hostReady(QStringLiteral("{}"));
    const int id = bridge.createHandler(QStringLiteral("link-sandbox-q"),
                                        QUrl(QStringLiteral("http://127.0.0.1:1/s.js")));
    QSignalSpy succeeded(&bridge, &LinkBridge::linkSucceeded);
    QSignalSpy exited(&bridge, &LinkBridge::linkExited);
    QSignalSpy rejected(&bridge, &LinkBridge::rejected);
    const QString success = json({{QStringLiteral("handler_id"), id},
                                  {QStringLiteral("public_token"), kPublicToken},
                                  {QStringLiteral("metadata"), goodMetadata()}});
    const QString exit = json({{QStringLiteral("handler_id"), id},
                               {QStringLiteral("error"), QJsonValue::Null},
                               {QStringLiteral("metadata"), QJsonObject{}}});
    bridge.succeeded(success);
    bridge.exited(exit);
    QCOMPARE(succeeded.size(), 0);
    QCOMPARE(exited.size(), 0);
    QCOMPARE(rejected.size(), 2);
    QVERIFY(rejected.at(0).at(1).toString().contains(u"not open"));
    // Opened: now it counts, once.
    bridge.openHandler();
    QCOMPARE(bridge.openHandlerId(), id);
    bridge.succeeded(success);
    QCOMPARE(succeeded.size(), 1);
    QCOMPARE(bridge.openHandlerId(), 0);
    bridge.exited(exit);
    QCOMPARE(exited.size(), 0);
    // A destroyed handler's session cannot end either, even if it was open.
    bridge.openHandler();
    bridge.destroyHandler();
    bridge.exited(exit);
    QCOMPARE(exited.size(), 0);
}

void TestLinkBridge::objectNameIsPutBack()
{
    // QWebChannel publishes QObject's objectName as a writable property: the page's write is
    // undone at once and reported.
    QSignalSpy rejected(m_bridge.get(), &LinkBridge::rejected);
    const QString before = m_bridge->objectName();
    QVERIFY(!before.isEmpty());
    m_bridge->setObjectName(QStringLiteral("pwned"));
    QCOMPARE(m_bridge->objectName(), before);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(0).toString(), QStringLiteral("objectName"));
}

void TestLinkBridge::exitWithError()
{
    QSignalSpy exited(m_bridge.get(), &LinkBridge::linkExited);
    m_bridge->exited(
        json({{QStringLiteral("handler_id"), m_handler},
              {QStringLiteral("error"),
               QJsonObject{
                   {QStringLiteral("error_type"), QStringLiteral("INVALID_INPUT")},
                   {QStringLiteral("error_code"), QStringLiteral("INVALID_LINK_TOKEN")},
                   {QStringLiteral("error_message"), QStringLiteral("invalid link_token provided")},
                   {QStringLiteral("display_message"), QJsonValue::Null}}},
              {QStringLiteral("metadata"),
               QJsonObject{{QStringLiteral("link_session_id"), QStringLiteral("s2")},
                           {QStringLiteral("request_id"), QStringLiteral("r2")},
                           {QStringLiteral("institution"), QJsonValue::Null}}}}));
    QCOMPARE(exited.size(), 1);
    const auto exit = exited.at(0).at(0).value<LinkExit>();
    QVERIFY(exit.isInvalidLinkToken());
    QCOMPARE(exit.linkSessionId, QStringLiteral("s2"));
    QCOMPARE(exit.requestId, QStringLiteral("r2"));
    QVERIFY(!exit.institution);
}

void TestLinkBridge::events()
{
    QSignalSpy events(m_bridge.get(), &LinkBridge::linkEvent);
    QSignalSpy rejected(m_bridge.get(), &LinkBridge::rejected);
    m_bridge->eventOccurred(
        json({{QStringLiteral("handler_id"), m_handler},
              {QStringLiteral("event_name"), QStringLiteral("TRANSITION_VIEW")},
              {QStringLiteral("metadata"),
               QJsonObject{
                   {QStringLiteral("view_name"), QStringLiteral("CONSENT")},
                   {QStringLiteral("timestamp"), QStringLiteral("2026-01-15T09:00:01.250Z")}}}}));
    m_bridge->eventOccurred(json({{QStringLiteral("handler_id"), m_handler},
                                  {QStringLiteral("event_name"), QStringLiteral("<script>")},
                                  {QStringLiteral("metadata"), QJsonObject{}}}));
    QCOMPARE(events.size(), 1);
    QCOMPARE(rejected.size(), 1);
    const auto event = events.at(0).at(0).value<LinkEvent>();
    QCOMPARE(event.name, QStringLiteral("TRANSITION_VIEW"));
    QCOMPARE(event.viewName, QStringLiteral("CONSENT"));
    QCOMPARE(event.timestamp, weft::test::utcDateTime(QDate(2026, 1, 15), QTime(9, 0, 1, 250)));
}

QTEST_GUILESS_MAIN(TestLinkBridge)
#include "tst_linkbridge.moc"
