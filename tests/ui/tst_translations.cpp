// Languages: English reads right where a count decides ("1 connection", "2 connections"), and
// Link's language follows the locale unless the user chose one.
#include "UiTestKit.h"
#include "core/AppSettings.h"
#include "session/SessionManager.h"
#include "ui/AboutDialog.h"
#include "ui/MainWindow.h"
#include "ui/PendingExchangeBanner.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/Translations.h"
#include "vault/ItemStore.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace weft;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void englishPluralForms();
    void linkLanguageFollowsTheLocale();
    void translationsAreComplete_data();
    void translationsAreComplete();
    void windowHasNoEnglishLeft_data();
    void windowHasNoEnglishLeft();
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

namespace {

const QString kTranslations = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../translations");

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    bool finished = true;
};

QList<TsMessage> readTs(const QString &path)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            message = TsMessage{context, {}, {}, true};
        } else if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            message.finished = xml.attributes().value(QLatin1StringView("type")).isEmpty();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!text.trimmed().isEmpty() && message.translations.isEmpty())
                message.translations.append(text);
            messages.append(message);
        } else if (xml.name() == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> found;
    static const QRegularExpression marker(QStringLiteral("%(\\d|n)"));
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

int mnemonics(QString text)
{
    text.remove(QStringLiteral("&&"));
    static const QRegularExpression entity(QStringLiteral("&[a-z]+;"));
    text.remove(entity);
    return int(text.count(u'&'));
}

// Every text a person can read in widget and its children (not data: combo and list items).
QStringList visibleTexts(QWidget *widget)
{
    QStringList texts{widget->windowTitle()};
    QList<QWidget *> widgets = widget->findChildren<QWidget *>();
    widgets.prepend(widget);
    for (QWidget *w : std::as_const(widgets)) {
        texts << w->toolTip() << w->accessibleName();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            texts << group->title();
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->placeholderText();
        else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w);
                   view && view->model() && !qobject_cast<QListView *>(w)) {
            for (int c = 0; c < view->model()->columnCount(); ++c)
                texts << view->model()->headerData(c, Qt::Horizontal).toString();
        } else if (auto *menu = qobject_cast<QMenu *>(w)) {
            texts << menu->title();
        }
    }
    for (QAction *action : widget->findChildren<QAction *>())
        texts << action->text() << action->toolTip();
    texts.removeAll(QString());
    return texts;
}

} // namespace

void TestTranslations::translationsAreComplete_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files =
        QDir(kTranslations).entryList({QStringLiteral("weft_*.ts")}, QDir::Files);
    QVERIFY(files.contains(QStringLiteral("weft_de.ts")));
    for (const QString &file : files) {
        if (file != u"weft_en.ts") // English: plural forms only
            QTest::newRow(qPrintable(file)) << QDir(kTranslations).filePath(file);
    }
}

void TestTranslations::translationsAreComplete()
{
    QFETCH(QString, path);
    const QList<TsMessage> messages = readTs(path);
    QVERIFY(messages.size() > 300);
    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
        if (!m.finished || m.translations.isEmpty()) {
            problems << QStringLiteral("untranslated: ") + where;
            continue;
        }
        for (const QString &t : m.translations) {
            QSet<QString> expected = placeholders(m.source);
            QSet<QString> got = placeholders(t);
            if (m.translations.size() > 1) { // a plural form may say the number in words
                expected.remove(QStringLiteral("%n"));
                got.remove(QStringLiteral("%n"));
            }
            if (expected != got)
                problems << QStringLiteral("placeholders differ: ") + where +
                                QStringLiteral(" → ") + t;
            if (mnemonics(m.source) != mnemonics(t))
                problems << QStringLiteral("mnemonic (&) differs: ") + where +
                                QStringLiteral(" → ") + t;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::windowHasNoEnglishLeft_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("connect"); // the main button, as the language says it
    QTest::newRow("German") << "de"
                            << "Bankkonto &verbinden";
    QTest::newRow("French") << "fr"
                            << "&Connecter un compte bancaire";
    QTest::newRow("Spanish") << "es"
                             << "&Conectar una cuenta bancaria";
}

void TestTranslations::windowHasNoEnglishLeft()
{
    QFETCH(QString, language);
    QFETCH(QString, connect);
    // The texts the translation changes: any of them still showing is untranslated.
    QSet<QString> english;
    const QString ts = QDir(kTranslations).filePath(QStringLiteral("weft_%1.ts").arg(language));
    for (const TsMessage &m : readTs(ts)) {
        if (!m.translations.isEmpty() && m.translations.first() != m.source)
            english.insert(m.source);
    }
    QVERIFY(english.size() > 250);
    const QLocale original;
    QLocale::setDefault(QLocale(language));
    // Each language on its own: the translators of the previous row go first.
    for (QTranslator *old : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    QVERIFY(ui::installTranslations(qApp, QLocale()));

    QTemporaryDir dir;
    vault::ItemStore store(dir.filePath(QStringLiteral("items.json")));
    test::TestKeychain keychain;
    session::SessionManager manager(&keychain, &store, {});
    ui::MainWindow window(&manager, &store);
    window.setSupportView(true);
    AppSettings defaults;
    defaults.fillDefaults();
    ui::SettingsDialog settings(defaults);
    ui::AboutDialog about;
    ui::ShortcutsDialog shortcuts(window.menuBar());
    QStringList left;
    int seen = 0;
    for (QWidget *top : std::initializer_list<QWidget *>{&window, &settings, &about, &shortcuts}) {
        const QStringList texts = visibleTexts(top);
        seen += int(texts.size());
        for (const QString &text : texts) {
            if (english.contains(text))
                left << QString::fromLatin1(top->metaObject()->className()) + QStringLiteral(": ") +
                            text;
        }
    }
    QLocale::setDefault(original);
    QVERIFY(seen > 100);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
    // And the window speaks the language indeed.
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("connectButton"))->text(), connect);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
