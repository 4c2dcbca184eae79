#pragma once

// `weft-bench --floor-child`: the floor Weft is measured against, the least a web view can
// do: a QWebEngineView, as large as Weft's window and with Weft's web engine flags, loading a
// small page from a loopback server. Prints the "ready" milestone (page loaded) the way
// `weft --bench-milestones` does, and quits when its standard input says "quit" or closes.
int runFloorChild(int argc, char *argv[]);
