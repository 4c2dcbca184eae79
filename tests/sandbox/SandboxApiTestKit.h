#pragma once

// What the SandboxApi tests share: a SandboxApi on a ManualClock, request helpers and a check
// for Plaid's error object. Header-only.
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxErrors.h"
#include "support/ManualClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

namespace weft::sandbox::testkit {

inline const QString kClientA = QStringLiteral("client-a");
inline const QString kClientB = QStringLiteral("client-b");
inline const QString kSecret = QStringLiteral("secret-a");
inline const QString kBank = QStringLiteral("ins_109508");      // every product
inline const QString kSmallBank = QStringLiteral("ins_109510"); // no investments, liabilities
inline const QString kUuidPattern =
    QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

// The sandbox logs each call at debug level; the tests' own output is enough.
inline void quietSandboxLog()
{
    QLoggingCategory::setFilterRules(QStringLiteral("weft.sandbox.debug=false"));
}

// A complete /link/token/create body for a new Item at any institution, with extra fields set
// and the fields named in without left out.
inline QJsonObject linkTokenBody(const QJsonObject &extra = {}, const QStringList &without = {})
{
    QJsonObject body{{QStringLiteral("client_name"), QStringLiteral("Weft")},
                     {QStringLiteral("language"), QStringLiteral("en")},
                     {QStringLiteral("country_codes"), QJsonArray{QStringLiteral("US")}},
                     {QStringLiteral("user"),
                      QJsonObject{{QStringLiteral("client_user_id"), QStringLiteral("u1")}}},
                     {QStringLiteral("products"), QJsonArray{QStringLiteral("transactions")}}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        body.insert(it.key(), it.value());
    for (const QString &key : without)
        body.remove(key);
    return body;
}

inline QJsonObject institutionBody(const QString &institutionId)
{
    return {{QStringLiteral("institution_id"), institutionId},
            {QStringLiteral("country_codes"), QJsonArray{QStringLiteral("US")}}};
}

inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

inline QStringList sorted(const QJsonValue &array)
{
    return sorted(array.toVariant().toStringList());
}

// The key of each object in array, in order.
inline QStringList valuesOf(const QJsonValue &array, QStringView key)
{
    QStringList values;
    const QJsonArray list = array.toArray();
    for (const QJsonValue &entry : list)
        values.append(entry.toObject().value(key).toString());
    return values;
}

inline QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Checks that response is Plaid's error object for code: status and error_type as given (and
// as the sandbox's error table has them), every field of the schema present, a request_id.
inline void checkError(const SandboxResponse &response, int status, const QString &type,
                       const QString &code, const QString &messagePart = {})
{
    const QJsonObject &body = response.body;
    const QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QVERIFY2(response.status == status,
             qPrintable(QString::number(response.status) + u' ' + QString::fromUtf8(text)));
    QCOMPARE(body.value(u"error_code").toString(), code);
    QCOMPARE(body.value(u"error_type").toString(), type);
    const plaid::PlaidError table = sandboxError(code);
    QCOMPARE(table.httpStatus, status);
    QCOMPARE(table.errorType, type);
    for (const char *key : {"error_type", "error_code", "error_message", "display_message",
                            "request_id", "documentation_url"}) {
        QVERIFY2(body.contains(QLatin1StringView(key)), key);
    }
    QVERIFY(body.value(u"display_message").isNull() || body.value(u"display_message").isString());
    const QString message = body.value(u"error_message").toString();
    QVERIFY(!message.isEmpty());
    if (!messagePart.isEmpty())
        QVERIFY2(message.contains(messagePart), qPrintable(message));
    static const QRegularExpression requestId(QStringLiteral("^[A-Za-z0-9]{15}$"));
    QVERIFY2(requestId.match(body.value(u"request_id").toString()).hasMatch(), text.constData());
    QCOMPARE(body.value(u"documentation_url").toString(), table.documentationUrl);
}

#define CHECK_ERROR(...)                                                                           \
    do {                                                                                           \
        weft::sandbox::testkit::checkError(__VA_ARGS__);                                           \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// A SandboxApi on a ManualClock; helpers that return a token return an empty string (and say
// why) when the sandbox refused.
struct ApiKit
{
    std::unique_ptr<test::ManualClock> clock;
    std::unique_ptr<SandboxApi> api;

    void reset()
    {
        api.reset();
        clock = std::make_unique<test::ManualClock>();
        api = std::make_unique<SandboxApi>(clock.get(), SandboxCredentials{});
    }

    // Credentials go in the PLAID-CLIENT-ID and PLAID-SECRET headers.
    SandboxResponse post(const QString &path, const QJsonObject &body,
                         const QString &clientId = kClientA) const
    {
        return api->handle({path, QJsonDocument(body).toJson(), clientId, kSecret});
    }

    QString field(const SandboxResponse &response, QStringView key) const
    {
        const QString value = response.body.value(key).toString();
        if (response.status != 200 || value.isEmpty())
            qWarning().noquote() << "refused:" << QJsonDocument(response.body).toJson();
        return response.status == 200 ? value : QString();
    }

    QString linkToken(const QJsonObject &extra = {}, const QStringList &without = {}) const
    {
        return field(post(QStringLiteral("/link/token/create"), linkTokenBody(extra, without)),
                     u"link_token");
    }

    // A Link session on linkToken at institutionId (extra may replace it or add mfa_code,
    // account_ids).
    SandboxResponse complete(const QString &linkToken, const QString &username,
                             const QString &password, const QJsonObject &extra = {}) const
    {
        QJsonObject body{{QStringLiteral("link_token"), linkToken},
                         {QStringLiteral("link_session_id"), QStringLiteral("session-1")},
                         {QStringLiteral("institution_id"), kBank},
                         {QStringLiteral("username"), username},
                         {QStringLiteral("password"), password}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            body.insert(it.key(), it.value());
        return api->completeLinkSession(body);
    }

    QString publicToken(const QString &institutionId = kBank,
                        const QStringList &products = {QStringLiteral("transactions")},
                        const QString &clientId = kClientA) const
    {
        const QJsonObject body{
            {QStringLiteral("institution_id"), institutionId},
            {QStringLiteral("initial_products"), QJsonArray::fromStringList(products)}};
        return field(post(QStringLiteral("/sandbox/public_token/create"), body, clientId),
                     u"public_token");
    }

    QString exchange(const QString &publicToken, const QString &clientId = kClientA) const
    {
        const QJsonObject body{{QStringLiteral("public_token"), publicToken}};
        return field(post(QStringLiteral("/item/public_token/exchange"), body, clientId),
                     u"access_token");
    }

    QString accessToken(const QString &institutionId = kBank,
                        const QStringList &products = {QStringLiteral("transactions")},
                        const QString &clientId = kClientA) const
    {
        const QString token = publicToken(institutionId, products, clientId);
        return token.isEmpty() ? QString() : exchange(token, clientId);
    }
};

} // namespace weft::sandbox::testkit
