#include "sandbox/FaultInjector.h"

#include <QJsonValue>

#include <array>

namespace weft::sandbox {
namespace {

constexpr std::array<std::pair<Fault::Kind, const char *>, 7> kKinds{{
    {Fault::Kind::ServerError, "server_error"},
    {Fault::Kind::RateLimit, "rate_limit"},
    {Fault::Kind::Delay, "delay"},
    {Fault::Kind::Truncated, "truncated"},
    {Fault::Kind::NonJson, "non_json"},
    {Fault::Kind::Oversized, "oversized"},
    {Fault::Kind::Drop, "drop"},
}};

std::optional<Fault::Kind> kindFromName(const QString &name)
{
    for (const auto &[kind, text] : kKinds) {
        if (name == QLatin1StringView(text))
            return kind;
    }
    return std::nullopt;
}

QString kindList()
{
    QStringList names;
    for (const auto &entry : kKinds)
        names.append(QString::fromLatin1(entry.second));
    return names.join(QStringLiteral(", "));
}

} // namespace

QString Fault::kindName(Kind kind)
{
    for (const auto &[k, text] : kKinds) {
        if (k == kind)
            return QString::fromLatin1(text);
    }
    return {};
}

std::optional<Fault> Fault::fromJson(const QJsonObject &object, QString *error)
{
    Fault fault;
    const auto kind = kindFromName(object.value(QLatin1StringView("kind")).toString());
    if (!kind) {
        *error = QStringLiteral("kind must be one of: ") + kindList();
        return std::nullopt;
    }
    fault.kind = *kind;
    fault.path = object.value(QLatin1StringView("path")).toString(QStringLiteral("*"));
    if (fault.path != u"*" && !fault.path.startsWith(u'/')) {
        *error = QStringLiteral("path must be an endpoint path such as /item/get, or *");
        return std::nullopt;
    }
    fault.count = object.value(QLatin1StringView("count")).toInt(1);
    fault.delayMs = object.value(QLatin1StringView("delay_ms")).toInt(1000);
    fault.status = object.value(QLatin1StringView("status")).toInt(200);
    fault.size = qint64(object.value(QLatin1StringView("size")).toDouble(8.0 * 1024 * 1024));
    if (fault.count < 1 || fault.delayMs < 0 || fault.delayMs > 600000 || fault.status < 100 ||
        fault.status > 599 || fault.size < 1 || fault.size > 256LL * 1024 * 1024) {
        *error = QStringLiteral("count must be at least 1, delay_ms within 0..600000, status "
                                "within 100..599 and size within 1..256 MiB");
        return std::nullopt;
    }
    return fault;
}

std::optional<Fault> Fault::fromSpec(const QString &spec, QString *error)
{
    const QStringList parts = spec.split(u':');
    if (parts.size() < 2 || parts.size() > 4) {
        *error = QStringLiteral("expected PATH:KIND[:COUNT[:DELAY_MS]], got ") + spec;
        return std::nullopt;
    }
    QJsonObject object{{QStringLiteral("path"), parts.at(0)},
                       {QStringLiteral("kind"), parts.at(1)}};
    if (parts.size() > 2)
        object.insert(QStringLiteral("count"), parts.at(2).toInt());
    if (parts.size() > 3)
        object.insert(QStringLiteral("delay_ms"), parts.at(3).toInt());
    return fromJson(object, error);
}

QJsonObject Fault::toJson() const
{
    return {{QStringLiteral("path"), path},     {QStringLiteral("kind"), kindName(kind)},
            {QStringLiteral("count"), count},   {QStringLiteral("delay_ms"), delayMs},
            {QStringLiteral("status"), status}, {QStringLiteral("size"), double(size)}};
}

void FaultInjector::add(const Fault &fault)
{
    m_faults.append(fault);
}

void FaultInjector::clear()
{
    m_faults.clear();
}

std::optional<Fault> FaultInjector::take(const QString &path)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (fault.path != u"*" && fault.path != path)
            continue;
        const Fault taken = fault;
        if (--fault.count <= 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

} // namespace weft::sandbox
