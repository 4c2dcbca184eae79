#pragma once

#include "link/LinkTypes.h"
#include "plaid/PlaidResult.h"

#include <QDateTime>
#include <QString>

namespace weft::link {

// An Item Link has just connected: the access token stays in memory here; storing it is the
// caller's business.
struct LinkedItem
{
    QString itemId;
    QString accessToken;
    LinkSuccess success;
    QDateTime linkedAt;
};

// Something went wrong, in words for the user and the ids support staff ask for.
struct LinkFailure
{
    enum class Stage { Token, Link, Exchange, Script };
    Stage stage = Stage::Link;
    QString userText;
    QString errorType;
    QString errorCode;
    QString linkSessionId;
    QString requestId;
    QString exitStatus;         // Link's metadata.status when it exited (Stage::Link)
    bool recoveryLimit = false; // INVALID_LINK_TOKEN kept coming: Weft stopped recovering
};

// A failed API call in words for the user ("what: Plaid's message") with its ids.
LinkFailure linkFailureFrom(LinkFailure::Stage stage, const plaid::PlaidOutcome &outcome,
                            const QString &what);

} // namespace weft::link
