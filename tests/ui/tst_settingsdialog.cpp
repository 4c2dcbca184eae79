// The settings dialog: values round-trip, the secret is never shown, the Plaid-only fields
// follow the mode, the Production notice shows once, and OK refuses what validate() refuses.
#include "ui/SettingsDialog.h"

#include <QLineEdit>
#include <QtTest>

using namespace weft;
using ui::SettingsDialog;

namespace {

AppSettings plaidSettings()
{
    AppSettings s;
    s.mode = BackendMode::PlaidSandbox;
    s.clientId = QStringLiteral("5f2b_client_id");
    s.clientName = QStringLiteral("Weft Support");
    s.products = {QStringLiteral("auth"), QStringLiteral("transactions")};
    s.countryCodes = {QStringLiteral("US"), QStringLiteral("GB"), QStringLiteral("FR")};
    s.language = QStringLiteral("fr");
    s.webhook = QStringLiteral("https://hooks.example.com/plaid");
    s.redirectUri = QStringLiteral("https://weft.example.com/oauth");
    s.clientUserId = QStringLiteral("0b6f1c2e-7d0a-4c1f-9d7e-2f8a3c5b6e71");
    s.productionNoticeShown = false;
    return s;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips();
    void valuesNotOfferedAreKept();
    void secretIsNeverFilled();
    void plaidFieldsFollowTheMode();
    void serverFieldsFollowTheMode();
    void productionNoticeShowsOnce();
    void noNoticeWhenAlreadyShown();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void acceptsValid();
    void choices();
};

void TestSettingsDialog::roundTrips()
{
    const AppSettings in = plaidSettings();
    SettingsDialog dialog(in);
    const AppSettings out = dialog.settings();
    QCOMPARE(out.mode, in.mode);
    QCOMPARE(out.clientId, in.clientId);
    QCOMPARE(out.clientName, in.clientName);
    QCOMPARE(out.products, in.products);
    QCOMPARE(out.countryCodes, in.countryCodes);
    QCOMPARE(out.language, in.language);
    QCOMPARE(out.webhook, in.webhook);
    QCOMPARE(out.redirectUri, in.redirectUri);
    QCOMPARE(out.clientUserId, in.clientUserId);
    QCOMPARE(out.productionNoticeShown, in.productionNoticeShown);

    // Setters, then the same values back.
    dialog.setMode(BackendMode::EmbeddedSandbox);
    dialog.setClientId(QStringLiteral("other"));
    dialog.setClientName(QStringLiteral("Desk"));
    dialog.setProducts({QStringLiteral("balance"), QStringLiteral("identity")});
    dialog.setCountryCodes({QStringLiteral("NL")});
    dialog.setLanguage(QStringLiteral("de"));
    dialog.setWebhook(QString());
    dialog.setRedirectUri(QString());
    const AppSettings changed = dialog.settings();
    QCOMPARE(changed.mode, BackendMode::EmbeddedSandbox);
    QCOMPARE(changed.clientId, QStringLiteral("other"));
    QCOMPARE(changed.clientName, QStringLiteral("Desk"));
    QCOMPARE(changed.products,
             QStringList({QStringLiteral("balance"), QStringLiteral("identity")}));
    QCOMPARE(changed.countryCodes, QStringList{QStringLiteral("NL")});
    QCOMPARE(changed.language, QStringLiteral("de"));
    QVERIFY(changed.webhook.isEmpty());
    QVERIFY(changed.redirectUri.isEmpty());
    QCOMPARE(changed.clientUserId, in.clientUserId);

    // client_user_id is shown, never edited.
    auto *userId = dialog.findChild<QLineEdit *>(QStringLiteral("clientUserIdEdit"));
    QVERIFY(userId && userId->isReadOnly());
    QCOMPARE(userId->text(), in.clientUserId);
}

void TestSettingsDialog::valuesNotOfferedAreKept()
{
    AppSettings in = plaidSettings();
    in.products.append(QStringLiteral("signal"));
    SettingsDialog dialog(in);
    QVERIFY(dialog.settings().products.contains(u"signal"));
}

void TestSettingsDialog::secretIsNeverFilled()
{
    SettingsDialog dialog(plaidSettings());
    auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"));
    QVERIFY(secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(secret->text().isEmpty());
    QVERIFY(dialog.secret().isEmpty()); // empty: keep the saved one
    QVERIFY(secret->placeholderText().contains(u"keep the saved secret"));
    dialog.setSecret(QStringLiteral("typed-secret"));
    QCOMPARE(dialog.secret(), QStringLiteral("typed-secret"));
    dialog.setSettings(plaidSettings());
    QVERIFY(dialog.secret().isEmpty());
}

void TestSettingsDialog::plaidFieldsFollowTheMode()
{
    AppSettings in = plaidSettings();
    in.mode = BackendMode::EmbeddedSandbox;
    SettingsDialog dialog(in);
    QVERIFY(!dialog.plaidFieldsEnabled());
    dialog.setMode(BackendMode::PlaidSandbox);
    QVERIFY(dialog.plaidFieldsEnabled());
    dialog.setMode(BackendMode::EmbeddedSandbox);
    QVERIFY(!dialog.plaidFieldsEnabled());
    // Disabled is not forgotten.
    QCOMPARE(dialog.settings().clientId, in.clientId);
}

void TestSettingsDialog::serverFieldsFollowTheMode()
{
    AppSettings in = plaidSettings();
    in.serverUrl = QStringLiteral("https://weft.example.com");
    SettingsDialog dialog(in);
    dialog.show();
    QVERIFY(!dialog.serverFieldsShown());
    dialog.setSecret(QStringLiteral("plaid-secret"));
    QCOMPARE(dialog.newCredential(), QStringLiteral("plaid-secret"));
    dialog.setMode(BackendMode::ProviderServer);
    QVERIFY(dialog.serverFieldsShown());
    QVERIFY(!dialog.plaidFieldsEnabled()); // the server keeps Plaid's keys
    auto *code = dialog.findChild<QLineEdit *>(QStringLiteral("enrolmentCodeEdit"));
    QVERIFY(code && code->echoMode() == QLineEdit::Password);
    QVERIFY(code->text().isEmpty()); // never filled from storage
    // What apply() gets in this mode is the enrolment code, not the Plaid secret.
    QVERIFY(dialog.newCredential().isEmpty());
    dialog.setEnrolmentCode(QStringLiteral(" ABCD-EFGH "));
    QCOMPARE(dialog.newCredential(), QStringLiteral("ABCD-EFGH"));
    QCOMPARE(dialog.settings().serverUrl, in.serverUrl);
    QCOMPARE(dialog.settings().mode, BackendMode::ProviderServer);
    dialog.setServerUrl(QStringLiteral("http://127.0.0.1:8470/"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    dialog.setMode(BackendMode::EmbeddedSandbox);
    QVERIFY(!dialog.serverFieldsShown());
}

void TestSettingsDialog::productionNoticeShowsOnce()
{
    SettingsDialog dialog(plaidSettings());
    QStringList notices;
    dialog.setNotice([&](const QString &, const QString &text) { notices.append(text); });
    QVERIFY(!dialog.settings().productionNoticeShown);
    dialog.setMode(BackendMode::PlaidProduction);
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).contains(u"server"));
    QVERIFY(notices.at(0).contains(u"own"));
    QVERIFY(dialog.settings().productionNoticeShown);
    dialog.setMode(BackendMode::PlaidSandbox);
    dialog.setMode(BackendMode::PlaidProduction);
    QCOMPARE(notices.size(), 1);
}

void TestSettingsDialog::noNoticeWhenAlreadyShown()
{
    AppSettings in = plaidSettings();
    in.productionNoticeShown = true;
    SettingsDialog dialog(in);
    int notices = 0;
    dialog.setNotice([&](const QString &, const QString &) { ++notices; });
    dialog.setMode(BackendMode::PlaidProduction);
    QCOMPARE(notices, 0);
    // Loading settings that are already in Production mode is not the user choosing it.
    AppSettings production = plaidSettings();
    production.mode = BackendMode::PlaidProduction;
    SettingsDialog loaded(production);
    int loadedNotices = 0;
    loaded.setNotice([&](const QString &, const QString &) { ++loadedNotices; });
    loaded.setSettings(production);
    QCOMPARE(loadedNotices, 0);
}

void TestSettingsDialog::rejectsInvalid_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("no client_id, Plaid Sandbox") << int(BackendMode::PlaidSandbox) << "clientId"
                                                 << ""
                                                 << "client_id";
    QTest::newRow("no client_id, Plaid Production")
        << int(BackendMode::PlaidProduction) << "clientId"
        << "  "
        << "client_id";
    QTest::newRow("http redirect_uri") << int(BackendMode::PlaidSandbox) << "redirectUri"
                                       << "http://weft.example.com/oauth"
                                       << "https";
    QTest::newRow("redirect_uri without host") << int(BackendMode::PlaidSandbox) << "redirectUri"
                                               << "https://"
                                               << "https";
    QTest::newRow("weft redirect_uri in Production")
        << int(BackendMode::PlaidProduction) << "redirectUri"
        << "weft://oauth"
        << "https address";
    QTest::newRow("other app's scheme") << int(BackendMode::PlaidSandbox) << "redirectUri"
                                        << "otherapp://oauth"
                                        << "weft://";
    QTest::newRow("redirect_uri with a query") << int(BackendMode::PlaidSandbox) << "redirectUri"
                                               << "weft://oauth?x=1"
                                               << "query";
    QTest::newRow("ftp webhook") << int(BackendMode::EmbeddedSandbox) << "webhook"
                                 << "ftp://hooks.example.com"
                                 << "webhook";
    QTest::newRow("no products") << int(BackendMode::EmbeddedSandbox) << "products"
                                 << ""
                                 << "product";
    QTest::newRow("no countries") << int(BackendMode::PlaidSandbox) << "countries"
                                  << ""
                                  << "country";
    QTest::newRow("no client name") << int(BackendMode::PlaidSandbox) << "clientName"
                                    << ""
                                    << "client name";
    QTest::newRow("unsupported language") << int(BackendMode::PlaidSandbox) << "language"
                                          << "xx"
                                          << "language";
    // The provider's server: https, or plain http to this computer only.
    const int server = int(BackendMode::ProviderServer);
    QTest::newRow("no server") << server << "serverUrl"
                               << ""
                               << "address";
    QTest::newRow("http server elsewhere") << server << "serverUrl"
                                           << "http://weft.example.com"
                                           << "https://";
    QTest::newRow("http server, 127 in a name") << server << "serverUrl"
                                                << "http://127.0.0.1.example.com"
                                                << "https://";
    QTest::newRow("server with a password") << server << "serverUrl"
                                            << "https://ada:pw@weft.example.com"
                                            << "password";
    QTest::newRow("server with a query") << server << "serverUrl"
                                         << "https://weft.example.com/?next=evil"
                                         << "query";
    QTest::newRow("server not http") << server << "serverUrl"
                                     << "ftp://weft.example.com"
                                     << "https://";
}

void TestSettingsDialog::rejectsInvalid()
{
    QFETCH(int, mode);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    SettingsDialog dialog(plaidSettings());
    dialog.setNotice([](const QString &, const QString &) {});
    dialog.setMode(BackendMode(mode));
    if (field == u"clientId")
        dialog.setClientId(value);
    else if (field == u"redirectUri")
        dialog.setRedirectUri(value);
    else if (field == u"webhook")
        dialog.setWebhook(value);
    else if (field == u"products")
        dialog.setProducts({});
    else if (field == u"countries")
        dialog.setCountryCodes({});
    else if (field == u"clientName")
        dialog.setClientName(value);
    else if (field == u"language")
        dialog.setLanguage(value);
    else if (field == u"serverUrl")
        dialog.setServerUrl(value);
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible()); // stays open
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.errorText().contains(message, Qt::CaseInsensitive),
             qPrintable(dialog.errorText()));
    QCOMPARE(dialog.errorText(), dialog.settings().validate());
}

void TestSettingsDialog::acceptsValid()
{
    SettingsDialog dialog(plaidSettings());
    dialog.show();
    dialog.setClientId(QString());
    dialog.accept();
    QVERIFY(dialog.isVisible());
    dialog.setClientId(QStringLiteral("fixed"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.errorText().isEmpty());
    // Embedded mode needs no client_id.
    AppSettings embedded = plaidSettings();
    embedded.mode = BackendMode::EmbeddedSandbox;
    embedded.clientId.clear();
    SettingsDialog second(embedded);
    second.show();
    second.accept();
    QCOMPARE(second.result(), int(QDialog::Accepted));
    // Weft's own scheme for OAuth by redirect, outside Production; the browser for Link.
    embedded.redirectUri = QStringLiteral("weft://oauth");
    embedded.presentation = LinkPresentation::Browser;
    SettingsDialog third(embedded);
    third.show();
    third.accept();
    QCOMPARE(third.result(), int(QDialog::Accepted));
    QCOMPARE(third.settings().redirectUri, QStringLiteral("weft://oauth"));
    QCOMPARE(third.settings().presentation, LinkPresentation::Browser);
}

void TestSettingsDialog::choices()
{
    QCOMPARE(SettingsDialog::productChoices().size(), 7);
    QCOMPARE(SettingsDialog::countryChoices().size(), 20);
    SettingsDialog dialog(plaidSettings());
    dialog.setLanguage(QStringLiteral("ja"));
    QCOMPARE(dialog.settings().language, QStringLiteral("ja"));
    for (const QString &language : AppSettings::linkLanguages()) {
        dialog.setLanguage(language);
        QCOMPARE(dialog.settings().language, language);
    }
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
