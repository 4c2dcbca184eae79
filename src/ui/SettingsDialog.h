#pragma once

#include "core/AppSettings.h"

#include <QDialog>

#include <functional>
#include <memory>

class QListWidget;

namespace Ui {
class SettingsDialog;
}

namespace weft::ui {

// Edits the app's settings: backend mode, Plaid keys (the secret only ever typed in, never read
// back: an empty field keeps the saved one), and the Link token's options. OK checks the values
// with AppSettings::validate() and stays open, saying what is wrong, until they are usable.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // Shows an informational message (title, text). Injectable for tests.
    using Notice = std::function<void(const QString &title, const QString &text)>;

    static const QStringList &productChoices();
    static const QStringList &countryChoices();

    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Everything in the form. client_user_id and the production notice flag are carried over.
    AppSettings settings() const;
    void setSettings(const AppSettings &settings);
    // The secret typed in; empty means "keep the saved one".
    QString secret() const;
    void setSecret(const QString &secret);
    // The provider's server mode: the one-time enrolment code typed in; empty means "stay
    // signed in".
    QString enrolmentCode() const;
    void setEnrolmentCode(const QString &code);
    void setServerUrl(const QString &url);
    // What SessionManager::apply takes: the secret, or in the server mode the enrolment code.
    QString newCredential() const;

    BackendMode mode() const;
    // As if the user chose the mode (shows the Production notice once).
    void setMode(BackendMode mode);
    void setClientId(const QString &clientId);
    void setClientName(const QString &clientName);
    void setProducts(const QStringList &products);
    void setCountryCodes(const QStringList &countryCodes);
    void setLanguage(const QString &language);
    void setWebhook(const QString &webhook);
    void setRedirectUri(const QString &redirectUri);
    // Whether the Plaid-only fields (client_id, secret) can be edited in the current mode.
    bool plaidFieldsEnabled() const;
    // Whether the server's fields (address, enrolment code) are shown (the server mode).
    bool serverFieldsShown() const;
    // What OK found wrong, empty when nothing.
    QString errorText() const;
    void setNotice(Notice notice);

public slots:
    void accept() override;

private:
    void onModeChanged();
    static QStringList checked(const QListWidget *list);
    static void setChecked(QListWidget *list, const QStringList &values);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings m_base;
    bool m_loading = false;
    Notice m_notice;
};

} // namespace weft::ui
