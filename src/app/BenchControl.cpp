#include "BenchControl.h"

#include "core/Milestones.h"
#include "items/ItemService.h"
#include "remote/PushClient.h"
#include "session/SessionManager.h"
#include "ui/AttentionBanner.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>
#include <QSocketNotifier>
#include <QWidget>
#include <QWindow>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

// Marks the banner's comings and goings (its own filter: the application-wide one sees the
// banner's events too, until the window is exposed).
class BannerWatcher : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            weft::milestones::mark("attention-banner-shown");
        else if (event->type() == QEvent::Hide)
            weft::milestones::mark("attention-banner-hidden");
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void markSessionMilestones(weft::session::SessionManager *manager)
{
    using namespace weft;
    QObject::connect(manager, &session::SessionManager::sessionChanged, manager,
                     [](session::Session *session) {
                         milestones::mark("session-up");
                         QObject::connect(session->items(), &items::ItemService::tokenSaved,
                                          session, [] { milestones::mark("token-saved"); });
                         QObject::connect(session->items(), &items::ItemService::tokenSaveFailed,
                                          session, [] { milestones::mark("token-save-failed"); });
                         if (remote::PushClient *push = session->push()) {
                             QObject::connect(push, &remote::PushClient::ready, session,
                                              [] { milestones::mark("server-push-ready"); });
                         }
                     });
}

BenchControl::BenchControl(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    // The native window may be made again once the web view joins it: watch them all.
    qApp->installEventFilter(this);
    // The banner for a connection that needs its user, as it comes and goes.
    if (auto *banner = window->findChild<weft::ui::AttentionBanner *>())
        banner->installEventFilter(new BannerWatcher(this));
    // "connect-clicked" as the button goes down: before the window acts on the click.
    if (auto *button = window->findChild<QAbstractButton *>(QStringLiteral("connectButton"))) {
        connect(button, &QAbstractButton::pressed, this,
                [] { weft::milestones::mark("connect-clicked"); });
    }
#ifdef Q_OS_UNIX
    m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_input, &QSocketNotifier::activated, this, &BenchControl::readCommands);
#endif
}

bool BenchControl::eventFilter(QObject *watched, QEvent *event)
{

    if (!m_exposed && event->type() == QEvent::Expose && watched == m_window->windowHandle() &&
        m_window->windowHandle()->isExposed()) {
        m_exposed = true;
        weft::milestones::mark("window-exposed");
        qApp->removeEventFilter(this);
    }
    return QObject::eventFilter(watched, event);
}

void BenchControl::readCommands()
{
#ifdef Q_OS_UNIX
    char buffer[256];
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got <= 0) {
        m_input->setEnabled(false); // weft-bench went away: nothing more will come
        return;
    }
    m_pending.append(buffer, got);
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QByteArray command = m_pending.left(end).trimmed();
        m_pending.remove(0, end + 1);
        if (command == "connect") {
            if (auto *button =
                    m_window->findChild<QAbstractButton *>(QStringLiteral("connectButton"))) {
                button->click();
            }
        } else if (command == "quit") {
            m_window->close();
        } else if (!command.isEmpty()) {
            std::fprintf(stderr, "weft: unknown bench command: %s\n", command.constData());
        }
    }
#endif
}
