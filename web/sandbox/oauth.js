/*
 * Weft Link emulator: the sandbox bank's OAuth page, opened by the Link frame in a popup.
 * It asks its opener for the institution (checked: same origin, the opener window, the state
 * from the URL fragment), and reports Authorize or Cancel back the same way, then closes.
 *
 * OAuth by redirect (#oauth_state_id=...): no opener; the page asks the sandbox what the
 * sign-in is for, tells it the answer, and goes to the app's redirect_uri?oauth_state_id=...
 */
(function () {
  'use strict';

  var PROTOCOL = 'weft-link-emulator-oauth/1';
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var state = params.get('state') || '';
  var oauthStateId = params.get('oauth_state_id') || '';
  var opener = window.opener;
  var reported = false;

  function byTestId(id) {
    return document.querySelector('[data-testid="' + id + '"]');
  }

  function setRoleText(role, text) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-role="' + role + '"]'),
      function (node) { node.textContent = text; });
  }

  function showError(text) {
    var node = byTestId('oauth-page-error');
    node.textContent = text;
    node.hidden = false;
    byTestId('oauth-authorize').disabled = true;
  }

  function send(message) {
    if (!opener || opener.closed) return false;
    message.protocol = PROTOCOL;
    message.state = state;
    opener.postMessage(message, location.origin);
    return true;
  }

  function contrast(hex) {
    var value = hex.slice(1);
    if (value.length === 3) value = value.replace(/./g, '$&$&');
    var r = parseInt(value.slice(0, 2), 16);
    var g = parseInt(value.slice(2, 4), 16);
    var b = parseInt(value.slice(4, 6), 16);
    return (0.299 * r + 0.587 * g + 0.114 * b) > 160 ? '#111111' : '#ffffff';
  }

  function render(institution, clientName) {
    var name = String(institution.name || 'Your bank');
    setRoleText('bank-name', name);
    setRoleText('client-name', clientName ? String(clientName) : 'An app');
    document.title = 'Log in to ' + name + ' (Weft sandbox)';
    var color = institution.primary_color;
    if (typeof color === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
      document.documentElement.style.setProperty('--bank', color);
      document.documentElement.style.setProperty('--bank-contrast', contrast(color));
    }
    var logoSlot = document.querySelector('[data-role="bank-logo"]');
    logoSlot.textContent = '';
    if (typeof institution.logo === 'string' && /^[A-Za-z0-9+/=]+$/.test(institution.logo)) {
      var img = document.createElement('img');
      img.alt = '';
      img.src = 'data:image/png;base64,' + institution.logo;
      logoSlot.appendChild(img);
    } else {
      var monogram = document.createElement('span');
      monogram.className = 'monogram';
      monogram.textContent = name.charAt(0).toUpperCase();
      logoSlot.appendChild(monogram);
    }
    try {
      setRoleText('bank-url', institution.url ? new URL(institution.url).host : '');
    } catch (e) {
      setRoleText('bank-url', '');
    }
  }

  function post(route, body) {
    return fetch('/weft/link/session/' + route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json && json.error_message ? json.error_message : 'refused');
        return json;
      });
    });
  }

  /** OAuth by redirect: the answer goes to the sandbox, the browser to the app. */
  function answerByRedirect(authorized) {
    if (reported) return;
    reported = true;
    byTestId('oauth-authorize').disabled = true;
    byTestId('oauth-cancel').disabled = true;
    post('oauth-authorize', { oauth_state_id: oauthStateId, authorized: authorized })
      .then(function (answer) {
        setRoleText('redirect-note', 'Returning you to the app…');
        location.assign(answer.redirect);
      }, function (failure) {
        showError('This sign-in cannot be answered: ' + failure.message + '. Go back to the app ' +
          'and start again.');
      });
  }

  function initForRedirect() {
    byTestId('oauth-authorize').addEventListener('click', function () { answerByRedirect(true); });
    byTestId('oauth-cancel').addEventListener('click', function () { answerByRedirect(false); });
    post('oauth-info', { oauth_state_id: oauthStateId }).then(function (info) {
      if (!info.pending) {
        showError('This sign-in was answered already. Go back to the app.');
        return;
      }
      render(info.institution || {}, info.client_name);
      byTestId('oauth-authorize').focus();
    }, function (failure) {
      showError('This sign-in cannot be used: ' + failure.message + '. Go back to the app and ' +
        'start again.');
    });
  }

  function report(authorized) {
    if (reported) return;
    if (!send({ type: 'result', authorized: authorized })) {
      showError('Plaid Link is no longer waiting for this window. Close it and start again.');
      return;
    }
    reported = true;
    window.close();
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!opener || event.source !== opener || event.origin !== location.origin) return;
    if (!data || typeof data !== 'object' || data.protocol !== PROTOCOL || data.state !== state) return;
    if (data.type === 'init' && data.institution && typeof data.institution === 'object') {
      render(data.institution, data.client_name);
    }
  });

  function init() {
    history.replaceState(null, '', location.pathname);
    if (oauthStateId) {
      initForRedirect();
      return;
    }
    byTestId('oauth-authorize').addEventListener('click', function () { report(true); });
    byTestId('oauth-cancel').addEventListener('click', function () { report(false); });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' || event.key === 'Esc') report(false);
    });
    if (!opener || !state) {
      showError('This page is the sandbox bank\'s login page: it opens from Plaid Link.');
      return;
    }
    send({ type: 'ready' });
    byTestId('oauth-authorize').focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
