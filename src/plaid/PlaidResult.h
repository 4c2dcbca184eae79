#pragma once

#include "plaid/PlaidError.h"

#include <QString>

namespace weft::plaid {

// How a call ended. Ok and ApiError are answers from Plaid; everything else is a transport
// failure, kept apart so that the UI never mistakes "could not reach Plaid" for "Plaid said no".
enum class PlaidStatus {
    Ok,
    ApiError,          // Plaid answered with an error object (see PlaidOutcome::apiError)
    Timeout,           // no complete answer within the per-request timeout
    ConnectionRefused, // nothing listens at the base URL
    ConnectionReset,   // the connection closed before an answer arrived
    HostNotFound,
    TlsError,        // certificate or handshake failure; never ignored
    NetworkError,    // any other network failure
    InvalidJson,     // the body is not a JSON object
    InvalidResponse, // JSON, but not the shape the API promises (details in errorString)
    BodyTooLarge,    // the body exceeded the size cap and was not read
    TruncatedBody,   // fewer bytes arrived than Content-Length announced
    Canceled,        // the client was told to stop
};

QString statusName(PlaidStatus status);

// Everything a caller learns about a call besides its typed value.
struct PlaidOutcome
{
    PlaidStatus status = PlaidStatus::Canceled;
    int httpStatus = 0;
    QString requestId;   // Plaid's request_id, on success and on error alike, when one came
    PlaidError apiError; // set when status == ApiError
    QString errorString; // plain words for everything but Ok
    int attempts = 0;    // how many times the request was sent

    bool ok() const { return status == PlaidStatus::Ok; }
    bool isTransportError() const { return !ok() && status != PlaidStatus::ApiError; }
    // "INVALID_INPUT/INVALID_ACCESS_TOKEN: message (request abc)" or the transport error.
    QString describe() const;
};

template<typename T>
struct PlaidResult : PlaidOutcome
{
    T value;
};

} // namespace weft::plaid
