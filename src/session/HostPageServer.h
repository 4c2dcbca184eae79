#pragma once

#include "net/HttpServer.h"
#include "net/StaticFiles.h"

#include <QObject>
#include <QUrl>

namespace weft::session {

// Serves the Link host page (":/weft/host") over http on 127.0.0.1 in the Plaid modes, where
// there is no embedded sandbox: Link must run in a real http(s) origin, never file:// or a
// setHtml page with a null origin. Only GET and HEAD of those files, only for Host 127.0.0.1.
class HostPageServer : public QObject
{
    Q_OBJECT

public:
    explicit HostPageServer(QObject *parent = nullptr);

    bool listen(QString *error);
    QUrl baseUrl() const { return m_baseUrl; }

private:
    net::HttpServer m_http;
    net::StaticFiles m_files;
    QUrl m_baseUrl;
};

} // namespace weft::session
