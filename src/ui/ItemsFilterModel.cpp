#include "ui/ItemsFilterModel.h"

#include "items/ItemsModel.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace weft::ui {

using items::ItemsModel;

ItemsFilterModel::ItemsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
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
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex institution = model->index(sourceRow, ItemsModel::Institution, sourceParent);
    const auto matches = [this](const QVariant &value) {
        return value.toString().contains(m_text, Qt::CaseInsensitive);
    };
    return matches(institution.data(Qt::DisplayRole))
           || matches(institution.data(ItemsModel::ItemIdRole))
           || matches(institution.data(ItemsModel::StatusRole))
           || matches(model->index(sourceRow, ItemsModel::Status, sourceParent).data());
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
        QStringList lines{QStringLiteral("item_id %1").arg(index.data(ItemsModel::ItemIdRole).toString())};
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
