#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

// What weft-server-bench's parts share: one blocking JSON request, and percentiles.
namespace weft::serverbench {

struct Answer
{
    int status = 0;
    QJsonObject json;
};

Answer request(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
               const QJsonObject &body = {}, const QString &token = {});
double percentile(QList<double> values, double p);

} // namespace weft::serverbench
