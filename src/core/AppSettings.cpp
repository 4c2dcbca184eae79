#include "core/AppSettings.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>
#include <QUuid>

namespace weft {

QString modeName(BackendMode mode)
{
    switch (mode) {
    case BackendMode::EmbeddedSandbox:
        return QStringLiteral("embedded-sandbox");
    case BackendMode::PlaidSandbox:
        return QStringLiteral("plaid-sandbox");
    case BackendMode::PlaidProduction:
        return QStringLiteral("plaid-production");
    case BackendMode::ProviderServer:
        return QStringLiteral("provider-server");
    }
    return QStringLiteral("embedded-sandbox");
}

QString modeEnvironment(BackendMode mode)
{
    switch (mode) {
    case BackendMode::EmbeddedSandbox:
        return QStringLiteral("embedded");
    case BackendMode::PlaidSandbox:
        return QStringLiteral("sandbox");
    case BackendMode::PlaidProduction:
        return QStringLiteral("production");
    case BackendMode::ProviderServer:
        return QStringLiteral("server");
    }
    return QStringLiteral("embedded");
}

QString modeTitle(BackendMode mode)
{
    switch (mode) {
    case BackendMode::EmbeddedSandbox:
        return QCoreApplication::translate("weft::AppSettings", "Embedded Plaid Sandbox");
    case BackendMode::PlaidSandbox:
        return QCoreApplication::translate("weft::AppSettings", "Plaid Sandbox");
    case BackendMode::PlaidProduction:
        return QCoreApplication::translate("weft::AppSettings", "Plaid Production");
    case BackendMode::ProviderServer:
        return QCoreApplication::translate("weft::AppSettings", "Your provider's server");
    }
    return {};
}

const QStringList &AppSettings::linkLanguages()
{
    static const QStringList languages =
        QStringLiteral("da,nl,en,et,fr,de,hi,it,lv,lt,no,pl,pt,ro,es,sv,vi,ja,zh").split(u',');
    return languages;
}

QString AppSettings::languageFor(const QLocale &locale)
{
    QString code = locale.name().section(u'_', 0, 0).toLower();
    if (code == u"nb" || code == u"nn")
        code = QStringLiteral("no");
    return linkLanguages().contains(code) ? code : QStringLiteral("en");
}

AppSettings AppSettings::load(QSettings &s)
{
    AppSettings a;
    const QString mode = s.value(QStringLiteral("backend/mode")).toString();
    if (mode == modeName(BackendMode::PlaidSandbox))
        a.mode = BackendMode::PlaidSandbox;
    else if (mode == modeName(BackendMode::PlaidProduction))
        a.mode = BackendMode::PlaidProduction;
    else if (mode == modeName(BackendMode::ProviderServer))
        a.mode = BackendMode::ProviderServer;
    a.clientId = s.value(QStringLiteral("backend/clientId")).toString();
    a.serverUrl = s.value(QStringLiteral("backend/serverUrl")).toString();
    a.clientName = s.value(QStringLiteral("link/clientName"), a.clientName).toString();
    a.products = s.value(QStringLiteral("link/products"), a.products).toStringList();
    a.countryCodes = s.value(QStringLiteral("link/countryCodes"), a.countryCodes).toStringList();
    a.language = s.value(QStringLiteral("link/language")).toString();
    a.webhook = s.value(QStringLiteral("link/webhook")).toString();
    a.redirectUri = s.value(QStringLiteral("link/redirectUri")).toString();
    a.clientUserId = s.value(QStringLiteral("link/clientUserId")).toString();
    a.productionNoticeShown = s.value(QStringLiteral("backend/productionNoticeShown")).toBool();
    if (s.value(QStringLiteral("link/presentation")).toString() == u"browser")
        a.presentation = LinkPresentation::Browser;
    return a;
}

void AppSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("backend/mode"), modeName(mode));
    s.setValue(QStringLiteral("backend/clientId"), clientId);
    s.setValue(QStringLiteral("backend/serverUrl"), serverUrl);
    s.setValue(QStringLiteral("link/clientName"), clientName);
    s.setValue(QStringLiteral("link/products"), products);
    s.setValue(QStringLiteral("link/countryCodes"), countryCodes);
    s.setValue(QStringLiteral("link/language"), language);
    s.setValue(QStringLiteral("link/webhook"), webhook);
    s.setValue(QStringLiteral("link/redirectUri"), redirectUri);
    s.setValue(QStringLiteral("link/clientUserId"), clientUserId);
    s.setValue(QStringLiteral("backend/productionNoticeShown"), productionNoticeShown);
    s.setValue(QStringLiteral("link/presentation"), presentation == LinkPresentation::Browser
                                                        ? QStringLiteral("browser")
                                                        : QStringLiteral("embedded"));
    s.sync();
}

void AppSettings::fillDefaults(const QLocale &locale)
{
    if (clientUserId.isEmpty())
        clientUserId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Q_UNUSED(locale)
}

QString AppSettings::linkLanguage(const QLocale &locale) const
{
    return language.isEmpty() ? languageFor(locale) : language;
}

QString AppSettings::serverUrlProblem(const QString &address)
{
    const QUrl url(address.trimmed(), QUrl::StrictMode);
    if (address.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("weft::AppSettings",
                                           "Enter your provider's server address, such as "
                                           "https://weft.example.com.");
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate("weft::AppSettings",
                                           "The server's address is only its https:// address, "
                                           "without a name, password or query.");
    if (url.scheme() == u"https")
        return {};
    // Loopback: localhost, 127.0.0.0/8 or ::1 (QUrl has checked that the host is well formed).
    const QString host = url.host();
    static const QRegularExpression loopbackV4(QStringLiteral("^127(\\.\\d{1,3}){3}$"));
    const bool loopback =
        host == u"localhost" || host == u"::1" || loopbackV4.match(host).hasMatch();
    if (url.scheme() == u"http" && loopback)
        return {};
    return QCoreApplication::translate("weft::AppSettings",
                                       "The server's address must start with https:// (plain "
                                       "http is only for a server on this computer).");
}

QString AppSettings::validate() const
{
    if (mode == BackendMode::ProviderServer)
        return serverUrlProblem(serverUrl); // the server holds Plaid's settings
    if (mode != BackendMode::EmbeddedSandbox && clientId.trimmed().isEmpty())
        return QCoreApplication::translate("weft::AppSettings",
                                           "A Plaid client_id is needed for %1.")
            .arg(modeTitle(mode));
    if (clientName.trimmed().isEmpty() || clientName.size() > 30)
        return QCoreApplication::translate("weft::AppSettings",
                                           "The client name must have 1 to 30 characters.");
    if (products.isEmpty())
        return QCoreApplication::translate("weft::AppSettings", "Choose at least one product.");
    if (countryCodes.isEmpty())
        return QCoreApplication::translate("weft::AppSettings", "Choose at least one country.");
    if (!language.isEmpty() && !linkLanguages().contains(language))
        return QCoreApplication::translate("weft::AppSettings",
                                           "Link does not support the language \"%1\".")
            .arg(language);
    if (!webhook.isEmpty()) {
        const QUrl url(webhook, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
            url.host().isEmpty())
            return QCoreApplication::translate("weft::AppSettings",
                                               "The webhook must be an http or https address.");
    }
    if (!redirectUri.isEmpty()) {
        // Plaid takes only https in Production (a page there can forward to weft://); its
        // Sandbox, and the embedded one, also take Weft's own scheme.
        const QUrl url(redirectUri, QUrl::StrictMode);
        const bool https = url.scheme() == u"https" && !url.host().isEmpty();
        const bool weft = url.scheme() == u"weft" && mode != BackendMode::PlaidProduction;
        if (!url.isValid() || !(https || weft))
            return mode == BackendMode::PlaidProduction
                       ? QCoreApplication::translate(
                             "weft::AppSettings",
                             "The OAuth redirect URI must be an https address.")
                       : QCoreApplication::translate(
                             "weft::AppSettings",
                             "The OAuth redirect URI must be an https or weft:// "
                             "address.");
        if (url.hasQuery())
            return QCoreApplication::translate(
                "weft::AppSettings", "The OAuth redirect URI may not have a query (?...).");
    }
    return {};
}

} // namespace weft
