#pragma once

#include "vault/ItemRecord.h"

#include <QList>

// weft-bench's Items: `count` Items of the sandbox's institutions with their accounts, ids,
// events and a few errors, the same on every run (a fixed seed); one in ten is a production
// Item.
QList<weft::vault::ItemRecord> generateBenchItems(int count);
