/*
 * Weft Link emulator, Embedded Link (embedded.html): the institution search that
 * Plaid.createEmbedded draws in the host page's own element. It starts a Link session with the
 * token to learn which banks to offer (link-boot.js sent that request while the frame loaded),
 * then reports 'loaded'; a bank the user picks goes to the host as 'select' {institution_id},
 * and the host opens Link at that bank. A token the sandbox refuses is reported as 'failed'
 * {error, link_session_id, request_id}. Messages go only to window.parent, at the origin the
 * fragment names, which must also be the embedding page's.
 */
(function (ns) {
  'use strict';

  var params = ns.fragmentParams(location.hash);
  var handlerId = params.handler_id || '';
  var hostOrigin = params.origin || '';
  var token = params.token || '';
  var targetOrigin = null;
  var institutions = [];

  function postToHost(type, payload) {
    if (!targetOrigin) return;
    window.parent.postMessage({ protocol: ns.PROTOCOL, handlerId: handlerId, type: type,
      payload: payload || {} }, targetOrigin);
  }

  function setStatus(text) {
    var status = ns.byTestId('embedded-status');
    status.textContent = text;
    status.hidden = !text;
  }

  function render() {
    var query = ns.byTestId('search-input').value;
    ns.ui.renderInstitutions(institutions, query, function (institution) {
      postToHost('select', { institution_id: institution.institution_id });
    });
  }

  function showSearch(session) {
    // An update-mode token names the Item's bank only: that one is offered.
    institutions = Array.isArray(session.institutions) ? session.institutions
      : session.institution ? [session.institution] : [];
    ns.byTestId('embedded-search').hidden = false;
    setStatus('');
    render();
  }

  function showFailure(error) {
    setStatus(error.display_message || 'Link could not start. Try again later.');
  }

  function embeddedByHost() {
    if (window.parent === window || !handlerId || !hostOrigin) return false;
    var ancestors = location.ancestorOrigins;
    return !(ancestors && ancestors.length && ancestors[0] !== hostOrigin);
  }

  function init() {
    history.replaceState(null, '', location.pathname); // keep the token out of the visible URL
    var main = document.querySelector('.embedded');
    if (!embeddedByHost()) {
      setStatus('This page runs inside the element given to Plaid.createEmbedded().');
      main.setAttribute('aria-busy', 'false');
      return;
    }
    targetOrigin = hostOrigin === 'null' ? '*' : hostOrigin;
    ns.byTestId('search-input').addEventListener('input', render);
    var boot = window.WeftLinkBoot;
    window.WeftLinkBoot = null;
    var started = boot && boot.token === token ? boot.response : null;
    ns.post(ns.ROUTES.start, { link_token: token }, started).then(function (session) {
      main.setAttribute('aria-busy', 'false');
      showSearch(session);
      postToHost('loaded', {});
    }, function (failure) {
      main.setAttribute('aria-busy', 'false');
      var error = ns.plaidErrorOf(failure);
      showFailure(error);
      postToHost('loaded', {});
      postToHost('failed', { error: ns.publicError(error), link_session_id: ns.uuid(),
        request_id: error.request_id || '' });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})(window.WeftLink = window.WeftLink || {});
