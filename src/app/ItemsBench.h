#pragma once

#include <QString>

// `weft-bench items`: the Items panel with 10,000 generated Items (seven institutions with
// their PNG logos, accounts, events, some errors, some of another environment). Each run is a
// fresh child process (`weft-bench --items-child COUNT`) that prints "<name> <ms>" lines:
// creating the model and the ItemsPanel and showing it until the table's first paint is done
// (the first time in the process, then again warm), applying a filter string until repainted,
// and sorting by status until repainted. A run over an empty index gives the floor.
int runItemsBench(const QString &self, int runs);
int runItemsBenchChild(int argc, char *argv[]);
