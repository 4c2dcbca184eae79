#include "remote/ServerClient.h"

#include "remote/ServerCredential.h"

#include <QPointer>

namespace weft::remote {

ServerClient::ServerClient(ServerTransport *transport, ServerCredential *credential,
                           QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_credential(credential)
{
}

void ServerClient::call(const QByteArray &method, const QString &path, const QJsonObject &body,
                        QObject *context, const ServerTransport::Done &done)
{
    attempt(method, path, body, context, done, false);
}

void ServerClient::attempt(const QByteArray &method, const QString &path, const QJsonObject &body,
                           QObject *context, const ServerTransport::Done &done, bool retried)
{
    QPointer<QObject> guard(context);
    m_credential->withAccessToken(this, [this, method, path, body, guard, done, retried](
                                            const QString &token, const ServerReply &failure) {
        if (!guard)
            return;
        if (token.isEmpty()) {
            done(failure);
            return;
        }
        m_transport->send(
            method, path, body, token, guard,
            [this, method, path, body, guard, done, retried](const ServerReply &reply) {
                if (reply.httpStatus == 401 && !retried && guard) {
                    m_credential->forgetAccessToken();
                    attempt(method, path, body, guard, done, true);
                    return;
                }
                done(reply);
            });
    });
}

} // namespace weft::remote
