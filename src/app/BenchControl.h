#pragma once

#include <QObject>

class QSocketNotifier;
class QWidget;

namespace weft::session {
class SessionManager;
}

// For `weft --bench-milestones`: "session-up" for each backend the manager starts,
// "token-saved" / "token-save-failed" for its access tokens, and "server-push-ready" each time
// the provider's server push socket signs in.
void markSessionMilestones(weft::session::SessionManager *manager);

// What `weft --bench-milestones` adds for weft-bench: the "window-exposed" milestone when the
// window first reaches the screen, "connect-clicked" when "Connect a bank account" goes down,
// "attention-banner-shown" / "-hidden" as the banner for a connection that needs its user
// comes and goes,
// and commands read from standard input, one a line:
// "connect" presses the window's "Connect a bank account" button as a user's click does,
// "quit" closes the window as its Quit action does. Anything else is said on stderr and
// ignored.
class BenchControl : public QObject
{
    Q_OBJECT

public:
    // Made after window->show().
    explicit BenchControl(QWidget *window, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void readCommands();

    QWidget *m_window;
    QSocketNotifier *m_input = nullptr;
    QByteArray m_pending;
    bool m_exposed = false;
};
