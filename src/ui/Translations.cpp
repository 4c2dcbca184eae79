#include "ui/Translations.h"

#include "ui/UiLogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace weft::ui {
namespace {

constexpr auto kFolder = ":/weft/i18n";

bool install(QCoreApplication *app, const QLocale &locale, const QString &name,
             const QString &folder)
{
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    app->installTranslator(translator);
    return true;
}

} // namespace

bool installTranslations(QCoreApplication *app, const QLocale &locale)
{
    const QString folder = QString::fromLatin1(kFolder);
    if (!install(app, QLocale(QLocale::English), QStringLiteral("weft"), folder))
        qCWarning(lcUi) << "Weft's English plural forms are missing from the build";
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    install(app, locale, QStringLiteral("qtbase"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    const bool translated = install(app, locale, QStringLiteral("weft"), folder);
    if (!translated)
        qCInfo(lcUi).noquote() << "Weft has no translation for" << locale.name()
                               << "yet; it speaks English";
    return translated;
}

} // namespace weft::ui
