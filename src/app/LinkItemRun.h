#pragma once

#include <QString>

// `weft-bench link-item`: links one Item through the real weft, as a person would, in the
// environment it is given (its home, session bus and keyring): starts `weft --sandbox
// --connect --bench-milestones --remote-debugging-port P`, goes through the emulator's Link
// (user_good) over DevTools, and waits until weft says the access token is in the keychain.
// Prints "linked" and returns 0 then; otherwise says what went wrong and returns 1. For the
// clean-root install test, where the installed weft must do all of it.
int runLinkItem(const QString &weft, int timeoutSeconds);
