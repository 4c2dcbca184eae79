#pragma once

#include <QDialog>

class QLabel;

namespace weft::ui {

class ItemDetailsView;

// View → Open diagnostics…: a diagnostics file someone sent (Item → Copy diagnostics, saved
// as a file) shown in the support view's details, read-only, with the Weft, Qt, Chromium and
// system it came from. Nothing in it is acted on.
class DiagnosticsViewer : public QDialog
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxBytes = 1024 * 1024;

    explicit DiagnosticsViewer(QWidget *parent = nullptr);

    // Shows what bytes hold; false, with what is wrong in words, when they are not Weft's
    // diagnostics (not JSON, too large, no Item in it).
    bool load(const QByteArray &bytes, QString *error);
    ItemDetailsView *details() const { return m_details; }
    QString origin() const;

private:
    QLabel *m_origin;
    ItemDetailsView *m_details;
};

} // namespace weft::ui
