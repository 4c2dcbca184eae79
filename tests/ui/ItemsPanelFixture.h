#pragma once

#include "UiTestKit.h"
#include "core/Clock.h"
#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "plaid/PlaidTestFixture.h"
#include "ui/ItemsPanel.h"
#include "vault/ItemStore.h"
#include "vault/TokenVault.h"

#include <QSignalSpy>
#include <QTemporaryDir>

namespace weft::test {

// The Items panel over a real index, Items service and refresher: the Plaid side is the
// embedded sandbox on loopback, the keychain an in-test fake.
struct ItemsPanelFixture
{
    ItemsPanelFixture()
        : translated(installTestTranslations())
        , store(directory.filePath(QStringLiteral("items.json")))
        , vault(&keychain)
        , service(&store, &vault, plaid.client.get(), QStringLiteral("sandbox"))
        , refresher(&service, Clock::system())
        , panel(&store)
    {
        panel.setServices(&service, &refresher);
        panel.resize(1200, 700);
    }

    // A real Item at the sandbox, linked through the service (its token saved or not).
    QString linkRealItem(const QString &institution = QStringLiteral("ins_109508"))
    {
        const plaid::PublicTokenExchange exchanged = plaid.newItem(institution);
        link::LinkedItem item;
        item.itemId = exchanged.itemId;
        item.accessToken = exchanged.accessToken;
        item.linkedAt = QDateTime::currentDateTimeUtc();
        item.success.institution =
            link::LinkInstitution{institution, QStringLiteral("First Platypus Bank")};
        item.success.linkSessionId = QStringLiteral("lsid-real");
        QSignalSpy saved(&service, &items::ItemService::tokenSaved);
        QSignalSpy failed(&service, &items::ItemService::tokenSaveFailed);
        service.addLinkedItem(item, {});
        if (!QTest::qWaitFor([&] { return saved.size() + failed.size() > 0; }, 5000))
            return {};
        return exchanged.itemId;
    }

    bool translated; // before any widget: as in the app
    QTemporaryDir directory;
    vault::ItemStore store;
    TestKeychain keychain;
    vault::TokenVault vault;
    PlaidTestFixture plaid;
    items::ItemService service;
    items::ItemRefresher refresher;
    ui::ItemsPanel panel;
};

} // namespace weft::test
