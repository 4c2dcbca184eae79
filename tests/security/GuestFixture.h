#pragma once

// The app as people run it, in sandbox mode, for attacks from inside the web view: the real
// SessionManager (embedded sandbox on loopback, Link emulator on another site), the real main
// window under Xvfb with Link preloaded, a fake keychain (the real one is tested elsewhere).
// Script runs where an attacker's would: in the host page, in Link's frame (through the test's
// frame driver), and in a popup.
#include "../link/WebTestKit.h"
#include "core/AppSettings.h"
#include "items/ItemService.h"
#include "link/GuestScripts.h"
#include "link/LinkController.h"
#include "link/LinkHost.h"
#include "link/LinkPage.h"
#include "session/SessionManager.h"
#include "support/FakeSecretStore.h"
#include "ui/GuestWebView.h"
#include "ui/MainWindow.h"
#include "vault/ItemStore.h"

#include <QApplication>
#include <QDesktopServices>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineView>

namespace weft::test {

struct GuestFixture
{
    GuestFixture()
        : store(directory.filePath(QStringLiteral("items.json")))
        , manager(&keychain, &store, options(directory.path()))
        , driver(QObject::connect(&manager, &session::SessionManager::sessionChanged, &manager,
                                  [](session::Session *session) {
                                      if (session->linkHost())
                                          installFrameDriver(session->linkHost()->page());
                                  }))
        , window(&manager, &store)
    {
        window.resize(1000, 700);
        window.setUnsavedQuestion([](ui::MainWindow::UnsavedContext, const QStringList &) {
            return ui::MainWindow::UnsavedChoice::Proceed;
        });
        AppSettings settings;
        settings.fillDefaults();
        settings.mode = BackendMode::EmbeddedSandbox;
        window.show();
        manager.start(settings);
    }
    ~GuestFixture() { window.setUnsavedQuestion({}); }

    static session::Session::Options options(const QString &path)
    {
        session::Session::Options options;
        options.dataDirectory = path;
        return options;
    }

    bool ready(int timeoutMs = 30000)
    {
        return QTest::qWaitFor(
            [this] {
                return manager.session() &&
                       controller()->state() == link::LinkController::State::Ready;
            },
            timeoutMs);
    }
    link::LinkController *controller() const { return manager.session()->linkHost()->controller(); }
    link::LinkPage *page() const { return manager.session()->linkHost()->page(); }

    QVariant inHostPage(const QString &script) { return runJs(page(), script); }
    QWebEngineView *view() const { return window.linkView(); }

    // Opens Link as the user would (the app's button) and waits for its first pane.
    bool openLink()
    {
        controller()->open();
        return QTest::qWaitFor([this] { return window.isLinkShown(); }, 10000) &&
               waitFrameJs(page(), linkViewIs(QStringLiteral("CONSENT")));
    }
    // A real click in the middle of Link's frame (Link must be open).
    void clickLinkFrame()
    {
        const QVariantList rect =
            runJs(page(),
                  QStringLiteral("(function(){var f=document.querySelector("
                                 "'iframe[data-weft-link]');var r=f.getBoundingClientRect();"
                                 "return [r.left+r.width/2,r.top+r.height/2];})()"))
                .toList();
        userClick(view(), QPointF(rect.value(0).toDouble(), rect.value(1).toDouble()));
    }
    // Hostile script in Link's frame (or, host=true, in the host page above Link) that runs
    // action on the user's next click anywhere.
    bool armClick(const QString &action, bool host = false)
    {
        const QString script =
            QStringLiteral("(function(){var o=document.createElement('div');"
                           "o.style.cssText='position:fixed;inset:0;z-index:2147483647;';"
                           "o.addEventListener('click',function(){o.remove();%1});"
                           "document.documentElement.appendChild(o);return true;})()")
                .arg(action);
        return host ? inHostPage(script).toBool() : inLinkFrame(script).toBool();
    }
    QVariant inLinkFrame(const QString &script, int timeoutMs = 5000)
    {
        return frameJs(page(), script, timeoutMs);
    }

    // Visible top-level windows besides the main window.
    static QList<QWidget *> otherWindows(const QWidget *main)
    {
        QList<QWidget *> windows;
        const QList<QWidget *> all = QApplication::topLevelWidgets();
        for (QWidget *widget : all) {
            if (widget != main && widget->isVisible())
                windows.append(widget);
        }
        return windows;
    }
    QList<QWidget *> otherWindows() const { return otherWindows(&window); }

    QTemporaryDir directory;
    FakeSecretStore keychain;
    vault::ItemStore store;
    session::SessionManager manager;
    QMetaObject::Connection driver;
    ui::MainWindow window;
};

} // namespace weft::test

// main() for the guest tests: the web engine set up as weft sets it up (prepareGuestWebEngine),
// before the QApplication.
#define WEFT_GUEST_TEST_MAIN(TestObject)                                                           \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        weft::link::prepareGuestWebEngine();                                                       \
        QApplication app(argc, argv);                                                              \
        TestObject test;                                                                           \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
