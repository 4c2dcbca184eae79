#pragma once

#include <QDialog>

namespace weft::ui {

// Help → About Weft: what Weft is, its version and those of Qt and Chromium (Plaid supports
// only current browsers, so support staff ask), and the licences of what it contains.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // Weft, Qt and Chromium versions in one line, as support staff want them copied.
    static QString versionsText();
    // The folder with the licence texts installed beside Weft, if there is one.
    static QString licencesFolder();
};

} // namespace weft::ui
