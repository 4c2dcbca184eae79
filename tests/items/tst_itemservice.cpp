// ItemService: nothing lost between the exchange and the keychain; removal in order; support
// diagnostics without secrets.
#include "ItemsFixture.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace weft;
using items::TokenState;
using test::FakeSecretStore;

class TestItemService : public QObject
{
    Q_OBJECT

private slots:
    void linkedItemIsIndexedThenSaved();
    void failedSaveKeepsTheTokenAndRetries();
    void lyingKeychainMeansNotSaved();
    void missingTokenIsFoundWhenNeeded();
    void removeGoesPlaidKeychainIndex();
    void removeStopsWhenPlaidFails();
    void removeWithoutTokenForgetsLocally();
    void diagnosticsHaveNoSecrets();
    void simulateLoginRequiredInTheSandbox();
    void rulesForItemsOfAnotherEnvironment();
    void actionsFollowTheItem();
    void displayNameIsNeverAnId();
    void itemsOfAnotherEnvironmentKeepTheirKeychainEntry();
};

void TestItemService::linkedItemIsIndexedThenSaved()
{
    test::ItemsFixture f;
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString id = f.linkItem();
    QVERIFY(f.store.item(id)); // indexed at once
    QVERIFY(saved.wait());
    QCOMPARE(f.service.tokenState(id), TokenState::Saved);
    QVERIFY(f.store.item(id)->tokenSaved);
    QCOMPARE(
        f.keychain.entries.value(vault::TokenVault::accessTokenKey(QStringLiteral("embedded"), id)),
        f.tokens.value(id));
    QVERIFY(!f.service.hasUnsavedTokens());
    QCOMPARE(f.store.item(id)->environment, QStringLiteral("embedded"));
}

void TestItemService::failedSaveKeepsTheTokenAndRetries()
{
    test::ItemsFixture f;
    f.keychain.mode = FakeSecretStore::Mode::Denied;
    QSignalSpy failed(&f.service, &items::ItemService::tokenSaveFailed);
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString id = f.linkItem();
    QVERIFY(failed.wait());
    QCOMPARE(f.service.tokenState(id), TokenState::Unsaved);
    QVERIFY(f.service.hasUnsavedTokens());
    QCOMPARE(f.service.unsavedItems(), QStringList{id});
    QVERIFY(f.service.tokenProblem(id).contains(u"refused access"));
    QVERIFY(!f.store.item(id)->tokenSaved);
    f.keychain.mode = FakeSecretStore::Mode::Works;
    f.service.retrySave(id);
    QVERIFY(saved.wait());
    QCOMPARE(f.service.tokenState(id), TokenState::Saved);
    QVERIFY(!f.service.hasUnsavedTokens());
}

void TestItemService::lyingKeychainMeansNotSaved()
{
    test::ItemsFixture f;
    f.keychain.mode = FakeSecretStore::Mode::Lies;
    QSignalSpy failed(&f.service, &items::ItemService::tokenSaveFailed);
    const QString id = f.linkItem();
    QVERIFY(failed.wait());
    QVERIFY(failed.first().at(1).toString().contains(u"did not keep"));
    QCOMPARE(f.service.tokenState(id), TokenState::Unsaved);
}

void TestItemService::missingTokenIsFoundWhenNeeded()
{
    test::ItemsFixture f;
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString id = f.linkItem();
    QVERIFY(saved.wait());
    f.keychain.entries.clear();                            // e.g. the user wiped the keychain
    QCOMPARE(f.service.tokenState(id), TokenState::Saved); // start-up reads no secret
    QSignalSpy missing(&f.service, &items::ItemService::tokenMissing);
    test::Waiter<vault::SecretResult> token;
    QObject context;
    f.service.withAccessToken(id, &context, token.callback());
    QVERIFY(token.wait());
    QCOMPARE(token.value().status, vault::SecretStatus::NotFound);
    QCOMPARE(missing.size(), 1);
    QCOMPARE(f.service.tokenState(id), TokenState::Missing);
    QVERIFY(f.service.tokenProblem(id).contains(u"missing"));
}

void TestItemService::removeGoesPlaidKeychainIndex()
{
    test::ItemsFixture f;
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString id = f.linkItem();
    QVERIFY(saved.wait());
    QSignalSpy removed(&f.service, &items::ItemService::itemRemoved);
    f.service.removeItem(id);
    QVERIFY(removed.wait());
    QVERIFY(!f.store.item(id));
    QVERIFY(f.keychain.entries.isEmpty());
    // Plaid forgot it too: the token no longer works.
    const auto check = f.plaid.run<plaid::ItemDetails>(
        [&](auto done) { f.plaid.client->getItem(f.tokens.value(id), &f.plaid.context, done); });
    QCOMPARE(check.apiError.errorCode, QStringLiteral("INVALID_ACCESS_TOKEN"));
}

void TestItemService::removeStopsWhenPlaidFails()
{
    test::ItemsFixture f(plaid::RetryPolicy::none());
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString id = f.linkItem();
    QVERIFY(saved.wait());
    sandbox::Fault fault;
    fault.path = QStringLiteral("/item/remove");
    fault.kind = sandbox::Fault::Kind::ServerError;
    f.plaid.sandbox.server().faults().add(fault);
    QSignalSpy failed(&f.service, &items::ItemService::removeFailed);
    f.service.removeItem(id);
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("Plaid"));
    QVERIFY(failed.first().at(2).toString().contains(u"INTERNAL_SERVER_ERROR"));
    QVERIFY(f.store.item(id));              // still indexed
    QCOMPARE(f.keychain.entries.size(), 1); // still in the keychain
    // Removing again works once Plaid answers.
    QSignalSpy removed(&f.service, &items::ItemService::itemRemoved);
    f.service.removeItem(id);
    QVERIFY(removed.wait());
}

void TestItemService::removeWithoutTokenForgetsLocally()
{
    test::ItemsFixture f;
    vault::ItemRecord orphan;
    orphan.itemId = QStringLiteral("orphan");
    orphan.environment = QStringLiteral("embedded");
    f.store.upsert(orphan);
    QSignalSpy removed(&f.service, &items::ItemService::itemRemoved);
    f.service.removeItem(QStringLiteral("orphan"));
    QVERIFY(removed.wait());
    QVERIFY(!f.store.item(QStringLiteral("orphan")));
}

void TestItemService::diagnosticsHaveNoSecrets()
{
    test::ItemsFixture f;
    f.keychain.mode = FakeSecretStore::Mode::Unavailable; // the token stays in memory
    QSignalSpy failed(&f.service, &items::ItemService::tokenSaveFailed);
    const QString id = f.linkItem();
    QVERIFY(failed.wait());
    const QByteArray json = QJsonDocument(f.service.diagnostics(id)).toJson();
    QVERIFY(json.contains(id.toUtf8()));
    QVERIFY(json.contains("not saved"));
    QVERIFY(!json.contains("access-sandbox-"));
    QVERIFY(!json.contains(f.tokens.value(id).toUtf8()));
    QVERIFY(f.store.flush());
    QDirIterator files(f.dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains("access-sandbox-"), qPrintable(file.fileName()));
    }
}

void TestItemService::simulateLoginRequiredInTheSandbox()
{
    test::ItemsFixture f;
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString id = f.linkItem();
    QVERIFY(saved.wait());
    QSignalSpy reset(&f.service, &items::ItemService::loginReset);
    f.service.simulateLoginRequired(id);
    QVERIFY(reset.wait());
    const auto accounts = f.plaid.run<plaid::AccountsList>([&](auto done) {
        f.plaid.client->getAccounts(f.tokens.value(id), &f.plaid.context, done);
    });
    QCOMPARE(accounts.apiError.errorCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));

    vault::ItemRecord production;
    production.itemId = QStringLiteral("prod");
    production.environment = QStringLiteral("production");
    f.store.upsert(production);
    QSignalSpy refused(&f.service, &items::ItemService::loginResetFailed);
    f.service.simulateLoginRequired(QStringLiteral("prod"));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().at(1).toString().contains(u"sandbox"));
}

QTEST_GUILESS_MAIN(TestItemService)
#include "tst_itemservice.moc"

void TestItemService::rulesForItemsOfAnotherEnvironment()
{
    test::ItemsFixture f;
    vault::ItemRecord foreign;
    foreign.itemId = QStringLiteral("from-production");
    foreign.environment = QStringLiteral("production");
    foreign.errorCode = QStringLiteral("ITEM_LOGIN_REQUIRED");
    f.store.upsert(foreign);
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString here = f.linkItem();
    QVERIFY(saved.wait());
    QVERIFY(f.service.belongsHere(here));
    QVERIFY(!f.service.belongsHere(foreign.itemId));
    QVERIFY(!f.service.belongsHere(QStringLiteral("no-such-item")));
    QCOMPARE(f.service.itemsHere(), QStringList{here});
    const items::ItemActions none = f.service.actionsFor(foreign.itemId);
    QVERIFY(!none.refresh && !none.fixConnection && !none.remove && !none.retrySave &&
            !none.simulateLoginRequired && !none.chooseAccounts);
    QVERIFY(f.service.tokenSummary(foreign).contains(u"production"));
}

void TestItemService::actionsFollowTheItem()
{
    test::ItemsFixture f;
    QSignalSpy saved(&f.service, &items::ItemService::tokenSaved);
    const QString id = f.linkItem();
    QVERIFY(saved.wait());
    items::ItemActions healthy = f.service.actionsFor(id);
    QVERIFY(healthy.refresh && healthy.remove && healthy.simulateLoginRequired);
    QVERIFY(!healthy.fixConnection && !healthy.retrySave);
    QVERIFY(healthy.chooseAccounts); // any Item here can share other accounts
    QVERIFY(!items::ItemService::wantsAccountSelection(*f.store.item(id)));

    f.store.update(id, [](vault::ItemRecord &r) {
        r.errorType = QStringLiteral("ITEM_ERROR");
        r.errorCode = QStringLiteral("ITEM_LOGIN_REQUIRED");
    });
    items::ItemActions broken = f.service.actionsFor(id);
    QVERIFY(broken.fixConnection && broken.refresh && broken.remove && broken.chooseAccounts);
    QVERIFY(!broken.simulateLoginRequired);
    QVERIFY(!items::ItemService::wantsAccountSelection(*f.store.item(id)));
    f.store.update(
        id, [](vault::ItemRecord &r) { r.errorCode = QStringLiteral("NEW_ACCOUNTS_AVAILABLE"); });
    QVERIFY(items::ItemService::wantsAccountSelection(*f.store.item(id))); // fixing = choosing
    QVERIFY(f.service.actionsFor(id).fixConnection);

    // While a removal is on its way, nothing else starts on the Item.
    QSignalSpy removed(&f.service, &items::ItemService::itemRemoved);
    f.service.removeItem(id);
    QVERIFY(f.service.isRemoving(id));
    items::ItemActions removing = f.service.actionsFor(id);
    QVERIFY(!removing.remove && !removing.refresh && !removing.fixConnection &&
            !removing.chooseAccounts);
    QVERIFY(removed.wait());
    QVERIFY(!f.service.isRemoving(id));
    const items::ItemActions gone = f.service.actionsFor(id);
    QVERIFY(!gone.remove && !gone.refresh);
}

void TestItemService::displayNameIsNeverAnId()
{
    vault::ItemRecord record;
    record.itemId = QStringLiteral("item-123");
    record.institutionId = QStringLiteral("ins_109508");
    QVERIFY(!items::ItemService::displayName(record).contains(u"ins_"));
    QVERIFY(!items::ItemService::displayName(record).isEmpty());
    record.institutionName = QStringLiteral("First Platypus Bank");
    QCOMPARE(items::ItemService::displayName(record), QStringLiteral("First Platypus Bank"));
    // The record as support sees it: everything but the logo's bytes.
    record.institutionLogo = QStringLiteral("iVBORw0KGgo=");
    const QJsonObject json = items::ItemService::recordJson(record);
    QCOMPARE(json.value(u"item_id").toString(), record.itemId);
    QVERIFY(!QJsonDocument(json).toJson().contains("iVBORw0KGgo"));
}

void TestItemService::itemsOfAnotherEnvironmentKeepTheirKeychainEntry()
{
    // An Item linked in another environment is named in the keychain by that environment:
    // the service reads, and removes, that entry, not one under its own environment.
    test::ItemsFixture f;
    vault::ItemRecord record;
    record.itemId = QStringLiteral("sandbox-item");
    record.environment = QStringLiteral("sandbox");
    record.tokenSaved = true;
    f.store.upsert(record);
    const QString key = vault::TokenVault::accessTokenKey(QStringLiteral("sandbox"), record.itemId);
    f.keychain.entries.insert(key, QStringLiteral("access-sandbox-0000"));
    bool read = false;
    f.service.withAccessToken(record.itemId, &f.service, [&](const vault::SecretResult &token) {
        read = true;
        QCOMPARE(token.secret, QStringLiteral("access-sandbox-0000"));
    });
    QTRY_VERIFY(read);
}
