#pragma once

#include <QStringList>

// The child side of `weft-bench link`: a Weft window on the embedded sandbox, exactly as
// `weft` builds it, that reports its milestones on standard output as "<name> <ms>" lines
// (milliseconds since the child's QCoreApplication existed) and waits for "quit" on stdin.
// mode: "link" (preloaded), "link-no-preload", or "floor" (a bare QWebEngineView loading a
// loopback page).
int runLinkBenchChild(const QString &mode, int argc, char *argv[]);
