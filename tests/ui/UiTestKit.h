#pragma once

#include "support/FakeSecretStore.h"
#include "support/UtcDateTime.h"
#include "ui/Translations.h"
#include "vault/ItemRecord.h"
#include "vault/SecretStore.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QTest>
#include <QTimer>

namespace weft::test {

// As weft does at start: Weft's translations for the test's locale (English: the plural
// forms, so that counts read "1 connection", "2 connections"). Once per process.
inline bool installTestTranslations()
{
    static const bool installed = ui::installTranslations(QCoreApplication::instance(), QLocale());
    return installed;
}

// The UI tests' keychain: the shared fake (it works, refuses, or is missing; it counts reads,
// so a test can check that painting never touches it).
using TestKeychain = FakeSecretStore;

// A record with every field filled, for the details pane.
inline vault::ItemRecord makeRecord(int n, const QString &environment = QStringLiteral("sandbox"),
                                    const QString &errorCode = QString())
{
    static const QStringList names{QStringLiteral("First Platypus Bank"),
                                   QStringLiteral("Tartan Bank"),
                                   QStringLiteral("Houndstooth Bank")};
    static const QStringList ids{QStringLiteral("ins_109508"), QStringLiteral("ins_109511"),
                                 QStringLiteral("ins_109512")};
    vault::ItemRecord r;
    r.itemId = QStringLiteral("item_%1_AbCdEfGhIjKlMnOpQrStUvWxYz").arg(n, 4, 10, QLatin1Char('0'));
    r.environment = environment;
    r.institutionId = ids.at(n % 3);
    r.institutionName = names.at(n % 3);
    r.institutionColor = QStringLiteral("#0a85ea");
    r.createdAt = test::utcDateTime(QDate(2026, 3, 1), QTime(10, 0)).addSecs(n * 60);
    r.lastRefresh = r.createdAt.addSecs(3600);
    if (!errorCode.isEmpty()) {
        r.errorType = QStringLiteral("ITEM_ERROR");
        r.errorCode = errorCode;
        r.errorMessage = QStringLiteral("something about %1").arg(errorCode);
        r.displayMessage = QStringLiteral("Please sign in again");
    }
    r.availableProducts = {QStringLiteral("auth"), QStringLiteral("balance")};
    r.billedProducts = {QStringLiteral("transactions")};
    r.consentExpiration = r.createdAt.addDays(365);
    r.updateType = QStringLiteral("background");
    r.accounts = {
        {QStringLiteral("acc_a_%1").arg(n), QStringLiteral("Plaid Checking"),
         QStringLiteral("Plaid Gold Standard 0% Interest Checking"), QStringLiteral("0000"),
         QStringLiteral("depository"), QStringLiteral("checking"), 100.0, 110.0, std::nullopt,
         QStringLiteral("USD")},
        {QStringLiteral("acc_b_%1").arg(n), QStringLiteral("Plaid Credit Card"), QString(),
         QStringLiteral("3333"), QStringLiteral("credit"), QStringLiteral("credit card"),
         std::nullopt, 410.0, 2000.0, QStringLiteral("USD")},
    };
    r.linkSessionId = QStringLiteral("lsid-%1").arg(n);
    r.addRequestId(QStringLiteral("req-old-%1").arg(n));
    r.addRequestId(QStringLiteral("req-new-%1").arg(n));
    r.events = {
        {r.createdAt, QStringLiteral("OPEN"), QString(), {}},
        {r.createdAt.addSecs(5), QStringLiteral("TRANSITION_VIEW"), QStringLiteral("CONSENT"), {}},
        {r.createdAt.addSecs(30), QStringLiteral("HANDOFF"), QString(),
         QJsonObject{{QStringLiteral("request_id"), QStringLiteral("req-new-%1").arg(n)}}}};
    r.tokenSaved = true;
    return r;
}

// The message box on screen, waiting up to timeoutMs for one to show; null if none does.
inline QMessageBox *visibleMessageBox(int timeoutMs = 5000)
{
    QMessageBox *box = nullptr;
    (void)QTest::qWaitFor(
        [&box] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (auto *candidate = qobject_cast<QMessageBox *>(top);
                    candidate && candidate->isVisible())
                    box = candidate;
            }
            return box != nullptr;
        },
        timeoutMs);
    return box;
}

} // namespace weft::test
