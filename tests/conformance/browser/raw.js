// A page that uses Plaid's raw web API, window.Plaid, as Plaid's docs show it (loaded by
// ../browser-flow.mjs next to the emulator's link-initialize.js). makeHandler() records every
// callback in window.record for the driver to check.
window.record = { loads: 0, successes: [], exits: [], events: [] };

window.makeHandler = function (token) {
  return window.Plaid.create({
    token: token,
    onLoad: function () { window.record.loads++; },
    onSuccess: function (publicToken, metadata) { window.record.successes.push([publicToken, metadata]); },
    onExit: function (error, metadata) { window.record.exits.push([error, metadata]); },
    onEvent: function (eventName, metadata) { window.record.events.push([eventName, metadata]); },
  });
};
