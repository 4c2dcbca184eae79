#pragma once

#include "../plaid/PlaidTestFixture.h"
#include "items/ItemService.h"
#include "support/FakeSecretStore.h"
#include "vault/ItemStore.h"
#include "vault/TokenVault.h"

#include <QTemporaryDir>

namespace weft::test {

// An Item created at the sandbox, as Link would hand it over after the exchange.
inline link::LinkedItem newLinkedItem(PlaidTestFixture &plaid,
                                      const QString &institution = QStringLiteral("ins_109508"),
                                      const QString &webhook = {})
{
    const plaid::PublicTokenExchange exchange = plaid.newItem(institution, webhook);
    link::LinkedItem linked;
    linked.itemId = exchange.itemId;
    linked.accessToken = exchange.accessToken;
    linked.linkedAt = QDateTime::currentDateTimeUtc();
    linked.success.institution = link::LinkInstitution{institution, QString()};
    linked.success.linkSessionId = QStringLiteral("session-") + exchange.itemId.left(6);
    return linked;
}

// A sandbox and Plaid client (PlaidTestFixture), an Items index in a temporary folder, a fake
// keychain, and the ItemService over them.
struct ItemsFixture
{
    explicit ItemsFixture(plaid::RetryPolicy retry = {})
        : plaid(Clock::system(), std::move(retry))
        , store(dir.filePath(QStringLiteral("data/items.json")))
        , vault(&keychain)
        , service(&store, &vault, plaid.client.get(), QStringLiteral("embedded"))
    {
    }

    // An Item created at the sandbox and linked through the service (token saved).
    QString linkItem(const QString &institution = QStringLiteral("ins_109508"),
                     const QString &webhook = {})
    {
        const link::LinkedItem linked = newLinkedItem(plaid, institution, webhook);
        service.addLinkedItem(linked, {});
        tokens.insert(linked.itemId, linked.accessToken);
        return linked.itemId;
    }

    QTemporaryDir dir;
    PlaidTestFixture plaid;
    FakeSecretStore keychain;
    vault::ItemStore store;
    vault::TokenVault vault;
    items::ItemService service;
    QHash<QString, QString> tokens;
};

} // namespace weft::test
