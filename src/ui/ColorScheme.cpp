#include "ui/ColorScheme.h"

#include "ui/Tones.h"
#include "ui/UiLogging.h"

#include <QApplication>
#include <QStyle>
#include <QStyleHints>

namespace weft::ui::colorscheme {
namespace {

enum class Choice { System, Light, Dark };

Choice choiceFromEnvironment()
{
    const QByteArray value = qgetenv("WEFT_COLOR_SCHEME").trimmed().toLower();
    if (value == "dark")
        return Choice::Dark;
    if (value == "light")
        return Choice::Light;
    if (!value.isEmpty())
        qCWarning(lcUi) << "WEFT_COLOR_SCHEME must be light or dark; following the system";
    return Choice::System;
}

void use(QApplication *app, bool wantDark)
{
    const QPalette platform = app->style()->standardPalette();
    if (wantDark == tones::isDark(app->palette()))
        return;
    app->setPalette(wantDark && !tones::isDark(platform) ? dark() : platform);
}

} // namespace

QPalette dark()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e);
    const QColor base(0x1f, 0x1f, 0x22);
    const QColor text(0xee, 0xee, 0xf0);
    const QColor disabledText(0x9a, 0x9a, 0xa0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4f));
    p.setColor(QPalette::Midlight, QColor(0x3f, 0x3f, 0x44));
    p.setColor(QPalette::Mid, QColor(0x6b, 0x6b, 0x72));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

void follow(QApplication *app)
{
    const Choice choice = choiceFromEnvironment();
    if (choice != Choice::System) {
        use(app, choice == Choice::Dark);
        return;
    }
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QStyleHints *hints = QGuiApplication::styleHints();
    auto apply = [app](Qt::ColorScheme scheme) {
        if (scheme != Qt::ColorScheme::Unknown)
            use(app, scheme == Qt::ColorScheme::Dark);
    };
    apply(hints->colorScheme());
    QObject::connect(hints, &QStyleHints::colorSchemeChanged, app, apply);
#endif
}

} // namespace weft::ui::colorscheme
