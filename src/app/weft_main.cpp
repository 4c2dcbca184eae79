// weft: the desktop app. In sandbox mode (the default) it starts the embedded Plaid Sandbox
// in-process and talks to it through the Plaid client, exactly as it would talk to Plaid.
#include "core/Clock.h"
#include "core/Logging.h"
#include "core/Redaction.h"
#include "link/LinkBackend.h"
#include "link/LinkController.h"
#include "link/LinkEnvironment.h"
#include "link/LinkHost.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QUuid>

#include <cstdio>

using namespace weft;

namespace {

// A random id for /link/token/create's user.client_user_id: made once, never personal data.
QString clientUserId()
{
    QSettings settings;
    QString id = settings.value(QStringLiteral("link/clientUserId")).toString();
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        settings.setValue(QStringLiteral("link/clientUserId"), id);
    }
    return id;
}

} // namespace

int main(int argc, char *argv[])
{
    configureLogging();
    // Remote debugging of the web view is a sandbox-mode tool; it is set up here, before Qt
    // WebEngine starts, and only when asked for on the command line.
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--remote-debugging-port") == 0)
            qputenv("QTWEBENGINE_REMOTE_DEBUGGING", QByteArray("127.0.0.1:") + argv[i + 1]);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Weft"));
    QApplication::setOrganizationName(QStringLiteral("Weft"));
    QApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("app.weft.Weft"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Connect bank accounts with Plaid Link."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QStringLiteral("Use the embedded Plaid Sandbox (the default: no network, no keys)."));
    const QCommandLineOption connectOption(
        QStringLiteral("connect"), QStringLiteral("Open Link as soon as it is ready."));
    const QCommandLineOption debugOption(
        QStringLiteral("remote-debugging-port"),
        QStringLiteral("Sandbox mode only: allow Chromium's remote debugging of the Link view "
                       "on 127.0.0.1:PORT."),
        QStringLiteral("PORT"));
    parser.addOptions({sandboxOption, connectOption, debugOption});
    parser.process(app);

    sandbox::EmbeddedSandboxOptions options;
    // The in-process sandbox accepts only this run's random credentials.
    options.credentials.clientId = QStringLiteral("weft-embedded");
    options.credentials.secret = QUuid::createUuid().toString(QUuid::WithoutBraces);
    redaction::registerSecret(options.credentials.secret);
    options.staticRoots = {{QStringLiteral("/weft/host"), QStringLiteral(":/weft/host")}};
    sandbox::SandboxThread sandbox(Clock::system());
    QString error;
    if (!sandbox.start(options, &error)) {
        std::fprintf(stderr, "weft: the embedded Plaid Sandbox could not start: %s\n",
                     qPrintable(error));
        return 1;
    }

    QNetworkAccessManager network;
    plaid::PlaidConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.clientId = options.credentials.clientId;
    config.secret = options.credentials.secret;
    plaid::PlaidClient client(&network, config, Clock::system());
    link::LinkTokenSettings settings;
    settings.clientUserId = clientUserId();
    link::PlaidLinkBackend backend(&client, settings);

    link::LinkHost host(link::LinkEnvironment::forSandbox(sandbox.baseUrl()), &backend,
                        Clock::system());
    ui::MainWindow window(&host);
    window.setBackendDescription(
        QObject::tr("Embedded Plaid Sandbox at %1").arg(sandbox.baseUrl().toString()));
    window.show();
    host.load();
    host.controller()->start();
    if (parser.isSet(connectOption))
        host.controller()->open();
    return app.exec();
}
