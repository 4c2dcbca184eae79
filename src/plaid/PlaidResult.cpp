#include "plaid/PlaidResult.h"

namespace weft::plaid {

QString statusName(PlaidStatus status)
{
    switch (status) {
    case PlaidStatus::Ok:
        return QStringLiteral("ok");
    case PlaidStatus::ApiError:
        return QStringLiteral("api-error");
    case PlaidStatus::Timeout:
        return QStringLiteral("timeout");
    case PlaidStatus::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case PlaidStatus::ConnectionReset:
        return QStringLiteral("connection-reset");
    case PlaidStatus::HostNotFound:
        return QStringLiteral("host-not-found");
    case PlaidStatus::TlsError:
        return QStringLiteral("tls-error");
    case PlaidStatus::NetworkError:
        return QStringLiteral("network-error");
    case PlaidStatus::InvalidJson:
        return QStringLiteral("invalid-json");
    case PlaidStatus::InvalidResponse:
        return QStringLiteral("invalid-response");
    case PlaidStatus::BodyTooLarge:
        return QStringLiteral("body-too-large");
    case PlaidStatus::TruncatedBody:
        return QStringLiteral("truncated-body");
    case PlaidStatus::Canceled:
        return QStringLiteral("canceled");
    }
    return QStringLiteral("unknown");
}

QString PlaidOutcome::describe() const
{
    QString text;
    if (status == PlaidStatus::Ok)
        text = QStringLiteral("ok");
    else if (status == PlaidStatus::ApiError)
        text = apiError.errorType + u'/' + apiError.errorCode + QStringLiteral(": ") +
               apiError.errorMessage;
    else
        text = statusName(status) + QStringLiteral(": ") + errorString;
    if (!requestId.isEmpty())
        text += QStringLiteral(" (request ") + requestId + u')';
    return text;
}

} // namespace weft::plaid
