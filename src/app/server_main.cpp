// weft-server: the integrator's backend. `weft-server serve` runs it (ServerInstance); the
// other commands administer it (ServerCli.h).
#include "core/Clock.h"
#include "core/Logging.h"
#include "core/ProcessHardening.h"
#include "core/SignalWatcher.h"
#include "server/ServerCli.h"
#include "server/ServerConfig.h"
#include "server/ServerInstance.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <cstdio>

using namespace weft;

namespace {

// weft-server serve [--config FILE]: prints the URL it serves on, then serves until SIGINT or
// SIGTERM.
int serve(QCoreApplication &app, const QStringList &arguments)
{
    QString configPath;
    if (arguments.size() == 3 && arguments.at(1) == u"--config") {
        configPath = arguments.at(2);
    } else if (arguments.size() != 1) {
        std::fprintf(stderr, "usage: weft-server serve [--config FILE]\n");
        return 2;
    }
    QString error;
    const auto config = server::ServerConfig::load(configPath, &error);
    if (!config) {
        std::fprintf(stderr, "weft-server: %s\n", qPrintable(error));
        return 2;
    }
    const auto instance = server::ServerInstance::start(*config, Clock::system(), &error);
    if (!instance) {
        std::fprintf(stderr, "weft-server: %s\n", qPrintable(error));
        return 1;
    }
    const QString host = config->listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + config->listenAddress.toString() + u']'
                             : config->listenAddress.toString();
    std::printf("%s://%s:%u\n", instance->isTls() ? "https" : "http", qPrintable(host),
                unsigned(instance->port()));
    std::fflush(stdout);
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app,
                     [&app](const QString &name) {
                         qCInfo(lcCore).noquote() << "weft-server: stopping on" << name;
                         app.quit();
                     });
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    disableCoreDumps();
    configureLogging();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    if (arguments.value(0) == u"serve")
        return serve(app, arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = server::runServerCli(arguments, QDateTime::currentDateTimeUtc(), out, err);
    out.flush();
    err.flush();
    return status;
}
