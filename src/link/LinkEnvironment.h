#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace weft::link {

// Where Link comes from and what the web view may reach. In sandbox mode everything is on
// loopback: the host page at 127.0.0.1, the Link emulator and its popups at localhost — another
// site, as Plaid's CDN is in the Plaid modes, so that nothing in Link's frame or its popups can
// reach the host page's window or its web channel (and the host page cannot reach into Link).
// In the Plaid modes the host page is on loopback and Link comes from Plaid's CDN over https.
struct LinkEnvironment
{
    QUrl hostPageUrl;   // the page the view loads; the bridge accepts calls only from its origin
    QUrl linkScriptUrl; // link-initialize.js
    bool sandbox = true;
    // OAuth by redirect: the redirect_uri Link's token carries (empty: OAuth in a popup). Banks'
    // sign-in pages then open in the system browser, and come back through this address.
    QString redirectUri;

    // sandboxBaseUrl: http://127.0.0.1:PORT (the host page); linkBaseUrl: the emulator's
    // http://localhost:PORT (SandboxServer::linkBaseUrl()).
    static LinkEnvironment forSandbox(const QUrl &sandboxBaseUrl, const QUrl &linkBaseUrl);
    static LinkEnvironment forPlaid(const QUrl &hostPageUrl);

    // Whether the main frame may show url: the host page's origin only.
    bool mainFrameMayNavigate(const QUrl &url) const;
    // Whether a frame inside the host page, or a popup, may load url: the Link origin (the
    // emulator's localhost origin, or https Plaid hosts) and, in the Plaid modes, Google
    // reCAPTCHA's frames, which Link shows for some sign-ins.
    bool linkMayLoad(const QUrl &url) const;
    // Whether a frame at origin may ask for the camera (identity verification takes a photo):
    // Link's own origin only — the emulator's in sandbox mode, https Plaid hosts otherwise.
    // The user is asked every time; the microphone and everything else stay refused.
    bool mayAskForCamera(const QUrl &origin) const;
    // Whether a popup window may show url (a bank's login page): the emulator's origin in
    // sandbox mode, any https page in the Plaid modes (banks' OAuth pages live anywhere).
    bool popupMayLoad(const QUrl &url) const;
    // Whether a window Link opens at url is a page to read (help, privacy) for the system
    // browser rather than a bank's login page: any https page in sandbox mode, Plaid's own
    // site in the Plaid modes.
    bool isExternalLink(const QUrl &url) const;
    bool oauthByRedirect() const { return !redirectUri.isEmpty(); }
    // Whether url is the way back from a bank's sign-in: the redirect_uri (scheme, host, path)
    // with an oauth_state_id.
    bool isOAuthReturn(const QUrl &url) const;
};

// Plaid's CDN script, used in the Plaid modes.
QUrl plaidLinkScriptUrl();
// "/weft/host/index.html": where the host page lives on its loopback server.
QString hostPagePath();

} // namespace weft::link
