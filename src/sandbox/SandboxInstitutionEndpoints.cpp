// SandboxApi: the institution endpoints, /institutions/get_by_id, /institutions/search and
// /institutions/get, over the sandbox's fixed catalog.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxCatalog.h"
#include "sandbox/SandboxErrors.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxValidation.h"

#include <QJsonArray>

#include <cmath>

namespace weft::sandbox {
namespace {

using json::iso;

constexpr int kMaxSearchResults = 10;
constexpr int kMaxPageSize = 500;

QJsonObject productStatus(const QDateTime &since)
{
    return {{QStringLiteral("status"), QStringLiteral("HEALTHY")},
            {QStringLiteral("last_status_change"), iso(since)},
            {QStringLiteral("breakdown"),
             QJsonObject{{QStringLiteral("success"), 0.99},
                         {QStringLiteral("error_plaid"), 0.01},
                         {QStringLiteral("error_institution"), 0.0},
                         {QStringLiteral("refresh_interval"), QStringLiteral("NORMAL")}}}};
}

// The filters the three endpoints share. Empty lists and an absent oauth filter nothing.
struct InstitutionFilter
{
    QStringList countries; // any of them
    QStringList products;  // all of them
    QStringList routingNumbers;
    std::optional<bool> oauth;
    QString query; // words of the name, in any case

    bool matches(const plaid::Institution &institution) const
    {
        if (validation::notIn(countries, institution.countryCodes).size() == countries.size() &&
            !countries.isEmpty())
            return false;
        if (!validation::notIn(products, institution.products).isEmpty())
            return false;
        if (!routingNumbers.isEmpty() &&
            validation::notIn(routingNumbers, institution.routingNumbers).size() ==
                routingNumbers.size())
            return false;
        if (oauth && *oauth != institution.oauth)
            return false;
        const QStringList words = query.split(u' ', Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (!institution.name.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }
};

// Reads country_codes (required, supported codes) into filter; an error message, or empty.
QString readCountries(const QJsonValue &value, InstitutionFilter *filter)
{
    if (!validation::stringArray(value, &filter->countries) || filter->countries.isEmpty() ||
        !validation::notIn(filter->countries, SandboxCatalog::countryCodes()).isEmpty())
        return QStringLiteral("country_codes must be a non-empty array of supported country codes");
    return {};
}

// Reads an optional array of strings (null or absent: empty); false when it is anything else.
bool readOptionalList(const QJsonValue &value, QStringList *out)
{
    out->clear();
    return value.isUndefined() || value.isNull() || validation::stringArray(value, out);
}

// Reads an optional boolean (null or absent: unset); false when it is anything else.
bool readOptionalBool(const QJsonValue &value, std::optional<bool> *out)
{
    if (value.isUndefined() || value.isNull()) {
        out->reset();
        return true;
    }
    if (!value.isBool())
        return false;
    *out = value.toBool();
    return true;
}

} // namespace

QJsonObject SandboxApi::institutionJson(const CatalogInstitution &entry, bool optionalMetadata,
                                        bool status) const
{
    QJsonObject institution = entry.institution.toJson();
    if (optionalMetadata) {
        institution.insert(QStringLiteral("logo"),
                           SandboxCatalog::logoBase64(entry.institution.institutionId));
    } else {
        institution.insert(QStringLiteral("logo"), QJsonValue::Null);
        institution.insert(QStringLiteral("primary_color"), QJsonValue::Null);
        institution.insert(QStringLiteral("url"), QJsonValue::Null);
    }
    if (status) {
        const QDateTime since = m_clock->now().addDays(-3);
        institution.insert(
            QStringLiteral("status"),
            QJsonObject{{QStringLiteral("item_logins"), productStatus(since)},
                        {QStringLiteral("transactions_updates"), productStatus(since)}});
    }
    return institution;
}

SandboxResponse SandboxApi::institutionsGetById(const Call &call)
{
    InstitutionFilter filter;
    if (const QString problem =
            readCountries(call.body.value(QLatin1StringView("country_codes")), &filter);
        !problem.isEmpty())
        return fail(call, u"INVALID_FIELD", problem);
    const QString institutionId = call.body.value(QLatin1StringView("institution_id")).toString();
    const CatalogInstitution *entry = SandboxCatalog::institution(institutionId);
    if (!entry || !filter.matches(entry->institution))
        return fail(call, u"INVALID_INSTITUTION");
    const QJsonObject options = call.body.value(QLatin1StringView("options")).toObject();
    return ok(call,
              {{QStringLiteral("institution"),
                institutionJson(
                    *entry, options.value(QLatin1StringView("include_optional_metadata")).toBool(),
                    options.value(QLatin1StringView("include_status")).toBool())}});
}

SandboxResponse SandboxApi::institutionsSearch(const Call &call)
{
    const QJsonValue query = call.body.value(QLatin1StringView("query"));
    if (!query.isString() || query.toString().trimmed().isEmpty())
        return fail(call, u"INVALID_FIELD", QStringLiteral("query must be a non-empty string"));
    InstitutionFilter filter;
    filter.query = query.toString();
    if (const QString problem =
            readCountries(call.body.value(QLatin1StringView("country_codes")), &filter);
        !problem.isEmpty())
        return fail(call, u"INVALID_FIELD", problem);
    if (!readOptionalList(call.body.value(QLatin1StringView("products")), &filter.products))
        return fail(call, u"INVALID_FIELD", QStringLiteral("products must be an array of strings"));
    const QJsonValue optionsValue = call.body.value(QLatin1StringView("options"));
    if (!optionsValue.isUndefined() && !optionsValue.isNull() && !optionsValue.isObject())
        return fail(call, u"INVALID_FIELD", QStringLiteral("options must be an object"));
    const QJsonObject options = optionsValue.toObject();
    if (!readOptionalBool(options.value(QLatin1StringView("oauth")), &filter.oauth))
        return fail(call, u"INVALID_FIELD", QStringLiteral("options.oauth must be a boolean"));
    const bool metadata = options.value(QLatin1StringView("include_optional_metadata")).toBool();
    QJsonArray found;
    for (const CatalogInstitution &entry : SandboxCatalog::institutions()) {
        if (found.size() < kMaxSearchResults && filter.matches(entry.institution))
            found.append(institutionJson(entry, metadata, false));
    }
    return ok(call, {{QStringLiteral("institutions"), found}});
}

SandboxResponse SandboxApi::institutionsGet(const Call &call)
{
    const QJsonValue count = call.body.value(QLatin1StringView("count"));
    const QJsonValue offset = call.body.value(QLatin1StringView("offset"));
    const auto whole = [](const QJsonValue &value, int low, int high) {
        const double number = value.toDouble(-1);
        return value.isDouble() && number == std::floor(number) && number >= low && number <= high;
    };
    if (!whole(count, 1, kMaxPageSize))
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("count must be a whole number from 1 to %1").arg(kMaxPageSize));
    if (!whole(offset, 0, 1 << 30))
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("offset must be a whole number, 0 or more"));
    InstitutionFilter filter;
    if (const QString problem =
            readCountries(call.body.value(QLatin1StringView("country_codes")), &filter);
        !problem.isEmpty())
        return fail(call, u"INVALID_FIELD", problem);
    const QJsonValue optionsValue = call.body.value(QLatin1StringView("options"));
    if (!optionsValue.isUndefined() && !optionsValue.isNull() && !optionsValue.isObject())
        return fail(call, u"INVALID_FIELD", QStringLiteral("options must be an object"));
    const QJsonObject options = optionsValue.toObject();
    if (!readOptionalList(options.value(QLatin1StringView("products")), &filter.products) ||
        !readOptionalList(options.value(QLatin1StringView("routing_numbers")),
                          &filter.routingNumbers))
        return fail(call, u"INVALID_FIELD",
                    QStringLiteral("options.products and options.routing_numbers must be "
                                   "arrays of strings"));
    if (!readOptionalBool(options.value(QLatin1StringView("oauth")), &filter.oauth))
        return fail(call, u"INVALID_FIELD", QStringLiteral("options.oauth must be a boolean"));
    const bool metadata = options.value(QLatin1StringView("include_optional_metadata")).toBool();
    QList<const CatalogInstitution *> matching;
    for (const CatalogInstitution &entry : SandboxCatalog::institutions()) {
        if (filter.matches(entry.institution))
            matching.append(&entry);
    }
    QJsonArray page;
    const int first = offset.toInt();
    for (int i = first; i < matching.size() && i < first + count.toInt(); ++i)
        page.append(institutionJson(*matching.at(i), metadata, false));
    return ok(call, {{QStringLiteral("institutions"), page},
                     {QStringLiteral("total"), int(matching.size())}});
}

} // namespace weft::sandbox
