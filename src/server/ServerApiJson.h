#pragma once

#include "net/HttpMessage.h"
#include "server/Credentials.h"
#include "server/ItemStore.h"
#include "server/SupportConsole.h"

#include <QJsonObject>

namespace weft::plaid {
struct PlaidOutcome;
}

// The shapes of weft-server's answers (docs/weft-server-openapi.yaml).
namespace weft::server::apijson {

net::HttpResponse ok(const QJsonObject &body, int status = 200);
// {"error_code", "error_message"}: error_code is one of the API's own codes (UNAUTHORIZED,
// NOT_FOUND, INVALID_REQUEST, RATE_LIMITED, ...), the message plain words.
net::HttpResponse error(int status, const QString &code, const QString &message);
// A Plaid call that failed: 502 PLAID_ERROR with Plaid's error (type, code, display message,
// request id: none of them secret), or 503 PLAID_UNAVAILABLE when Plaid could not be reached.
net::HttpResponse plaidFailure(const plaid::PlaidOutcome &outcome);
// 500 SERVER_ERROR; the reason goes to the log, not to the client.
net::HttpResponse serverError(const QString &reason);

QJsonObject item(const ItemStore::Item &item);
// An Item as support sees it: with its owner's address.
QJsonObject supportItem(const SupportConsole::Found &found);
QJsonObject timelineEvent(const SupportConsole::Event &event);
QJsonObject principal(const Credentials::Principal &principal);
QJsonObject issued(const Credentials::Issued &issued);

} // namespace weft::server::apijson
