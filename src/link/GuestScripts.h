#pragma once

class QWebEngineProfile;

namespace weft::link {

// WebRTC is off for Link's web view, twice over:
//  - in the Chromium process: prepareGuestWebEngine() (before the QApplication exists) makes
//    WebRTC send no UDP that does not go through a proxy — Weft configures none, so none at
//    all: no STUN, no UDP TURN, no host candidates (the request interceptor never sees WebRTC,
//    so this is the only place to stop it);
//  - in every page and frame of the profile: installGuestScripts() removes RTCPeerConnection
//    and its relatives before any page script runs, which also stops TURN over TCP.
// Link needs none of it (Identity Verification's camera is a permission, denied anyway).
void prepareGuestWebEngine();
void installGuestScripts(QWebEngineProfile *profile);

} // namespace weft::link
