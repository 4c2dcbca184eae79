#pragma once

#include <QObject>

namespace weft {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal, safely: the handler only writes the
// signal's number to a socket pair that a QSocketNotifier watches (Unix); on Windows, Ctrl+C
// and console close do the same through the console control handler. The app then quits the
// normal way (saving what must be saved) instead of dying where it stands.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    // name: "SIGTERM", "SIGINT", "SIGHUP" (or the console event on Windows).
    void terminationRequested(const QString &name);
};

} // namespace weft
