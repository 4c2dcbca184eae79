#pragma once

#include <QSortFilterProxyModel>

namespace weft::vault {
class ItemStore;
}

namespace weft::ui {

// Sorts and filters the Items table (an items::ItemsModel over the store). The filter text
// matches, case-insensitively, the institution's name or id, the item_id and the status
// (Plaid's error code, "healthy" or its display text).
// Rows of another environment than the current one are greyed and say so in their tooltip.
class ItemsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ItemsFilterModel(const vault::ItemStore *store, QObject *parent = nullptr);

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);

    QVariant data(const QModelIndex &index, int role) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const vault::ItemStore *m_store;
    QString m_text;
};

} // namespace weft::ui
