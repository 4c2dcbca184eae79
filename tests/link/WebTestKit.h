#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTest>
#include <QVariant>
#include <QWebEnginePage>

#include <optional>

namespace weft::test {

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

// Script fragments that reach into the Link emulator's iframe from the (same-origin) host page.
inline QString linkFrameDocument()
{
    // The handler's frame (a hidden spare frame may stand beside it).
    return QStringLiteral("(function(){var f=document.querySelector('iframe[data-weft-link]');"
                          "return f&&f.contentDocument;})()");
}

inline QString linkViewIs(const QString &view)
{
    return QStringLiteral(
               "(function(){var d=%1;return !!(d&&d.body&&d.body.dataset.view===%2);})()")
        .arg(linkFrameDocument(), QStringLiteral("'") + view + QStringLiteral("'"));
}

inline QString clickTestId(const QString &id)
{
    return QStringLiteral("(function(){var d=%1;var e=d&&d.querySelector('[data-testid=\"%2\"]');"
                          "if(!e)return false;e.click();return true;})()")
        .arg(linkFrameDocument(), id);
}

inline QString typeTestId(const QString &id, const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return QStringLiteral("(function(){var d=%1;var e=d&&d.querySelector('[data-testid=\"%2\"]');"
                          "if(!e)return false;e.focus();e.value='%3';"
                          "e.dispatchEvent(new Event('input',{bubbles:true}));"
                          "e.dispatchEvent(new Event('change',{bubbles:true}));return true;})()")
        .arg(linkFrameDocument(), id, escaped);
}

// Handlers' frames in the page (not counting the emulator's hidden spare frame).
inline QString frameCount()
{
    return QStringLiteral("document.querySelectorAll('iframe[data-weft-link]').length");
}

} // namespace weft::test
