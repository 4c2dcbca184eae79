#pragma once

class QCoreApplication;
class QLocale;

namespace weft::ui {

// Installs Weft's translations for locale (and Qt's own, for the standard dialogs' buttons):
// English plural forms first, then the locale's language over them, so that a text the
// language lacks still reads right in English. Returns whether the locale's language has
// Weft's translation (English always has).
bool installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace weft::ui
