#pragma once

#include <QtGlobal>

// The memory of a process and every process below it (Linux /proc), in MiB: PSS (shared
// pages divided among the processes that map them, from smaps_rollup) and RSS.
struct ProcessMemory
{
    double pssMiB = 0;
    double rssMiB = 0;
    int processes = 0;
};

ProcessMemory processTreeMemory(qint64 pid);
