#pragma once

#include "remote/ServerTransport.h"

#include <QObject>

namespace weft::remote {

class ServerCredential;

// weft-server's API as the signed-in desktop calls it: each call carries a current access
// token; a call the server refuses with 401 (the token lapsed or was revoked early) is sent
// once more after a refresh.
class ServerClient : public QObject
{
    Q_OBJECT

public:
    ServerClient(ServerTransport *transport, ServerCredential *credential,
                 QObject *parent = nullptr);

    ServerTransport *transport() const { return m_transport; }
    ServerCredential *credential() const { return m_credential; }

    void call(const QByteArray &method, const QString &path, const QJsonObject &body,
              QObject *context, const ServerTransport::Done &done);

private:
    void attempt(const QByteArray &method, const QString &path, const QJsonObject &body,
                 QObject *context, const ServerTransport::Done &done, bool retried);

    ServerTransport *m_transport;
    ServerCredential *m_credential;
};

} // namespace weft::remote
