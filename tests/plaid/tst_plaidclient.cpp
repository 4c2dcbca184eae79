// PlaidClient against the embedded sandbox over real loopback HTTP: every endpoint, and the
// Plaid errors each can answer with.
#include "PlaidTestFixture.h"
#include "core/Logging.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

using namespace weft;
using namespace weft::plaid;
using test::PlaidTestFixture;

namespace {

const QRegularExpression kUuidToken(
    QStringLiteral("^%1-sandbox-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

bool isToken(const QString &token, const char *kind)
{
    return QRegularExpression(kUuidToken.pattern().arg(QLatin1StringView(kind)))
        .match(token)
        .hasMatch();
}

QStringList s_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_log.append(message);
}

} // namespace

class TestPlaidClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullFlow();
    void updateModeLinkToken();
    void accountsFilteredById();
    void institutionMetadata();
    void apiErrors_data();
    void apiErrors();
    void wrongSecret();
    void connectionRefused();
    void contextDestroyedMeansNoCallback();
    void logsNeverCarrySecrets();

private:
    std::unique_ptr<PlaidTestFixture> f;
};

void TestPlaidClient::initTestCase()
{
    f = std::make_unique<PlaidTestFixture>();
    QVERIFY(f->started);
}

void TestPlaidClient::fullFlow()
{
    QObject *ctx = &f->context;
    LinkTokenCreateRequest linkRequest;
    linkRequest.clientUserId = QStringLiteral("user-1");
    linkRequest.clientName = QStringLiteral("Weft");
    linkRequest.products = {QStringLiteral("transactions")};
    linkRequest.countryCodes = {QStringLiteral("US")};
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto link =
        f->run<LinkToken>([&](auto done) { f->client->createLinkToken(linkRequest, ctx, done); });
    QVERIFY2(link.ok(), qPrintable(link.describe()));
    QVERIFY(isToken(link.value.linkToken, "link"));
    QVERIFY(!link.requestId.isEmpty());
    QCOMPARE(link.attempts, 1);
    const qint64 lifetime = before.secsTo(link.value.expiration);
    QVERIFY2(lifetime > 4 * 3600 - 60 && lifetime <= 4 * 3600,
             qPrintable(QString::number(lifetime)));

    const auto details = f->run<LinkTokenDetails>(
        [&](auto done) { f->client->getLinkToken(link.value.linkToken, ctx, done); });
    QVERIFY2(details.ok(), qPrintable(details.describe()));
    QCOMPARE(details.value.expiration, link.value.expiration);
    QCOMPARE(details.value.initialProducts, linkRequest.products);
    QCOMPARE(details.value.clientName, QStringLiteral("Weft"));

    SandboxPublicTokenCreateRequest publicRequest;
    publicRequest.institutionId = QStringLiteral("ins_109508");
    publicRequest.initialProducts = {QStringLiteral("transactions")};
    const auto publicToken = f->run<QString>(
        [&](auto done) { f->client->createSandboxPublicToken(publicRequest, ctx, done); });
    QVERIFY2(publicToken.ok(), qPrintable(publicToken.describe()));
    QVERIFY(isToken(publicToken.value, "public"));

    const auto exchange = f->run<PublicTokenExchange>(
        [&](auto done) { f->client->exchangePublicToken(publicToken.value, ctx, done); });
    QVERIFY2(exchange.ok(), qPrintable(exchange.describe()));
    QVERIFY(isToken(exchange.value.accessToken, "access"));
    QVERIFY(!exchange.value.itemId.isEmpty());

    const auto again = f->run<PublicTokenExchange>(
        [&](auto done) { f->client->exchangePublicToken(publicToken.value, ctx, done); });
    QCOMPARE(again.status, PlaidStatus::ApiError);
    QCOMPARE(again.apiError.errorCode, QStringLiteral("INVALID_PUBLIC_TOKEN"));
    QCOMPARE(again.httpStatus, 400);
    QCOMPARE(again.attempts, 1);

    const QString access = exchange.value.accessToken;
    const auto item =
        f->run<ItemDetails>([&](auto done) { f->client->getItem(access, ctx, done); });
    QVERIFY2(item.ok(), qPrintable(item.describe()));
    QCOMPARE(item.value.item.itemId, exchange.value.itemId);
    QCOMPARE(item.value.item.institutionId, QStringLiteral("ins_109508"));
    QCOMPARE(item.value.item.institutionName, QStringLiteral("First Platypus Bank"));
    QCOMPARE(item.value.item.billedProducts, QStringList{QStringLiteral("transactions")});
    QVERIFY(item.value.item.availableProducts.contains(QStringLiteral("auth")));
    QVERIFY(!item.value.item.availableProducts.contains(QStringLiteral("transactions")));
    QCOMPARE(item.value.item.updateType, QStringLiteral("background"));
    QVERIFY(!item.value.item.error);

    const auto accounts =
        f->run<AccountsList>([&](auto done) { f->client->getAccounts(access, ctx, done); });
    QVERIFY2(accounts.ok(), qPrintable(accounts.describe()));
    QVERIFY(accounts.value.accounts.size() >= 5);
    const Account &checking = accounts.value.accounts.first();
    QCOMPARE(checking.type, QStringLiteral("depository"));
    QCOMPARE(checking.subtype, QStringLiteral("checking"));
    QCOMPARE(checking.mask, QStringLiteral("0000"));
    QCOMPARE(checking.balances.available, std::optional<double>(100));
    QCOMPARE(checking.balances.isoCurrencyCode, QStringLiteral("USD"));
    bool credit = false;
    for (const Account &account : accounts.value.accounts)
        credit = credit || (account.type == u"credit" && account.balances.limit.has_value());
    QVERIFY(credit);

    const auto reset =
        f->run<Done>([&](auto done) { f->client->resetSandboxLogin(access, ctx, done); });
    QVERIFY2(reset.ok(), qPrintable(reset.describe()));
    const auto broken =
        f->run<AccountsList>([&](auto done) { f->client->getAccounts(access, ctx, done); });
    QCOMPARE(broken.status, PlaidStatus::ApiError);
    QCOMPARE(broken.apiError.errorType, QStringLiteral("ITEM_ERROR"));
    QCOMPARE(broken.apiError.errorCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));
    const auto brokenItem =
        f->run<ItemDetails>([&](auto done) { f->client->getItem(access, ctx, done); });
    QVERIFY(brokenItem.ok());
    QVERIFY(brokenItem.value.item.error);
    QCOMPARE(brokenItem.value.item.error->errorCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));

    const auto removed = f->run<Done>([&](auto done) { f->client->removeItem(access, ctx, done); });
    QVERIFY2(removed.ok(), qPrintable(removed.describe()));
    QVERIFY(!removed.requestId.isEmpty());
    const auto gone =
        f->run<ItemDetails>([&](auto done) { f->client->getItem(access, ctx, done); });
    QCOMPARE(gone.apiError.errorCode, QStringLiteral("INVALID_ACCESS_TOKEN"));
}

void TestPlaidClient::updateModeLinkToken()
{
    const PublicTokenExchange item = f->newItem();
    QVERIFY(!item.accessToken.isEmpty());
    LinkTokenCreateRequest request;
    request.clientUserId = QStringLiteral("user-1");
    request.clientName = QStringLiteral("Weft");
    request.countryCodes = {QStringLiteral("US")};
    request.accessToken = item.accessToken;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto link = f->run<LinkToken>(
        [&](auto done) { f->client->createLinkToken(request, &f->context, done); });
    QVERIFY2(link.ok(), qPrintable(link.describe()));
    const qint64 lifetime = before.secsTo(link.value.expiration);
    QVERIFY2(lifetime > 30 * 60 - 60 && lifetime <= 30 * 60, qPrintable(QString::number(lifetime)));
}

void TestPlaidClient::accountsFilteredById()
{
    const PublicTokenExchange item = f->newItem();
    const auto all = f->run<AccountsList>(
        [&](auto done) { f->client->getAccounts(item.accessToken, &f->context, done); });
    QVERIFY(all.ok());
    const QString wanted = all.value.accounts.at(1).accountId;
    const auto one = f->run<AccountsList>(
        [&](auto done) { f->client->getAccounts(item.accessToken, &f->context, done, {wanted}); });
    QVERIFY(one.ok());
    QCOMPARE(one.value.accounts.size(), 1);
    QCOMPARE(one.value.accounts.first().accountId, wanted);
}

void TestPlaidClient::institutionMetadata()
{
    InstitutionGetRequest request;
    request.institutionId = QStringLiteral("ins_127287");
    request.countryCodes = {QStringLiteral("US")};
    const auto result = f->run<Institution>(
        [&](auto done) { f->client->getInstitution(request, &f->context, done); });
    QVERIFY2(result.ok(), qPrintable(result.describe()));
    QCOMPARE(result.value.name, QStringLiteral("Platypus OAuth Bank"));
    QVERIFY(result.value.oauth);
    QVERIFY(QRegularExpression(QStringLiteral("^#[0-9a-f]{6}$"))
                .match(result.value.primaryColor)
                .hasMatch());
    const QByteArray png = QByteArray::fromBase64(result.value.logo.toLatin1());
    QVERIFY(png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
    QVERIFY(!result.value.url.isEmpty());

    request.includeOptionalMetadata = false;
    const auto bare = f->run<Institution>(
        [&](auto done) { f->client->getInstitution(request, &f->context, done); });
    QVERIFY(bare.ok());
    QVERIFY(bare.value.logo.isEmpty());
    QVERIFY(bare.value.primaryColor.isEmpty());
}

void TestPlaidClient::apiErrors_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<int>("httpStatus");
    QTest::newRow("missing client_name") << "link-no-name"
                                         << "INVALID_REQUEST"
                                         << "MISSING_FIELDS" << 400;
    QTest::newRow("bad country code") << "link-bad-country"
                                      << "INVALID_REQUEST"
                                      << "INVALID_FIELD" << 400;
    QTest::newRow("products missing") << "link-no-products"
                                      << "INVALID_REQUEST"
                                      << "MISSING_FIELDS" << 400;
    QTest::newRow("unknown link token") << "link-get-unknown"
                                        << "INVALID_INPUT"
                                        << "INVALID_LINK_TOKEN" << 400;
    QTest::newRow("malformed access token") << "item-malformed"
                                            << "INVALID_INPUT"
                                            << "INVALID_ACCESS_TOKEN" << 400;
    QTest::newRow("unknown access token") << "item-unknown"
                                          << "INVALID_INPUT"
                                          << "INVALID_ACCESS_TOKEN" << 400;
    QTest::newRow("production access token") << "item-production"
                                             << "INVALID_INPUT"
                                             << "INVALID_ACCESS_TOKEN" << 400;
    QTest::newRow("unknown public token") << "exchange-unknown"
                                          << "INVALID_INPUT"
                                          << "INVALID_PUBLIC_TOKEN" << 400;
    QTest::newRow("unknown institution") << "institution-unknown"
                                         << "INVALID_INPUT"
                                         << "INVALID_INSTITUTION" << 400;
    QTest::newRow("institution not in country") << "institution-country"
                                                << "INVALID_INPUT"
                                                << "INVALID_INSTITUTION" << 400;
    QTest::newRow("product not offered") << "public-product"
                                         << "INVALID_INPUT"
                                         << "INVALID_PRODUCT" << 400;
    QTest::newRow("wrong sandbox password") << "public-password"
                                            << "ITEM_ERROR"
                                            << "INVALID_CREDENTIALS" << 400;
    QTest::newRow("forced ITEM_LOCKED") << "public-locked"
                                        << "ITEM_ERROR"
                                        << "ITEM_LOCKED" << 400;
    QTest::newRow("forced INSTITUTION_DOWN") << "public-down"
                                             << "INSTITUTION_ERROR"
                                             << "INSTITUTION_DOWN" << 400;
    QTest::newRow("unknown account id") << "accounts-unknown-id"
                                        << "INVALID_INPUT"
                                        << "INVALID_ACCOUNT_ID" << 400;
    QTest::newRow("remove twice") << "remove-twice"
                                  << "INVALID_INPUT"
                                  << "INVALID_ACCESS_TOKEN" << 400;
}

void TestPlaidClient::apiErrors()
{
    QFETCH(QString, call);
    QFETCH(QString, errorType);
    QFETCH(QString, errorCode);
    QFETCH(int, httpStatus);
    QObject *ctx = &f->context;
    PlaidClient *client = f->client.get();
    PlaidOutcome outcome;
    LinkTokenCreateRequest link;
    link.clientUserId = QStringLiteral("user-1");
    link.clientName = QStringLiteral("Weft");
    link.products = {QStringLiteral("auth")};
    link.countryCodes = {QStringLiteral("US")};
    SandboxPublicTokenCreateRequest publicRequest;
    publicRequest.institutionId = QStringLiteral("ins_109508");
    publicRequest.initialProducts = {QStringLiteral("transactions")};
    InstitutionGetRequest institution;
    institution.institutionId = QStringLiteral("ins_109508");
    institution.countryCodes = {QStringLiteral("US")};
    const QString fakeAccess =
        QStringLiteral("access-sandbox-00000000-0000-4000-8000-000000000000");

    auto linkCall = [&] {
        outcome = f->run<LinkToken>([&](auto done) { client->createLinkToken(link, ctx, done); });
    };
    auto itemCall = [&](const QString &token) {
        outcome = f->run<ItemDetails>([&](auto done) { client->getItem(token, ctx, done); });
    };
    auto publicCall = [&] {
        outcome = f->run<QString>(
            [&](auto done) { client->createSandboxPublicToken(publicRequest, ctx, done); });
    };
    auto institutionCall = [&] {
        outcome =
            f->run<Institution>([&](auto done) { client->getInstitution(institution, ctx, done); });
    };
    if (call == u"link-no-name") {
        link.clientName.clear();
        linkCall();
    } else if (call == u"link-bad-country") {
        link.countryCodes = {QStringLiteral("XX")};
        linkCall();
    } else if (call == u"link-no-products") {
        link.products.clear();
        linkCall();
    } else if (call == u"link-get-unknown") {
        outcome = f->run<LinkTokenDetails>([&](auto done) {
            client->getLinkToken(
                QStringLiteral("link-sandbox-00000000-0000-4000-8000-000000000000"), ctx, done);
        });
    } else if (call == u"item-malformed") {
        itemCall(QStringLiteral("not-a-token"));
    } else if (call == u"item-unknown") {
        itemCall(fakeAccess);
    } else if (call == u"item-production") {
        itemCall(
            QString(fakeAccess).replace(QStringLiteral("sandbox"), QStringLiteral("production")));
    } else if (call == u"exchange-unknown") {
        outcome = f->run<PublicTokenExchange>([&](auto done) {
            client->exchangePublicToken(
                QStringLiteral("public-sandbox-00000000-0000-4000-8000-000000000000"), ctx, done);
        });
    } else if (call == u"institution-unknown") {
        institution.institutionId = QStringLiteral("ins_0");
        institutionCall();
    } else if (call == u"institution-country") {
        institution.countryCodes = {QStringLiteral("GB")};
        institutionCall();
    } else if (call == u"public-product") {
        publicRequest.institutionId = QStringLiteral("ins_109510");
        publicRequest.initialProducts = {QStringLiteral("investments")};
        publicCall();
    } else if (call == u"public-password") {
        publicRequest.overrideUsername = QStringLiteral("user_good");
        publicRequest.overridePassword = QStringLiteral("pass_bad");
        publicCall();
    } else if (call == u"public-locked" || call == u"public-down") {
        publicRequest.overrideUsername = QStringLiteral("user_custom");
        publicRequest.overridePassword = QStringLiteral(R"({"force_error": "%1"})").arg(errorCode);
        publicCall();
    } else if (call == u"accounts-unknown-id") {
        const PublicTokenExchange item = f->newItem();
        outcome = f->run<AccountsList>([&](auto done) {
            client->getAccounts(item.accessToken, ctx, done, {QStringLiteral("nope")});
        });
    } else if (call == u"remove-twice") {
        const PublicTokenExchange item = f->newItem();
        QVERIFY(
            f->run<Done>([&](auto done) { client->removeItem(item.accessToken, ctx, done); }).ok());
        outcome = f->run<Done>([&](auto done) { client->removeItem(item.accessToken, ctx, done); });
    } else {
        QFAIL("unknown call");
    }
    QCOMPARE(outcome.status, PlaidStatus::ApiError);
    QCOMPARE(outcome.httpStatus, httpStatus);
    QCOMPARE(outcome.apiError.errorType, errorType);
    QCOMPARE(outcome.apiError.errorCode, errorCode);
    QVERIFY(!outcome.apiError.errorMessage.isEmpty());
    QVERIFY(!outcome.requestId.isEmpty());
    QCOMPARE(outcome.apiError.requestId, outcome.requestId);
    QVERIFY(outcome.apiError.documentationUrl.startsWith(u"https://plaid.com/docs/errors/"));
    QCOMPARE(outcome.attempts, 1); // 4xx: never retried
    QVERIFY(!outcome.isTransportError());
}

void TestPlaidClient::wrongSecret()
{
    PlaidConfig config = f->config;
    config.secret = QStringLiteral("not-the-secret");
    PlaidClient client(&f->network, config, Clock::system());
    const auto result = f->run<ItemDetails>([&](auto done) {
        client.getItem(QStringLiteral("access-sandbox-00000000-0000-4000-8000-000000000000"),
                       &f->context, done);
    });
    QCOMPARE(result.status, PlaidStatus::ApiError);
    QCOMPARE(result.apiError.errorType, QStringLiteral("INVALID_INPUT"));
    QCOMPARE(result.apiError.errorCode, QStringLiteral("INVALID_API_KEYS"));
}

void TestPlaidClient::connectionRefused()
{
    QTcpServer probe; // find a free port, then close it so nothing listens there
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    PlaidConfig config = f->config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    PlaidClient client(&f->network, config, Clock::system());
    InstitutionGetRequest request;
    request.institutionId = QStringLiteral("ins_109508");
    request.countryCodes = {QStringLiteral("US")};
    const auto result =
        f->run<Institution>([&](auto done) { client.getInstitution(request, &f->context, done); });
    QCOMPARE(result.status, PlaidStatus::ConnectionRefused);
    QVERIFY(result.isTransportError());
    QVERIFY(!result.errorString.isEmpty());
    QCOMPARE(result.attempts, 1); // refused is not a transient failure
}

void TestPlaidClient::contextDestroyedMeansNoCallback()
{
    int calls = 0;
    {
        QObject shortLived;
        InstitutionGetRequest request;
        request.institutionId = QStringLiteral("ins_109508");
        request.countryCodes = {QStringLiteral("US")};
        f->client->getInstitution(request, &shortLived,
                                  [&](const PlaidResult<Institution> &) { ++calls; });
    }
    // A later call on the same connection completes; the first never calls back.
    const PublicTokenExchange item = f->newItem();
    QVERIFY(!item.itemId.isEmpty());
    QCOMPARE(calls, 0);
}

void TestPlaidClient::logsNeverCarrySecrets()
{
    s_log.clear();
    qInstallMessageHandler(captureLog);
    installRedactingMessageHandler();
    QLoggingCategory::setFilterRules(QStringLiteral("weft.*.debug=true"));
    const PublicTokenExchange item = f->newItem();
    const auto failing = f->run<AccountsList>([&](auto done) {
        f->client->getAccounts(item.accessToken, &f->context, done, {QStringLiteral("x")});
    });
    QLoggingCategory::setFilterRules(QString());
    qInstallMessageHandler(nullptr);
    QVERIFY(!failing.ok());
    QVERIFY2(s_log.size() >= 3, "the client and the sandbox should have logged the calls");
    const QString all = s_log.join(u'\n');
    QVERIFY(!all.contains(item.accessToken));
    QVERIFY(!all.contains(PlaidTestFixture::kSecret));
    QVERIFY(!QRegularExpression(QStringLiteral("(access|public)-sandbox-[0-9a-f]{8}"))
                 .match(all)
                 .hasMatch());
}

QTEST_GUILESS_MAIN(TestPlaidClient)
#include "tst_plaidclient.moc"
