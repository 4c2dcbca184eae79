#pragma once

#include <QString>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>

namespace weft {

// Link's frame is another site than the host page (cross-origin): neither the host page nor a
// test can reach into it, and QtWebEngine 6.4 runs scripts in the main frame only. Tests drive
// it through a small test-only driver, injected into every frame of the page before it loads
// (installFrameDriver): the main frame posts code to a frame, the frame evaluates it and posts
// the value back. The product never has it: it lives with the tests. (weft-bench drives
// Link's frame of the real weft over DevTools instead.)
inline QString frameDriverSource()
{
    return QStringLiteral(R"JS(
(function () {
  if (window.__weftDriverInstalled) return;
  window.__weftDriverInstalled = true;
  if (window.top !== window) {
    window.addEventListener('message', function (event) {
      var d = event.data;
      if (!d || d.__weftDriverEval !== true || event.source !== window.parent) return;
      var reply = { __weftDriverReply: true, id: d.id };
      try { reply.value = (0, eval)(d.code); } catch (e) { reply.error = String(e); }
      try { window.parent.postMessage(reply, '*'); }
      catch (e) { reply.value = String(reply.value); window.parent.postMessage(reply, '*'); }
    });
    return;
  }
  var pending = {}, byId = {}, seq = 0;
  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || d.__weftDriverReply !== true) return;
    var key = byId[d.id];
    delete byId[d.id];
    if (key !== undefined && pending[key] && pending[key].id === d.id) {
      pending[key].done = true;
      pending[key].value = d.value;
      pending[key].error = d.error;
    }
  });
  window.__weftDriver = {
    // The frame's answer to code, once it has come (undefined until then); sends code again
    // only after an answer was taken, or after ten seconds without one (the frame was
    // replaced before it answered).
    ask: function (selector, code) {
      var key = selector + '\u0000' + code;
      var entry = pending[key];
      if (entry && entry.done) {
        delete pending[key];
        return entry.error !== undefined ? { error: entry.error } : { value: entry.value };
      }
      if (entry && Date.now() - entry.sent < 10000) return undefined;
      var frame = document.querySelector(selector);
      if (!frame || !frame.contentWindow) return undefined;
      var id = ++seq;
      pending[key] = { id: id, sent: Date.now(), done: false };
      byId[id] = key;
      frame.contentWindow.postMessage({ __weftDriverEval: true, id: id, code: code }, '*');
      return undefined;
    }
  };
})();
)JS");
}

inline void installFrameDriver(QWebEnginePage *page)
{
    QWebEngineScript script;
    script.setName(QStringLiteral("weft-test-frame-driver"));
    script.setSourceCode(frameDriverSource());
    script.setInjectionPoint(QWebEngineScript::DocumentCreation);
    script.setWorldId(QWebEngineScript::MainWorld);
    script.setRunsOnSubFrames(true);
    page->scripts().insert(script);
}

} // namespace weft
