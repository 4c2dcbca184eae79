#pragma once

#include "support/FrameDriver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>
#include <QTest>
#include <QVariant>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <functional>
#include <optional>

namespace weft::test {

using weft::installFrameDriver;

// Runs script in page's main frame and waits for its value (an invalid QVariant on timeout).
inline QVariant runJs(QWebEnginePage *page, const QString &script, int timeoutMs = 5000)
{
    std::optional<QVariant> result;
    page->runJavaScript(script, [&result](const QVariant &value) { result = value; });
    QDeadlineTimer deadline(timeoutMs);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return result.value_or(QVariant());
}

// Polls script until it yields true.
inline bool waitJs(QWebEnginePage *page, const QString &script, int timeoutMs = 15000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (runJs(page, script, 2000).toBool())
            return true;
        QTest::qWait(25);
    }
    return false;
}

// The handler's frame (a hidden spare frame may stand beside it).
inline QString linkFrameSelector()
{
    return QStringLiteral("iframe[data-weft-link]");
}

inline QString jsString(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("s"), text}})
                                 .toJson(QJsonDocument::Compact))
        .mid(5)
        .chopped(1);
}

// Evaluates code in the frame that selector finds (Link's frame by default) and returns its
// value; an invalid QVariant when no answer came (no frame, no driver, timeout) or the code
// threw.
inline QVariant frameJs(QWebEnginePage *page, const QString &code, int timeoutMs = 5000,
                        const QString &selector = linkFrameSelector())
{
    const QString ask = QStringLiteral("window.__weftDriver ? JSON.stringify(window.__weftDriver"
                                       ".ask(%1, %2) || null) : 'null'")
                            .arg(jsString(selector), jsString(code));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QJsonObject answer =
            QJsonDocument::fromJson(runJs(page, ask, 2000).toString().toUtf8()).object();
        if (answer.contains(QStringLiteral("error")))
            return {};
        if (answer.contains(QStringLiteral("value")))
            return answer.value(QStringLiteral("value")).toVariant();
        QTest::qWait(10);
    }
    return {};
}

// Polls code in Link's frame (or the frame selector finds) until it yields true.
inline bool waitFrameJs(QWebEnginePage *page, const QString &code, int timeoutMs = 15000,
                        const QString &selector = linkFrameSelector())
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (frameJs(page, code, 2500, selector).toBool())
            return true;
        QTest::qWait(25);
    }
    return false;
}

// Code for Link's frame (frameJs, waitFrameJs).
inline QString linkViewIs(const QString &view)
{
    return QStringLiteral("!!(document.body && document.body.dataset.view === %1)")
        .arg(jsString(view));
}

inline QString clickTestId(const QString &id)
{
    return QStringLiteral("(function(){var e=document.querySelector('[data-testid=\"'+%1+'\"]');"
                          "if(!e)return false;e.click();return true;})()")
        .arg(jsString(id));
}

inline QString typeTestId(const QString &id, const QString &value)
{
    return QStringLiteral("(function(){var e=document.querySelector('[data-testid=\"'+%1+'\"]');"
                          "if(!e)return false;e.focus();e.value=%2;"
                          "e.dispatchEvent(new Event('input',{bubbles:true}));"
                          "e.dispatchEvent(new Event('change',{bubbles:true}));return true;})()")
        .arg(jsString(id), jsString(value));
}

inline QString textOfTestId(const QString &id)
{
    return QStringLiteral("(function(){var e=document.querySelector('[data-testid=\"'+%1+'\"]');"
                          "return e?e.textContent:null;})()")
        .arg(jsString(id));
}

// Code that asks for media (constraints: "{video:true}", ...) and leaves the answer in
// window.cam: 'pending', then 'granted' (the tracks stopped at once) or 'denied'.
inline QString askForMedia(const QString &constraints)
{
    return QStringLiteral("window.cam='pending';navigator.mediaDevices.getUserMedia(%1).then("
                          "function(s){s.getTracks().forEach(function(t){t.stop();});"
                          "window.cam='granted';},function(){window.cam='denied';});true")
        .arg(constraints);
}

// Waits until code yields true in some document (Link's frame, or a whole page).
using JsWait = std::function<bool(const QString &code, int timeoutMs)>;

// Goes through the Link emulator as user_good at First Platypus Bank, from the consent pane to
// the CONNECTED pane (Link must be open); false at the first step that does not come.
inline bool userGoodToConnected(const JsWait &wait)
{
    const auto step = [&wait](const char *view, const QString &action) {
        return wait(linkViewIs(QString::fromLatin1(view)), 15000) && wait(action, 5000);
    };
    return step("CONSENT", clickTestId(QStringLiteral("consent-continue"))) &&
           step("SELECT_INSTITUTION", clickTestId(QStringLiteral("institution-ins_109508"))) &&
           step("CREDENTIAL",
                typeTestId(QStringLiteral("username"), QStringLiteral("user_good"))) &&
           wait(typeTestId(QStringLiteral("password"), QStringLiteral("pass_good")), 15000) &&
           wait(clickTestId(QStringLiteral("credentials-submit")), 15000) &&
           step("SELECT_ACCOUNT", clickTestId(QStringLiteral("accounts-continue"))) &&
           wait(linkViewIs(QStringLiteral("CONNECTED")), 15000);
}

// The same in Link's frame of a host page.
inline bool linkUserGoodToConnected(QWebEnginePage *page)
{
    return userGoodToConnected(
        [page](const QString &code, int timeoutMs) { return waitFrameJs(page, code, timeoutMs); });
}

// The same in a page that is Link itself (Hosted Link's page).
inline bool pageUserGoodToConnected(QWebEnginePage *page)
{
    return userGoodToConnected(
        [page](const QString &code, int timeoutMs) { return waitJs(page, code, timeoutMs); });
}

// A real click (mouse events through the view, as a user's): the only kind that counts as a
// user gesture, which Weft requires before any window opens. point is in the page's CSS pixels.
inline void userClick(QWebEngineView *view, const QPointF &point)
{
    const qreal zoom = view->page() ? view->page()->zoomFactor() : 1.0;
    const QPoint at = (point * zoom).toPoint();
    QWidget *target = view->focusProxy() ? view->focusProxy() : view;
    QTest::mouseMove(target, at);
    QTest::mouseClick(target, Qt::LeftButton, {}, at);
}

// The centre of the element testId in Link's frame, in the page's coordinates; nothing when it
// is not there (yet).
inline std::optional<QPointF> linkElementCenter(QWebEnginePage *page, const QString &testId)
{
    const QVariantList inFrame =
        frameJs(page,
                QStringLiteral("(function(){var e=document.querySelector('[data-testid=\"'+%1+"
                               "'\"]');if(!e||e.disabled)return null;e.scrollIntoView({block:"
                               "'center'});var r=e.getBoundingClientRect();"
                               "return [r.left+r.width/2,r.top+r.height/2];})()")
                    .arg(jsString(testId)),
                2500)
            .toList();
    const QVariantList frame =
        runJs(page, QStringLiteral("(function(){var f=document.querySelector(%1);if(!f)return null;"
                                   "var r=f.getBoundingClientRect();"
                                   "return [r.left+f.clientLeft,r.top+f.clientTop];})()")
                        .arg(jsString(linkFrameSelector())))
            .toList();
    if (inFrame.size() != 2 || frame.size() != 2)
        return std::nullopt;
    return QPointF(frame.at(0).toDouble() + inFrame.at(0).toDouble(),
                   frame.at(1).toDouble() + inFrame.at(1).toDouble());
}

// Clicks testId in Link's frame as a user would, once it is there.
inline bool userClickTestId(QWebEngineView *view, const QString &testId, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (const auto point = linkElementCenter(view->page(), testId)) {
            userClick(view, *point);
            return true;
        }
        QTest::qWait(50);
    }
    return false;
}

// Handlers' frames in the page (not counting the emulator's hidden spare frame): main frame.
inline QString frameCount()
{
    return QStringLiteral("document.querySelectorAll('iframe[data-weft-link]').length");
}

} // namespace weft::test
