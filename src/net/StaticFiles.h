#pragma once

#include "net/HttpMessage.h"

#include <QList>
#include <QPair>

#include <optional>

namespace weft::net {

QByteArray contentTypeFor(const QString &fileName);

// Files served read-only below URL prefixes: each root maps a prefix ending in '/' to a folder
// or a ":/" resource path. Paths that climb out of a root are refused.
class StaticFiles
{
public:
    void addRoot(const QString &urlPrefix, const QString &directory);
    bool isEmpty() const { return m_roots.isEmpty(); }

    // The answer to a GET or HEAD of path, from the first root that has the file; nothing when
    // none has it.
    std::optional<HttpResponse> lookup(const QString &path) const;

private:
    QList<QPair<QString, QString>> m_roots;
};

} // namespace weft::net
