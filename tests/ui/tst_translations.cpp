// Languages: English reads right where a count decides ("1 connection", "2 connections"), and
// Link's language follows the locale unless the user chose one.
#include "core/AppSettings.h"
#include "ui/PendingExchangeBanner.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void englishPluralForms();
    void linkLanguageFollowsTheLocale();
};

void TestTranslations::englishPluralForms()
{
    QVERIFY(ui::installTranslations(qApp, QLocale(QLocale::English)));
    ui::PendingExchangeBanner banner;
    vault::PendingExchange one;
    one.linkSessionId = QStringLiteral("s1");
    one.institutionName = QStringLiteral("First Platypus Bank");
    one.startedAt = QDateTime::currentDateTimeUtc();
    banner.setPending({one});
    const QString single = banner.findChild<QLabel *>()->text();
    QVERIFY2(single.contains(u"the connection to First Platypus Bank"), qPrintable(single));
    vault::PendingExchange two = one;
    two.linkSessionId = QStringLiteral("s2");
    two.institutionName = QStringLiteral("Tartan Bank");
    banner.setPending({one, two});
    const QString plural = banner.findChild<QLabel *>()->text();
    QVERIFY2(plural.contains(u"the connections to"), qPrintable(plural));
    QVERIFY2(plural.contains(u"link the banks again"), qPrintable(plural));
    QVERIFY(!plural.contains(u"(s)"));
}

void TestTranslations::linkLanguageFollowsTheLocale()
{
    AppSettings settings;
    settings.fillDefaults(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(settings.language.isEmpty()); // nothing chosen: nothing made up and saved
    QCOMPARE(settings.linkLanguage(QLocale(QLocale::German, QLocale::Germany)),
             QStringLiteral("de"));
    QCOMPARE(settings.linkLanguage(QLocale(QLocale::French, QLocale::Canada)),
             QStringLiteral("fr"));
    QCOMPARE(settings.linkLanguage(QLocale(QLocale::NorwegianBokmal)), QStringLiteral("no"));
    QCOMPARE(settings.linkLanguage(QLocale(QLocale::Turkish)), QStringLiteral("en")); // not Link's
    QVERIFY(settings.validate().isEmpty() || !settings.validate().contains(u"language"));
    // A choice wins over the locale, and both survive saving.
    QTemporaryDir dir;
    QSettings file(dir.filePath(QStringLiteral("weft.ini")), QSettings::IniFormat);
    settings.save(file);
    QVERIFY(AppSettings::load(file).language.isEmpty());
    settings.language = QStringLiteral("es");
    QCOMPARE(settings.linkLanguage(QLocale(QLocale::German)), QStringLiteral("es"));
    settings.save(file);
    QCOMPARE(AppSettings::load(file).linkLanguage(QLocale(QLocale::German)), QStringLiteral("es"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
