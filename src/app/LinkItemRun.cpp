#include "LinkItemRun.h"

#include "BenchChild.h"
#include "DevToolsClient.h"
#include "LinkFrames.h"

#include <QProcessEnvironment>
#include <QTcpServer>

#include <cstdio>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

int fail(const char *what)
{
    std::fprintf(stderr, "weft-bench link-item: %s\n", what);
    return 1;
}

} // namespace

int runLinkItem(const QString &weft, int timeoutSeconds)
{
    const int timeoutMs = timeoutSeconds * 1000;
    const quint16 port = freePort();
    BenchChild child(weft,
                     {QStringLiteral("--sandbox"), QStringLiteral("--connect"),
                      QStringLiteral("--bench-milestones"),
                      QStringLiteral("--remote-debugging-port"), QString::number(port)},
                     QProcessEnvironment::systemEnvironment());
    if (!child.started())
        return fail("weft did not start");
    if (child.waitFor(QStringLiteral("link-open-event"), 0, timeoutMs) < 0)
        return fail("Link did not open");
    DevToolsClient devtools;
    QString error;
    if (!devtools.connectTo(port, 10000, &error))
        return fail(qPrintable(error));
    const LinkFrames frames = findLinkFrames(devtools, &error);
    if (!frames.frameFound())
        return fail(qPrintable(QStringLiteral("Link's frame was not found ") + error));
    frames.runInFrame(devtools, linkUserGoodScript(), &error);
    // Whichever comes first: saved, or the keychain's refusal.
    for (int waited = 0; waited < timeoutMs; waited += 200) {
        if (child.waitFor(QStringLiteral("token-saved"), 0, 200) >= 0) {
            std::printf("linked\n");
            child.finish();
            return 0;
        }
        if (child.at(QStringLiteral("token-save-failed")) >= 0)
            return fail("weft could not save the access token in the keychain");
    }
    return fail("no Item was linked in time");
}
