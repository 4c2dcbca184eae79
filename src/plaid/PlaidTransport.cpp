#include "plaid/PlaidTransport.h"

#include "core/Clock.h"
#include "plaid/PlaidLogging.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace weft::plaid {

class PlaidTransport::Call : public QObject
{
    // findChildren<Call *>() needs Q_OBJECT (a static assertion from Qt 6.8 on).
    Q_OBJECT

public:
    Call(PlaidTransport *transport, const QString &path, const QJsonObject &body, bool retryable,
         QObject *context, Done done)
        : QObject(transport)
        , m_transport(transport)
        , m_path(path)
        , m_body(QJsonDocument(body).toJson(QJsonDocument::Compact))
        , m_retryable(retryable)
        , m_context(context)
        , m_done(std::move(done))
    {
    }

    void send();
    void cancel();

private:
    QNetworkRequest makeRequest() const;
    void onFinished();
    TransportReply classify(QNetworkReply *reply);
    void finish(const TransportReply &reply);

    PlaidTransport *m_transport;
    QString m_path;
    QByteArray m_body;
    bool m_retryable;
    QPointer<QObject> m_context;
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    int m_attempt = 0;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_canceled = false;
    QElapsedTimer m_elapsed;
};

QNetworkRequest PlaidTransport::Call::makeRequest() const
{
    const PlaidConfig &config = m_transport->m_config;
    QUrl url = config.baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + m_path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Weft/" WEFT_VERSION));
    request.setRawHeader(QByteArrayLiteral("PLAID-CLIENT-ID"), config.clientId.toUtf8());
    request.setRawHeader(QByteArrayLiteral("PLAID-SECRET"), config.secret.toUtf8());
    request.setRawHeader(QByteArrayLiteral("Plaid-Version"), QByteArray(kPlaidApiVersion));
    // Never follow a redirect: it would carry the secret to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

void PlaidTransport::Call::send()
{
    if (m_canceled)
        return;
    if (m_context.isNull()) { // the caller is gone: nobody to tell
        deleteLater();
        return;
    }
    ++m_attempt;
    m_timedOut = false;
    m_tooLarge = false;
    m_elapsed.start();
    QNetworkReply *reply = m_transport->m_network->post(makeRequest(), m_body);
    m_reply = reply;
    const qint64 cap = m_transport->m_config.maxBodyBytes;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, cap] {
        bool known = false;
        const qint64 length =
            reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && length > cap) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply, cap](qint64 received) {
        if (received > cap && !m_tooLarge) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &Call::onFinished);
    const int attempt = m_attempt;
    m_transport->m_clock->callLater(m_transport->m_config.timeout, this, [this, attempt] {
        if (attempt == m_attempt && m_reply && m_reply->isRunning()) {
            m_timedOut = true;
            m_reply->abort();
        }
    });
}

void PlaidTransport::Call::cancel()
{
    if (m_canceled)
        return;
    m_canceled = true;
    if (m_reply)
        m_reply->abort(); // finished() runs synchronously; onFinished() reports Canceled
    if (!m_done) {
        return;
    }
    TransportReply reply;
    reply.status = PlaidStatus::Canceled;
    reply.errorString = QStringLiteral("the request was canceled");
    reply.attempts = m_attempt;
    finish(reply);
}

void PlaidTransport::Call::onFinished()
{
    QNetworkReply *networkReply = m_reply;
    if (!networkReply)
        return;
    m_reply = nullptr;
    networkReply->deleteLater();
    if (m_canceled)
        return;
    TransportReply reply = classify(networkReply);
    reply.attempts = m_attempt;
    const PlaidConfig &config = m_transport->m_config;
    const qint64 ms = m_elapsed.elapsed();
    if (reply.ok()) {
        qCDebug(lcPlaid).nospace() << "POST " << m_path << " -> " << reply.httpStatus << " in "
                                   << ms << " ms, request " << reply.requestId;
    } else if (reply.status == PlaidStatus::ApiError && reply.httpStatus < 500) {
        qCInfo(lcPlaid).nospace() << "POST " << m_path << " -> " << reply.httpStatus << " in " << ms
                                  << " ms: " << reply.describe();
    } else {
        qCWarning(lcPlaid).nospace() << "POST " << m_path << " attempt " << m_attempt
                                     << " failed in " << ms << " ms: " << reply.describe();
    }
    if (m_retryable && m_attempt < config.retry.maxAttempts && isTransient(reply)) {
        const auto delay = config.retry.delayBefore(m_attempt);
        qCInfo(lcPlaid).nospace() << "retrying POST " << m_path << " in " << delay.count() << " ms";
        m_transport->m_clock->callLater(delay, this, [this] { send(); });
        return;
    }
    finish(reply);
}

void PlaidTransport::Call::finish(const TransportReply &reply)
{
    Done done = std::move(m_done);
    m_done = nullptr;
    deleteLater();
    if (done && !m_context.isNull())
        done(reply);
}

TransportReply PlaidTransport::Call::classify(QNetworkReply *networkReply)
{
    TransportReply reply;
    const PlaidConfig &config = m_transport->m_config;
    const QString host = networkReply->url().host();
    reply.httpStatus = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_timedOut) {
        reply.status = PlaidStatus::Timeout;
        reply.errorString =
            QStringLiteral("no answer from %1 within %2 ms").arg(host).arg(config.timeout.count());
        return reply;
    }
    if (m_tooLarge) {
        reply.status = PlaidStatus::BodyTooLarge;
        reply.errorString = QStringLiteral("the answer is larger than %1 bytes and was not read")
                                .arg(config.maxBodyBytes);
        return reply;
    }
    const QByteArray data = networkReply->readAll();
    bool lengthKnown = false;
    const qint64 announced =
        networkReply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&lengthKnown);
    if (lengthKnown && data.size() < announced) {
        reply.status = PlaidStatus::TruncatedBody;
        reply.errorString = QStringLiteral("the answer was cut off: %1 of %2 bytes arrived")
                                .arg(data.size())
                                .arg(announced);
        return reply;
    }
    if (reply.httpStatus == 0) {
        switch (networkReply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            reply.status = PlaidStatus::ConnectionRefused;
            break;
        case QNetworkReply::RemoteHostClosedError:
            reply.status = PlaidStatus::ConnectionReset;
            break;
        case QNetworkReply::HostNotFoundError:
            reply.status = PlaidStatus::HostNotFound;
            break;
        case QNetworkReply::SslHandshakeFailedError:
            reply.status = PlaidStatus::TlsError;
            break;
        case QNetworkReply::TimeoutError:
            reply.status = PlaidStatus::Timeout;
            break;
        case QNetworkReply::OperationCanceledError:
            reply.status = PlaidStatus::Canceled;
            break;
        default:
            reply.status = PlaidStatus::NetworkError;
            break;
        }
        reply.errorString = networkReply->errorString();
        return reply;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reply.status = PlaidStatus::InvalidJson;
        const QString type = networkReply->header(QNetworkRequest::ContentTypeHeader).toString();
        reply.errorString = QStringLiteral("HTTP %1 answer is not a JSON object (%2, %3 bytes)")
                                .arg(reply.httpStatus)
                                .arg(type.isEmpty() ? QStringLiteral("no content type") : type)
                                .arg(data.size());
        return reply;
    }
    reply.body = document.object();
    reply.requestId = reply.body.value(QLatin1StringView("request_id")).toString();
    if (reply.httpStatus >= 200 && reply.httpStatus < 300) {
        reply.status = PlaidStatus::Ok;
        return reply;
    }
    if (auto error = PlaidError::fromJson(reply.body, reply.httpStatus)) {
        reply.status = PlaidStatus::ApiError;
        reply.apiError = *error;
        reply.errorString = error->errorMessage;
        return reply;
    }
    reply.status = PlaidStatus::InvalidResponse;
    reply.errorString =
        QStringLiteral("HTTP %1 answer carries no Plaid error object").arg(reply.httpStatus);
    return reply;
}

PlaidTransport::PlaidTransport(QNetworkAccessManager *network, Clock *clock, PlaidConfig config,
                               QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_config(std::move(config))
{
}

PlaidTransport::~PlaidTransport()
{
    abortAll();
}

void PlaidTransport::post(const QString &path, const QJsonObject &body, bool retryable,
                          QObject *context, Done done)
{
    auto *call = new Call(this, path, body, retryable, context, std::move(done));
    call->send();
}

void PlaidTransport::abortAll()
{
    const auto calls = findChildren<Call *>(QString(), Qt::FindDirectChildrenOnly);
    for (Call *call : calls)
        call->cancel();
}

bool PlaidTransport::isTransient(const TransportReply &reply)
{
    switch (reply.status) {
    case PlaidStatus::ConnectionReset:
        return true;
    case PlaidStatus::ApiError:
    case PlaidStatus::InvalidJson:
    case PlaidStatus::InvalidResponse:
        return reply.httpStatus >= 500 || reply.httpStatus == 429;
    default:
        return false;
    }
}

} // namespace weft::plaid

#include "PlaidTransport.moc"
