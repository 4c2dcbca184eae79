// The camera end to end: the real window and session on the embedded sandbox, Link open in
// the Link emulator's frame (which its script lets use the camera, as Plaid's does), and the
// frame asking for the camera as identity verification's photo step does. Weft asks the person
// (the window's question, answered here) and the frame gets exactly that answer; asking again
// after a refusal is not put to the person; the microphone is never asked about. Chromium has a
// fake camera here, so that requests reach Weft's policy.
#include "MainWindowFixture.h"

#include <QApplication>
#include <QtTest>

using namespace weft;
using namespace Qt::Literals::StringLiterals;
using test::embeddedSettings;
using Fixture = test::MainWindowFixture;

namespace {

// Asks for media in Link's frame; "granted" or "denied" (or empty when no answer came).
QString askInLinkFrame(QWebEnginePage *page, const char *constraints)
{
    test::frameJs(page, test::askForMedia(QString::fromLatin1(constraints)));
    if (!test::waitFrameJs(page, QStringLiteral("window.cam !== 'pending'"), 15000))
        return {};
    return test::frameJs(page, QStringLiteral("window.cam")).toString();
}

} // namespace

class TestCameraE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cameraInLinkIsThePersonsChoice_data();
    void cameraInLinkIsThePersonsChoice();
};

void TestCameraE2E::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("weft-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_camera_e2e"));
}

void TestCameraE2E::cameraInLinkIsThePersonsChoice_data()
{
    QTest::addColumn<bool>("allow");
    QTest::newRow("the person refuses") << false;
    QTest::newRow("the person allows") << true;
}

void TestCameraE2E::cameraInLinkIsThePersonsChoice()
{
    QFETCH(bool, allow);
    Fixture f(true);
    QStringList asked;
    f.window.setCameraQuestion([&](const QString &site) {
        asked << site;
        return allow;
    });
    QWebEnginePage *page = f.openLink(embeddedSettings());
    QVERIFY(page);

    QCOMPARE(askInLinkFrame(page, "{video:true}"),
             allow ? QStringLiteral("granted") : QStringLiteral("denied"));
    QCOMPARE(asked, QStringList{QStringLiteral("localhost")}); // the emulator's site, by name
    // Once refused, that page is not allowed to ask the person again.
    QCOMPARE(askInLinkFrame(page, "{video:true}"),
             allow ? QStringLiteral("granted") : QStringLiteral("denied"));
    QCOMPARE(asked.size(), allow ? 2 : 1);
    // The microphone: refused without a question.
    QCOMPARE(askInLinkFrame(page, "{audio:true}"), QStringLiteral("denied"));
    QCOMPARE(asked.size(), allow ? 2 : 1);
    // The host page never gets it, whatever the person said for Link.
    test::runJs(page, test::askForMedia(QStringLiteral("{video:true}")));
    QVERIFY(test::waitJs(page, QStringLiteral("window.cam !== 'pending'")));
    QCOMPARE(test::runJs(page, QStringLiteral("window.cam")).toString(), QStringLiteral("denied"));
    QCOMPARE(asked.size(), allow ? 2 : 1);
}

int main(int argc, char *argv[])
{
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    flags.append(" --use-fake-device-for-media-stream");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestCameraE2E test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_camera_e2e.moc"
