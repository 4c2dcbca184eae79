/*
 * Weft Link emulator: the sandbox-mode stand-in for Plaid's link-initialize.js.
 *
 * Exposes window.Plaid.create(config) with Plaid's documented web API. Each handler owns one
 * hidden full-viewport iframe (link.html, served from the emulator's origin) that runs the Link
 * UI; the two talk only through postMessage with explicit target origins. See README.md beside
 * this file for the protocol.
 *
 * To take the frame's load off the critical path, evaluating this script starts one "spare"
 * frame at once (no token, no handler); the first Plaid.create adopts it and hands it the token
 * with a 'configure' message, instead of loading a frame only then.
 */
(function () {
  'use strict';

  var PROTOCOL = 'weft-link-emulator/1';

  if (window.Plaid && window.Plaid.__weftLinkEmulator) {
    return; // loaded twice: keep the first instance and its handlers
  }

  // Where this script came from decides where the Link iframe lives.
  var scriptSrc = (document.currentScript && document.currentScript.src) || (function () {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/link-initialize\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i].src;
    }
    return location.href;
  })();
  var scriptUrl = new URL(scriptSrc, location.href);
  var EMULATOR_ORIGIN = scriptUrl.origin;
  var LINK_URL = new URL('link.html', scriptUrl).href;

  var handlers = Object.create(null); // handler id -> Handler
  var handlerCount = 0;
  var idPrefix = randomId();
  var listening = false;
  // The spare frame, from this script's evaluation until it is adopted and ready (or dropped):
  // {iframe, ready (it said 'ready': it takes 'configure'), handler (the one that adopted it)}.
  var spare = null;

  function randomId() {
    var bytes = new Uint8Array(6);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join('');
  }

  function warn(message) {
    if (window.console && console.warn) console.warn('[Plaid Link emulator] ' + message);
  }

  function callSafely(callback, args) {
    if (typeof callback !== 'function') return;
    try {
      callback.apply(null, args);
    } catch (error) {
      if (window.console && console.error) console.error(error);
    }
  }

  function onWindowMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.protocol !== PROTOCOL) return;
    if (event.origin !== EMULATOR_ORIGIN) return;
    if (data.type === 'ready') {
      if (spare && !spare.ready && spare.iframe.contentWindow === event.source) onSpareReady();
      return;
    }
    var handler = typeof data.handlerId === 'string' ? handlers[data.handlerId] : undefined;
    if (!handler || !handler.iframe || event.source !== handler.iframe.contentWindow) return;
    handler.receive(data);
  }

  function listen() {
    if (!listening) {
      window.addEventListener('message', onWindowMessage, false);
      listening = true;
    }
  }

  function unlistenIfIdle() {
    if (listening && !spare && Object.keys(handlers).length === 0) {
      window.removeEventListener('message', onWindowMessage, false);
      listening = false;
    }
  }

  function whenBodyReady(callback) {
    if (document.body) {
      callback();
    } else {
      document.addEventListener('DOMContentLoaded', function ready() {
        document.removeEventListener('DOMContentLoaded', ready);
        callback();
      });
    }
  }

  function Handler(config) {
    this.config = config;
    this.id = 'plaid-link-' + idPrefix + '-' + (++handlerCount);
    this.iframe = null;
    this.loaded = false;      // the iframe reported 'loaded' (onLoad fired)
    this.isOpen = false;      // the overlay is showing a session
    this.openPending = false; // open() before onLoad
    this.destroyed = false;
    this.outbox = [];
    this.restoreFocus = null;
  }

  /** A hidden Link iframe for link.html#<fragment>; not in the document yet. */
  function newFrame(fragment) {
    var iframe = document.createElement('iframe');
    iframe.title = 'Plaid Link';
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    // Identity verification's photo step needs the camera in Link's frame; the embedding app
    // still decides whether the person is asked at all.
    iframe.setAttribute('allow', 'camera');
    iframe.setAttribute('aria-hidden', 'true');
    var style = iframe.style;
    style.setProperty('position', 'fixed');
    style.setProperty('top', '0');
    style.setProperty('left', '0');
    style.setProperty('width', '100%');
    style.setProperty('height', '100%');
    style.setProperty('border', '0');
    style.setProperty('margin', '0');
    style.setProperty('padding', '0');
    style.setProperty('background', 'transparent');
    style.setProperty('color-scheme', 'normal');
    style.setProperty('z-index', '2147483647');
    style.setProperty('display', 'none');
    iframe.src = LINK_URL + '#' + fragment.toString();
    return iframe;
  }

  function nameFrame(iframe, id) {
    iframe.id = id;
    iframe.name = id;
    iframe.setAttribute('data-weft-link', id);
  }

  /** Starts the spare frame: link.html for this page, before any handler or token exists. */
  function startSpare() {
    var fragment = new URLSearchParams();
    fragment.set('origin', location.origin);
    fragment.set('spare', '1');
    var record = { iframe: newFrame(fragment), ready: false, handler: null };
    spare = record;
    listen(); // for its 'ready'
    whenBodyReady(function () {
      if (record.handler && record.handler.destroyed) return; // adopted, then destroyed already
      document.body.appendChild(record.iframe);
    });
  }

  function onSpareReady() {
    var record = spare;
    record.ready = true;
    if (record.handler) {
      spare = null;
      record.handler.configure();
      replenishSpare();
    }
  }

  // Once a spare is taken, the next one loads in the background, so that a handler created
  // later (a fresh token after INVALID_LINK_TOKEN, a refresh) needs no frame load either. It
  // waits a moment so as not to compete with the session that just started.
  function replenishSpare() {
    setTimeout(function () {
      if (!spare) startSpare();
    }, 100);
  }

  Handler.prototype.mount = function () {
    if (this.destroyed) return;
    var fragment = new URLSearchParams();
    fragment.set('token', this.config.token == null ? '' : String(this.config.token));
    fragment.set('handler_id', this.id);
    fragment.set('origin', location.origin);
    if (this.config.receivedRedirectUri) fragment.set('received_redirect_uri', this.config.receivedRedirectUri);
    var iframe = newFrame(fragment);
    nameFrame(iframe, this.id);
    this.iframe = iframe;
    document.body.appendChild(iframe);
  };

  /** Takes the spare frame instead of loading a new one; configures it once it is ready. */
  Handler.prototype.adopt = function (record) {
    record.handler = this;
    this.iframe = record.iframe;
    nameFrame(this.iframe, this.id);
    if (record.ready) {
      spare = null;
      this.configure();
      replenishSpare();
    }
  };

  /** Hands the (ready) spare frame this handler's id and token. */
  Handler.prototype.configure = function () {
    if (this.destroyed || !this.iframe || !this.iframe.contentWindow) return;
    this.iframe.contentWindow.postMessage({ protocol: PROTOCOL, handlerId: this.id, type: 'configure',
      payload: { token: this.config.token == null ? '' : String(this.config.token),
        received_redirect_uri: this.config.receivedRedirectUri || '' } }, EMULATOR_ORIGIN);
  };

  Handler.prototype.post = function (type, payload) {
    var message = { protocol: PROTOCOL, handlerId: this.id, type: type, payload: payload || {} };
    if (!this.loaded) {
      this.outbox.push(message);
      return;
    }
    if (this.iframe && this.iframe.contentWindow) {
      this.iframe.contentWindow.postMessage(message, EMULATOR_ORIGIN);
    }
  };

  Handler.prototype.show = function () {
    if (!this.iframe) return;
    this.restoreFocus = document.activeElement;
    this.iframe.style.setProperty('display', 'block');
    this.iframe.removeAttribute('aria-hidden');
    try { this.iframe.focus(); } catch (e) { /* not focusable yet */ }
  };

  Handler.prototype.hide = function () {
    if (!this.iframe) return;
    this.iframe.style.setProperty('display', 'none');
    this.iframe.setAttribute('aria-hidden', 'true');
    var previous = this.restoreFocus;
    this.restoreFocus = null;
    if (previous && typeof previous.focus === 'function' && document.contains(previous)) {
      try { previous.focus(); } catch (e) { /* ignore */ }
    }
  };

  Handler.prototype.receive = function (message) {
    if (this.destroyed) return;
    var payload = message.payload || {};
    var config = this.config;
    switch (message.type) {
      case 'loaded':
        if (this.loaded) return;
        this.loaded = true;
        var queued = this.outbox;
        this.outbox = [];
        for (var i = 0; i < queued.length; i++) {
          this.iframe.contentWindow.postMessage(queued[i], EMULATOR_ORIGIN);
        }
        callSafely(config.onLoad, []);
        if (this.openPending && !this.destroyed) {
          this.openPending = false;
          this.open();
        }
        break;
      case 'event':
        if (!this.isOpen) return;
        callSafely(config.onEvent, [String(payload.eventName), payload.metadata || {}]);
        break;
      case 'success':
        if (!this.isOpen) return; // one callback per opened session
        this.isOpen = false;
        this.hide();
        callSafely(config.onSuccess, [payload.public_token, payload.metadata || {}]);
        break;
      case 'exit':
        if (!this.isOpen) return;
        this.isOpen = false;
        this.hide();
        callSafely(config.onExit, [payload.error || null, payload.metadata || {}]);
        break;
      default:
        break;
    }
  };

  Handler.prototype.open = function () {
    if (this.destroyed || this.isOpen) return;
    if (!this.loaded) {
      this.openPending = true;
      return;
    }
    this.isOpen = true;
    this.show();
    this.post('open');
  };

  Handler.prototype.exit = function (options) {
    if (this.destroyed) return;
    var force = !!(options && options.force);
    if (!this.isOpen) {
      if (this.openPending && force) this.openPending = false;
      return;
    }
    this.post('exit', { force: force });
  };

  Handler.prototype.destroy = function () {
    if (this.destroyed) return;
    this.destroyed = true;
    this.isOpen = false;
    this.openPending = false;
    this.outbox = [];
    delete handlers[this.id];
    if (spare && spare.handler === this) spare = null; // adopted but not ready yet: drop it
    if (this.iframe) {
      var wasVisible = this.iframe.style.getPropertyValue('display') !== 'none';
      if (this.iframe.parentNode) this.iframe.parentNode.removeChild(this.iframe);
      this.iframe = null;
      if (wasVisible) {
        var previous = this.restoreFocus;
        this.restoreFocus = null;
        if (previous && typeof previous.focus === 'function' && document.contains(previous)) {
          try { previous.focus(); } catch (e) { /* ignore */ }
        }
      }
    }
    unlistenIfIdle();
  };

  function create(config) {
    if (!config || typeof config !== 'object') {
      throw new TypeError('Plaid.create expects a configuration object');
    }
    if (!config.token) {
      warn('Plaid.create was called without a token: Link will fail with INVALID_LINK_TOKEN');
    }
    if (typeof config.onSuccess !== 'function') {
      warn('Plaid.create was called without an onSuccess callback');
    }
    if (config.receivedRedirectUri != null && typeof config.receivedRedirectUri !== 'string') {
      warn('receivedRedirectUri must be a string: ignored');
    }
    var handler = new Handler({
      token: config.token,
      receivedRedirectUri: typeof config.receivedRedirectUri === 'string' ? config.receivedRedirectUri : '',
      onSuccess: config.onSuccess,
      onExit: config.onExit,
      onEvent: config.onEvent,
      onLoad: config.onLoad
    });
    handlers[handler.id] = handler;
    listen();
    if (spare && !spare.handler) {
      handler.adopt(spare);
    } else {
      whenBodyReady(function () { handler.mount(); });
    }

    return {
      open: function () { handler.open(); },
      exit: function (options) { handler.exit(options); },
      submit: function () {
        warn('submit() is not supported by the Link emulator (no flow here needs it); ignored');
      },
      destroy: function () { handler.destroy(); }
    };
  }

  var Plaid = window.Plaid || {};
  Plaid.create = create;
  Object.defineProperty(Plaid, '__weftLinkEmulator', { value: true });
  window.Plaid = Plaid;
  startSpare();
})();
