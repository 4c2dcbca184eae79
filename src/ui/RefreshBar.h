#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace weft::items {
class ItemRefresher;
}

namespace weft::ui {

// The progress of an ItemRefresher run: "Refreshing", a bar, "done / total" and Cancel. Shown
// only while a run is going; says how it ended.
class RefreshBar : public QWidget
{
    Q_OBJECT

public:
    explicit RefreshBar(QWidget *parent = nullptr);
    ~RefreshBar() override;

    // nullptr: nothing to follow (hidden).
    void setRefresher(items::ItemRefresher *refresher);
    QString progressText() const;

signals:
    // A run ended: what happened, and whether some Items could not be refreshed.
    void finished(const QString &summary, bool problems);

private:
    void onProgress(int done, int total);
    void onFinished(int refreshed, int failed, bool canceled);

    QPointer<items::ItemRefresher> m_refresher;
    QProgressBar *m_bar;
    QLabel *m_label;
};

} // namespace weft::ui
