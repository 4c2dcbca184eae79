#pragma once

#include <QString>
#include <QUrl>

// weft-server-bench's last figure: from a bank asking for its login again to the banner in the
// real Weft window. The real `weft --bench-milestones --server URL` runs as a child (enrolled
// with a code of its own, its settings and index in a scratch folder, its sign-in in the
// session's keychain); each round resets one Item's login at the sandbox (which sends Plaid's
// signed ITEM ERROR webhook to weft-server, which pushes to the desktop) and times until the
// window's "attention-banner-shown" milestone; the Item is then removed through the API and
// the banner's going awaited before the next round.
struct DesktopBenchSetup
{
    QString weftBinary;
    QString database; // the server's
    QString keysFile; // the server's key ring: the bench reads Plaid's tokens as the server does
    QUrl serverUrl;
    QUrl plaidUrl;
    QString plaidClientId;
    QString plaidSecret;
    QString scratchDirectory;
    int rounds = 20;
};

// Prints the figure; false (with why on stderr) when the desktop could not be measured.
bool measureWebhookToBanner(const DesktopBenchSetup &setup);
