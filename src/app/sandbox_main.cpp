// weft-sandbox: the embedded Plaid Sandbox as a standalone server on 127.0.0.1.
#include "core/Clock.h"
#include "core/Logging.h"
#include "core/ProcessHardening.h"
#include "core/Redaction.h"
#include "core/SignalWatcher.h"
#include "sandbox/EmbeddedSandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace weft;

int main(int argc, char *argv[])
{
    disableCoreDumps();
    configureLogging();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "An offline Plaid Sandbox on 127.0.0.1: Plaid's API (2020-09-14) with Sandbox semantics.\n"
        "Prints its base URL as the first line of standard output, then serves until SIGINT or "
        "SIGTERM. Point any Plaid client at that URL."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption clientIdOption(
        QStringLiteral("client-id"), QStringLiteral("Accept only this client_id (with --secret)."),
        QStringLiteral("ID"));
    const QCommandLineOption secretOption(
        QStringLiteral("secret"), QStringLiteral("Accept only this secret (with --client-id)."),
        QStringLiteral("S"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QStringLiteral("Keep state in FILE (saved atomically; it survives restarts)."),
        QStringLiteral("FILE"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        QStringLiteral("Inject a fault: PATH:KIND[:COUNT[:DELAY_MS]], KIND one of server_error, "
                       "rate_limit, delay, truncated, non_json, oversized, drop. Repeatable."),
        QStringLiteral("SPEC"));
    const QCommandLineOption noAdminOption(
        QStringLiteral("no-admin"),
        QStringLiteral("Disable the /weft/admin fault-injection routes."));
    parser.addOptions(
        {portOption, clientIdOption, secretOption, stateOption, faultOption, noAdminOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "weft-sandbox: --port takes a number from 0 to 65535\n");
        return 2;
    }
    sandbox::EmbeddedSandboxOptions options;
    options.port = quint16(port);
    options.credentials.clientId = parser.value(clientIdOption);
    options.credentials.secret = parser.value(secretOption);
    if (options.credentials.clientId.isEmpty() != options.credentials.secret.isEmpty()) {
        std::fprintf(stderr, "weft-sandbox: --client-id and --secret go together\n");
        return 2;
    }
    redaction::registerSecret(options.credentials.secret);
    options.stateFile = parser.value(stateOption);
    options.adminRoutes = !parser.isSet(noAdminOption);

    sandbox::EmbeddedSandbox sandbox(Clock::system());
    const QStringList faults = parser.values(faultOption);
    for (const QString &spec : faults) {
        QString error;
        const auto fault = sandbox::Fault::fromSpec(spec, &error);
        if (!fault) {
            std::fprintf(stderr, "weft-sandbox: --fault: %s\n", qPrintable(error));
            return 2;
        }
        sandbox.server().faults().add(*fault);
    }
    QString error;
    if (!sandbox.start(options, &error)) {
        std::fprintf(stderr, "weft-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n", qPrintable(sandbox.baseUrl().toString()));
    std::fflush(stdout);

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app,
                     [&app](const QString &name) {
                         qCInfo(lcCore).noquote() << "weft-sandbox: stopping on" << name;
                         app.quit();
                     });
    const int code = app.exec();
    sandbox.api().flushState();
    return code;
}
