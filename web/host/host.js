// Weft's host page for Plaid Link. It holds at most one Link handler, created from the config
// the app sends over the web channel, and relays every Link callback, with its full metadata,
// as one JSON string per call. The app checks each call before believing it.
(function () {
  'use strict';

  var bridge = null;
  var handler = null;
  var handlerId = 0;
  var scripts = {}; // script URL -> Promise

  function send(method, payload) {
    if (bridge) {
      bridge[method](JSON.stringify(payload));
    }
  }

  // Marks on the page's performance timeline, which weft-bench reads over DevTools.
  function mark(name) {
    if (window.performance && performance.mark) {
      performance.mark(name);
    }
  }

  function setStatus(text) {
    var status = document.getElementById('status');
    if (status) {
      status.textContent = text;
    }
  }

  function loadScript(url) {
    if (!scripts[url]) {
      scripts[url] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = url;
        script.async = true;
        script.onload = function () { mark('weft-link-script-evaluated'); resolve(); };
        script.onerror = function () {
          delete scripts[url];
          reject(new Error('could not load ' + url));
        };
        document.head.appendChild(script);
      });
    }
    return scripts[url];
  }

  function destroy() {
    if (handler) {
      try {
        handler.destroy();
      } catch (e) {
        // A handler that cannot be destroyed is gone all the same.
      }
    }
    handler = null;
    handlerId = 0;
  }

  function create(config) {
    destroy();
    var id = config.handler_id;
    handlerId = id;
    setStatus('Preparing Link…');
    loadScript(config.script_url).then(function () {
      if (handlerId !== id) {
        return; // replaced while the script was loading
      }
      if (!window.Plaid || typeof window.Plaid.create !== 'function') {
        throw new Error('the Link script did not define Plaid.create');
      }
      var options = {
        token: config.token,
        onLoad: function () {
          mark('weft-link-onload');
          setStatus('');
          send('loaded', { handler_id: id });
        },
        onSuccess: function (publicToken, metadata) {
          send('succeeded', { handler_id: id, public_token: publicToken, metadata: metadata });
        },
        onExit: function (error, metadata) {
          send('exited', { handler_id: id, error: error || null, metadata: metadata || {} });
        },
        onEvent: function (eventName, metadata) {
          send('eventOccurred', { handler_id: id, event_name: eventName, metadata: metadata || {} });
        }
      };
      if (config.received_redirect_uri) {
        options.receivedRedirectUri = config.received_redirect_uri;
      }
      handler = window.Plaid.create(options);
      mark('weft-link-handler-created');
    }).catch(function (error) {
      if (handlerId === id) {
        setStatus('Link could not start.');
        send('failed', { handler_id: id, message: String(error && error.message || error) });
      }
    });
  }

  function connect() {
    if (typeof QWebChannel === 'undefined' || !window.qt || !qt.webChannelTransport) {
      setStatus('This page runs inside Weft.');
      console.error('Weft host page: the web channel is not available (' +
                    (typeof QWebChannel === 'undefined' ? 'qwebchannel.js did not load' : 'no transport') + ')');
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.weftLink;
      bridge.createRequested.connect(function (json) { create(JSON.parse(json)); });
      bridge.openRequested.connect(function () { if (handler) { handler.open(); } });
      bridge.destroyRequested.connect(destroy);
      send('hostReady', { user_agent: navigator.userAgent });
    });
  }

  window.weftHost = {
    // For tests and diagnostics: the live handler's id (0 when none).
    handlerId: function () { return handlerId; }
  };

  // The app names Link's script in the page's address, so that it loads with the page, while
  // the app is still fetching the link token.
  var early = new URLSearchParams(location.search).get('link_script');
  if (early && /^https?:\/\//.test(early)) {
    loadScript(early).catch(function () { /* create() reports it */ });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', connect);
  } else {
    connect();
  }
}());
