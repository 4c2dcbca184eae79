// A plain web page using Link's public API the way Plaid's migration guide shows: a token from
// the app's server, Plaid.create, and on INVALID_LINK_TOKEN destroy() then a new handler.
// The test hands out link tokens through window.testTokens instead of a server.
window.testTokens = [];
window.calls = [];
window.tokenFetches = 0;

function fetchLinkToken() {
  window.tokenFetches += 1;
  return Promise.resolve(window.testTokens.shift());
}

function record(name, args) {
  window.calls.push({ name: name, args: JSON.parse(JSON.stringify(args)) });
}

window.startLink = async function (recreateOnInvalidToken) {
  const configs = {
    token: await fetchLinkToken(),
    onLoad: function () { record('onLoad', []); },
    onSuccess: function (publicToken, metadata) { record('onSuccess', [publicToken, metadata]); },
    onEvent: function (name, metadata) { record('onEvent', [name, metadata]); },
    onExit: async function (err, metadata) {
      record('onExit', [err, metadata]);
      if (recreateOnInvalidToken && err != null && err.error_code === 'INVALID_LINK_TOKEN') {
        window.linkHandler.destroy();
        window.linkHandler = Plaid.create({ ...configs, token: await fetchLinkToken() });
      }
    }
  };
  window.linkHandler = Plaid.create(configs);
  document.getElementById('link-button').onclick = function () { window.linkHandler.open(); };
};

window.countCalls = function (name) {
  return window.calls.filter(function (c) { return c.name === name; }).length;
};
