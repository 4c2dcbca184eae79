#include "LinkFrames.h"

#include "ChromiumTimeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

// Helpers for driving the emulator's panes: wait for a view, then act in it.
const char kStepHelpers[] = R"JS(
  var d = document;
  function q(id) { return d.querySelector('[data-testid="' + id + '"]'); }
  function step(view, act) {
    return new Promise(function (resolve) {
      (function poll() {
        if (d.body.dataset.view === view) { act(); resolve(); } else { setTimeout(poll, 5); }
      })();
    });
  }
  function type(id, value) {
    var e = q(id); e.value = value; e.dispatchEvent(new Event('input', {bubbles: true}));
  }
)JS";

QString emulatorScript(const char *steps)
{
    return QStringLiteral("(function () {") + QLatin1StringView(kStepHelpers) +
           QLatin1StringView(steps) + QStringLiteral("\nreturn 'started'; })()");
}

} // namespace

QString forceInvalidTokenScript()
{
    return emulatorScript(R"JS(
  step('CONSENT', function () { q('consent-continue').click(); })
    .then(function () { return step('SELECT_INSTITUTION', function () { q('institution-ins_109508').click(); }); })
    .then(function () { return step('CREDENTIAL', function () {
      type('username', 'user_custom'); type('password', '{"force_error": "INVALID_LINK_TOKEN"}');
      q('credentials-submit').click(); }); })
    .then(function () { return step('ERROR', function () { q('error-exit').click(); }); });
)JS");
}

QString linkUserGoodScript()
{
    return emulatorScript(R"JS(
  step('CONSENT', function () { q('consent-continue').click(); })
    .then(function () { return step('SELECT_INSTITUTION', function () { q('institution-ins_109508').click(); }); })
    .then(function () { return step('CREDENTIAL', function () {
      type('username', 'user_good'); type('password', 'pass_good'); q('credentials-submit').click(); }); })
    .then(function () { return step('SELECT_ACCOUNT', function () { q('accounts-continue').click(); }); })
    .then(function () { return step('CONNECTED', function () { q('connected-continue').click(); }); });
)JS");
}

QString LinkFrames::runInFrame(DevToolsClient &devtools, const QString &script,
                               QString *error) const
{
    return devtools.evaluate(frameSession, script, error, frameContext);
}

LinkFrames findLinkFrames(DevToolsClient &devtools, QString *error)
{
    LinkFrames found;
    const QHash<QString, QString> sessions = devtools.attachAll(2000);
    QString hostOrigin;
    struct Candidate
    {
        QString session;
        int context = 0;
    };
    QList<Candidate> candidates;
    for (auto it = sessions.cbegin(); it != sessions.cend(); ++it) {
        if (it.key().contains(u"/weft/host/")) {
            found.hostSession = it.value();
            hostOrigin = QUrl(it.key()).adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
        } else if (it.key().startsWith(u"http")) {
            candidates.append({it.value(), 0}); // a frame in a process of its own
        }
    }
    found.outOfProcess = !candidates.isEmpty();
    if (candidates.isEmpty()) {
        const QList<DevToolsClient::FrameContext> contexts = devtools.frameContexts();
        for (const DevToolsClient::FrameContext &context : contexts) {
            if (context.sessionId == found.hostSession && context.origin.startsWith(u"http") &&
                context.origin != hostOrigin)
                candidates.append({context.sessionId, context.contextId});
        }
    }
    if (!found.hostSession.isEmpty())
        found.hostTimeline =
            devtools.evaluate(found.hostSession, QLatin1StringView(kTimelineScript), error);
    double frameOrigin = 0;
    for (const Candidate &candidate : std::as_const(candidates)) {
        const QString timeline = devtools.evaluate(
            candidate.session, QLatin1StringView(kTimelineScript), error, candidate.context);
        const QJsonObject parsed = QJsonDocument::fromJson(timeline.toUtf8()).object();
        bool requested = false;
        for (const QJsonValue r : parsed.value(QLatin1StringView("resources")).toArray()) {
            const QString type = r.toObject().value(QLatin1StringView("type")).toString();
            requested = requested || type == u"fetch" || type == u"xmlhttprequest";
        }
        const double origin = parsed.value(QLatin1StringView("origin")).toDouble();
        if (requested && (!found.frameFound() || origin < frameOrigin)) {
            found.frameSession = candidate.session;
            found.frameContext = candidate.context;
            found.frameTimeline = timeline;
            frameOrigin = origin;
        }
    }
    return found;
}
