// Colour in Weft's window: every tone stays readable (WCAG AA, 4.5:1) in light and dark
// palettes, follows a change of palette, and no source file paints a fixed colour.
#include "ui/ColorScheme.h"
#include "ui/Tones.h"

#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QtTest>

using namespace weft::ui;

namespace {

QPalette lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

} // namespace

class TestTones : public QObject
{
    Q_OBJECT

private slots:
    void contrastIsWcags();
    void tonesAreReadable_data();
    void tonesAreReadable();
    void labelsFollowThePalette();
    void noFixedColoursInTheWindow();
};

void TestTones::contrastIsWcags()
{
    QCOMPARE(qRound(tones::contrast(Qt::black, Qt::white)), 21);
    QCOMPARE(tones::contrast(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    // #767676 on white is the classic 4.54:1.
    QVERIFY(qAbs(tones::contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
}

void TestTones::tonesAreReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light (Fusion)") << lightPalette() << false;
    QTest::newRow("dark") << colorscheme::dark() << true;
}

void TestTones::tonesAreReadable()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, dark);
    QCOMPARE(tones::isDark(palette), dark);
    const double minimum = tones::kMinContrast;
    // The palette's own text, which Neutral uses.
    QVERIFY(tones::contrast(palette.color(QPalette::WindowText), palette.color(QPalette::Window)) >=
            minimum);
    QVERIFY(tones::contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >=
            minimum);
    for (Tone tone : {Tone::Neutral, Tone::Good, Tone::Attention, Tone::Problem}) {
        const QColor text = tones::textColor(tone, palette);
        const double onWindow = tones::contrast(text, palette.color(QPalette::Window));
        const double onBase = tones::contrast(text, palette.color(QPalette::Base));
        const QColor badge = tones::badgeColor(tone, palette);
        const double onBadge = tones::contrast(tones::textOn(badge), badge);
        qInfo().nospace() << "tone " << int(tone) << ": text " << text.name() << " " << onWindow
                          << ":1 on the window, " << onBase << ":1 on the base; badge "
                          << badge.name() << " with " << tones::textOn(badge).name() << " "
                          << onBadge << ":1";
        QVERIFY2(onWindow >= minimum, qPrintable(text.name()));
        QVERIFY2(onBase >= minimum, qPrintable(text.name()));
        QVERIFY2(onBadge >= minimum, qPrintable(badge.name()));
    }
    // The tones stay apart from each other and from plain text.
    QVERIFY(tones::textColor(Tone::Good, palette) != tones::textColor(Tone::Problem, palette));
    QVERIFY(tones::textColor(Tone::Problem, palette) != palette.color(QPalette::WindowText));
}

void TestTones::labelsFollowThePalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setPalette(lightPalette());
    QLabel label(QStringLiteral("It did not work"));
    tones::apply(&label, Tone::Problem);
    const QColor onLight = label.palette().color(QPalette::WindowText);
    QCOMPARE(onLight, tones::textColor(Tone::Problem, lightPalette()));

    QApplication::setPalette(colorscheme::dark());
    QTRY_COMPARE(label.palette().color(QPalette::WindowText),
                 tones::textColor(Tone::Problem, colorscheme::dark()));
    QVERIFY(label.palette().color(QPalette::WindowText) != onLight);
    // The rest of the label's palette is the application's.
    QCOMPARE(label.palette().color(QPalette::Window), colorscheme::dark().color(QPalette::Window));

    tones::apply(&label, Tone::Neutral);
    QCOMPARE(label.palette().color(QPalette::WindowText),
             colorscheme::dark().color(QPalette::WindowText));
    QApplication::setPalette(original);
}

void TestTones::noFixedColoursInTheWindow()
{
    // Colours come from the palette and the tones; only the palette and tone definitions
    // name colours.
    const QString root = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../..");
    const QRegularExpression fixed(QStringLiteral(
        R"((#[0-9a-fA-F]{3,8}\b|QColor\(\s*0x|QColor\(\s*\d|Qt::(black|white|red|green|blue|yellow|gray|darkRed)\b|rgb\())"));
    const QStringList allowed{QStringLiteral("Tones.cpp"), QStringLiteral("ColorScheme.cpp")};
    QStringList offenders;
    int scanned = 0;
    for (const QString &folder : {QStringLiteral("/src/ui"), QStringLiteral("/ui")}) {
        QDirIterator it(root + folder,
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.ui")},
                        QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            if (allowed.contains(QFileInfo(path).fileName()))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++scanned;
            const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QString code = lines.at(i).section(QStringLiteral("//"), 0, 0);
                if (fixed.match(code).hasMatch())
                    offenders << QStringLiteral("%1:%2: %3")
                                     .arg(path)
                                     .arg(i + 1)
                                     .arg(lines.at(i).trimmed());
            }
        }
    }
    QVERIFY(scanned > 20);
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
}

QTEST_MAIN(TestTones)
#include "tst_tones.moc"
