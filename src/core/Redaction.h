#pragma once

#include <QString>

namespace weft::redaction {

// The text put where a secret was.
inline constexpr QStringView kMask = u"[REDACTED]";

// Replaces every secret in text: Plaid access and public tokens (kept recognisable by their
// prefix, e.g. "access-sandbox-[REDACTED]"), the values of JSON fields named like secrets,
// and every value registered with registerSecret().
QString redact(const QString &text);

// Remembers a secret (a client secret, say) that must never be printed. Thread-safe. Values
// shorter than 6 characters are ignored: they would mask ordinary words.
void registerSecret(const QString &secret);
void forgetSecret(const QString &secret);

} // namespace weft::redaction
