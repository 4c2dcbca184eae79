#pragma once

// Start-up and Link milestones for `weft --bench-milestones`, which weft-bench reads: each
// mark() then prints "weft-milestone NAME NANOSECONDS" on stdout, the time from the steady
// (monotonic) clock the benchmark also reads, so that it can place every milestone after the
// moment it started the process. Off by default, when mark() costs one test of a flag.
namespace weft::milestones {

void enable();
bool enabled();
void mark(const char *name);

} // namespace weft::milestones
