#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace weft::plaid {

// Reads a JSON object strictly: each accessor notes a missing or mistyped field with its path
// ("item.accounts[2].balances.current: expected a number or null"), so a malformed answer
// becomes one specific error instead of silently empty values. Readers made by at() and
// objectAt() share the parent's error list.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, const QString &path = {});

    QString string(QLatin1StringView key);                       // required string
    QString optionalString(QLatin1StringView key);               // absent, null or string
    std::optional<double> nullableNumber(QLatin1StringView key); // required key, number or null
    bool boolean(QLatin1StringView key);                         // required bool
    QStringList stringList(QLatin1StringView key, bool required = true);
    QDateTime dateTime(QLatin1StringView key, bool required = true); // RFC 3339; null allowed
                                                                     // when not required
    JsonReader object(QLatin1StringView key);                        // required object
    std::optional<JsonReader> nullableObject(QLatin1StringView key); // absent/null: nothing
    QList<JsonReader> objectList(QLatin1StringView key);             // required array of objects

    const QJsonObject &json() const { return m_object; }
    bool ok() const { return m_errors->isEmpty(); }
    QString errorString() const { return m_errors->join(QStringLiteral("; ")); }
    void fail(const QString &message);

private:
    JsonReader(const QJsonObject &object, const QString &path, std::shared_ptr<QStringList> errors);
    QString where(QLatin1StringView key) const;
    void expected(QLatin1StringView key, const char *what);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<QStringList> m_errors;
};

} // namespace weft::plaid
