#include "ui/SettingsDialog.h"

#include "ui/Tones.h"
#include "ui_SettingsDialog.h"

#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace weft::ui {

const QStringList &SettingsDialog::productChoices()
{
    static const QStringList products =
        QStringLiteral("assets,auth,balance,identity,investments,liabilities,transactions")
            .split(u',');
    return products;
}

const QStringList &SettingsDialog::countryChoices()
{
    static const QStringList countries =
        QStringLiteral("US,CA,GB,IE,FR,ES,NL,DE,IT,PL,DK,NO,SE,EE,LT,LV,PT,BE,AT,FI").split(u',');
    return countries;
}

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_notice([this](const QString &title, const QString &text) {
        QMessageBox::information(this, title, text);
    })
{
    m_ui->setupUi(this);
    for (BackendMode mode : {BackendMode::EmbeddedSandbox, BackendMode::PlaidSandbox,
                             BackendMode::PlaidProduction, BackendMode::ProviderServer})
        m_ui->modeCombo->addItem(modeTitle(mode), int(mode));
    for (const QString &product : productChoices()) {
        auto *item = new QListWidgetItem(product, m_ui->productsList);
        item->setData(Qt::UserRole, product);
        item->setCheckState(Qt::Unchecked);
    }
    for (const QString &code : countryChoices()) {
        const QString name = QLocale::territoryToString(QLocale::codeToTerritory(code));
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 — %2").arg(code, name), m_ui->countriesList);
        item->setData(Qt::UserRole, code);
        item->setCheckState(Qt::Unchecked);
    }
    m_ui->languageCombo->addItem(tr("Same as the system (%1)")
                                     .arg(QLocale::languageToString(QLocale::codeToLanguage(
                                         AppSettings::languageFor(QLocale())))),
                                 QString());
    for (const QString &code : AppSettings::linkLanguages()) {
        const QString name = QLocale::languageToString(QLocale::codeToLanguage(code));
        m_ui->languageCombo->addItem(QStringLiteral("%1 — %2").arg(code, name), code);
    }
    m_ui->presentationCombo->addItem(tr("This window"), int(LinkPresentation::Embedded));
    m_ui->presentationCombo->addItem(tr("Your web browser"), int(LinkPresentation::Browser));
    connect(m_ui->modeCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::onModeChanged);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setSettings(settings);
}

SettingsDialog::~SettingsDialog() = default;

QStringList SettingsDialog::checked(const QListWidget *list)
{
    QStringList values;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            values.append(list->item(row)->data(Qt::UserRole).toString());
    }
    return values;
}

void SettingsDialog::setChecked(QListWidget *list, const QStringList &values)
{
    QStringList missing = values;
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        const QString value = item->data(Qt::UserRole).toString();
        item->setCheckState(values.contains(value) ? Qt::Checked : Qt::Unchecked);
        missing.removeAll(value);
    }
    // Values Weft does not offer (from an older or edited settings file) are kept, not dropped.
    for (const QString &value : std::as_const(missing)) {
        auto *item = new QListWidgetItem(value, list);
        item->setData(Qt::UserRole, value);
        item->setCheckState(Qt::Checked);
    }
}

void SettingsDialog::setSettings(const AppSettings &settings)
{
    m_loading = true;
    m_base = settings;
    m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(int(settings.mode)));
    m_ui->clientIdEdit->setText(settings.clientId);
    m_ui->secretEdit->clear(); // never filled from storage
    m_ui->serverUrlEdit->setText(settings.serverUrl);
    m_ui->enrolmentCodeEdit->clear();
    m_ui->clientNameEdit->setText(settings.clientName);
    setChecked(m_ui->productsList, settings.products);
    setChecked(m_ui->countriesList, settings.countryCodes);
    setLanguage(settings.language);
    m_ui->webhookEdit->setText(settings.webhook);
    m_ui->redirectUriEdit->setText(settings.redirectUri);
    m_ui->clientUserIdEdit->setText(settings.clientUserId);
    m_ui->presentationCombo->setCurrentIndex(
        m_ui->presentationCombo->findData(int(settings.presentation)));
    m_ui->errorLabel->clear();
    m_ui->errorLabel->hide();
    onModeChanged();
    m_loading = false;
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_base;
    s.mode = mode();
    s.clientId = m_ui->clientIdEdit->text().trimmed();
    s.serverUrl = m_ui->serverUrlEdit->text().trimmed();
    s.clientName = m_ui->clientNameEdit->text().trimmed();
    s.products = checked(m_ui->productsList);
    s.countryCodes = checked(m_ui->countriesList);
    s.language = m_ui->languageCombo->currentData().toString();
    s.webhook = m_ui->webhookEdit->text().trimmed();
    s.redirectUri = m_ui->redirectUriEdit->text().trimmed();
    s.presentation = LinkPresentation(m_ui->presentationCombo->currentData().toInt());
    return s;
}

QString SettingsDialog::secret() const
{
    return m_ui->secretEdit->text();
}

void SettingsDialog::setSecret(const QString &secret)
{
    m_ui->secretEdit->setText(secret);
}

QString SettingsDialog::enrolmentCode() const
{
    return m_ui->enrolmentCodeEdit->text().trimmed();
}

void SettingsDialog::setEnrolmentCode(const QString &code)
{
    m_ui->enrolmentCodeEdit->setText(code);
}

void SettingsDialog::setServerUrl(const QString &url)
{
    m_ui->serverUrlEdit->setText(url);
}

QString SettingsDialog::newCredential() const
{
    return mode() == BackendMode::ProviderServer ? enrolmentCode() : secret();
}

bool SettingsDialog::serverFieldsShown() const
{
    return !m_ui->serverUrlEdit->isHidden() && !m_ui->enrolmentCodeEdit->isHidden();
}

BackendMode SettingsDialog::mode() const
{
    return BackendMode(m_ui->modeCombo->currentData().toInt());
}

void SettingsDialog::setMode(BackendMode mode)
{
    m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(int(mode)));
}

void SettingsDialog::setClientId(const QString &clientId)
{
    m_ui->clientIdEdit->setText(clientId);
}

void SettingsDialog::setClientName(const QString &clientName)
{
    m_ui->clientNameEdit->setText(clientName);
}

void SettingsDialog::setProducts(const QStringList &products)
{
    setChecked(m_ui->productsList, products);
}

void SettingsDialog::setCountryCodes(const QStringList &countryCodes)
{
    setChecked(m_ui->countriesList, countryCodes);
}

void SettingsDialog::setLanguage(const QString &language)
{
    int index = m_ui->languageCombo->findData(language);
    if (index < 0 && !language.isEmpty()) {
        // Shown as it is, so that OK can say what is wrong with it.
        m_ui->languageCombo->addItem(language, language);
        index = m_ui->languageCombo->count() - 1;
    }
    m_ui->languageCombo->setCurrentIndex(index);
}

void SettingsDialog::setWebhook(const QString &webhook)
{
    m_ui->webhookEdit->setText(webhook);
}

void SettingsDialog::setRedirectUri(const QString &redirectUri)
{
    m_ui->redirectUriEdit->setText(redirectUri);
}

bool SettingsDialog::plaidFieldsEnabled() const
{
    return m_ui->clientIdEdit->isEnabled() && m_ui->secretEdit->isEnabled();
}

QString SettingsDialog::errorText() const
{
    return m_ui->errorLabel->text();
}

void SettingsDialog::setNotice(Notice notice)
{
    m_notice = std::move(notice);
}

void SettingsDialog::onModeChanged()
{
    const BackendMode current = mode();
    const bool server = current == BackendMode::ProviderServer;
    const bool plaid = current != BackendMode::EmbeddedSandbox && !server;
    // The embedded sandbox makes its own keys for each run: client_id and secret are Plaid's.
    // The provider's server keeps Plaid's keys itself: the desktop has its address and sign-in.
    const QList<QWidget *> plaidOnly{m_ui->clientIdLabel, m_ui->clientIdEdit, m_ui->secretLabel,
                                     m_ui->secretEdit, m_ui->secretHint};
    for (QWidget *widget : plaidOnly) {
        widget->setEnabled(plaid);
        widget->setVisible(!server);
    }
    const QList<QWidget *> serverOnly{m_ui->serverUrlLabel, m_ui->serverUrlEdit,
                                      m_ui->enrolmentCodeLabel, m_ui->enrolmentCodeEdit,
                                      m_ui->serverHint};
    for (QWidget *widget : serverOnly)
        widget->setVisible(server);
    // Link's token is the server's to make: these settings are its, not the desktop's.
    m_ui->linkGroup->setEnabled(!server);
    switch (current) {
    case BackendMode::EmbeddedSandbox:
        m_ui->modeHint->setText(tr("Plaid's API with Sandbox rules, inside Weft: no network and "
                                   "no keys needed."));
        break;
    case BackendMode::PlaidSandbox:
        m_ui->modeHint->setText(tr("Plaid's Sandbox at sandbox.plaid.com with your own keys."));
        break;
    case BackendMode::PlaidProduction:
        m_ui->modeHint->setText(tr("Plaid's Production at production.plaid.com with your own "
                                   "keys: real banks and real data."));
        break;
    case BackendMode::ProviderServer:
        m_ui->modeHint->setText(tr("The server of the company that gave you Weft: it keeps the "
                                   "keys to your bank connections, and tells Weft when one needs "
                                   "you."));
        break;
    }
    if (!m_loading && current == BackendMode::PlaidProduction && !m_base.productionNoticeShown) {
        m_base.productionNoticeShown = true;
        if (m_notice) {
            m_notice(tr("Plaid Production"),
                     tr("Plaid expects the API secret to live on a server, not on the desktop. "
                        "Weft's direct Production mode is meant for people using their own Plaid "
                        "keys for their own accounts: the secret is kept in this computer's "
                        "keychain, and anyone who can use this account can use it."));
        }
    }
}

void SettingsDialog::accept()
{
    const QString problem = settings().validate();
    m_ui->errorLabel->setText(problem);
    tones::apply(m_ui->errorLabel, Tone::Problem);
    m_ui->errorLabel->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    QDialog::accept();
}

} // namespace weft::ui
