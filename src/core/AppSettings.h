#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QSettings;

namespace weft {

// Which backend Weft talks to.
enum class BackendMode {
    EmbeddedSandbox, // the in-process sandbox: no network, no keys (the default)
    PlaidSandbox,    // Plaid's Sandbox with the user's own keys
    PlaidProduction, // Plaid's Production with the user's own keys
    ProviderServer,  // the provider's weft-server, which holds the Plaid keys and the tokens
};

// "embedded-sandbox", "plaid-sandbox", "plaid-production", "provider-server"
QString modeName(BackendMode mode);
// Keychain and index namespace: "embedded", "sandbox", "production", "server"
QString modeEnvironment(BackendMode mode);
QString modeTitle(BackendMode mode); // for people

// Where Link is shown.
enum class LinkPresentation {
    Embedded, // in Weft's window (the default)
    Browser,  // Hosted Link, in the user's web browser
};

// The app's settings (QSettings). The client secret is not here: it lives only in the
// keychain (see vault::TokenVault::clientSecretKey).
struct AppSettings
{
    BackendMode mode = BackendMode::EmbeddedSandbox;
    QString clientId;
    QString serverUrl; // the provider's weft-server (ProviderServer)
    QString clientName = QStringLiteral("Weft");
    QStringList products{QStringLiteral("transactions")};
    QStringList countryCodes{QStringLiteral("US")};
    QString language; // the user's choice for Link; empty: the current locale's (linkLanguage)
    QString webhook;
    QString redirectUri;
    QString clientUserId; // random, made once, never personal data
    LinkPresentation presentation = LinkPresentation::Embedded;
    bool productionNoticeShown = false;

    static AppSettings load(QSettings &settings);
    void save(QSettings &settings) const;
    // Makes up what is missing: client_user_id. (The language is not made up: an empty one
    // follows the locale, see linkLanguage.)
    void fillDefaults(const QLocale &locale = QLocale::system());
    // The language Link is opened in: the user's choice, else the locale's if Link has it,
    // else English.
    QString linkLanguage(const QLocale &locale = QLocale()) const;

    // Empty when usable; otherwise what is wrong, in plain words.
    QString validate() const;
    // The provider's server: https, or plain http to this computer only (loopback), where no
    // one on the network can read the tokens. Empty when usable.
    static QString serverUrlProblem(const QString &address);

    static const QStringList &linkLanguages();
    static QString languageFor(const QLocale &locale);
};

} // namespace weft
