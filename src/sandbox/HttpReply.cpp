#include "sandbox/HttpReply.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTcpSocket>

namespace weft::sandbox::http {
namespace {

void head(QHttpServerResponder &responder, int status, const QByteArray &contentType, qint64 length,
          Caching caching = Caching::None)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(length));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"),
                          caching == Caching::Static ? QByteArrayLiteral("private, max-age=600")
                                                     : QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"),
                          QByteArrayLiteral("nosniff"));
}

} // namespace

void reply(QHttpServerResponder &responder, int status, const QByteArray &contentType,
           const QByteArray &body, Caching caching)
{
    head(responder, status, contentType, body.size(), caching);
    responder.writeBody(body);
}

void replyHead(QHttpServerResponder &responder, int status, const QByteArray &contentType,
               qint64 length, Caching caching)
{
    head(responder, status, contentType, length, caching);
    responder.writeBody(QByteArray());
}

void replyJson(QHttpServerResponder &responder, int status, const QJsonObject &body)
{
    reply(responder, status, QByteArrayLiteral("application/json; charset=utf-8"),
          QJsonDocument(body).toJson(QJsonDocument::Compact));
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool replyTruncated(QHttpServerResponder &responder, int status, const QByteArray &body)
{
    head(responder, status, QByteArrayLiteral("application/json; charset=utf-8"), body.size());
    responder.writeBody(body.left(body.size() / 2));
    responder.socket()->disconnectFromHost();
    return true;
}

bool dropConnection(QHttpServerResponder &responder)
{
    responder.socket()->abort();
    return true;
}

QObject *connectionOf(const QHttpServerResponder &responder)
{
    return responder.socket();
}
#else
// Qt 6.5 hid the responder's socket: these two faults cannot be produced there.
bool replyTruncated(QHttpServerResponder &, int, const QByteArray &)
{
    return false;
}

bool dropConnection(QHttpServerResponder &)
{
    return false;
}

QObject *connectionOf(const QHttpServerResponder &)
{
    return nullptr;
}
#endif

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

bool serveStatic(const QList<QPair<QString, QString>> &roots, const QString &path, bool headOnly,
                 QHttpServerResponder &responder)
{
    for (const auto &[prefix, directory] : roots) {
        if (!path.startsWith(prefix) && path + u'/' != prefix)
            continue;
        QString relative = path.mid(prefix.size());
        if (relative.isEmpty())
            relative = QStringLiteral("index.html");
        const QString cleaned = QDir::cleanPath(relative);
        if (cleaned.startsWith(QStringLiteral("..")) || cleaned.startsWith(u'/') ||
            relative.contains(u'\\'))
            return false;
        const QString filePath = directory + u'/' + cleaned;
        QFile file(filePath);
        if (!QFileInfo(filePath).isFile() || !file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        const QByteArray type = contentTypeFor(filePath);
        if (headOnly)
            replyHead(responder, 200, type, content.size(), Caching::Static);
        else
            reply(responder, 200, type, content, Caching::Static);
        return true;
    }
    return false;
}

} // namespace weft::sandbox::http
