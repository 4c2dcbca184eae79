#include "ui/Tones.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QWidget>

#include <cmath>

namespace weft::ui::tones {
namespace {

double channel(double value)
{
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.red()) + 0.7152 * channel(rgb.green()) +
           0.0722 * channel(rgb.blue());
}

// The tone's hue and saturation; lightness is found per palette.
QColor hueOf(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return QColor::fromHsl(125, 150, 0);
    case Tone::Attention:
        return QColor::fromHsl(35, 230, 0);
    case Tone::Problem:
        return QColor::fromHsl(0, 190, 0);
    case Tone::Neutral:
        break;
    }
    return QColor::fromHsl(0, 0, 0);
}

// The colour of the tone's hue nearest the middle of the palette's lightness range that
// still keeps kMinContrast against every background given.
QColor readableOn(Tone tone, std::initializer_list<QColor> backgrounds, bool dark)
{
    const QColor hue = hueOf(tone);
    // Dark schemes: from a mid lightness upwards; light schemes: from mid downwards.
    for (int step = 0; step <= 128; step += 4) {
        const int lightness = dark ? 128 + step : 128 - step;
        const QColor candidate =
            QColor::fromHsl(hue.hslHue() < 0 ? 0 : hue.hslHue(), hue.hslSaturation(),
                            std::clamp(lightness, 0, 255));
        bool readable = true;
        for (const QColor &background : backgrounds)
            readable = readable && contrast(candidate, background) >= kMinContrast;
        if (readable)
            return candidate;
    }
    return dark ? QColor(Qt::white) : QColor(Qt::black);
}

class ToneKeeper : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationPaletteChange) {
            if (auto *widget = qobject_cast<QWidget *>(watched)) {
                const QVariant tone = widget->property(kProperty);
                if (tone.isValid())
                    paint(widget, Tone(tone.toInt()));
            }
        }
        return false;
    }

public:
    static constexpr const char *kProperty = "weftTone";

    static void paint(QWidget *widget, Tone tone)
    {
        // Only the text's role is set: the rest keeps following the application's palette.
        QPalette own;
        if (tone != Tone::Neutral)
            own.setColor(QPalette::WindowText, textColor(tone, QApplication::palette(widget)));
        widget->setPalette(own);
    }
};

} // namespace

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

QColor textColor(Tone tone, const QPalette &palette)
{
    if (tone == Tone::Neutral)
        return palette.color(QPalette::WindowText);
    return readableOn(tone, {palette.color(QPalette::Window), palette.color(QPalette::Base)},
                      isDark(palette));
}

QColor badgeColor(Tone tone, const QPalette &palette)
{
    if (tone == Tone::Neutral)
        return palette.color(QPalette::Mid);
    // A badge is a coloured shape with its own text: its fill needs no contrast with the
    // background, only with that text (textOn), which black or white always gives.
    return QColor::fromHsl(std::max(0, hueOf(tone).hslHue()), hueOf(tone).hslSaturation(),
                           isDark(palette) ? 150 : 95);
}

QColor textOn(const QColor &fill)
{
    return contrast(fill, Qt::black) >= contrast(fill, Qt::white) ? QColor(Qt::black)
                                                                  : QColor(Qt::white);
}

Tone forStatus(const QString &status, bool foreign)
{
    if (foreign)
        return Tone::Neutral;
    if (status == u"healthy")
        return Tone::Good;
    if (status == u"ITEM_LOGIN_REQUIRED" || status == u"PENDING_EXPIRATION" ||
        status == u"PENDING_DISCONNECT" || status == u"NEW_ACCOUNTS_AVAILABLE")
        return Tone::Attention;
    return Tone::Problem;
}

void apply(QWidget *widget, Tone tone)
{
    static QPointer<ToneKeeper> keeper;
    if (!keeper)
        keeper = new ToneKeeper(qApp);
    widget->setProperty(ToneKeeper::kProperty, int(tone));
    widget->removeEventFilter(keeper);
    widget->installEventFilter(keeper);
    ToneKeeper::paint(widget, tone);
}

} // namespace weft::ui::tones
