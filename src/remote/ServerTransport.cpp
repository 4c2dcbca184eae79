#include "remote/ServerTransport.h"

#include "remote/RemoteLogging.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <memory>

namespace weft::remote {
namespace {

plaid::PlaidStatus transportStatus(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return plaid::PlaidStatus::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
        return plaid::PlaidStatus::ConnectionReset;
    case QNetworkReply::HostNotFoundError:
        return plaid::PlaidStatus::HostNotFound;
    case QNetworkReply::SslHandshakeFailedError:
        return plaid::PlaidStatus::TlsError;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts this way
        return plaid::PlaidStatus::Timeout;
    default:
        return plaid::PlaidStatus::NetworkError;
    }
}

} // namespace

ServerTransport::ServerTransport(QNetworkAccessManager *network, QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(std::move(baseUrl))
{
}

QUrl ServerTransport::url(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    const qsizetype query = path.indexOf(u'?');
    url.setPath(basePath + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

void ServerTransport::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                           const QString &bearer, QObject *context, Done done)
{
    QNetworkRequest request(url(path));
    request.setRawHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Weft/" WEFT_VERSION));
    if (!bearer.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ").append(bearer.toUtf8()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTimeoutMs);
    QNetworkReply *reply = nullptr;
    if (method == "POST")
        reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    else
        reply = m_network->sendCustomRequest(request, method);
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge](qint64 received) {
        if (received > kMaxBodyBytes && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    QPointer<QObject> guard(context);
    QElapsedTimer elapsed;
    elapsed.start();
    connect(reply, &QNetworkReply::finished, this,
            [reply, tooLarge, guard, done = std::move(done), method, path, elapsed] {
                reply->deleteLater();
                const ServerReply answer = classify(reply, *tooLarge);
                const QString route = path.left(path.indexOf(u'?'));
                if (answer.ok())
                    qCDebug(lcRemote).nospace()
                        << method << " " << route << " -> " << answer.httpStatus << " in "
                        << elapsed.elapsed() << " ms";
                else
                    qCInfo(lcRemote).nospace() << method << " " << route << " failed in "
                                               << elapsed.elapsed() << " ms: " << answer.describe();
                if (guard)
                    done(answer);
            });
}

ServerReply ServerTransport::classify(QNetworkReply *networkReply, bool tooLarge)
{
    ServerReply reply;
    reply.attempts = 1;
    reply.httpStatus = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (tooLarge) {
        reply.status = plaid::PlaidStatus::BodyTooLarge;
        reply.errorString =
            QStringLiteral("the server's answer is larger than %1 bytes").arg(kMaxBodyBytes);
        return reply;
    }
    if (reply.httpStatus == 0) {
        reply.status = transportStatus(networkReply->error());
        reply.errorString = networkReply->errorString();
        return reply;
    }
    const QByteArray data = networkReply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reply.status = plaid::PlaidStatus::InvalidJson;
        reply.errorString =
            QStringLiteral("the server's HTTP %1 answer is not a JSON object (%2 bytes)")
                .arg(reply.httpStatus)
                .arg(data.size());
        return reply;
    }
    reply.body = document.object();
    if (reply.httpStatus >= 200 && reply.httpStatus < 300) {
        reply.status = plaid::PlaidStatus::Ok;
        return reply;
    }
    const QJsonValue code = reply.body.value(QLatin1StringView("error_code"));
    const QJsonValue message = reply.body.value(QLatin1StringView("error_message"));
    if (!code.isString() || !message.isString()) {
        reply.status = plaid::PlaidStatus::InvalidResponse;
        reply.errorString = QStringLiteral("the server's HTTP %1 answer carries no error_code")
                                .arg(reply.httpStatus);
        return reply;
    }
    reply.status = plaid::PlaidStatus::ApiError;
    reply.errorCode = code.toString();
    reply.errorString = message.toString();
    const QJsonObject plaidError = reply.body.value(QLatin1StringView("plaid_error")).toObject();
    if (!plaidError.isEmpty()) {
        reply.apiError.errorType = plaidError.value(QLatin1StringView("error_type")).toString();
        reply.apiError.errorCode = plaidError.value(QLatin1StringView("error_code")).toString();
        reply.apiError.displayMessage =
            plaidError.value(QLatin1StringView("display_message")).toString();
        reply.apiError.requestId = plaidError.value(QLatin1StringView("request_id")).toString();
        reply.requestId = reply.apiError.requestId;
    } else {
        reply.apiError.errorType = QStringLiteral("WEFT_SERVER");
        reply.apiError.errorCode = reply.errorCode;
    }
    reply.apiError.errorMessage = reply.errorString;
    if (reply.apiError.displayMessage.isEmpty())
        reply.apiError.displayMessage = reply.errorString;
    reply.apiError.httpStatus = reply.httpStatus;
    return reply;
}

} // namespace weft::remote
