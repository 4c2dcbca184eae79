#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace weft::sandbox::http {

enum class Caching { None, Static };

// Writes a complete HTTP response with Content-Type and Content-Length. API answers are never
// cached; static files may be kept for a few minutes.
void reply(QHttpServerResponder &responder, int status, const QByteArray &contentType,
           const QByteArray &body, Caching caching = Caching::None);
// The headers a GET would have had, without the body (HEAD).
void replyHead(QHttpServerResponder &responder, int status, const QByteArray &contentType,
               qint64 length, Caching caching = Caching::None);
void replyJson(QHttpServerResponder &responder, int status, const QJsonObject &body);

// Writes the status line and headers announcing the full body, then only the first half of
// it, and closes the connection. False where this Qt version gives no access to the socket.
bool replyTruncated(QHttpServerResponder &responder, int status, const QByteArray &body);
// Closes the connection without an answer. False where not possible (see above).
bool dropConnection(QHttpServerResponder &responder);
// The connection's object, to watch with a QPointer while an answer is delayed (nullptr where
// this Qt version does not expose it).
QObject *connectionOf(const QHttpServerResponder &responder);

QByteArray contentTypeFor(const QString &fileName);

// Answers a GET (or HEAD) for path from the first root whose URL prefix matches: roots map a
// prefix ending in '/' to a folder or ":/" resource path. Paths that climb out of a root are
// refused. False when no root has the file (nothing was written).
bool serveStatic(const QList<QPair<QString, QString>> &roots, const QString &path, bool headOnly,
                 QHttpServerResponder &responder);

} // namespace weft::sandbox::http
