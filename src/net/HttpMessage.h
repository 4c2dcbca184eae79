#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace weft::net {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One parsed request. Header names keep their case; look them up with header().
struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QByteArray target; // as sent: "/path?query"
    QString path;      // percent-decoded path of target
    QUrlQuery query;
    int minorVersion = 1; // HTTP/1.<minorVersion>
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = true; // the client lets the connection stay open after the answer
    QHostAddress peer;     // the client's address (a proxy's, behind one)

    // The first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const { return !header(name).isNull(); }
    bool isHead() const { return method == "HEAD"; }
};

enum class Caching { None, Static };

// One answer. Content-Length is always sent; Connection is added by the server.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HttpHeaders headers; // beyond Content-Type and Content-Length
    Caching caching = Caching::None;

    static HttpResponse text(int status, const QString &text);
    static HttpResponse json(int status, const QByteArray &compactJson);

    // Status line and headers for a body of bodyLength bytes, ending in the empty line.
    QByteArray head(qint64 bodyLength, bool close) const;
};

// "Not Found" for 404, ...; "Unknown" for codes Weft does not use.
QByteArray reasonPhrase(int status);

} // namespace weft::net
