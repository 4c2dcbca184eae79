#pragma once

#include <QDialog>

class QAction;
class QMenuBar;

namespace weft::ui {

// Help → Keyboard shortcuts: every action of the menu bar with its keys, read from the
// actions themselves so that the list is never out of date.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    // (menu, action, keys) rows, in menu order; actions without keys are left out.
    static QList<QStringList> rows(const QMenuBar *menuBar);
};

} // namespace weft::ui
