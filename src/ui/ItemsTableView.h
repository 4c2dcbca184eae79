#pragma once

#include <QTableView>

namespace weft::ui {

// The Items table: uniform row heights and fixed column widths (nothing is measured over all
// rows, so 10,000 Items show as fast as ten), the status badge delegate, the index's own order
// until a header is clicked, and a context menu of the actions it is given.
class ItemsTableView : public QTableView
{
    Q_OBJECT

public:
    explicit ItemsTableView(QWidget *parent = nullptr);

    // An items::ItemsModel, or a proxy over one.
    void setModel(QAbstractItemModel *model) override;
    // nullptr entries become separators.
    void setContextActions(const QList<QAction *> &actions);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QList<QAction *> m_contextActions;
};

} // namespace weft::ui
