#pragma once

#include "WebTestKit.h"
#include "core/Clock.h"
#include "link/LinkBackend.h"
#include "link/LinkController.h"
#include "link/LinkEnvironment.h"
#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "support/ManualClock.h"
#include "support/SignalWaiter.h"

#include <QNetworkAccessManager>
#include <QWebEngineView>

#include <memory>

namespace weft::test {

// The real pieces of the app in sandbox mode: the embedded sandbox (its own manual clock, so
// tokens can be made to expire), the Plaid client, the Link host page in a QWebEngineView and
// the Link emulator. Everything over loopback HTTP, rendered under Xvfb.
struct LinkE2EFixture
{
    LinkE2EFixture()
        : sandboxClock(QDateTime::currentDateTimeUtc())
        , sandbox(&sandboxClock)
    {
        sandbox::EmbeddedSandboxOptions options;
        options.credentials = {QStringLiteral("weft_e2e"), QStringLiteral("weft_e2e_secret")};
        QString error;
        started = sandbox.start(options, &error);
        sandbox.server().addStaticRoot(QStringLiteral("/weft/host"), QStringLiteral(":/weft/host"));
        QObject::connect(&sandbox.api(), &sandbox::SandboxApi::requestHandled, &sandbox.api(),
                         [this](const QString &path, int) {
                             if (path == u"/link/token/create")
                                 ++tokenRequests;
                         });
        plaid::PlaidConfig config;
        config.baseUrl = sandbox.baseUrl();
        config.clientId = options.credentials.clientId;
        config.secret = options.credentials.secret;
        client = std::make_unique<plaid::PlaidClient>(&network, config, Clock::system());
        link::LinkTokenSettings settings;
        settings.clientUserId = QStringLiteral("e2e-user");
        backend = std::make_unique<link::PlaidLinkBackend>(client.get(), settings);
        host = std::make_unique<link::LinkHost>(
            link::LinkEnvironment::forSandbox(sandbox.baseUrl(), sandbox.linkBaseUrl()),
            backend.get(), Clock::system());
        view = std::make_unique<QWebEngineView>();
        view->setPage(host->page());
        view->resize(900, 720);
        view->show();
        QObject::connect(host->controller(), &link::LinkController::eventReceived,
                         host->controller(),
                         [this](const link::LinkEvent &event) { events.append(event); });
        installFrameDriver(host->page());
        host->load();
        host->controller()->start();
    }
    ~LinkE2EFixture() { view->setPage(nullptr); }

    link::LinkController *controller() const { return host->controller(); }
    QWebEnginePage *page() const { return host->page(); }

    bool waitState(link::LinkController::State state, int timeoutMs = 30000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (controller()->state() != state && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return controller()->state() == state;
    }
    bool view_(const QString &name, int timeoutMs = 15000)
    {
        return waitFrameJs(page(), linkViewIs(name), timeoutMs);
    }
    bool click(const QString &testId)
    {
        // The element may appear a moment after its pane.
        return waitFrameJs(page(), clickTestId(testId), 5000);
    }
    // A real click: what opening a window needs.
    bool userClick(const QString &testId) { return userClickTestId(view.get(), testId); }
    bool type(const QString &testId, const QString &value)
    {
        return waitFrameJs(page(), typeTestId(testId, value), 5000);
    }
    QStringList eventNames() const
    {
        QStringList names;
        for (const link::LinkEvent &event : events)
            names << (event.name == u"TRANSITION_VIEW" ? event.name + u':' + event.viewName
                                                       : event.name);
        return names;
    }

    ManualClock sandboxClock;
    sandbox::EmbeddedSandbox sandbox;
    bool started = false;
    int tokenRequests = 0;
    QNetworkAccessManager network;
    std::unique_ptr<plaid::PlaidClient> client;
    std::unique_ptr<link::PlaidLinkBackend> backend;
    std::unique_ptr<link::LinkHost> host;
    std::unique_ptr<QWebEngineView> view;
    QList<link::LinkEvent> events;
};

} // namespace weft::test
