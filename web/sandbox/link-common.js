/*
 * Weft Link emulator, inside the Link iframe: shared constants, DOM helpers and the calls to
 * the sandbox's Link session routes. Loaded before link-ui.js and link.js.
 */
(function (ns) {
  'use strict';

  ns.PROTOCOL = 'weft-link-emulator/1';
  ns.OAUTH_PROTOCOL = 'weft-link-emulator-oauth/1';
  ns.ROUTES = {
    start: '/weft/link/session/start',
    login: '/weft/link/session/login',
    complete: '/weft/link/session/complete',
    exit: '/weft/link/session/exit',
    oauth: '/weft/link/session/oauth',
    oauthResume: '/weft/link/session/oauth-resume'
  };
  ns.REQUEST_TIMEOUT_MS = 30000;

  /** The first element with this data-testid. */
  ns.byTestId = function (testId, root) {
    return (root || document).querySelector('[data-testid="' + testId + '"]');
  };

  /** Every element with this data-role. */
  ns.byRole = function (role, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll('[data-role="' + role + '"]'));
  };

  /** Sets the text of every element with this data-role. */
  ns.setRoleText = function (role, text) {
    ns.byRole(role).forEach(function (node) { node.textContent = text; });
  };

  /** Creates an element: el('div', {className: 'x', 'data-testid': 'y'}, [children]). */
  ns.el = function (tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'className') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  };

  ns.uuid = function () {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); });
    return hex.slice(0, 4).join('') + '-' + hex.slice(4, 6).join('') + '-' + hex.slice(6, 8).join('') +
      '-' + hex.slice(8, 10).join('') + '-' + hex.slice(10).join('');
  };

  /** Parses "#a=b&c=d" into a plain object. */
  ns.fragmentParams = function (hash) {
    var params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
    var result = {};
    params.forEach(function (value, key) { result[key] = value; });
    return result;
  };

  /** A Plaid error object as Link hands it to onExit (the four documented fields). */
  ns.publicError = function (error) {
    if (!error) return null;
    return {
      error_type: error.error_type,
      error_code: error.error_code,
      error_message: error.error_message,
      display_message: error.display_message === undefined ? null : error.display_message
    };
  };

  function makeError(type, code, message, requestId) {
    return {
      error_type: type,
      error_code: code,
      error_message: message,
      display_message: null,
      request_id: requestId || null
    };
  }

  /** Thrown by ns.post: error.plaid is a Plaid error object. */
  function SessionError(plaid) {
    this.name = 'SessionError';
    this.message = plaid.error_code + ': ' + plaid.error_message;
    this.plaid = plaid;
  }
  SessionError.prototype = Object.create(Error.prototype);
  SessionError.prototype.constructor = SessionError;
  ns.SessionError = SessionError;

  /** The Plaid error a failed step carries; a bug in the emulator becomes an API_ERROR. */
  ns.plaidErrorOf = function (failure) {
    if (failure && failure.plaid) return failure.plaid;
    if (window.console) console.error('[Plaid Link emulator]', failure);
    return makeError('API_ERROR', 'INTERNAL_SERVER_ERROR', 'the Link emulator failed: ' +
      (failure && failure.message ? failure.message : String(failure)));
  };

  function normalizeError(json, status) {
    if (json && typeof json === 'object' && typeof json.error_code === 'string') {
      return {
        error_type: String(json.error_type || 'API_ERROR'),
        error_code: json.error_code,
        error_message: String(json.error_message || ''),
        display_message: typeof json.display_message === 'string' ? json.display_message : null,
        request_id: typeof json.request_id === 'string' ? json.request_id : null
      };
    }
    var detail = json && typeof json.error === 'string' ? ': ' + json.error : '';
    if (status === 429) {
      return makeError('RATE_LIMIT_EXCEEDED', 'RATE_LIMIT', 'rate limit exceeded' + detail);
    }
    return makeError('API_ERROR', 'INTERNAL_SERVER_ERROR',
      'the sandbox answered HTTP ' + status + ' without a Plaid error' + detail);
  }

  /**
   * POSTs JSON to one of the session routes. Resolves with the answer; rejects with a
   * SessionError carrying a Plaid error object (the sandbox's, or one made up for a network
   * failure, a time-out or an answer that is not JSON). `started`, when given, is that request
   * already sent (see link-boot.js).
   */
  ns.post = function (path, body, started) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, ns.REQUEST_TIMEOUT_MS) : 0;
    var status = 0;
    return (started || fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    })).then(function (response) {
      status = response.status;
      return response.text();
    }, function (failure) {
      var timedOut = failure && failure.name === 'AbortError';
      throw new SessionError(makeError('API_ERROR', 'INTERNAL_SERVER_ERROR', timedOut
        ? 'the sandbox did not answer within ' + ns.REQUEST_TIMEOUT_MS / 1000 + ' seconds'
        : 'the Link emulator could not reach the sandbox'));
    }).then(function (text) {
      clearTimeout(timer);
      var json = null;
      try { json = JSON.parse(text); } catch (e) { json = null; }
      if (status >= 200 && status < 300 && json && typeof json === 'object' && !Array.isArray(json)) {
        return json;
      }
      throw new SessionError(normalizeError(json, status));
    }, function (failure) {
      clearTimeout(timer);
      throw failure instanceof SessionError ? failure : new SessionError(makeError('API_ERROR',
        'INTERNAL_SERVER_ERROR', 'the sandbox\'s answer could not be read'));
    });
  };

  /** Calls fn at most once per `wait` ms of quiet; .flush() runs a pending call now. */
  ns.debounce = function (fn, wait) {
    var timer = null;
    var pending = false;
    function debounced() {
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(run, wait);
    }
    function run() {
      clearTimeout(timer);
      timer = null;
      if (!pending) return;
      pending = false;
      fn();
    }
    debounced.flush = run;
    debounced.cancel = function () { clearTimeout(timer); timer = null; pending = false; };
    return debounced;
  };
})(window.WeftLink = window.WeftLink || {});
