/*
 * Weft Link emulator, inside the Link iframe: wiring. Checks that the frame is embedded by the
 * page named in its URL fragment, starts the session at once (a spare frame: once the host's
 * 'configure' names its handler and token, see link-boot.js), then reports 'loaded', which the
 * host page turns into onLoad, and routes the host's messages, clicks and keys to the flow.
 * The pieces: link-common.js, link-ui.js, link-oauth.js, link-flow.js, link-steps.js.
 */
(function (ns) {
  'use strict';

  var ui = ns.ui;
  var byTestId = ns.byTestId;
  var F = ns.flow;
  var steps = ns.steps;
  var S = F.state;

  function onHostMessage(event) {
    var data = event.data;
    if (event.source !== window.parent || !S.targetOrigin || !S.handlerId) return;
    if (S.targetOrigin !== '*' && event.origin !== S.targetOrigin) return;
    if (!data || typeof data !== 'object' || data.protocol !== ns.PROTOCOL || data.handlerId !== S.handlerId) return;
    if (data.type === 'open') F.onOpen(data.payload && data.payload.institution_id);
    else if (data.type === 'exit') F.requestExit(!!(data.payload && data.payload.force));
  }

  function on(testId, type, handler) {
    byTestId(testId).addEventListener(type, function (event) {
      if (type === 'submit' || type === 'click') event.preventDefault();
      handler(event);
    });
  }

  function onKeyDown(event) {
    if (!S.active) return;
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      if (S.view === 'EXIT') F.cancelExit();
      else if (S.view === 'CONNECTED') F.handoff();
      else F.requestExit(false);
    } else if (event.key === 'Tab') {
      trapFocus(event);
    }
  }

  function trapFocus(event) {
    var card = document.querySelector('.card');
    var focusable = Array.prototype.filter.call(
      card.querySelectorAll('button, input, [tabindex]:not([tabindex="-1"])'),
      function (node) { return !node.disabled && node.offsetParent !== null; });
    if (!focusable.length) return;
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || !card.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !card.contains(document.activeElement))) {
      event.preventDefault();
      first.focus();
    }
  }

  function init() {
    history.replaceState(null, '', location.pathname); // keep the token out of the visible URL
    document.querySelector('[data-role="credentials-form"]').addEventListener('submit', function (event) {
      event.preventDefault();
      steps.submitCredentials();
    });
    document.querySelector('[data-role="mfa-form"]').addEventListener('submit', function (event) {
      event.preventDefault();
      steps.submitMfa();
    });
    document.querySelector('[data-role="accounts-form"]').addEventListener('submit', function (event) {
      event.preventDefault();
      steps.submitAccounts();
    });
    on('consent-continue', 'click', steps.consentContinue);
    on('search-input', 'input', steps.onSearchInput);
    on('connected-continue', 'click', F.handoff);
    on('error-exit', 'click', function () { if (S.view === 'ERROR') F.exitNow(); });
    on('error-try-another', 'click', steps.tryAnother);
    on('exit-confirm', 'click', function () { if (S.view === 'EXIT') F.requestExit(true); });
    on('exit-cancel', 'click', F.cancelExit);
    on('back', 'click', steps.back);
    on('close', 'click', function () {
      if (S.view === 'EXIT') F.requestExit(true);
      else if (S.view === 'CONNECTED') F.handoff();
      else F.requestExit(false);
    });
    on('oauth-continue', 'click', function () { ns.oauth.open(); });
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('message', onHostMessage);
    ui.setAccent(null);

    if (S.hosted) {
      hostedLoad();
      return;
    }
    var embedded = window.parent !== window && (S.spare || S.handlerId) && S.hostOrigin;
    var ancestors = location.ancestorOrigins;
    if (embedded && ancestors && ancestors.length && ancestors[0] !== S.hostOrigin) {
      embedded = false; // the fragment names another page than the one embedding this frame
      console.error('[Plaid Link emulator] the embedding page is not ' + S.hostOrigin);
    }
    var boot = window.WeftLinkBoot;
    if (embedded && S.spare && !(boot && boot.spare)) {
      embedded = false; // link-boot.js refused it: it cannot be configured
    }
    if (!embedded) {
      ui.showPane('STANDALONE');
      return;
    }
    if (S.hostOrigin === 'null') {
      console.warn('[Plaid Link emulator] the host page has an opaque origin: messages go to "*"');
    }
    S.targetOrigin = S.hostOrigin === 'null' ? '*' : S.hostOrigin;
    if (!S.spare) {
      load();
    } else if (boot.configured) {
      configured(boot);
    } else {
      boot.onConfigure = function () { configured(boot); };
    }
  }

  /** A spare frame got its handler (link-boot.js checked the host's 'configure'). */
  function configured(boot) {
    boot.onConfigure = null;
    S.handlerId = boot.handlerId;
    S.token = boot.token;
    S.receivedRedirectUri = boot.receivedRedirectUri || '';
    load();
  }

  /** A Hosted Link page: the whole window is Link, opened as soon as the session starts. */
  function hostedLoad() {
    document.documentElement.classList.add('hosted');
    F.startSession().then(function (outcome) {
      S.boot = outcome;
      F.onOpen();
    });
  }

  /** Starts the session (already requested by link-boot.js), then reports 'loaded'. */
  function load() {
    F.startSession().then(function (outcome) {
      S.boot = outcome;
      F.postToHost('loaded', {});
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})(window.WeftLink = window.WeftLink || {});
