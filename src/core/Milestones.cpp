#include "core/Milestones.h"

#include <atomic>
#include <chrono>
#include <cstdio>

namespace weft::milestones {
namespace {
std::atomic_bool s_enabled{false};
}

void enable()
{
    s_enabled = true;
}

bool enabled()
{
    return s_enabled;
}

void mark(const char *name)
{
    if (!s_enabled)
        return;
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    std::printf(
        "weft-milestone %s %lld\n", name,
        static_cast<long long>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
    std::fflush(stdout);
}

} // namespace weft::milestones
