#include "ui/ItemDetailsView.h"

#include "items/ItemService.h"
#include "ui/CopyableTable.h"
#include "vault/ItemRecord.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace weft::ui {
namespace {

const QString kRequestIds = QStringLiteral("request_ids");

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString amount(const std::optional<double> &value, const QString &currency)
{
    if (!value)
        return QString();
    const QString number = QLocale().toString(*value, 'f', 2);
    return currency.isEmpty() ? number : number + u' ' + currency;
}

QString metadataText(const QJsonObject &metadata)
{
    QStringList parts;
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble() || value.isBool())
            text = value.toVariant().toString();
        else if (value.isObject())
            text =
                QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        if (!text.isEmpty())
            parts.append(it.key() + u'=' + text);
    }
    return parts.join(QStringLiteral("  "));
}

} // namespace

ItemDetailsView::ItemDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_logo(new QLabel(this))
    , m_title(new QLabel(this))
    , m_requestIds(new QPlainTextEdit(this))
    , m_accounts(new CopyableTable({tr("Name"), tr("Official name"), tr("Mask"), tr("Type"),
                                    tr("Available"), tr("Current"), tr("Limit"), tr("account_id")},
                                   this))
    , m_events(new CopyableTable({tr("Time (UTC)"), tr("Event"), tr("View"), tr("Details")}, this))
{
    m_logo->setFixedSize(32, 32);
    m_logo->setScaledContents(true);
    m_logo->setAccessibleName(tr("Bank logo"));
    m_tabs->setAccessibleName(tr("Connection details"));
    m_accounts->setAccessibleName(tr("Accounts"));
    m_events->setAccessibleName(tr("Link events"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setTextFormat(Qt::PlainText);
    auto *header = new QHBoxLayout;
    header->addWidget(m_logo);
    header->addWidget(m_title, 1);

    auto *form = new QWidget;
    auto *formLayout = new QFormLayout(form);
    formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QList<std::pair<QString, QString>> fields{
        {QStringLiteral("item_id"), tr("item_id")},
        {QStringLiteral("environment"), tr("Environment")},
        {QStringLiteral("institution_id"), tr("institution_id")},
        {QStringLiteral("institution_name"), tr("Institution")},
        {QStringLiteral("institution_color"), tr("Colour")},
        {QStringLiteral("created_at"), tr("Linked (UTC)")},
        {QStringLiteral("last_refresh"), tr("Last refresh (UTC)")},
        {QStringLiteral("status"), tr("Status")},
        {QStringLiteral("error_type"), tr("error_type")},
        {QStringLiteral("error_code"), tr("error_code")},
        {QStringLiteral("error_message"), tr("error_message")},
        {QStringLiteral("display_message"), tr("display_message")},
        {QStringLiteral("refresh_problem"), tr("Refresh problem")},
        {QStringLiteral("token"), tr("Access token")},
        {QStringLiteral("available_products"), tr("Products available")},
        {QStringLiteral("billed_products"), tr("Products billed")},
        {QStringLiteral("consent_expiration"), tr("Consent expires (UTC)")},
        {QStringLiteral("update_type"), tr("update_type")},
        {QStringLiteral("webhook"), tr("Webhook")},
        {QStringLiteral("owner"), tr("User (provider's server)")},
        {QStringLiteral("link_session_id"), tr("link_session_id")},
    };
    for (const auto &[key, label] : fields) {
        addField(key, label);
        formLayout->addRow(label, m_fields.value(key));
    }
    m_requestIds->setReadOnly(true);
    m_requestIds->setObjectName(kRequestIds);
    m_requestIds->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_requestIds->setMaximumHeight(m_requestIds->fontMetrics().lineSpacing() * 6);
    m_requestIds->setToolTip(tr("The latest first"));
    m_requestIds->setAccessibleName(tr("request_id"));
    formLayout->addRow(tr("request_id"), m_requestIds);
    m_order.append(kRequestIds);

    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, tr("Item"));
    m_tabs->addTab(m_accounts, tr("Accounts"));
    m_tabs->addTab(m_events, tr("Link events"));
    m_accounts->setObjectName(QStringLiteral("accounts"));
    m_events->setObjectName(QStringLiteral("events"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    clear();
}

void ItemDetailsView::addField(const QString &key, const QString &label)
{
    auto *edit = new QLineEdit(this);
    edit->setReadOnly(true);
    edit->setObjectName(key);
    edit->setAccessibleName(label);
    m_fields.insert(key, edit);
    m_order.append(key);
}

void ItemDetailsView::setField(const QString &key, const QString &value)
{
    QLineEdit *edit = m_fields.value(key);
    edit->setText(value);
    edit->setCursorPosition(0);
    edit->setToolTip(value);
}

QString ItemDetailsView::fieldText(const QString &key) const
{
    if (key == kRequestIds)
        return m_requestIds->toPlainText();
    const QLineEdit *edit = m_fields.value(key);
    return edit ? edit->text() : QString();
}

QString ItemDetailsView::fieldsAsText() const
{
    QStringList lines;
    for (const QString &key : m_order)
        lines.append(key + QStringLiteral(": ") + fieldText(key));
    return lines.join(u'\n');
}

void ItemDetailsView::clear()
{
    m_itemId.clear();
    for (QLineEdit *edit : std::as_const(m_fields))
        edit->clear();
    m_requestIds->clear();
    m_accounts->setRows({});
    m_events->setRows({});
    m_logo->clear();
    m_title->setText(tr("Select an Item to see its details."));
    m_tabs->setEnabled(false);
    m_tabs->setTabText(1, tr("Accounts"));
    m_tabs->setTabText(2, tr("Link events"));
}

void ItemDetailsView::showItem(const vault::ItemRecord &r, const QString &tokenText, bool foreign)
{
    m_itemId = r.itemId;
    m_tabs->setEnabled(true);
    const QString name = items::ItemService::displayName(r);
    m_title->setText(
        foreign ? tr("%1 — %2 (another environment: %3)").arg(name, r.itemId, r.environment)
                : tr("%1 — %2").arg(name, r.itemId));
    QPixmap logo;
    if (!r.institutionLogo.isEmpty())
        logo.loadFromData(QByteArray::fromBase64(r.institutionLogo.toLatin1()), "PNG");
    m_logo->setPixmap(logo);

    setField(QStringLiteral("item_id"), r.itemId);
    setField(QStringLiteral("environment"), r.environment);
    setField(QStringLiteral("institution_id"), r.institutionId);
    setField(QStringLiteral("institution_name"), r.institutionName);
    setField(QStringLiteral("institution_color"), r.institutionColor);
    setField(QStringLiteral("created_at"), timeText(r.createdAt));
    setField(QStringLiteral("last_refresh"),
             r.lastRefresh.isValid() ? timeText(r.lastRefresh) : tr("never"));
    setField(QStringLiteral("status"), r.status());
    setField(QStringLiteral("error_type"), r.errorType);
    setField(QStringLiteral("error_code"), r.errorCode);
    setField(QStringLiteral("error_message"), r.errorMessage);
    setField(QStringLiteral("display_message"), r.displayMessage);
    setField(QStringLiteral("refresh_problem"), r.refreshProblem);
    setField(QStringLiteral("token"), tokenText);
    setField(QStringLiteral("available_products"), r.availableProducts.join(QStringLiteral(", ")));
    setField(QStringLiteral("billed_products"), r.billedProducts.join(QStringLiteral(", ")));
    setField(QStringLiteral("consent_expiration"), timeText(r.consentExpiration));
    setField(QStringLiteral("update_type"), r.updateType);
    setField(QStringLiteral("webhook"), r.webhook.isEmpty() ? tr("none") : r.webhook);
    setField(QStringLiteral("link_session_id"), r.linkSessionId);
    setField(QStringLiteral("owner"), r.owner);
    m_requestIds->setPlainText(r.requestIds.join(u'\n'));

    QList<QStringList> accounts;
    for (const vault::StoredAccount &a : r.accounts) {
        const QString type =
            a.subtype.isEmpty() ? a.type : a.type + QStringLiteral(" / ") + a.subtype;
        accounts.append({a.name, a.officialName, a.mask, type, amount(a.available, a.currency),
                         amount(a.current, a.currency), amount(a.limit, a.currency), a.id});
    }
    m_accounts->setRows(accounts);
    QList<QStringList> events;
    for (const vault::StoredEvent &e : r.events)
        events.append({timeText(e.timestamp), e.name, e.viewName, metadataText(e.metadata)});
    m_events->setRows(events);
    m_tabs->setTabText(1, tr("Accounts (%1)").arg(r.accounts.size()));
    m_tabs->setTabText(2, tr("Link events (%1)").arg(r.events.size()));
}

} // namespace weft::ui
