#pragma once

#include <QByteArray>
#include <QString>

namespace weft::sandbox::ids {

// Tokens in Plaid's formats: "<kind>-sandbox-<uuid>", kind being link, public or access.
QString token(QStringView kind);
// A request_id like Plaid's: 15 letters and digits.
QString requestId();
// An item_id or account_id like Plaid's: 37 letters and digits.
QString objectId();
// The id in a hosted_link_url: 32 letters and digits (a bearer for the Link session, kept
// only as a hash like the tokens).
QString hostedLinkId();
// The stored form of a token. The sandbox keeps only hashes of the tokens it issues, so its
// state file never holds a credential that works.
QByteArray tokenHash(const QString &token);

} // namespace weft::sandbox::ids
