/*
 * Weft Link emulator, the frame's first script: starts the Link session (POST
 * /weft/link/session/start) the moment the frame begins to load, so that the answer arrives
 * while the frame's other files load instead of after them. link-flow.js picks the answer up.
 */
(function () {
  'use strict';
  if (window.parent === window) return;
  var token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (!token) return;
  window.WeftLinkBoot = {
    token: token,
    response: fetch('/weft/link/session/start', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ link_token: token }),
      credentials: 'same-origin',
      cache: 'no-store'
    })
  };
})();
