#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace weft::plaid {

// Plaid's error object, as the API returns it (the PlaidError schema of the 2020-09-14 API).
struct PlaidError
{
    QString errorType; // INVALID_REQUEST, INVALID_INPUT, ITEM_ERROR, API_ERROR, ...
    QString errorCode; // MISSING_FIELDS, INVALID_ACCESS_TOKEN, ITEM_LOGIN_REQUIRED, ...
    QString errorCodeReason;
    QString errorMessage;   // for developers
    QString displayMessage; // for users; empty when Plaid sends null
    QString requestId;
    QString documentationUrl;
    QString suggestedAction;
    int httpStatus = 0; // the status of the response that carried it (0: none, e.g. Item.error)

    bool isEmpty() const { return errorCode.isEmpty(); }

    // Parses an error object. Returns nothing unless error_type, error_code and error_message
    // are present strings: anything less is not a Plaid error.
    static std::optional<PlaidError> fromJson(const QJsonObject &object, int httpStatus = 0);
    QJsonObject toJson() const;

    // display_message, or error_message when Plaid gave no text meant for users.
    QString userText() const;
};

} // namespace weft::plaid
