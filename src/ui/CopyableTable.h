#pragma once

#include <QTableWidget>

namespace weft::ui {

// A read-only table whose cells can be selected and copied (Ctrl+C or the context menu) as
// tab-separated text, one line per row, for pasting into a support ticket.
class CopyableTable : public QTableWidget
{
    Q_OBJECT

public:
    explicit CopyableTable(const QStringList &headers, QWidget *parent = nullptr);

    // Replaces the contents: one list of cell texts per row.
    void setRows(const QList<QStringList> &rows);
    // The selected cells as text (all cells when nothing is selected).
    QString selectedText() const;
    void copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
};

} // namespace weft::ui
