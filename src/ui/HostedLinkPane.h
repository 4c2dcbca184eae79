#pragma once

#include <QFrame>
#include <QUrl>

class QLabel;
class QPushButton;

namespace weft::link {
class HostedLinkController;
}

namespace weft::ui {

// Shown while Link runs in the user's web browser (Hosted Link): what to do there, and
// "Open the page again", "Copy the address" and "Cancel". It follows one controller's state;
// hidden while the controller is idle.
class HostedLinkPane : public QFrame
{
    Q_OBJECT

public:
    explicit HostedLinkPane(QWidget *parent = nullptr);

    // nullptr: no controller (hidden).
    void setController(link::HostedLinkController *controller);
    QString text() const;

private:
    void update();
    void onWaiting(const QUrl &url, bool opened);

    link::HostedLinkController *m_controller = nullptr;
    QLabel *m_text;
    QPushButton *m_openAgain;
    QPushButton *m_copy;
    QPushButton *m_cancel;
    bool m_opened = true;
};

} // namespace weft::ui
