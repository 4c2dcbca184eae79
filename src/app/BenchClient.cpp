#include "BenchClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>

#include <memory>

namespace {

// Parses one HTTP response off the front of buffer. Returns false while incomplete.
bool takeResponse(QByteArray &buffer, int *status, QByteArray *body)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QByteArray head = buffer.left(headerEnd);
    qint64 length = 0;
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    *status = lines.value(0).split(' ').value(1).toInt();
    *body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    return true;
}

} // namespace

BenchClient::BenchClient(QUrl baseUrl, QByteArray request, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_request(std::move(request))
{
}

QByteArray BenchClient::postRequest(const QUrl &baseUrl, const QString &path,
                                    const QByteArray &body, const QString &clientId,
                                    const QString &secret)
{
    QByteArray request = "POST " + path.toUtf8() + " HTTP/1.1\r\n";
    request +=
        "Host: " + baseUrl.host().toUtf8() + ':' + QByteArray::number(baseUrl.port()) + "\r\n";
    request += "Content-Type: application/json\r\n";
    request += "PLAID-CLIENT-ID: " + clientId.toUtf8() + "\r\n";
    request += "PLAID-SECRET: " + secret.toUtf8() + "\r\n";
    request += "Plaid-Version: 2020-09-14\r\n";
    request += "Connection: keep-alive\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    request += body;
    return request;
}

QByteArray BenchClient::postOnce(const QUrl &baseUrl, const QByteArray &request, int *status)
{
    QTcpSocket socket;
    socket.connectToHost(baseUrl.host(), quint16(baseUrl.port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray buffer;
    QByteArray body;
    while (socket.waitForReadyRead(10000)) {
        buffer += socket.readAll();
        if (takeResponse(buffer, status, &body))
            return body;
    }
    return {};
}

BenchClient::Result BenchClient::run(int total, int connections)
{
    Result result;
    result.latenciesMs.reserve(total);
    int sent = 0;
    QEventLoop loop;
    QElapsedTimer wall;
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        QElapsedTimer started;
    };
    std::vector<std::unique_ptr<Connection>> pool;
    auto finishOne = [&] {
        if (result.answered + result.failed >= total)
            loop.quit();
    };
    auto sendNext = [&](Connection &c) {
        if (sent >= total)
            return;
        ++sent;
        c.started.start();
        c.socket->write(m_request);
    };
    wall.start();
    for (int i = 0; i < connections; ++i) {
        auto c = std::make_unique<Connection>();
        c->socket = std::make_unique<QTcpSocket>();
        Connection *raw = c.get();
        connect(raw->socket.get(), &QTcpSocket::connected, this, [&, raw] { sendNext(*raw); });
        connect(raw->socket.get(), &QTcpSocket::readyRead, this, [&, raw] {
            raw->buffer += raw->socket->readAll();
            int status = 0;
            QByteArray body;
            while (takeResponse(raw->buffer, &status, &body)) {
                result.latenciesMs.append(double(raw->started.nsecsElapsed()) / 1e6);
                if (status == 200)
                    ++result.answered;
                else
                    ++result.failed;
                finishOne();
                sendNext(*raw);
            }
        });
        connect(raw->socket.get(), &QTcpSocket::errorOccurred, this, [&] {
            ++result.failed;
            finishOne();
        });
        raw->socket->connectToHost(m_baseUrl.host(), quint16(m_baseUrl.port()));
        pool.push_back(std::move(c));
    }
    loop.exec();
    result.seconds = double(wall.nsecsElapsed()) / 1e9;
    return result;
}
