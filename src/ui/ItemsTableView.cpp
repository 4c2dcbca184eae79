#include "ui/ItemsTableView.h"

#include "items/ItemsModel.h"
#include "ui/StatusBadgeDelegate.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>

namespace weft::ui {

using items::ItemsModel;

ItemsTableView::ItemsTableView(QWidget *parent)
    : QTableView(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    setWordWrap(false);
    setItemDelegateForColumn(ItemsModel::Status, new StatusBadgeDelegate(this));
    const int rowHeight = std::max(24, fontMetrics().height() + 8);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(rowHeight);
    setIconSize(QSize(rowHeight - 6, rowHeight - 6));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

void ItemsTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    const int charWidth = fontMetrics().averageCharWidth();
    // In characters, by model column: institution, status, token, environment, last refresh,
    // accounts. Accounts (with balances) come right after the bank, as people look for them.
    const int widths[ItemsModel::ColumnCount] = {22, 20, 12, 14, 18, 44};
    for (int column = 0; column < ItemsModel::ColumnCount; ++column)
        horizontalHeader()->resizeSection(column, widths[column] * charWidth);
    QHeaderView *header = horizontalHeader();
    header->moveSection(header->visualIndex(ItemsModel::Accounts), 1);
    // The accounts take the room there is: their balances are what people look for.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ItemsModel::Accounts, QHeaderView::Stretch);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the index's order
    setSortingEnabled(true);
}

void ItemsTableView::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

void ItemsTableView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (the menu key, Shift+F10) the menu is for the current row.
    const bool keyboard = event->reason() == QContextMenuEvent::Keyboard;
    const QModelIndex index = keyboard ? currentIndex() : indexAt(event->pos());
    if (m_contextActions.isEmpty() || !index.isValid())
        return;
    QMenu menu(this);
    for (QAction *action : std::as_const(m_contextActions)) {
        if (action)
            menu.addAction(action);
        else
            menu.addSeparator();
    }
    menu.exec(keyboard ? viewport()->mapToGlobal(visualRect(index).center()) : event->globalPos());
}

} // namespace weft::ui
