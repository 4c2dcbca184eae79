#include "session/HostPageServer.h"

#include "net/HttpResponder.h"

namespace weft::session {

HostPageServer::HostPageServer(QObject *parent)
    : QObject(parent)
{
    m_files.addRoot(QStringLiteral("/weft/host/"), QStringLiteral(":/weft/host"));
    m_http.setHandler([this](const net::HttpRequest &request, const net::HttpResponder &responder) {
        const QByteArray host = request.header("Host").toLower();
        const QByteArray port = ':' + QByteArray::number(m_http.port());
        const bool ownHost = host.isNull() || host == "127.0.0.1" + port;
        if (ownHost && (request.method == "GET" || request.method == "HEAD")) {
            if (auto file = m_files.lookup(request.path)) {
                responder.respond(*file);
                return;
            }
        }
        responder.respond(net::HttpResponse::text(404, QStringLiteral("not found")));
    });
}

bool HostPageServer::listen(QString *error)
{
    if (!m_http.listen(QHostAddress::LocalHost, 0, error))
        return false;
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_http.port()));
    return true;
}

} // namespace weft::session
