#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QJsonObject>

namespace weft::sandbox::http {

// Writes a complete HTTP response with Content-Type and Content-Length.
void reply(QHttpServerResponder &responder, int status, const QByteArray &contentType,
           const QByteArray &body);
// The headers a GET would have had, without the body (HEAD).
void replyHead(QHttpServerResponder &responder, int status, const QByteArray &contentType,
               qint64 length);
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

} // namespace weft::sandbox::http
