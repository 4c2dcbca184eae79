#include "FloorChild.h"

#include "core/Clock.h"
#include "core/Milestones.h"
#include "link/GuestScripts.h"
#include "sandbox/EmbeddedSandbox.h"
#include "ui/GraphicsSetup.h"

#include <QApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <cstdio>

using namespace weft;

int runFloorChild(int argc, char *argv[])
{
    milestones::enable();
    milestones::mark("main");
    link::prepareGuestWebEngine(); // as weft does
    QApplication app(argc, argv);
    milestones::mark("app");
    ui::setUpGraphics(); // the same composition as weft's, chosen the same way
    QTemporaryDir pages;
    QFile page(pages.filePath(QStringLiteral("index.html")));
    if (!page.open(QIODevice::WriteOnly))
        return 1;
    page.write("<!DOCTYPE html><html><head><meta charset=utf-8><title>floor</title></head>"
               "<body><p>A page on loopback.</p></body></html>");
    page.close();
    sandbox::SandboxThread server(Clock::system());
    sandbox::EmbeddedSandboxOptions options;
    options.credentials = {QStringLiteral("floor"), QStringLiteral("floor_secret")};
    options.staticRoots = {{QStringLiteral("/floor"), pages.path()}};
    QString error;
    if (!server.start(options, &error)) {
        std::fprintf(stderr, "weft-bench floor: %s\n", qPrintable(error));
        return 1;
    }
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    QWebEngineView view;
    QObject::connect(view.page(), &QWebEnginePage::loadFinished, &app, [](bool ok) {
        if (ok)
            milestones::mark("ready");
    });
    view.resize(1100, 780); // Weft's window
    view.show();
    milestones::mark("window-shown");
    view.load(server.baseUrl().resolved(QUrl(QStringLiteral("/floor/index.html"))));
    return app.exec();
}
