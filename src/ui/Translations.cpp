#include "ui/Translations.h"

#include "ui/UiLogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstring>

namespace weft::ui {
namespace {

constexpr auto kFolder = ":/weft/i18n";

// lupdate names a class's context without its C++17 namespace ("MainWindow"), while tr()
// asks with the full one ("weft::ui::MainWindow"): a text not found under the full name is
// looked up under the class name too.
class Translator : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (text.isEmpty() && context) {
            if (const char *last = std::strrchr(context, ':'); last && last[1] != '\0')
                text = QTranslator::translate(last + 1, sourceText, disambiguation, n);
        }
        return text;
    }
};

bool install(QCoreApplication *app, const QLocale &locale, const QString &name,
             const QString &folder)
{
    auto *translator = new Translator(app);
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
