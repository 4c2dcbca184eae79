#pragma once

// On Windows weft is a GUI program: started from a console it has none of its own, and what
// `weft items`, `weft item`, --help and --version print would go nowhere. This attaches the
// console weft was started from to stdout and stderr, unless they already lead somewhere (a
// pipe or a file). Elsewhere it does nothing.
void attachParentConsole();
