// weft-server-bench: figures for weft-server (ServerBench.h). Not a test: it prints numbers.
#include "ServerBench.h"
#include "core/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    weft::configureLogging();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft-server-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures weft-server (the real `weft-server serve`) on a database: listing a user's "
        "Items among many, webhooks verified and applied per second, and the time from a "
        "webhook to the desktop's push message. The database's weft-server rows are replaced."));
    parser.addHelpOption();
    const QCommandLineOption database(
        QStringLiteral("database"), QStringLiteral("sqlite:PATH or postgresql://USER@HOST:PORT/DB"),
        QStringLiteral("URL"));
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("The weft-server binary (default: beside this)."),
        QStringLiteral("PATH"));
    const QCommandLineOption items(QStringLiteral("items"),
                                   QStringLiteral("Items in the database."), QStringLiteral("N"),
                                   QStringLiteral("100000"));
    const QCommandLineOption clients(QStringLiteral("clients"),
                                     QStringLiteral("Connections at once."), QStringLiteral("N"),
                                     QStringLiteral("8"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("How long each measurement runs."),
                                     QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Webhook-to-push rounds."), QStringLiteral("N"),
                                    QStringLiteral("50"));
    const QCommandLineOption busy(QStringLiteral("busy"),
                                  QStringLiteral("Keep every core busy while measuring."));
    const QCommandLineOption desktop(
        QStringLiteral("desktop"),
        QStringLiteral("The weft binary for the webhook-to-banner figure (default: beside this)."),
        QStringLiteral("PATH"));
    const QCommandLineOption noDesktop(
        QStringLiteral("no-desktop"),
        QStringLiteral("Skip the webhook-to-banner figure (it needs a display and a keychain)."));
    parser.addOptions(
        {database, server, items, clients, seconds, rounds, busy, desktop, noDesktop});
    parser.process(app);
    ServerBenchOptions options;
    options.database = parser.value(database);
    options.serverBinary =
        parser.isSet(server)
            ? parser.value(server)
            : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("weft-server"));
    options.items = parser.value(items).toInt();
    options.clients = parser.value(clients).toInt();
    options.seconds = parser.value(seconds).toInt();
    options.rounds = parser.value(rounds).toInt();
    options.busy = parser.isSet(busy);
    if (!parser.isSet(noDesktop))
        options.desktopBinary =
            parser.isSet(desktop)
                ? parser.value(desktop)
                : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("weft"));
    if (options.database.isEmpty() || options.items < 0 || options.clients < 1 ||
        options.seconds < 1 || options.rounds < 1) {
        std::fprintf(stderr, "%s", qPrintable(parser.helpText()));
        return 2;
    }
    return runServerBench(options);
}
