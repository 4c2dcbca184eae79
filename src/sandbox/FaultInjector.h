#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace weft::sandbox {

// Misbehaviour to order, for tests and reliability work: the next `count` calls to `path`
// (or to any endpoint, with path "*") answer with the fault instead of, or before, the real
// answer. Off until a rule is added.
struct Fault
{
    enum class Kind {
        ServerError, // 500 API_ERROR / INTERNAL_SERVER_ERROR
        RateLimit,   // 429 RATE_LIMIT_EXCEEDED / RATE_LIMIT
        Delay,       // wait delayMs, then answer normally
        Truncated,   // the real answer, cut off halfway, then the connection closes
        NonJson,     // an HTML page instead of JSON (status as given, 200 by default)
        Oversized,   // a JSON body of `size` bytes
        Drop,        // close the connection without an answer
    };
    QString path = QStringLiteral("*");
    Kind kind = Kind::ServerError;
    int count = 1;
    int delayMs = 1000;
    int status = 200;
    qint64 size = 8 * 1024 * 1024;

    // From {"path", "kind", "count", "delay_ms", "status", "size"}; nothing, with the reason,
    // when the object is not a valid fault.
    static std::optional<Fault> fromJson(const QJsonObject &object, QString *error);
    // From "PATH:KIND[:COUNT[:DELAY_MS]]" (the --fault command-line form).
    static std::optional<Fault> fromSpec(const QString &spec, QString *error);
    QJsonObject toJson() const;
    static QString kindName(Kind kind);
};

class FaultInjector
{
public:
    void add(const Fault &fault);
    void clear();
    // The fault for the next call to path, consuming one of its count; nothing when none.
    std::optional<Fault> take(const QString &path);
    QList<Fault> pending() const { return m_faults; }

private:
    QList<Fault> m_faults;
};

} // namespace weft::sandbox
