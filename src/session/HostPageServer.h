#pragma once

#include <QHttpServer>
#include <QObject>
#include <QUrl>

namespace weft::session {

// Serves the Link host page (":/weft/host") over http on 127.0.0.1 in the Plaid modes, where
// there is no embedded sandbox: Link must run in a real http(s) origin, never file:// or a
// setHtml page with a null origin.
class HostPageServer : public QObject
{
    Q_OBJECT

public:
    explicit HostPageServer(QObject *parent = nullptr);

    bool listen(QString *error);
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QHttpServer m_http;
    QUrl m_baseUrl;
};

} // namespace weft::session
