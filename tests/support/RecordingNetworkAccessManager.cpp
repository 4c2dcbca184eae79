#include "support/RecordingNetworkAccessManager.h"

#include <QIODevice>

namespace weft::test {

QNetworkReply *RecordingNetworkAccessManager::createRequest(Operation op,
                                                            const QNetworkRequest &request,
                                                            QIODevice *outgoingData)
{
    QByteArray body;
    if (outgoingData)
        body = outgoingData->peek(outgoingData->bytesAvailable());
    m_sent.append({request, body});
    return QNetworkAccessManager::createRequest(op, request, outgoingData);
}

} // namespace weft::test
