#include "net/StaticFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace weft::net {

QByteArray contentTypeFor(const QString &fileName)
{
    const QString suffix = fileName.section(u'.', -1).toLower();
    if (suffix == u"html")
        return QByteArrayLiteral("text/html; charset=utf-8");
    if (suffix == u"js" || suffix == u"mjs")
        return QByteArrayLiteral("text/javascript; charset=utf-8");
    if (suffix == u"css")
        return QByteArrayLiteral("text/css; charset=utf-8");
    if (suffix == u"json")
        return QByteArrayLiteral("application/json; charset=utf-8");
    if (suffix == u"svg")
        return QByteArrayLiteral("image/svg+xml");
    if (suffix == u"png")
        return QByteArrayLiteral("image/png");
    if (suffix == u"ico")
        return QByteArrayLiteral("image/x-icon");
    return QByteArrayLiteral("application/octet-stream");
}

void StaticFiles::addRoot(const QString &urlPrefix, const QString &directory)
{
    QString prefix = urlPrefix;
    if (!prefix.endsWith(u'/'))
        prefix.append(u'/');
    m_roots.append({prefix, directory});
}

std::optional<HttpResponse> StaticFiles::lookup(const QString &path) const
{
    for (const auto &[prefix, directory] : m_roots) {
        if (!path.startsWith(prefix) && path + u'/' != prefix)
            continue;
        QString relative = path.mid(prefix.size());
        if (relative.isEmpty())
            relative = QStringLiteral("index.html");
        const QString cleaned = QDir::cleanPath(relative);
        if (cleaned.startsWith(QStringLiteral("..")) || cleaned.startsWith(u'/') ||
            relative.contains(u'\\') || relative.contains(QChar(0)))
            return std::nullopt;
        const QString filePath = directory + u'/' + cleaned;
        QFile file(filePath);
        if (!QFileInfo(filePath).isFile() || !file.open(QIODevice::ReadOnly))
            continue;
        HttpResponse response;
        response.contentType = contentTypeFor(filePath);
        response.body = file.readAll();
        response.caching = Caching::Static;
        return response;
    }
    return std::nullopt;
}

} // namespace weft::net
