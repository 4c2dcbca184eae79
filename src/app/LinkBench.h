#pragma once

#include <QString>

// `weft-bench link`: starts Weft's window on the embedded sandbox in fresh child processes
// (see LinkBenchChild) and prints medians and p95 of: process start -> window shown; start ->
// Link ready; click -> Link visible with and without preload; INVALID_LINK_TOKEN -> new handler
// ready, beside one link token round trip; resident memory of the app and its
// QtWebEngineProcess children with Link open; and the floor, a bare QWebEngineView loading a
// loopback page.
int runLinkBench(const QString &self, int runs);
