// ServerApi: the support console. Support accounts find Items across users and read their
// metadata and timeline; every read is audited (SupportConsole). Never a token.
#include "core/Clock.h"
#include "server/ServerApi.h"
#include "server/ServerApiJson.h"
#include "server/SupportConsole.h"

#include <QJsonArray>

namespace weft::server {
namespace {

bool supportOnly(const Credentials::Principal &principal, const net::HttpResponder &responder)
{
    if (principal.role == UserDirectory::Role::Support)
        return true;
    responder.respond(apijson::error(403, QStringLiteral("FORBIDDEN"),
                                     QStringLiteral("only support accounts may do this")));
    return false;
}

} // namespace

void ServerApi::supportSearch(const Principal &principal, const net::HttpRequest &request,
                              const net::HttpResponder &responder, const QString &)
{
    if (!supportOnly(principal, responder))
        return;
    const QUrlQuery &query = request.query;
    SupportConsole::Filter filter;
    filter.email = query.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded);
    filter.itemId = query.queryItemValue(QStringLiteral("item_id"), QUrl::FullyDecoded);
    filter.institution = query.queryItemValue(QStringLiteral("institution"), QUrl::FullyDecoded);
    filter.status = query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    const QString limit = query.queryItemValue(QStringLiteral("limit"));
    bool limitOk = true;
    if (!limit.isEmpty())
        filter.limit = limit.toInt(&limitOk);
    if (!limitOk || filter.limit < 1 || filter.limit > 200) {
        responder.respond(apijson::error(400, QStringLiteral("INVALID_REQUEST"),
                                         QStringLiteral("limit is a number from 1 to 200")));
        return;
    }
    QString error;
    const auto results =
        SupportConsole(m_database).search(principal.userId, filter, m_clock->now(), &error);
    if (!results) {
        responder.respond(apijson::serverError(error));
        return;
    }
    QJsonArray items;
    for (const SupportConsole::Found &result : *results)
        items.append(apijson::supportItem(result));
    responder.respond(apijson::ok({{QStringLiteral("items"), items}}));
}

void ServerApi::supportItem(const Principal &principal, const net::HttpRequest &,
                            const net::HttpResponder &responder, const QString &itemId)
{
    if (!supportOnly(principal, responder))
        return;
    SupportConsole console(m_database);
    QString error;
    const auto result = console.item(principal.userId, itemId, m_clock->now(), &error);
    if (!result) {
        responder.respond(error.isEmpty() ? apijson::error(404, QStringLiteral("NOT_FOUND"),
                                                           QStringLiteral("no such Item"))
                                          : apijson::serverError(error));
        return;
    }
    const auto events = console.timeline(itemId, &error);
    if (!events) {
        responder.respond(apijson::serverError(error));
        return;
    }
    QJsonArray timeline;
    for (const SupportConsole::Event &event : *events)
        timeline.append(apijson::timelineEvent(event));
    responder.respond(apijson::ok({{QStringLiteral("item"), apijson::supportItem(*result)},
                                   {QStringLiteral("timeline"), timeline}}));
}

} // namespace weft::server
