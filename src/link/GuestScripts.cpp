#include "link/GuestScripts.h"

#include <QByteArray>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>

namespace weft::link {
namespace {

constexpr char kWebRtcPolicy[] = "--force-webrtc-ip-handling-policy=disable_non_proxied_udp";

constexpr char kNoWebRtc[] = R"JS((function () {
  'use strict';
  var names = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel',
    'RTCSessionDescription', 'RTCIceCandidate', 'RTCRtpSender', 'RTCRtpReceiver',
    'RTCRtpTransceiver', 'RTCDtlsTransport', 'RTCIceTransport', 'RTCSctpTransport',
    'RTCCertificate', 'RTCDTMFSender', 'RTCPeerConnectionIceEvent', 'RTCDataChannelEvent',
    'RTCTrackEvent', 'RTCError', 'RTCErrorEvent'];
  for (var i = 0; i < names.length; i++) {
    try {
      Object.defineProperty(window, names[i],
        { value: undefined, writable: false, enumerable: false, configurable: false });
    } catch (e) { /* already gone */ }
  }
})();)JS";

} // namespace

void prepareGuestWebEngine()
{
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (!flags.contains(kWebRtcPolicy)) {
        // Last, so that it wins over an inherited weaker policy.
        flags = QByteArray(flags.trimmed() + ' ' + kWebRtcPolicy).trimmed();
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
    }
}

void installGuestScripts(QWebEngineProfile *profile)
{
    QWebEngineScript noWebRtc;
    noWebRtc.setName(QStringLiteral("weft-no-webrtc"));
    noWebRtc.setSourceCode(QString::fromLatin1(kNoWebRtc));
    noWebRtc.setInjectionPoint(QWebEngineScript::DocumentCreation);
    noWebRtc.setWorldId(QWebEngineScript::MainWorld);
    noWebRtc.setRunsOnSubFrames(true);
    profile->scripts()->insert(noWebRtc);
}

} // namespace weft::link
