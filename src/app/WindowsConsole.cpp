#include "WindowsConsole.h"

#ifdef _WIN32 // plain C++, so that a cross compiler can check it without Qt
#include <cstdio>
#include <windows.h>

namespace {

bool leadsSomewhere(DWORD stream)
{
    const HANDLE handle = GetStdHandle(stream);
    return handle != nullptr && handle != INVALID_HANDLE_VALUE &&
           GetFileType(handle) != FILE_TYPE_UNKNOWN;
}

} // namespace

void attachParentConsole()
{
    const bool out = leadsSomewhere(STD_OUTPUT_HANDLE);
    const bool err = leadsSomewhere(STD_ERROR_HANDLE);
    if ((out && err) || !AttachConsole(ATTACH_PARENT_PROCESS))
        return;
    FILE *reopened = nullptr;
    if (!out)
        freopen_s(&reopened, "CONOUT$", "w", stdout);
    if (!err)
        freopen_s(&reopened, "CONOUT$", "w", stderr);
}
#else
void attachParentConsole() {}
#endif
