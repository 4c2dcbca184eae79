#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

// A load generator for the sandbox: `connections` keep-alive HTTP/1.1 connections, each with
// one request in flight, until `total` answers have arrived. Records every latency.
class BenchClient : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        int answered = 0;
        int failed = 0; // non-200 answers or broken connections
        double seconds = 0;
        QList<double> latenciesMs;
    };

    BenchClient(QUrl baseUrl, QByteArray request, QObject *parent = nullptr);
    Result run(int total, int connections);

    // A complete HTTP/1.1 POST of a JSON body with the Plaid headers.
    static QByteArray postRequest(const QUrl &baseUrl, const QString &path, const QByteArray &body,
                                  const QString &clientId, const QString &secret);
    // One blocking POST; the JSON body of the answer, or an empty array on failure.
    static QByteArray postOnce(const QUrl &baseUrl, const QByteArray &request, int *status);

private:
    QUrl m_baseUrl;
    QByteArray m_request;
};
