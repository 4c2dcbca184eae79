// "Remove all my data": keychain entries of every environment, the index, the sandbox state
// and the settings are gone; a keychain that refuses leaves the index naming its entries.
#include "session/DataEraser.h"
#include "support/FakeSecretStore.h"
#include "vault/ItemStore.h"
#include "vault/TokenVault.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestDataEraser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void erasesEverything();
    void keepsTheIndexWhenTheKeychainRefuses();

private:
    void fill(vault::ItemStore &store, test::FakeSecretStore &keychain, const QString &dir);
    QTemporaryDir m_config;
};

void TestDataEraser::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    QCoreApplication::setApplicationName(QStringLiteral("DataEraser"));
}

void TestDataEraser::fill(vault::ItemStore &store, test::FakeSecretStore &keychain,
                          const QString &dir)
{
    for (const char *env : {"embedded", "sandbox", "production"}) {
        vault::ItemRecord record;
        record.itemId = QStringLiteral("item-") + QLatin1StringView(env);
        record.environment = QLatin1StringView(env);
        store.upsert(record);
        keychain.entries.insert(
            vault::TokenVault::accessTokenKey(record.environment, record.itemId),
            QStringLiteral("token"));
    }
    keychain.entries.insert(vault::TokenVault::clientSecretKey(QStringLiteral("production")),
                            QStringLiteral("s"));
    keychain.entries.insert(QStringLiteral("someone-elses-entry"), QStringLiteral("kept"));
    QVERIFY(store.flush());
    QFile state(dir + QStringLiteral("/embedded-sandbox.json"));
    QVERIFY(state.open(QIODevice::WriteOnly));
    state.write("{}");
    state.close();
    QSettings settings;
    settings.setValue(QStringLiteral("backend/clientId"), QStringLiteral("my-client"));
    settings.sync();
}

void TestDataEraser::erasesEverything()
{
    QTemporaryDir dir;
    test::FakeSecretStore keychain;
    vault::ItemStore store(dir.filePath(QStringLiteral("items.json")));
    fill(store, keychain, dir.path());
    session::DataEraser eraser(&keychain, &store, dir.path());
    std::optional<QStringList> problems;
    eraser.eraseAll([&](const QStringList &p) { problems = p; });
    QTRY_VERIFY(problems.has_value());
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
    QCOMPARE(keychain.entries.keys(), QStringList{QStringLiteral("someone-elses-entry")});
    QVERIFY(store.items().isEmpty());
    QVERIFY(!QFile::exists(store.path()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("embedded-sandbox.json"))));
    QVERIFY(QSettings().allKeys().isEmpty());
}

void TestDataEraser::keepsTheIndexWhenTheKeychainRefuses()
{
    QTemporaryDir dir;
    test::FakeSecretStore keychain;
    vault::ItemStore store(dir.filePath(QStringLiteral("items.json")));
    fill(store, keychain, dir.path());
    keychain.mode = test::FakeSecretStore::Mode::Denied;
    session::DataEraser eraser(&keychain, &store, dir.path());
    std::optional<QStringList> problems;
    eraser.eraseAll([&](const QStringList &p) { problems = p; });
    QTRY_VERIFY(problems.has_value());
    QCOMPARE(problems->size(), 5); // three tokens, two client secrets
    QVERIFY(problems->first().contains(u"refused access"));
    QCOMPARE(store.items().size(), 3);
    QVERIFY(QFile::exists(store.path()));
}

QTEST_GUILESS_MAIN(TestDataEraser)
#include "tst_dataeraser.moc"
