// The README's screens: the main window and the settings as people see them, in English and
// German, light and dark, drawn under Xvfb by scripts/screenshots. Not a test: it only draws.
// Usage: weft-screenshots OUTPUT_DIR LANGUAGE
#include "MainWindowFixture.h"
#include "ui/ColorScheme.h"
#include "ui/ItemsPanel.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

using namespace weft;

namespace {

vault::ItemRecord bank(int n, const QString &name, const QString &errorCode = {})
{
    vault::ItemRecord r = test::makeRecord(n, QStringLiteral("embedded"), errorCode);
    r.institutionName = name;
    r.lastRefresh = QDateTime::currentDateTimeUtc().addSecs(-600);
    r.accounts = {{QStringLiteral("a1-%1").arg(n), QStringLiteral("Plaid Checking"), QString(),
                   QStringLiteral("0000"), QStringLiteral("depository"), QStringLiteral("checking"),
                   100.0, 110.0, std::nullopt, QStringLiteral("USD")},
                  {QStringLiteral("a2-%1").arg(n), QStringLiteral("Plaid Saving"), QString(),
                   QStringLiteral("1111"), QStringLiteral("depository"), QStringLiteral("savings"),
                   200.0, 210.0, std::nullopt, QStringLiteral("USD")}};
    return r;
}

void useScheme(bool dark)
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(dark ? ui::colorscheme::dark() : fusion->standardPalette());
}

bool save(QWidget *widget, const QString &path)
{
    QCoreApplication::processEvents();
    QTest::qWait(300);
    const bool saved = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", saved ? "wrote" : "could not write", qPrintable(path));
    return saved;
}

// One window, as a person would find it, drawn to OUTPUT/name-language-scheme.png.
bool window(const QString &out, const QString &language, const QString &name, bool dark,
            const QList<vault::ItemRecord> &items, bool support)
{
    useScheme(dark);
    test::MainWindowFixture f(true);
    f.store.resetItems(items);
    f.manager.start(test::embeddedSettings());
    f.window.resize(1100, 700);
    f.window.setSupportView(support);
    f.window.show();
    if (!QTest::qWaitForWindowExposed(&f.window))
        return false;
    auto *connect = f.window.findChild<QPushButton *>(QStringLiteral("connectButton"));
    if (!QTest::qWaitFor([connect] { return connect->isEnabled(); }, 30000))
        return false;
    if (!items.isEmpty())
        f.window.itemsPanel()->selectItem(items.last().itemId);
    const bool ok =
        save(&f.window, QStringLiteral("%1/%2-%3-%4.png")
                            .arg(out, name, language,
                                 dark ? QStringLiteral("dark") : QStringLiteral("light")));
    f.window.setSupportView(false); // the next window starts as people see it
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: weft-screenshots OUTPUT_DIR LANGUAGE\n");
        return 2;
    }
    QLocale::setDefault(QLocale(QString::fromLocal8Bit(argv[2])));
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    QStandardPaths::setTestModeEnabled(true);
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString language = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(out);
    const vault::ItemRecord healthy = bank(1, QStringLiteral("First Platypus Bank"));
    const vault::ItemRecord needsSignIn =
        bank(2, QStringLiteral("Tartan Bank"), QStringLiteral("ITEM_LOGIN_REQUIRED"));
    bool ok = true;
    for (bool dark : {false, true}) {
        ok = window(out, language, QStringLiteral("first-run"), dark, {}, false) && ok;
        ok = window(out, language, QStringLiteral("linked"), dark, {healthy}, false) && ok;
        ok =
            window(out, language, QStringLiteral("sign-in"), dark, {healthy, needsSignIn}, false) &&
            ok;
        ok = window(out, language, QStringLiteral("support"), dark, {healthy, needsSignIn}, true) &&
             ok;
        useScheme(dark);
        AppSettings settings = test::embeddedSettings();
        ui::SettingsDialog dialog(settings);
        dialog.show();
        ok = QTest::qWaitForWindowExposed(&dialog) &&
             save(&dialog, QStringLiteral("%1/settings-%2-%3.png")
                               .arg(out, language,
                                    dark ? QStringLiteral("dark") : QStringLiteral("light"))) &&
             ok;
    }
    return ok ? 0 : 1;
}
