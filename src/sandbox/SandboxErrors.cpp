#include "sandbox/SandboxErrors.h"

#include <array>

namespace weft::sandbox {
namespace {

struct ErrorSpec
{
    const char16_t *code;
    const char16_t *type;
    int status;
    const char16_t *message;
    const char16_t *display; // nullptr: display_message is null
};

// Codes, types, statuses and texts as Plaid documents them for the endpoints the sandbox has.
constexpr std::array kErrors{
    ErrorSpec{u"MISSING_FIELDS", u"INVALID_REQUEST", 400,
              u"the following required fields are missing", nullptr},
    ErrorSpec{u"UNKNOWN_FIELDS", u"INVALID_REQUEST", 400,
              u"the following fields are not recognized by this endpoint", nullptr},
    ErrorSpec{u"INVALID_FIELD", u"INVALID_REQUEST", 400, u"a field has an invalid value", nullptr},
    ErrorSpec{u"INVALID_BODY", u"INVALID_REQUEST", 400, u"body could not be parsed as JSON",
              nullptr},
    ErrorSpec{u"INVALID_HEADERS", u"INVALID_REQUEST", 400, u"some headers are missing or invalid",
              nullptr},
    ErrorSpec{u"NOT_FOUND", u"INVALID_REQUEST", 404, u"not found", nullptr},
    ErrorSpec{u"INVALID_API_KEYS", u"INVALID_INPUT", 400, u"invalid client_id or secret provided",
              nullptr},
    ErrorSpec{u"INVALID_ACCESS_TOKEN", u"INVALID_INPUT", 400,
              u"could not find matching access token", nullptr},
    ErrorSpec{u"INVALID_PUBLIC_TOKEN", u"INVALID_INPUT", 400,
              u"could not find matching public token", nullptr},
    ErrorSpec{u"INVALID_LINK_TOKEN", u"INVALID_INPUT", 400, u"invalid link_token provided",
              nullptr},
    ErrorSpec{u"INVALID_INSTITUTION", u"INVALID_INPUT", 400, u"invalid institution_id provided",
              nullptr},
    ErrorSpec{u"INVALID_PRODUCT", u"INVALID_INPUT", 400,
              u"the following products are not supported by this institution", nullptr},
    ErrorSpec{u"INVALID_ACCOUNT_ID", u"INVALID_INPUT", 400,
              u"one or more of the account IDs is invalid", nullptr},
    ErrorSpec{u"ITEM_LOGIN_REQUIRED", u"ITEM_ERROR", 400,
              u"the login details of this item have changed (credentials, MFA, or required user "
              u"action) and a user login is required to update this information. use Link's "
              u"update mode to restore the item to a good state",
              u"You need to update your login details for this account."},
    ErrorSpec{u"INVALID_CREDENTIALS", u"ITEM_ERROR", 400,
              u"the provided credentials were not correct",
              u"The provided credentials were not correct. Please try again."},
    ErrorSpec{u"INVALID_MFA", u"ITEM_ERROR", 400, u"the provided MFA response(s) were not correct",
              u"The provided security answers were not correct. Please try again."},
    ErrorSpec{u"ITEM_LOCKED", u"ITEM_ERROR", 400,
              u"the account is locked. prompt the user to visit the institution's site and unlock "
              u"their account",
              u"The given credentials are correct, but your account is locked. Visit your bank "
              u"to unlock it, then try again."},
    ErrorSpec{u"USER_SETUP_REQUIRED", u"ITEM_ERROR", 400,
              u"the account has not been fully set up. prompt the user to visit the issuing "
              u"institution's site and finish the setup process",
              u"Your account is not fully set up. Visit your bank to finish setting it up."},
    ErrorSpec{u"INSUFFICIENT_CREDENTIALS", u"ITEM_ERROR", 400,
              u"insufficient authorization was provided to complete the request", nullptr},
    ErrorSpec{u"NO_ACCOUNTS", u"ITEM_ERROR", 400, u"no valid accounts were found for this item",
              u"No valid accounts were found at the bank. Please ensure that you are entering "
              u"the correct details."},
    ErrorSpec{u"ITEM_NOT_SUPPORTED", u"ITEM_ERROR", 400, u"this item cannot currently be supported",
              u"Your account is not currently supported. Please try another account."},
    ErrorSpec{u"PRODUCTS_NOT_SUPPORTED", u"ITEM_ERROR", 400,
              u"the requested product is not supported by this Item's institution", nullptr},
    ErrorSpec{u"NO_INVESTMENT_ACCOUNTS", u"ITEM_ERROR", 400, u"no investment accounts", nullptr},
    ErrorSpec{u"NO_LIABILITY_ACCOUNTS", u"ITEM_ERROR", 400, u"no liability accounts", nullptr},
    ErrorSpec{u"TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", u"TRANSACTIONS_ERROR", 400,
              u"Underlying transaction data changed since last page was fetched. Please restart "
              u"pagination from last update.",
              nullptr},
    ErrorSpec{u"INSTITUTION_DOWN", u"INSTITUTION_ERROR", 400,
              u"this institution is not currently responding to this request. please try again "
              u"soon",
              u"This financial institution is not currently responding to requests. We "
              u"apologize for the inconvenience."},
    ErrorSpec{u"INSTITUTION_NOT_RESPONDING", u"INSTITUTION_ERROR", 400,
              u"this institution is not currently responding to this request. please try again "
              u"soon",
              u"This financial institution is not currently responding to requests. We "
              u"apologize for the inconvenience."},
    ErrorSpec{u"INSTITUTION_NOT_AVAILABLE", u"INSTITUTION_ERROR", 400,
              u"this institution is not currently responding to this request. please try again "
              u"soon",
              u"This financial institution is not currently responding to requests. We "
              u"apologize for the inconvenience."},
    ErrorSpec{u"INSTITUTION_NO_LONGER_SUPPORTED", u"INSTITUTION_ERROR", 400,
              u"this institution is no longer supported",
              u"This financial institution is no longer supported."},
    ErrorSpec{u"INTERNAL_SERVER_ERROR", u"API_ERROR", 500, u"an unexpected error occurred",
              u"Something went wrong on our side. Please try again later."},
    ErrorSpec{u"PLANNED_MAINTENANCE", u"API_ERROR", 503,
              u"the Plaid API is under planned maintenance",
              u"This service is under maintenance. Please try again later."},
    ErrorSpec{u"SANDBOX_PRODUCT_NOT_ENABLED", u"SANDBOX_ERROR", 400,
              u"The requested product is not enabled on this item", nullptr},
    ErrorSpec{u"SANDBOX_WEBHOOK_INVALID", u"SANDBOX_ERROR", 400,
              u"Webhook for this item is either not set up, or invalid. Please update the item's "
              u"webhook and try again.",
              nullptr},
    ErrorSpec{u"RATE_LIMIT", u"RATE_LIMIT_EXCEEDED", 429,
              u"rate limit exceeded for this endpoint. retry with backoff", nullptr},
};

const ErrorSpec *find(QStringView code)
{
    for (const ErrorSpec &spec : kErrors) {
        if (code == QStringView(spec.code))
            return &spec;
    }
    return nullptr;
}

QString documentationSlug(QStringView type)
{
    if (type == u"ITEM_ERROR")
        return QStringLiteral("item");
    if (type == u"INSTITUTION_ERROR")
        return QStringLiteral("institution");
    if (type == u"API_ERROR")
        return QStringLiteral("api");
    return type.toString().toLower().replace(u'_', u'-');
}

} // namespace

plaid::PlaidError sandboxError(QStringView code, const QString &message)
{
    const ErrorSpec *spec = find(code);
    if (!spec)
        spec = find(u"INTERNAL_SERVER_ERROR");
    plaid::PlaidError error;
    error.errorCode = QString::fromUtf16(spec->code);
    error.errorType = QString::fromUtf16(spec->type);
    error.httpStatus = spec->status;
    error.errorMessage = message.isEmpty() ? QString::fromUtf16(spec->message) : message;
    if (spec->display)
        error.displayMessage = QString::fromUtf16(spec->display);
    error.documentationUrl = QStringLiteral("https://plaid.com/docs/errors/") +
                             documentationSlug(error.errorType) + QStringLiteral("/#") +
                             error.errorCode.toLower();
    return error;
}

bool isKnownErrorCode(QStringView code)
{
    return find(code) != nullptr;
}

} // namespace weft::sandbox
