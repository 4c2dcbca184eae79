// TokenVault over the real OS keychain (gnome-keyring on the private session bus that
// scripts/test starts), and over fakes that fail or lie.
#include "support/FakeSecretStore.h"
#include "support/SignalWaiter.h"
#include "vault/KeychainSecretStore.h"
#include "vault/TokenVault.h"

#include <QDirIterator>
#include <QProcess>
#include <QUuid>
#include <QtTest>

using namespace weft;
using namespace weft::vault;

namespace {

SecretResult wait(const std::function<void(SecretStore::Done)> &start)
{
    test::Waiter<SecretResult> waiter;
    start(waiter.callback());
    return waiter.wait(20000) ? waiter.value() : SecretResult{};
}

QString secretTool(const QStringList &args)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), args);
    tool.waitForFinished(20000);
    return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
}

} // namespace

class TestTokenVault : public QObject
{
    Q_OBJECT

private slots:
    void keysAreNamespaced();
    void realKeychainRoundTrip();
    void environmentsNeverMix();
    void lyingKeychainIsCaught();
    void failuresAreDistinct_data();
    void failuresAreDistinct();
    void missingLibsecretIsNamed_data();
    void missingLibsecretIsNamed();
};

void TestTokenVault::keysAreNamespaced()
{
    QCOMPARE(TokenVault::accessTokenKey(QStringLiteral("sandbox"), QStringLiteral("item9")),
             QStringLiteral("plaid:sandbox:item9"));
    QCOMPARE(TokenVault::clientSecretKey(QStringLiteral("production")),
             QStringLiteral("plaid:production:client-secret"));
}

void TestTokenVault::realKeychainRoundTrip()
{
    KeychainSecretStore keychain;
    TokenVault vault(&keychain);
    QObject context;
    const QString item = QUuid::createUuid().toString(QUuid::Id128);
    const QString key = TokenVault::accessTokenKey(QStringLiteral("embedded"), item);
    const QString token =
        QStringLiteral("access-sandbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    const SecretResult stored = wait([&](auto done) { vault.store(key, token, &context, done); });
    QVERIFY2(stored.ok(), qPrintable(stored.describe()));
    // The entry is really in the Secret Service, under the app's one service name.
    const QString found = secretTool(
        {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"), key});
    QVERIFY2(found.contains(key), qPrintable(found));
    QVERIFY2(found.contains(u"Weft"), qPrintable(found));

    const SecretResult read = wait([&](auto done) { vault.read(key, &context, done); });
    QVERIFY(read.ok());
    QCOMPARE(read.secret, token);

    // No plaintext copy anywhere under the home folder (the insecure fallback is off).
    QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.size() > 4 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        QVERIFY2(!file.readAll().contains(token.toUtf8()), qPrintable(file.fileName()));
    }

    QVERIFY(wait([&](auto done) { vault.remove(key, &context, done); }).ok());
    const SecretResult gone = wait([&](auto done) { vault.read(key, &context, done); });
    QCOMPARE(gone.status, SecretStatus::NotFound);
    // Removing what is not there is not an error.
    QVERIFY(wait([&](auto done) { vault.remove(key, &context, done); }).ok());
}

void TestTokenVault::environmentsNeverMix()
{
    KeychainSecretStore keychain;
    TokenVault vault(&keychain);
    QObject context;
    const QString item = QUuid::createUuid().toString(QUuid::Id128);
    const QString sandboxKey = TokenVault::accessTokenKey(QStringLiteral("sandbox"), item);
    const QString productionKey = TokenVault::accessTokenKey(QStringLiteral("production"), item);
    QVERIFY(wait([&](auto done) {
                vault.store(sandboxKey, QStringLiteral("one-value"), &context, done);
            }).ok());
    QVERIFY(wait([&](auto done) {
                vault.store(productionKey, QStringLiteral("other-value"), &context, done);
            }).ok());
    QCOMPARE(wait([&](auto done) { vault.read(sandboxKey, &context, done); }).secret,
             QStringLiteral("one-value"));
    QCOMPARE(wait([&](auto done) { vault.read(productionKey, &context, done); }).secret,
             QStringLiteral("other-value"));
    wait([&](auto done) { vault.remove(sandboxKey, &context, done); });
    wait([&](auto done) { vault.remove(productionKey, &context, done); });
}

void TestTokenVault::lyingKeychainIsCaught()
{
    test::FakeSecretStore fake;
    fake.mode = test::FakeSecretStore::Mode::Lies;
    TokenVault vault(&fake);
    QObject context;
    const SecretResult result = wait(
        [&](auto done) { vault.store(QStringLiteral("k"), QStringLiteral("v"), &context, done); });
    QCOMPARE(result.status, SecretStatus::VerifyFailed);
    QVERIFY(result.describe().contains(u"did not keep"));
    QCOMPARE(fake.reads, 1); // it read back
}

void TestTokenVault::failuresAreDistinct_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("words");
    QTest::newRow("no keychain") << int(test::FakeSecretStore::Mode::Unavailable)
                                 << int(SecretStatus::NoBackend) << "No keychain is available";
    QTest::newRow("refused") << int(test::FakeSecretStore::Mode::Denied)
                             << int(SecretStatus::AccessDenied) << "refused access";
}

void TestTokenVault::failuresAreDistinct()
{
    QFETCH(int, mode);
    QFETCH(int, status);
    QFETCH(QString, words);
    test::FakeSecretStore fake;
    fake.mode = test::FakeSecretStore::Mode(mode);
    TokenVault vault(&fake);
    QObject context;
    const SecretResult stored = wait(
        [&](auto done) { vault.store(QStringLiteral("k"), QStringLiteral("v"), &context, done); });
    QCOMPARE(int(stored.status), status);
    QVERIFY2(stored.describe().contains(words), qPrintable(stored.describe()));
    QVERIFY(!stored.describe().contains(u"v)")); // the secret is never in the words
    QCOMPARE(int(wait([&](auto done) { vault.read(QStringLiteral("k"), &context, done); }).status),
             status);
}

void TestTokenVault::missingLibsecretIsNamed_data()
{
    QTest::addColumn<int>("reported");
    QTest::addColumn<bool>("loadable");
    QTest::addColumn<int>("expected");
    // QtKeychain without libsecret says "Unknown error" (OtherError) or no backend.
    QTest::newRow("unknown error, no libsecret")
        << int(SecretStatus::Other) << false << int(SecretStatus::NoLibrary);
    QTest::newRow("no backend, no libsecret")
        << int(SecretStatus::NoBackend) << false << int(SecretStatus::NoLibrary);
    QTest::newRow("unknown error, libsecret there")
        << int(SecretStatus::Other) << true << int(SecretStatus::Other);
    QTest::newRow("locked, no libsecret")
        << int(SecretStatus::AccessDenied) << false << int(SecretStatus::AccessDenied);
    QTest::newRow("not found") << int(SecretStatus::NotFound) << false
                               << int(SecretStatus::NotFound);
    QTest::newRow("ok") << int(SecretStatus::Ok) << false << int(SecretStatus::Ok);
}

void TestTokenVault::missingLibsecretIsNamed()
{
    QFETCH(int, reported);
    QFETCH(bool, loadable);
    QFETCH(int, expected);
    const SecretStatus status = KeychainSecretStore::explainFailure(
        SecretStatus(reported), [loadable] { return loadable; });
    QCOMPARE(int(status), expected);
    if (status == SecretStatus::NoLibrary) {
        SecretResult result;
        result.status = status;
        QVERIFY(result.describe().contains(u"libsecret-1-0"));
        QVERIFY(!result.describe().contains(u"Unknown error"));
        QCOMPARE(statusName(status), QStringLiteral("no-keychain-library"));
    }
}

QTEST_GUILESS_MAIN(TestTokenVault)
#include "tst_tokenvault.moc"
