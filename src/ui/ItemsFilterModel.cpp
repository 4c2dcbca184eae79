#include "ui/ItemsFilterModel.h"

#include "items/ItemService.h"
#include "items/ItemsModel.h"
#include "vault/ItemStore.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace weft::ui {

using items::ItemsModel;

ItemsFilterModel::ItemsFilterModel(const vault::ItemStore *store, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_store(store)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ItemsFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ItemsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    // ItemsModel's rows are the store's rows: the record is read directly, no QVariant per field.
    const QList<vault::ItemRecord> &items = m_store->items();
    if (sourceParent.isValid() || sourceRow < 0 || sourceRow >= items.size())
        return false;
    const vault::ItemRecord &record = items.at(sourceRow);
    const auto matches = [this](const QString &value) {
        return value.contains(m_text, Qt::CaseInsensitive);
    };
    return matches(record.institutionName) || matches(record.institutionId) ||
           matches(record.itemId) || matches(record.status()) ||
           matches(items::ItemService::statusText(record));
}

QVariant ItemsFilterModel::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case Qt::ForegroundRole:
        if (index.data(ItemsModel::ForeignRole).toBool())
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::FontRole:
        if (index.data(ItemsModel::ForeignRole).toBool()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines{
            QStringLiteral("item_id %1").arg(index.data(ItemsModel::ItemIdRole).toString())};
        const QString problem = index.data(ItemsModel::ProblemRole).toString();
        if (!problem.isEmpty())
            lines.append(problem);
        if (index.data(ItemsModel::ForeignRole).toBool()) {
            const QString environment =
                index.siblingAtColumn(ItemsModel::Environment).data().toString();
            lines.append(tr("Belongs to the %1 environment: switch the backend in the settings "
                            "to act on it.")
                             .arg(environment));
        }
        return lines.join(u'\n');
    }
    default:
        break;
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace weft::ui
