#include "ChromiumTimeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

const char kTimelineScript[] = R"JS(
(function () {
  var p = performance;
  var n = p.getEntriesByType('navigation')[0];
  return JSON.stringify({
    origin: p.timeOrigin,
    nav: n ? { fetchStart: n.fetchStart, connectStart: n.connectStart, requestStart: n.requestStart,
               responseStart: n.responseStart, responseEnd: n.responseEnd,
               dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd } : null,
    resources: p.getEntriesByType('resource').map(function (e) {
      return { name: e.name, type: e.initiatorType, start: e.startTime, end: e.responseEnd };
    }),
    marks: p.getEntriesByType('mark').map(function (m) { return { name: m.name, t: m.startTime }; })
  });
})()
)JS";

namespace {

struct Timeline
{
    double origin = -1; // epoch ms, -1 when unreadable
    QJsonObject nav;
    QJsonArray resources;
    QJsonArray marks;
};

Timeline parse(const QString &json, double start)
{
    const QJsonObject root = QJsonDocument::fromJson(json.toUtf8()).object();
    Timeline t;
    if (!root.value(QLatin1StringView("origin")).isDouble())
        return t;
    t.origin = root.value(QLatin1StringView("origin")).toDouble() - start;
    t.nav = root.value(QLatin1StringView("nav")).toObject();
    t.resources = root.value(QLatin1StringView("resources")).toArray();
    t.marks = root.value(QLatin1StringView("marks")).toArray();
    return t;
}

double navAt(const Timeline &t, const char *key)
{
    const QJsonValue v = t.nav.value(QLatin1StringView(key));
    return t.origin < 0 || !v.isDouble() ? -1 : t.origin + v.toDouble();
}

double markAt(const Timeline &t, const char *name)
{
    for (const QJsonValue m : t.marks) {
        if (m.toObject().value(QLatin1StringView("name")).toString() == QLatin1StringView(name))
            return t.origin + m.toObject().value(QLatin1StringView("t")).toDouble();
    }
    return -1;
}

// The end of the first (or last) resource matching `keep` to finish, -1 when none.
template<typename Keep>
double endOf(const Timeline &t, bool last, Keep keep)
{
    double found = -1;
    for (const QJsonValue value : t.resources) {
        const QJsonObject r = value.toObject();
        if (!keep(r.value(QLatin1StringView("name")).toString(),
                  r.value(QLatin1StringView("type")).toString()))
            continue;
        const double end = t.origin + r.value(QLatin1StringView("end")).toDouble();
        if (found < 0 || (last ? end > found : end < found))
            found = end;
    }
    return found;
}

bool isRequest(const QString &type)
{
    return type == u"fetch" || type == u"xmlhttprequest" || type == u"beacon";
}

} // namespace

QList<TimelineStep> chromiumSteps(const QString &hostTimeline, const QString &frameTimeline,
                                  double processStartEpochMs)
{
    const Timeline host = parse(hostTimeline, processStartEpochMs);
    const Timeline frame = parse(frameTimeline, processStartEpochMs);
    return {
        {QStringLiteral("host page: navigation start"), host.origin},
        {QStringLiteral("host page: request sent"), navAt(host, "requestStart")},
        {QStringLiteral("host page: first byte (committed)"), navAt(host, "responseStart")},
        {QStringLiteral("host page: DOMContentLoaded"), navAt(host, "dcl")},
        {QStringLiteral("Link script received"), endOf(host, true,
                                                       [](const QString &name, const QString &) {
                                                           return name.contains(u"link-initialize");
                                                       })},
        {QStringLiteral("Link script evaluated"), markAt(host, "weft-link-script-evaluated")},
        {QStringLiteral("Plaid.create() returned"), markAt(host, "weft-link-handler-created")},
        {QStringLiteral("Link frame: navigation start"), frame.origin},
        {QStringLiteral("Link frame: connecting"), navAt(frame, "connectStart")},
        {QStringLiteral("Link frame: request sent"), navAt(frame, "requestStart")},
        {QStringLiteral("Link frame: document received"), navAt(frame, "responseEnd")},
        {QStringLiteral("Link frame: files loaded"),
         endOf(frame, true, [](const QString &, const QString &type) { return !isRequest(type); })},
        {QStringLiteral("Link frame: DOMContentLoaded"), navAt(frame, "dcl")},
        {QStringLiteral("Link frame: first request answered (session)"),
         endOf(frame, false, [](const QString &, const QString &type) { return isRequest(type); })},
        {QStringLiteral("host page: onLoad"), markAt(host, "weft-link-onload")},
    };
}
