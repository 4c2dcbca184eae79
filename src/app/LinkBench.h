#pragma once

#include <QString>

// `weft-bench link`: runs the real weft executable (`weft --sandbox --bench-milestones
// --remote-debugging-port P`, its whole window, settings and Items panel, in a scratch home)
// in fresh processes, and the floor (FloorChild) beside it, quiet and on a machine made busy
// by the benchmark itself. It prints medians and p95 of: process start -> Link ready and the
// floor's page loaded, their ratio; click -> Link visible; INVALID_LINK_TOKEN -> new handler
// ready beside the token round trip; PSS of the app and its web engine processes with Link
// open, and the floor's; and the breakdown of the path to "Link ready" from weft's clock
// (its milestones) and from Chromium's (performance timelines of the host page and Link's
// frame, read over DevTools once Link is ready).
struct LinkBenchOptions
{
    QString weft; // the weft executable
    QString self; // weft-bench, for the floor child
    int runs = 5;
    int busyThreads = 2;
    int items = 100; // the Items of the "with Items" runs
};

int runLinkBench(const LinkBenchOptions &options);
