// weft: the desktop app, and `weft items` / `weft item` for the command line.
#include "BenchControl.h"
#include "ItemsCli.h"
#include "WindowsConsole.h"
#include "core/AppSettings.h"
#include "core/Logging.h"
#include "core/Milestones.h"
#include "core/ProcessHardening.h"
#include "core/SignalWatcher.h"
#include "link/GuestScripts.h"
#include "link/LinkHost.h"
#include "net/SingleInstance.h"
#include "session/SessionManager.h"
#include "ui/ColorScheme.h"
#include "ui/GraphicsSetup.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "vault/ItemStore.h"
#include "vault/KeychainSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QtWebEngineCore/qtwebenginecoreglobal.h>

#include <cstdio>
#include <memory>

using namespace weft;

namespace {

bool isItemsCommand(int argc, char *argv[])
{
    return argc > 1 && (qstrcmp(argv[1], "items") == 0 || qstrcmp(argv[1], "item") == 0);
}

// Remote debugging of the web view is a sandbox-mode tool: allowed only with --sandbox or the
// embedded sandbox configured, and never left on by an inherited environment in the Plaid modes.
void applyRemoteDebuggingPolicy(int argc, char *argv[], bool sandboxMode)
{
    if (!sandboxMode) {
        if (qEnvironmentVariableIsSet("QTWEBENGINE_REMOTE_DEBUGGING"))
            std::fprintf(stderr, "weft: remote debugging is refused outside sandbox mode\n");
        qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
        return;
    }
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--remote-debugging-port") == 0)
            qputenv("QTWEBENGINE_REMOTE_DEBUGGING", QByteArray("127.0.0.1:").append(argv[i + 1]));
    }
}

// The address the system opened weft with (OAuth by redirect: weft://...), or empty.
QString addressArgument(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--server") == 0) { // its value is the server's URL, not this
            ++i;
            continue;
        }
        QString argument = QString::fromLocal8Bit(argv[i]);
        if (!argument.startsWith(u'-') && argument.contains(QStringLiteral("://")))
            return argument;
    }
    return {};
}

bool hasArgument(int argc, char *argv[], const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // Tokens live in this process's memory: no core file may ever hold them.
    disableCoreDumps();
    if (hasArgument(argc, argv, "--bench-milestones")) {
        milestones::enable();
        milestones::mark("main");
    }
    // --help and --version need no display.
    const bool informational = hasArgument(argc, argv, "--help") || hasArgument(argc, argv, "-h") ||
                               hasArgument(argc, argv, "--version") ||
                               hasArgument(argc, argv, "-v");
    if (isItemsCommand(argc, argv) || informational)
        attachParentConsole(); // Windows: print to the console weft was started from
    if (isItemsCommand(argc, argv))
        return runItemsCommand(argc, argv);

    configureLogging();
    QCoreApplication::setApplicationName(QStringLiteral("Weft"));
    QCoreApplication::setOrganizationName(QStringLiteral("Weft"));
    AppSettings settings;
    {
        QSettings qsettings;
        settings = AppSettings::load(qsettings);
    }
    if (hasArgument(argc, argv, "--sandbox"))
        settings.mode = BackendMode::EmbeddedSandbox;
    applyRemoteDebuggingPolicy(argc, argv, settings.mode == BackendMode::EmbeddedSandbox);
    if (!informational)
        link::prepareGuestWebEngine(); // before the web engine starts

    std::unique_ptr<QCoreApplication> app(informational ? new QCoreApplication(argc, argv)
                                                        : new QApplication(argc, argv));
    milestones::mark("app");
    // Before anything is said: the command line's help and messages are translated too.
    ui::installTranslations(app.get(), QLocale());
    // "--version" also names the web engine: Plaid supports only current browsers.
    QCoreApplication::setApplicationVersion(
        QStringLiteral("%1 (Qt %2, Chromium %3 with security fixes to %4)")
            .arg(QStringLiteral(WEFT_VERSION), QString::fromLatin1(qVersion()),
                 QString::fromLatin1(qWebEngineChromiumVersion()),
                 QString::fromLatin1(qWebEngineChromiumSecurityPatchVersion())));
    // One Weft per user configuration: a second one hands over its address (or just brings the
    // first one's window forward) and ends.
    const QString address = addressArgument(argc, argv);
    std::unique_ptr<net::SingleInstance> instance;
    if (!informational) {
        const QString name = net::SingleInstance::defaultName();
        const QString message =
            address.isEmpty() ? QStringLiteral("show") : QStringLiteral("open-url ") + address;
        if (net::SingleInstance::sendToRunning(name, message)) {
            std::fprintf(stderr, "weft: Weft is already running; %s\n",
                         address.isEmpty() ? "its window was brought forward"
                                           : "the address was handed to it");
            return 0;
        }
        instance = std::make_unique<net::SingleInstance>(name);
        QString error;
        if (!instance->listen(&error))
            std::fprintf(stderr, "weft: %s; this Weft runs on its own\n", qPrintable(error));
    }
    if (!informational) {
        ui::setUpGraphics(); // before the first web view
        milestones::mark("graphics-chosen");
        QGuiApplication::setDesktopFileName(QStringLiteral("app.weft.Weft"));
        QGuiApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("app.weft.Weft")));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "weft::main", "Connect bank accounts with Plaid Link.\n\n"
                      "  weft items [--json] [--refresh]   list the Items (see weft items --help)\n"
                      "  weft item ITEM_ID [--json]        one Item in full"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QCoreApplication::translate(
            "weft::main", "Use the embedded Plaid Sandbox (the default: no network, no keys)."));
    const QCommandLineOption connectOption(
        QStringLiteral("connect"),
        QCoreApplication::translate("weft::main", "Open Link as soon as it is ready."));
    const QCommandLineOption debugOption(
        QStringLiteral("remote-debugging-port"),
        QCoreApplication::translate(
            "weft::main", "Sandbox mode only: allow Chromium's remote debugging of the Link view "
                          "on 127.0.0.1:PORT."),
        QStringLiteral("PORT"));
    const QCommandLineOption benchOption(
        QStringLiteral("bench-milestones"),
        QCoreApplication::translate(
            "weft::main", "For weft-bench: print start-up and Link milestones on standard output "
                          "and take its commands on standard input."));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QCoreApplication::translate(
            "weft::main",
            "Use your provider's weft-server at URL (saved in the settings). With an enrolment "
            "code in the environment variable WEFT_ENROLMENT_CODE, enrol with it first."),
        QStringLiteral("URL"));
    parser.addOptions({sandboxOption, connectOption, debugOption, benchOption, serverOption});
    parser.addPositionalArgument(
        QStringLiteral("address"),
        QCoreApplication::translate(
            "weft::main", "A weft:// address the system opens Weft with when a bank's sign-in "
                          "returns (OAuth by redirect)."),
        QCoreApplication::translate("weft::main", "[address]"));
    parser.process(*app);
    settings.fillDefaults();
    {
        QSettings qsettings;
        if (qsettings.value(QStringLiteral("link/clientUserId")).toString() !=
            settings.clientUserId)
            settings.save(qsettings); // the client_user_id is made once and kept
    }

    vault::KeychainSecretStore secrets;
    vault::ItemStore store(vault::ItemStore::defaultPath());
    const vault::ItemStore::LoadReport report = store.load();

    session::Session::Options options;
    options.dataDirectory = QFileInfo(store.path()).absolutePath();
    session::SessionManager manager(&secrets, &store, options);
    if (milestones::enabled())
        markSessionMilestones(&manager);
    // The backend first, and Link's page and token on their way while the window is built:
    // the embedded sandbox's session is made at once (the Plaid modes read the keychain
    // first, and the window attaches the session when it comes).
    const QString enrolmentCode = qEnvironmentVariable("WEFT_ENROLMENT_CODE");
    qunsetenv("WEFT_ENROLMENT_CODE"); // not for child processes
    if (parser.isSet(serverOption)) {
        settings.mode = BackendMode::ProviderServer;
        settings.serverUrl = parser.value(serverOption);
        if (enrolmentCode.isEmpty()) {
            QSettings qsettings;
            settings.save(qsettings);
        }
    }
    if (parser.isSet(serverOption) && !enrolmentCode.isEmpty())
        manager.apply(settings, enrolmentCode); // enrols, saves the settings, then builds
    else
        manager.start(settings);
    if (session::Session *session = manager.session(); session && session->linkHost())
        session->linkHost()->preload();
    ui::colorscheme::follow(qApp);
    ui::MainWindow window(&manager, &store);
    if (!report.ok) {
        window.showStartupProblem(
            report.backupPath.isEmpty()
                ? QObject::tr("The Items index could not be read: %1").arg(report.error)
                : QObject::tr("The Items index was damaged (%1). It was kept as %2; Weft "
                              "starts with an empty list.")
                      .arg(report.error, report.backupPath));
    }
    QObject::connect(&window, &ui::MainWindow::allDataRemoved, app.get(), &QCoreApplication::quit,
                     Qt::QueuedConnection);
    // SIGTERM, SIGINT, SIGHUP: the normal way out, with one more try for unsaved tokens.
    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, &window,
                     [&window](const QString &name) { window.endWithoutAsking(name); });
    // Logout: asks about unsaved tokens when the session manager lets it.
    QObject::connect(
        qApp, &QGuiApplication::commitDataRequest, &window,
        [&window](QSessionManager &manager) { window.commitData(manager); }, Qt::DirectConnection);
    window.show();
    milestones::mark("window-shown");
    std::unique_ptr<BenchControl> bench;
    if (milestones::enabled())
        bench = std::make_unique<BenchControl>(&window);
    if (parser.isSet(connectOption))
        window.openLinkWhenReady();
    if (instance)
        window.takeMessagesFrom(instance.get());
    app->installEventFilter(&window); // macOS: weft:// arrives as an event
    if (!address.isEmpty())
        window.receiveRedirect(QUrl(address, QUrl::StrictMode)); // no Weft was waiting for it
    return app->exec();
}
