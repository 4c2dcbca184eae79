/*
 * Weft Link emulator, the frame's first script: starts the Link session (POST
 * /weft/link/session/start) as early as it can, so that the answer arrives while the frame's
 * other files load instead of after them. link-flow.js picks the answer up.
 *
 * A frame created with its token (#token=…&handler_id=…&origin=…) sends that request at once.
 * A spare frame (#origin=…&spare=1, started before the host page has a token) tells the host
 * it is 'ready' and sends the request when the host's one 'configure' {token} arrives: only from
 * window.parent, only from the origin named in the fragment, which must also be the embedding
 * page's (location.ancestorOrigins), and only once. link.js then takes the handler id and token
 * from window.WeftLinkBoot; it shows the STANDALONE pane when these checks fail.
 *
 * A Hosted Link page (the whole window, reached from hosted_link_url: #hosted=<id>) starts its
 * session with the hosted id at once; it has no host page to talk to.
 */
(function () {
  'use strict';
  var PROTOCOL = 'weft-link-emulator/1';
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));

  function startRequest(token, fields) {
    return fetch('/weft/link/session/start', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(fields || { link_token: token }),
      credentials: 'same-origin',
      cache: 'no-store'
    });
  }

  if (window.parent === window) {
    var hosted = params.get('hosted');
    if (hosted) {
      window.WeftLinkBoot = { hosted: hosted, token: '',
        response: startRequest('', { hosted_link_id: hosted }) };
    }
    return;
  }

  if (params.get('spare') !== '1') {
    var token = params.get('token');
    if (token) window.WeftLinkBoot = { token: token, response: startRequest(token) };
    return;
  }

  var hostOrigin = params.get('origin');
  var ancestors = location.ancestorOrigins;
  if (!hostOrigin || (ancestors && ancestors.length && ancestors[0] !== hostOrigin)) return;
  // configured: the host's configure arrived; then handlerId, token and (for a token) response.
  var boot = window.WeftLinkBoot = { spare: true, configured: false, handlerId: '', token: '',
    receivedRedirectUri: '', response: null, onConfigure: null };

  function onMessage(event) {
    var data = event.data;
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    if (!data || typeof data !== 'object' || data.protocol !== PROTOCOL || data.type !== 'configure') return;
    if (typeof data.handlerId !== 'string' || !data.handlerId) return;
    window.removeEventListener('message', onMessage); // only once
    var payload = data.payload && typeof data.payload === 'object' ? data.payload : {};
    boot.handlerId = data.handlerId;
    boot.token = typeof payload.token === 'string' ? payload.token : '';
    boot.receivedRedirectUri = typeof payload.received_redirect_uri === 'string' ? payload.received_redirect_uri : '';
    if (boot.token) boot.response = startRequest(boot.token);
    boot.configured = true;
    if (typeof boot.onConfigure === 'function') boot.onConfigure();
  }

  window.addEventListener('message', onMessage);
  window.parent.postMessage({ protocol: PROTOCOL, handlerId: null, type: 'ready', payload: {} },
    hostOrigin === 'null' ? '*' : hostOrigin);
})();
