#pragma once

#include "plaid/PlaidError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace weft::link {

// What Link reports, as typed values. Each parse() checks the shape of a bridge payload's
// fields and says precisely what is wrong; nothing is filled with guesses.

struct LinkInstitution
{
    QString institutionId;
    QString name;
};

struct LinkAccount
{
    QString id;
    QString name;
    QString mask;
    QString type;
    QString subtype;
    QString verificationStatus;
};

// onSuccess(public_token, metadata)
struct LinkSuccess
{
    QString publicToken;
    std::optional<LinkInstitution> institution;
    QList<LinkAccount> accounts;
    QString linkSessionId;
    QJsonObject metadata; // as Link sent it (without the public token)

    static std::optional<LinkSuccess> parse(const QJsonObject &payload, QString *error);
};

// onExit(error, metadata)
struct LinkExit
{
    std::optional<plaid::PlaidError> error;
    QString status;
    std::optional<LinkInstitution> institution;
    QString linkSessionId;
    QString requestId;
    QJsonObject metadata;

    static std::optional<LinkExit> parse(const QJsonObject &payload, QString *error);
    bool isInvalidLinkToken() const { return error && error->errorCode == u"INVALID_LINK_TOKEN"; }
};

// onEvent(eventName, metadata)
struct LinkEvent
{
    QString name;        // OPEN, TRANSITION_VIEW, SELECT_INSTITUTION, ...
    QString viewName;    // for TRANSITION_VIEW
    QDateTime timestamp; // Link's own, or the time it arrived
    QJsonObject metadata;

    static std::optional<LinkEvent> parse(const QJsonObject &payload, const QDateTime &received,
                                          QString *error);
};

// public-<environment>-<uuid>, the format of every public token Link hands out.
bool isPublicToken(const QString &token);

} // namespace weft::link
