#include "plaid/JsonReader.h"

namespace weft::plaid {

JsonReader::JsonReader(const QJsonObject &object, const QString &path)
    : JsonReader(object, path, std::make_shared<QStringList>())
{
}

JsonReader::JsonReader(const QJsonObject &object, const QString &path,
                       std::shared_ptr<QStringList> errors)
    : m_object(object)
    , m_path(path)
    , m_errors(std::move(errors))
{
}

QString JsonReader::where(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

void JsonReader::expected(QLatin1StringView key, const char *what)
{
    const QJsonValue value = m_object.value(key);
    const QString found = value.isUndefined() ? QStringLiteral("missing")
                          : value.isNull()    ? QStringLiteral("null")
                                              : QStringLiteral("wrong type");
    fail(where(key) + QStringLiteral(": expected ") + QLatin1StringView(what) +
         QStringLiteral(", found ") + found);
}

void JsonReader::fail(const QString &message)
{
    m_errors->append(message);
}

QString JsonReader::string(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        expected(key, "a string");
        return {};
    }
    return value.toString();
}

QString JsonReader::optionalString(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        expected(key, "a string or null");
        return {};
    }
    return value.toString();
}

std::optional<double> JsonReader::nullableNumber(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isNull())
        return std::nullopt;
    if (!value.isDouble()) {
        expected(key, "a number or null");
        return std::nullopt;
    }
    return value.toDouble();
}

bool JsonReader::boolean(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        expected(key, "true or false");
        return false;
    }
    return value.toBool();
}

QStringList JsonReader::stringList(QLatin1StringView key, bool required)
{
    const QJsonValue value = m_object.value(key);
    if (!required && (value.isUndefined() || value.isNull()))
        return {};
    if (!value.isArray()) {
        expected(key, "an array of strings");
        return {};
    }
    QStringList list;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            fail(where(key) + u'[' + QString::number(i) + QStringLiteral("]: expected a string"));
            continue;
        }
        list.append(array.at(i).toString());
    }
    return list;
}

QDateTime JsonReader::dateTime(QLatin1StringView key, bool required)
{
    const QJsonValue value = m_object.value(key);
    if (!required && (value.isUndefined() || value.isNull()))
        return {};
    if (!value.isString()) {
        expected(key, required ? "a date-time string" : "a date-time string or null");
        return {};
    }
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        fail(where(key) + QStringLiteral(": not an RFC 3339 date-time: ") + value.toString());
    return parsed.toUTC();
}

JsonReader JsonReader::object(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isObject())
        expected(key, "an object");
    return JsonReader(value.toObject(), where(key), m_errors);
}

std::optional<JsonReader> JsonReader::nullableObject(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject()) {
        expected(key, "an object or null");
        return std::nullopt;
    }
    return JsonReader(value.toObject(), where(key), m_errors);
}

QList<JsonReader> JsonReader::objectList(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        expected(key, "an array of objects");
        return {};
    }
    QList<JsonReader> list;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = where(key) + u'[' + QString::number(i) + u']';
        if (!array.at(i).isObject()) {
            fail(path + QStringLiteral(": expected an object"));
            continue;
        }
        list.append(JsonReader(array.at(i).toObject(), path, m_errors));
    }
    return list;
}

} // namespace weft::plaid
