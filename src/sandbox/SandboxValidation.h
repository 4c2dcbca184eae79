#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>
#include <QUrl>

namespace weft::sandbox::validation {

// Reads an array of non-empty strings; false when value is anything else.
inline bool stringArray(const QJsonValue &value, QStringList *out)
{
    if (!value.isArray())
        return false;
    out->clear();
    const QJsonArray array = value.toArray();
    for (const QJsonValue entry : array) {
        if (!entry.isString() || entry.toString().isEmpty())
            return false;
        out->append(entry.toString());
    }
    return true;
}

// The entries of list that are not in allowed.
inline QStringList notIn(const QStringList &list, const QStringList &allowed)
{
    QStringList outside;
    for (const QString &entry : list) {
        if (!allowed.contains(entry))
            outside.append(entry);
    }
    return outside;
}

// An absolute http(s) URL with a host.
inline bool isWebUrl(const QString &text, bool httpsOnly = false)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    return !httpsOnly && url.scheme() == u"http";
}

inline bool isLoopbackUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && url.scheme() == u"http" &&
           (url.host() == u"localhost" || url.host() == u"127.0.0.1");
}

} // namespace weft::sandbox::validation
