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

  var VERSION = '2.0.0-weft.1'; // Plaid.version: this emulator's own, in Plaid's format
  var DEFAULT_LOAD_TIMEOUT_MS = 20000;

  // Where this script came from decides where the Link iframe lives, unless the page says
  // otherwise (see emulatorOrigin below).
  var currentScript = document.currentScript;
  var scriptSrc = (currentScript && currentScript.src) || (function () {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/link-initialize\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i].src;
    }
    return location.href;
  })();
  var scriptUrl = new URL(scriptSrc, location.href);

  /**
   * An option the page gives the emulator: a query parameter on this script's URL
   * (weft_<name>), a data-weft-<name> attribute on its script element, or, for pages that load
   * the script from an address they do not control (react-plaid-link uses Plaid's CDN
   * address), window.WeftLinkEmulatorOptions = {<name>: ...} set before it loads.
   */
  function option(name) {
    var fromQuery = scriptUrl.searchParams.get('weft_' + name);
    if (fromQuery) return fromQuery;
    var attribute = currentScript && currentScript.getAttribute &&
      currentScript.getAttribute('data-weft-' + name.replace(/_/g, '-'));
    if (attribute) return attribute;
    var global = window.WeftLinkEmulatorOptions;
    if (global && typeof global === 'object' && global[name] != null) return String(global[name]);
    return '';
  }

  /** link_origin: where the Link frames live (the sandbox's Link address); http(s) only. */
  function emulatorOrigin() {
    var wanted = option('link_origin');
    if (!wanted) return null;
    try {
      var url = new URL(wanted);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== 'null') {
        return url.origin;
      }
    } catch (e) { /* reported below */ }
    warn('link_origin "' + wanted + '" is not an http(s) origin: ignored');
    return null;
  }

  var overriddenOrigin = emulatorOrigin();
  var EMULATOR_ORIGIN = overriddenOrigin || scriptUrl.origin;
  var LINK_URL = overriddenOrigin
    ? new URL('/link/v2/stable/link.html', overriddenOrigin).href
    : new URL('link.html', scriptUrl).href;
  // load_timeout_ms: how long open() waits for Link's frame before it gives up with onExit.
  var LOAD_TIMEOUT_MS = (function () {
    var ms = parseInt(option('load_timeout_ms'), 10);
    return ms > 0 ? ms : DEFAULT_LOAD_TIMEOUT_MS;
  })();

  var handlers = Object.create(null); // handler id -> Handler
  var handlerCount = 0;
  var idPrefix = randomId();
  var listening = false;
  // The spare frame, from this script's evaluation until it is adopted and ready (or dropped):
  // {iframe, ready (it said 'ready': it takes 'configure'), handler (the one that adopted it)}.
  var spare = null;

  /** A link_session_id for a session that ends before Link's frame could start one. */
  function sessionId() {
    var b = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' +
      hex.slice(16, 20) + '-' + hex.slice(20);
  }

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
    this.openAt = '';         // the institution open() named, for a pending open
    this.destroyed = false;
    this.outbox = [];
    this.restoreFocus = null;
    this.loadTimer = null;    // open() before onLoad: gives up after LOAD_TIMEOUT_MS
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
      if (!spare && Object.keys(handlers).length > 0) startSpare();
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
        this.stopLoadTimer();
        var queued = this.outbox;
        this.outbox = [];
        for (var i = 0; i < queued.length; i++) {
          this.iframe.contentWindow.postMessage(queued[i], EMULATOR_ORIGIN);
        }
        callSafely(config.onLoad, []);
        if (this.openPending && !this.destroyed) {
          this.openPending = false;
          this.open(this.openAt);
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

  /** institutionId (optional): Link skips "Select your bank" for it, as Plaid's open() does. */
  Handler.prototype.open = function (institutionId) {
    if (this.destroyed || this.isOpen) return;
    institutionId = institutionIdOrEmpty(institutionId);
    if (!this.loaded) {
      this.openPending = true;
      this.openAt = institutionId;
      var self = this;
      if (!this.loadTimer) {
        this.loadTimer = setTimeout(function () { self.loadTimedOut(); }, LOAD_TIMEOUT_MS);
      }
      return;
    }
    this.isOpen = true;
    this.show();
    this.post('open', institutionId ? { institution_id: institutionId } : {});
  };

  function institutionIdOrEmpty(value) {
    if (value == null || value === '') return '';
    if (typeof value === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(value)) return value;
    warn('open() takes an institution_id such as "ins_109508": ' + String(value).slice(0, 64) +
      ' ignored');
    return '';
  }

  Handler.prototype.stopLoadTimer = function () {
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.loadTimer = null;
  };

  /** Ends a session that never began (opened before onLoad) with onExit, as Plaid does. */
  Handler.prototype.endPendingOpen = function (error) {
    this.openPending = false;
    this.stopLoadTimer();
    callSafely(this.config.onExit, [error, {
      institution: null,
      status: 'requires_credentials',
      link_session_id: sessionId(),
      request_id: ''
    }]);
  };

  Handler.prototype.loadTimedOut = function () {
    this.loadTimer = null;
    if (this.destroyed || this.loaded || !this.openPending) return;
    warn('Link did not load within ' + LOAD_TIMEOUT_MS + ' ms: ending with onExit');
    this.endPendingOpen({
      error_type: 'API_ERROR',
      error_code: 'INTERNAL_SERVER_ERROR',
      error_message: 'Link could not be loaded: its frame did not load within ' +
        LOAD_TIMEOUT_MS + ' ms',
      display_message: 'Link could not be loaded. Check your internet connection and try again.'
    });
  };

  Handler.prototype.exit = function (options) {
    if (this.destroyed) return;
    var force = !!(options && options.force);
    if (!this.isOpen) {
      // Opened before onLoad: nothing shows yet, so any exit ends it, in onExit.
      if (this.openPending) this.endPendingOpen(null);
      return;
    }
    this.post('exit', { force: force });
  };

  Handler.prototype.destroy = function () {
    if (this.destroyed) return;
    this.destroyed = true;
    this.isOpen = false;
    this.openPending = false;
    this.stopLoadTimer();
    this.outbox = [];
    delete handlers[this.id];
    if (spare && spare.handler === this) spare = null; // adopted but not ready yet: drop it
    // The last handler gone, nothing of Link stays in the page (as with Plaid): no spare frame.
    if (Object.keys(handlers).length === 0 && spare && !spare.handler) {
      if (spare.iframe.parentNode) spare.iframe.parentNode.removeChild(spare.iframe);
      spare = null;
    }
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

  /** Checks a Plaid.create / createEmbedded configuration; a Handler for it, registered. */
  function newHandler(config, callee) {
    if (!config || typeof config !== 'object') {
      throw new TypeError(callee + ' expects a configuration object');
    }
    if (!config.token) {
      warn(callee + ' was called without a token: Link will fail with INVALID_LINK_TOKEN');
    }
    if (typeof config.onSuccess !== 'function') {
      warn(callee + ' was called without an onSuccess callback');
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
    return handler;
  }

  function create(config) {
    var handler = newHandler(config, 'Plaid.create');
    return {
      open: function (institutionId) { handler.open(institutionId); },
      exit: function (options) { handler.exit(options); },
      submit: function () {
        warn('submit() is not supported by the Link emulator (no flow here needs it); ignored');
      },
      destroy: function () { handler.destroy(); }
    };
  }

  /**
   * Embedded Link: the institution search drawn inside the page's own element (domTarget).
   * Picking a bank there opens Link (a handler made with the same configuration, loaded in the
   * background meanwhile) at that bank. onLoad fires when the search is shown; a token Link
   * refuses ends in onExit with the error, and the element says so.
   */
  function Embed(config, target, modal) {
    this.config = config;
    this.modal = modal;
    this.id = 'plaid-embedded-' + idPrefix + '-' + (++handlerCount);
    this.loaded = false;
    this.failed = false;
    this.destroyed = false;
    var fragment = new URLSearchParams();
    fragment.set('token', config.token == null ? '' : String(config.token));
    fragment.set('handler_id', this.id);
    fragment.set('origin', location.origin);
    var iframe = document.createElement('iframe');
    iframe.title = 'Plaid Link: choose your bank';
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    iframe.id = this.id;
    iframe.name = this.id;
    iframe.setAttribute('data-weft-link', this.id);
    ['width:100%', 'height:100%', 'min-height:340px', 'border:0', 'margin:0', 'padding:0',
      'display:block', 'background:transparent'].forEach(function (rule) {
      var parts = rule.split(':');
      iframe.style.setProperty(parts[0], parts[1]);
    });
    iframe.src = new URL('embedded.html', LINK_URL).href + '#' + fragment.toString();
    this.iframe = iframe;
    target.appendChild(iframe);
  }

  Embed.prototype.receive = function (message) {
    if (this.destroyed) return;
    var payload = message.payload || {};
    switch (message.type) {
      case 'loaded':
        if (this.loaded) return;
        this.loaded = true;
        callSafely(this.config.onLoad, []);
        break;
      case 'select':
        if (this.failed) return;
        var institutionId = institutionIdOrEmpty(payload.institution_id);
        if (institutionId) this.modal.open(institutionId);
        break;
      case 'failed':
        if (this.failed) return;
        this.failed = true;
        callSafely(this.config.onExit, [publicError(payload.error), {
          institution: null,
          status: 'requires_credentials',
          link_session_id: typeof payload.link_session_id === 'string' ? payload.link_session_id : sessionId(),
          request_id: typeof payload.request_id === 'string' ? payload.request_id : ''
        }]);
        break;
      default:
        break;
    }
  };

  Embed.prototype.destroy = function () {
    if (this.destroyed) return;
    this.destroyed = true;
    delete handlers[this.id];
    if (this.iframe && this.iframe.parentNode) this.iframe.parentNode.removeChild(this.iframe);
    this.iframe = null;
    this.modal.destroy();
    unlistenIfIdle();
  };

  /** The error a frame reported, as the four documented fields (anything else: an API_ERROR). */
  function publicError(error) {
    var valid = error && typeof error === 'object' && typeof error.error_type === 'string' &&
      typeof error.error_code === 'string' && typeof error.error_message === 'string';
    if (!valid) {
      return { error_type: 'API_ERROR', error_code: 'INTERNAL_SERVER_ERROR',
        error_message: 'Link could not start', display_message: null };
    }
    return { error_type: error.error_type, error_code: error.error_code,
      error_message: error.error_message,
      display_message: typeof error.display_message === 'string' ? error.display_message : null };
  }

  function createEmbedded(config, domTarget) {
    if (!domTarget || typeof domTarget.appendChild !== 'function' || domTarget.nodeType !== 1) {
      throw new TypeError('Plaid.createEmbedded expects an element to draw Link in');
    }
    var modalConfig = {};
    Object.keys(config || {}).forEach(function (key) {
      if (key !== 'onLoad') modalConfig[key] = config[key]; // onLoad is the search's
    });
    var modal = newHandler(config && typeof config === 'object' ? modalConfig : config,
      'Plaid.createEmbedded');
    var embed = new Embed(config, domTarget, modal);
    handlers[embed.id] = embed;
    return {
      destroy: function () { embed.destroy(); }
    };
  }

  var Plaid = window.Plaid || {};
  Plaid.create = create;
  Plaid.createEmbedded = createEmbedded;
  Plaid.version = VERSION;
  Object.defineProperty(Plaid, '__weftLinkEmulator', { value: true });
  window.Plaid = Plaid;
  startSpare();
})();
