#pragma once

#include "plaid/PlaidError.h"

#include <QString>

namespace weft::sandbox {

// The outcome of signing in to a sandbox institution with Plaid's Sandbox test credentials:
// user_good / pass_good succeeds; user_good / mfa_device asks for the device code 1234;
// user_custom with a JSON password such as {"force_error": "ITEM_LOCKED"} fails with that
// error; anything else is INVALID_CREDENTIALS.
struct LoginOutcome
{
    enum class Kind { Success, MfaRequired, Failed };
    Kind kind = Kind::Failed;
    QString mfaType;         // "device" when MfaRequired
    plaid::PlaidError error; // when Failed
};

inline constexpr char16_t kSandboxMfaCode[] = u"1234";

LoginOutcome checkSandboxLogin(const QString &username, const QString &password,
                               const QString &mfaCode = {});

} // namespace weft::sandbox
