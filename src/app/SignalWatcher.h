#pragma once

#include <QObject>

// Turns SIGINT and SIGTERM into a Qt signal, safely: the handler only writes a byte to a pipe
// that a QSocketNotifier watches (Unix); elsewhere Ctrl+C ends the event loop directly.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);

signals:
    void terminationRequested();
};
