#pragma once

#include "plaid/RetryPolicy.h"

#include <QString>
#include <QUrl>

#include <chrono>

namespace weft::plaid {

// Where and how the client talks to Plaid.
struct PlaidConfig
{
    QUrl baseUrl;
    QString clientId;
    QString secret;
    std::chrono::milliseconds timeout{30000}; // per request, each attempt
    qint64 maxBodyBytes = 4 * 1024 * 1024;    // larger answers are refused unread
    RetryPolicy retry;

    static QUrl sandboxUrl();    // Plaid's Sandbox
    static QUrl productionUrl(); // Plaid's Production
};

// The API version every request names in its Plaid-Version header.
inline constexpr char kPlaidApiVersion[] = "2020-09-14";

} // namespace weft::plaid
