#pragma once

namespace weft {

// Keeps secrets that live in memory (link tokens, access tokens not yet in the keychain, the
// client secret) out of crash files. Call first thing in main().
//  - Linux: RLIMIT_CORE 0 (inherited by the web engine's helper processes) and
//    PR_SET_DUMPABLE 0 (no core even through a core_pattern pipe, and no ptrace attach by
//    other processes of the same user);
//  - macOS: RLIMIT_CORE 0;
//  - Windows: no Windows Error Reporting heap collection (WerSetFlags NOHEAP) and no crash
//    dialog; a full dump configured by an administrator (LocalDumps) is outside the app's
//    reach.
void disableCoreDumps();

// Whether this process can no longer write a core file (for tests and the log).
bool coreDumpsDisabled();

} // namespace weft
