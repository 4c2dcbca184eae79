#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace weft::test {

// A real QNetworkAccessManager that also keeps a copy of every request it sends, body
// included, so tests can check exactly what went over the wire.
class RecordingNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    struct Sent
    {
        QNetworkRequest request;
        QByteArray body;
    };

    using QNetworkAccessManager::QNetworkAccessManager;

    const QList<Sent> &sent() const { return m_sent; }
    void clear() { m_sent.clear(); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QList<Sent> m_sent;
};

} // namespace weft::test
