#pragma once

// `weft items [--json] [--refresh]` and `weft item ITEM_ID [--json]`: the Items of the index for
// support staff and scripts, without a window. Exit codes (stable, see the README):
//   0  success
//   2  bad usage
//   3  no such Item
//   4  the keychain is unavailable (only --refresh reads it)
//   5  a network or Plaid API error during --refresh
//   6  the Items index is damaged (it was moved aside)
int runItemsCommand(int argc, char *argv[]);

namespace weft::cli {
enum ExitCode {
    Ok = 0,
    Usage = 2,
    NoSuchItem = 3,
    KeychainUnavailable = 4,
    ApiError = 5,
    IndexDamaged = 6
};
}
