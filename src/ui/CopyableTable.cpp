#include "ui/CopyableTable.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include <map>

namespace weft::ui {

CopyableTable::CopyableTable(const QStringList &headers, QWidget *parent)
    : QTableWidget(0, int(headers.size()), parent)
{
    setHorizontalHeaderLabels(headers);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setStretchLastSection(true);
}

void CopyableTable::setRows(const QList<QStringList> &rows)
{
    clearContents();
    setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const QStringList &cells = rows.at(row);
        for (int column = 0; column < cells.size() && column < columnCount(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            setItem(row, column, item);
        }
    }
    resizeColumnsToContents(); // a few rows at most: one Item's accounts or events
    horizontalHeader()->setStretchLastSection(true);
}

QString CopyableTable::selectedText() const
{
    std::map<int, std::map<int, QString>> cells; // row -> column -> text, in order
    const QList<QTableWidgetItem *> items = selectedItems();
    if (items.isEmpty()) {
        for (int row = 0; row < rowCount(); ++row) {
            for (int column = 0; column < columnCount(); ++column) {
                if (const QTableWidgetItem *cell = item(row, column))
                    cells[row][column] = cell->text();
            }
        }
    }
    for (const QTableWidgetItem *cell : items)
        cells[cell->row()][cell->column()] = cell->text();
    QStringList lines;
    for (const auto &row : cells) {
        QStringList texts;
        for (const auto &cell : row.second)
            texts.append(cell.second);
        lines.append(texts.join(u'\t'));
    }
    return lines.join(u'\n');
}

void CopyableTable::copySelection() const
{
    QApplication::clipboard()->setText(selectedText());
}

void CopyableTable::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

void CopyableTable::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Copy"), this, &CopyableTable::copySelection);
    menu.addAction(tr("Select all"), this, &QAbstractItemView::selectAll);
    menu.exec(event->globalPos());
}

} // namespace weft::ui
