#include "LinkBenchChild.h"

#include "FrameDriver.h"
#include "core/Clock.h"
#include "link/GuestScripts.h"
#include "link/LinkBackend.h"
#include "link/LinkController.h"
#include "link/LinkEnvironment.h"
#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace weft;

namespace {

QElapsedTimer s_clock;

void report(const char *name, double ms)
{
    std::printf("%s %.3f\n", name, ms);
    std::fflush(stdout);
}

void milestone(const char *name)
{
    report(name, double(s_clock.nsecsElapsed()) / 1e6);
}

// Clicks through the emulator to a user_custom INVALID_LINK_TOKEN and exits from the error; runs
// in Link's frame (another site than the host page), sent there by the frame driver.
const char kForceInvalidToken[] = R"JS(
(function () {
  var d = document;
  function q(id) { return d.querySelector('[data-testid="' + id + '"]'); }
  function step(view, act) {
    return new Promise(function (resolve) {
      (function poll() {
        if (d.body.dataset.view === view) { act(); resolve(); } else { setTimeout(poll, 5); }
      })();
    });
  }
  function type(id, value) { var e = q(id); e.value = value; e.dispatchEvent(new Event('input', {bubbles: true})); }
  step('CONSENT', function () { q('consent-continue').click(); })
    .then(function () { return step('SELECT_INSTITUTION', function () { q('institution-ins_109508').click(); }); })
    .then(function () { return step('CREDENTIAL', function () {
      type('username', 'user_custom'); type('password', '{"force_error": "INVALID_LINK_TOKEN"}');
      q('credentials-submit').click(); }); })
    .then(function () { return step('ERROR', function () { q('error-exit').click(); }); });
  return true;
})()
)JS";

// The backend's link token round trip, for comparison with the recovery time: median of 15.
void measureTokenRoundTrips(link::LinkBackend *backend, QObject *context)
{
    auto samples = std::make_shared<QList<double>>();
    auto next = std::make_shared<std::function<void()>>();
    *next = [backend, context, samples, next] {
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        backend->createLinkToken(
            QString(), context,
            [samples, next, started](const plaid::PlaidResult<plaid::LinkToken> &) {
                samples->append(double(started->nsecsElapsed()) / 1e6);
                if (samples->size() < 15) {
                    (*next)();
                    return;
                }
                std::sort(samples->begin(), samples->end());
                report("token-rtt", samples->at(samples->size() / 2));
                milestone("finished");
                *next = nullptr; // break the cycle
            });
    };
    (*next)();
}

} // namespace

int runLinkBenchChild(const QString &mode, int argc, char *argv[])
{
    s_clock.start();
    link::prepareGuestWebEngine(); // as weft does
    QApplication app(argc, argv);
    milestone("app");
    // The floor: the least a web view can do, a small page from a loopback server.
    QTemporaryDir pages;
    QFile page(pages.filePath(QStringLiteral("index.html")));
    if (!page.open(QIODevice::WriteOnly))
        return 1;
    page.write("<!DOCTYPE html><html><head><meta charset=utf-8><title>floor</title></head>"
               "<body><p>A page on loopback.</p></body></html>");
    page.close();

    // The sandbox as weft runs it: on its own thread.
    sandbox::SandboxThread sandbox(Clock::system());
    sandbox::EmbeddedSandboxOptions options;
    options.credentials = {QStringLiteral("bench"), QStringLiteral("bench_secret")};
    options.staticRoots = {{QStringLiteral("/weft/host"), QStringLiteral(":/weft/host")},
                           {QStringLiteral("/floor"), pages.path()}};
    QString error;
    if (!sandbox.start(options, &error)) {
        std::fprintf(stderr, "weft-bench child: %s\n", qPrintable(error));
        return 1;
    }
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    if (mode == u"floor") {
        QWebEngineView view;
        QObject::connect(view.page(), &QWebEnginePage::loadFinished, &app, [](bool ok) {
            if (ok)
                milestone("ready");
        });
        view.resize(900, 700);
        view.show();
        milestone("shown");
        view.load(sandbox.baseUrl().resolved(QUrl(QStringLiteral("/floor/index.html"))));
        return app.exec();
    }

    QNetworkAccessManager network;
    plaid::PlaidConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.clientId = options.credentials.clientId;
    config.secret = options.credentials.secret;
    plaid::PlaidClient client(&network, config, Clock::system());
    link::LinkTokenSettings settings;
    settings.clientUserId = QStringLiteral("bench-user");
    link::PlaidLinkBackend backend(&client, settings);
    link::LinkHost host(link::LinkEnvironment::forSandbox(sandbox.baseUrl(), sandbox.linkBaseUrl()),
                        &backend, Clock::system());
    installFrameDriver(host.page());
    ui::MainWindow window(&host);
    window.resize(900, 700);
    window.show();
    milestone("shown");
    link::LinkController *controller = host.controller();
    const bool preload = mode != u"link-no-preload";

    QElapsedTimer click;
    QElapsedTimer recovery;
    int opens = 0;
    QObject::connect(
        controller, &link::LinkController::eventReceived, &app, [&](const link::LinkEvent &event) {
            if (event.name != u"OPEN")
                return;
            report(opens == 0 ? "visible" : "visible-again", double(click.nsecsElapsed()) / 1e6);
            if (++opens == 1) {
                host.page()->runJavaScript(
                    QStringLiteral("window.__weftDriver.ask('iframe[data-weft-link]', %1)")
                        .arg(QString::fromLatin1(
                                 QJsonDocument(QJsonArray{QString::fromLatin1(kForceInvalidToken)})
                                     .toJson(QJsonDocument::Compact))
                                 .mid(1)
                                 .chopped(1)));
            } else {
                milestone("done");
                measureTokenRoundTrips(&backend, &app);
            }
        });
    QObject::connect(controller, &link::LinkController::notice, &app, [&] { recovery.start(); });
    QObject::connect(controller, &link::LinkController::stateChanged, &app,
                     [&](link::LinkController::State state) {
                         if (state != link::LinkController::State::Ready)
                             return;
                         if (recovery.isValid()) {
                             report("recovered", double(recovery.nsecsElapsed()) / 1e6);
                             recovery.invalidate();
                             // Measure a preloaded open once more after the recovery.
                             QTimer::singleShot(200, &app, [&] {
                                 click.start();
                                 controller->open();
                             });
                             return;
                         }
                         if (opens == 0 && preload) {
                             milestone("ready");
                             // The user clicks a moment after Link is ready.
                             QTimer::singleShot(300, &app, [&] {
                                 click.start();
                                 controller->open();
                             });
                         }
                     });
    host.load();
    if (preload) {
        controller->start();
    } else {
        // Without preload: nothing happens until the click, which then fetches and loads.
        QTimer::singleShot(1500, &app, [&] {
            click.start();
            controller->open();
        });
    }
    return app.exec();
}
