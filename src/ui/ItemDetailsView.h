#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace weft::vault {
struct ItemRecord;
}

namespace weft::ui {

class CopyableTable;

// Everything Weft knows about one Item, for support staff: every field of its record, its
// accounts and the Link event timeline of its last session. Every value can be selected and
// copied; nothing here is a secret.
class ItemDetailsView : public QWidget
{
    Q_OBJECT

public:
    explicit ItemDetailsView(QWidget *parent = nullptr);

    // tokenText: where the Item's access token is, in words. foreign: the Item belongs to
    // another environment than the current backend's.
    void showItem(const vault::ItemRecord &record, const QString &tokenText, bool foreign);
    void clear();

    const QString &itemId() const { return m_itemId; }
    // A field's text by its key: item_id, environment, institution_id, institution_name,
    // institution_color, created_at, last_refresh, status, error_type, error_code,
    // error_message, display_message, refresh_problem, token, available_products,
    // billed_products, consent_expiration, update_type, link_session_id, request_ids.
    QString fieldText(const QString &key) const;
    QStringList fieldKeys() const { return m_order; }
    CopyableTable *accountsTable() const { return m_accounts; }
    CopyableTable *eventsTable() const { return m_events; }
    // "key: value" lines of every field.
    QString fieldsAsText() const;

private:
    void addField(const QString &key, const QString &label);
    void setField(const QString &key, const QString &value);

    QString m_itemId;
    QTabWidget *m_tabs;
    QLabel *m_logo;
    QLabel *m_title;
    QHash<QString, QLineEdit *> m_fields;
    QStringList m_order;
    QPlainTextEdit *m_requestIds;
    CopyableTable *m_accounts;
    CopyableTable *m_events;
};

} // namespace weft::ui
