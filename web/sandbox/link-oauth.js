/*
 * Weft Link emulator, inside the Link iframe: the OAuth popup. Desktop Link opens the bank's
 * login page in a popup; here that page is oauth.html (same origin as this frame). It reports
 * back through window.opener.postMessage, checked for origin, source and the per-popup state.
 * With a redirect_uri on the link token, the bank's page opens without an opener (the app may
 * send it to the system browser) and comes back by redirect: redirect_uri?oauth_state_id=...,
 * which the app hands to a new handler as receivedRedirectUri. Protocol: README.md.
 */
(function (ns) {
  'use strict';

  var byTestId = ns.byTestId;
  var POLL_MS = 400;
  var WIDTH = 460;
  var HEIGHT = 640;

  var popup = null;   // the window opened for this attempt
  var state = null;   // random per attempt; the popup must echo it
  var timer = null;

  function stopWatching() {
    clearInterval(timer);
    timer = null;
    byTestId('oauth-waiting').hidden = true;
  }

  function forget() {
    stopWatching();
    var opened = popup;
    popup = null;
    state = null;
    return opened;
  }

  function features() {
    var left = Math.max(0, Math.round((window.screenX || 0) + ((window.outerWidth || WIDTH) - WIDTH) / 2));
    var top = Math.max(0, Math.round((window.screenY || 0) + ((window.outerHeight || HEIGHT) - HEIGHT) / 2));
    return 'width=' + WIDTH + ',height=' + HEIGHT + ',left=' + left + ',top=' + top +
      ',resizable=yes,scrollbars=yes';
  }

  function watch() {
    if (popup && popup.closed) {
      forget();
      ns.steps.oauthAbandoned();
    }
  }

  /**
   * OAuth by redirect: a state for this sign-in, then the bank's page with it, in a window of
   * its own (an app may send it to the system browser, so window.open's answer says nothing).
   * The way back is the redirect, not this frame.
   */
  function openForRedirect() {
    var steps = ns.steps;
    var institution = steps.institution();
    byTestId('oauth-continue').disabled = true;
    ns.flow.call(ns.ROUTES.oauth, Object.assign(ns.flow.tokenFields(), {
      link_session_id: ns.state.sessionId,
      institution_id: institution.institution_id
    })).then(function (answer) {
      byTestId('oauth-continue').disabled = false;
      var url = new URL('oauth.html', location.href);
      url.hash = new URLSearchParams({ oauth_state_id: answer.oauth_state_id }).toString();
      try {
        window.open(url.href, '_blank');
      } catch (e) { /* the waiting text says what to do */ }
      ns.ui.setMessage('oauth-error', '');
      byTestId('oauth-waiting').hidden = false;
      steps.emit('OPEN_OAUTH');
    }).catch(ns.flow.ignoreStale).catch(function (failure) {
      byTestId('oauth-continue').disabled = false;
      ns.flow.fail(ns.plaidErrorOf(failure));
    });
  }

  ns.oauth = {
    /** Opens the bank's login page (a click on oauth-continue). */
    open: function () {
      var steps = ns.steps;
      if (!steps.isOAuthView()) return;
      if (ns.state.session && ns.state.session.redirect_uri) {
        openForRedirect();
        return;
      }
      if (popup && !popup.closed) {
        try { popup.focus(); } catch (e) { /* ignore */ }
        return;
      }
      var institution = steps.institution();
      state = ns.uuid();
      var url = new URL('oauth.html', location.href);
      url.hash = new URLSearchParams({ state: state, institution_id: institution.institution_id }).toString();
      var opened = null;
      try {
        opened = window.open(url.href, 'weft-link-oauth-' + state, features());
      } catch (e) {
        opened = null;
      }
      if (!opened) {
        state = null;
        ns.ui.setMessage('oauth-error', 'The login window could not be opened. Allow pop-up windows ' +
          'for this app, then try again.');
        return;
      }
      popup = opened;
      ns.ui.setMessage('oauth-error', '');
      byTestId('oauth-waiting').hidden = false;
      steps.emit('OPEN_OAUTH');
      timer = setInterval(watch, POLL_MS);
    },

    /** Closes the popup without reporting anything (the session ended or the user went back). */
    close: function () {
      var opened = forget();
      if (opened && !opened.closed) {
        try { opened.close(); } catch (e) { /* ignore */ }
      }
    }
  };

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!popup || event.source !== popup || event.origin !== location.origin) return;
    if (!data || typeof data !== 'object' || data.protocol !== ns.OAUTH_PROTOCOL || data.state !== state) return;
    if (data.type === 'ready') {
      var institution = ns.steps.institution() || {};
      popup.postMessage({
        protocol: ns.OAUTH_PROTOCOL,
        state: state,
        type: 'init',
        client_name: ns.steps.clientName(),
        institution: {
          institution_id: institution.institution_id,
          name: institution.name,
          url: institution.url,
          primary_color: institution.primary_color,
          logo: institution.logo
        }
      }, location.origin);
    } else if (data.type === 'result') {
      var opened = forget();
      if (opened && !opened.closed) {
        try { opened.close(); } catch (e) { /* it closes itself too */ }
      }
      if (data.authorized === true) ns.steps.oauthAuthorized();
      else ns.steps.oauthAbandoned();
    }
  });

  window.addEventListener('pagehide', function () { ns.oauth.close(); });
})(window.WeftLink = window.WeftLink || {});
