// weft-server: the integrator's backend. So far its administration commands (ServerCli.h).
#include "core/Logging.h"
#include "core/ProcessHardening.h"
#include "server/ServerCli.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    weft::disableCoreDumps();
    weft::configureLogging();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const int status =
        weft::server::runServerCli(arguments, QDateTime::currentDateTimeUtc(), out, err);
    out.flush();
    err.flush();
    return status;
}
