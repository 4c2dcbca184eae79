#pragma once

#include <QList>
#include <QString>

// The path to "Link ready" as Chromium saw it: read from the performance timelines of the host
// page and of Link's frame (kTimelineScript, run in each over DevTools), placed in
// milliseconds after the process start (the epoch time the benchmark started weft at).
struct TimelineStep
{
    QString name;
    double ms = -1; // -1: not in the timeline
};

extern const char kTimelineScript[];

QList<TimelineStep> chromiumSteps(const QString &hostTimeline, const QString &frameTimeline,
                                  double processStartEpochMs);
