#include "core/SignalWatcher.h"

#include <QCoreApplication>

#include <csignal>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <sys/socket.h>
#include <unistd.h>

namespace weft {
namespace {

int s_pair[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const auto written = ::write(s_pair[0], &byte, 1);
}

QString signalName(int number)
{
    switch (number) {
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    default:
        return QStringLiteral("signal %1").arg(number);
    }
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (s_pair[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, s_pair) != 0)
        return;
    auto *notifier = new QSocketNotifier(s_pair[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(s_pair[1], &byte, 1) == 1)
            emit terminationRequested(signalName(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : {SIGINT, SIGTERM, SIGHUP})
        sigaction(number, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (int number : {SIGINT, SIGTERM, SIGHUP})
        sigaction(number, &action, nullptr);
}

} // namespace weft
#else
#include <windows.h>

namespace weft {
namespace {

SignalWatcher *s_watcher = nullptr;

BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (!s_watcher)
        return FALSE;
    const QString name = event == CTRL_C_EVENT ? QStringLiteral("Ctrl+C")
                                               : QStringLiteral("console event %1").arg(event);
    QMetaObject::invokeMethod(
        s_watcher, [name] { emit s_watcher->terminationRequested(name); }, Qt::QueuedConnection);
    return TRUE;
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    s_watcher = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

SignalWatcher::~SignalWatcher()
{
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    s_watcher = nullptr;
}

} // namespace weft
#endif
