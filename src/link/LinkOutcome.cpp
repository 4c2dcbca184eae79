#include "link/LinkOutcome.h"

namespace weft::link {

LinkFailure linkFailureFrom(LinkFailure::Stage stage, const plaid::PlaidOutcome &outcome,
                            const QString &what)
{
    LinkFailure failure;
    failure.stage = stage;
    failure.requestId = outcome.requestId;
    if (outcome.status == plaid::PlaidStatus::ApiError) {
        failure.errorType = outcome.apiError.errorType;
        failure.errorCode = outcome.apiError.errorCode;
        failure.userText = what + QStringLiteral(": ") + outcome.apiError.userText();
    } else {
        failure.errorCode = plaid::statusName(outcome.status);
        failure.userText = what + QStringLiteral(": ") + outcome.errorString;
    }
    return failure;
}

} // namespace weft::link
