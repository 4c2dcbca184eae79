// HttpRequestParser: what it accepts, what it refuses with which status, and that it never
// holds more than its limits, fed all at once and byte by byte.
#include "net/HttpRequestParser.h"

#include <QtTest>

using namespace weft::net;
using namespace Qt::Literals::StringLiterals;

namespace {

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.maxRequestLineBytes = 256;
    limits.maxHeaderBytes = 1024;
    limits.maxHeaderCount = 10;
    limits.maxBodyBytes = 100;
    return limits;
}

struct Outcome
{
    HttpRequestParser::Result result = HttpRequestParser::Result::NeedMore;
    int status = 0;
    HttpRequest request;
    QByteArray rest;
};

Outcome parse(QByteArray input, bool byteByByte, const HttpLimits &limits = smallLimits())
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    if (byteByByte) {
        QByteArray pending;
        for (qsizetype i = 0; i < input.size(); ++i) {
            pending.append(input.at(i));
            outcome.result = parser.feed(pending);
            if (outcome.result != HttpRequestParser::Result::NeedMore) {
                outcome.rest = pending + input.mid(i + 1);
                break;
            }
        }
    } else {
        outcome.result = parser.feed(input);
        outcome.rest = input;
    }
    if (outcome.result == HttpRequestParser::Result::Complete)
        outcome.request = parser.takeRequest();
    if (outcome.result == HttpRequestParser::Result::Failed)
        outcome.status = parser.errorStatus();
    return outcome;
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void pipelinedRequestsStay();
    void longLinesFailBeforeTheirEnd();
    void hugeBodyFailsOnItsLength();
    void expectContinue();
    void resetAfterTake();
};

void TestHttpRequestParser::accepted_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    QTest::newRow("GET") << "GET /a/b?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"_ba
                         << "GET"_ba << u"/a/b"_s << QByteArray() << true;
    QTest::newRow("POST with Content-Length")
        << "POST /item/get HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"_ba
        << "POST"_ba << u"/item/get"_s << "hello"_ba << true;
    QTest::newRow("repeated equal Content-Length")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok"_ba
        << "POST"_ba << u"/"_s << "ok"_ba << true;
    QTest::newRow("chunked with extension and trailer")
        << "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
           "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n"_ba
        << "POST"_ba << u"/x"_s << "abcde"_ba << true;
    QTest::newRow("Connection: close")
        << "GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n"_ba
        << "GET"_ba << u"/"_s << QByteArray() << false;
    QTest::newRow("HTTP/1.0 closes by default") << "GET / HTTP/1.0\r\n\r\n"_ba
                                                << "GET"_ba << u"/"_s << QByteArray() << false;
    QTest::newRow("HTTP/1.0 keep-alive") << "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba
                                         << "GET"_ba << u"/"_s << QByteArray() << true;
    QTest::newRow("empty lines before the request")
        << "\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n"_ba
        << "GET"_ba << u"/"_s << QByteArray() << true;
    QTest::newRow("absolute form") << "GET http://h:1/p%20q?z HTTP/1.1\r\nHost: h\r\n\r\n"_ba
                                   << "GET"_ba << u"/p q"_s << QByteArray() << true;
    QTest::newRow("percent-decoded path") << "GET /%2e%2e/x HTTP/1.1\r\nHost: h\r\n\r\n"_ba
                                          << "GET"_ba << u"/../x"_s << QByteArray() << true;
    QTest::newRow("obs-text in a value")
        << "GET / HTTP/1.1\r\nHost: h\r\nX: caf\xc3\xa9\t \r\n\r\n"_ba
        << "GET"_ba << u"/"_s << QByteArray() << true;
}

void TestHttpRequestParser::accepted()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    for (const bool byteByByte : {false, true}) {
        const Outcome outcome = parse(input, byteByByte);
        QCOMPARE(outcome.result, HttpRequestParser::Result::Complete);
        QCOMPARE(outcome.request.method, method);
        QCOMPARE(outcome.request.path, path);
        QCOMPARE(outcome.request.body, body);
        QCOMPARE(outcome.request.keepAlive, keepAlive);
        QVERIFY(outcome.rest.isEmpty());
    }
}

void TestHttpRequestParser::refused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");

    const QByteArray host = "Host: h\r\n";
    QTest::newRow("bare LF") << "GET / HTTP/1.1\nHost: h\n\n"_ba << 400;
    QTest::newRow("bare LF in a header") << "GET / HTTP/1.1\r\nHost: h\n\r\n"_ba << 400;
    QTest::newRow("obs-fold") << "GET / HTTP/1.1\r\n" + host + "X: a\r\n b\r\n\r\n" << 400;
    QTest::newRow("space before colon") << "GET / HTTP/1.1\r\nHost : h\r\n\r\n"_ba << 400;
    QTest::newRow("no colon") << "GET / HTTP/1.1\r\n" + host + "Broken\r\n\r\n" << 400;
    QTest::newRow("NUL in a value") << "GET / HTTP/1.1\r\n" + host + "X: a\0b\r\n\r\n"_ba << 400;
    QTest::newRow("CR in a value") << "GET / HTTP/1.1\r\n" + host + "X: a\rb\r\n\r\n" << 400;
    QTest::newRow("no Host") << "GET / HTTP/1.1\r\n\r\n"_ba << 400;
    QTest::newRow("two Hosts") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba << 400;
    QTest::newRow("Content-Length and Transfer-Encoding")
        << "POST / HTTP/1.1\r\n" + host +
               "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        << 400;
    QTest::newRow("conflicting Content-Lengths")
        << "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"
        << 400;
    QTest::newRow("Content-Length list that disagrees")
        << "POST / HTTP/1.1\r\n" + host + "Content-Length: 3, 4\r\n\r\nabcd" << 400;
    QTest::newRow("negative Content-Length")
        << "POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n"
        << 400;
    QTest::newRow("Content-Length with a sign")
        << "POST / HTTP/1.1\r\n" + host + "Content-Length: +3\r\n\r\nabc" << 400;
    QTest::newRow("huge Content-Length")
        << "POST / HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999\r\n\r\n"
        << 400;
    QTest::newRow("body over the limit")
        << "POST / HTTP/1.1\r\n" + host + "Content-Length: 101\r\n\r\n"
        << 413;
    QTest::newRow("chunked over the limit")
        << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n40\r\n" +
               QByteArray(64, 'a') + "\r\n40\r\n"
        << 413;
    QTest::newRow("bad chunk size")
        << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\n"
        << 400;
    QTest::newRow("chunk size overflow")
        << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n"
        << 400;
    QTest::newRow("chunk without CRLF")
        << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n1\r\naXX" << 400;
    QTest::newRow("gzip transfer coding")
        << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n"
        << 501;
    QTest::newRow("Transfer-Encoding in HTTP/1.0")
        << "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"_ba << 400;
    QTest::newRow("HTTP/2.0") << "GET / HTTP/2.0\r\n" + host + "\r\n" << 505;
    QTest::newRow("HTTP/1.2") << "GET / HTTP/1.2\r\n" + host + "\r\n" << 505;
    QTest::newRow("malformed version") << "GET / HTTPS/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("space in the target") << "GET /a b HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("target not a path") << "GET a HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("control character in the method") << "G\x01T / HTTP/1.1\r\n" + host + "\r\n"
                                                     << 400;
    QTest::newRow("two spaces") << "GET  / HTTP/1.1\r\n" + host + "\r\n" << 400;
    QTest::newRow("unknown expectation")
        << "POST / HTTP/1.1\r\n" + host + "Expect: tea\r\nContent-Length: 1\r\n\r\nx" << 417;
    QByteArray manyHeaders = "GET / HTTP/1.1\r\n" + host;
    for (int i = 0; i < 11; ++i)
        manyHeaders += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many headers") << manyHeaders + "\r\n" << 431;
    QTest::newRow("header section too large")
        << "GET / HTTP/1.1\r\n" + host + "X: " + QByteArray(600, 'a') +
               "\r\nY: " + QByteArray(600, 'b') + "\r\n\r\n"
        << 431;
    QTest::newRow("request line too long") << "GET /" + QByteArray(300, 'a') + " HTTP/1.1\r\n"
                                           << 414;
}

void TestHttpRequestParser::refused()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    for (const bool byteByByte : {false, true}) {
        const Outcome outcome = parse(input, byteByByte);
        QCOMPARE(outcome.result, HttpRequestParser::Result::Failed);
        QCOMPARE(outcome.status, status);
    }
}

void TestHttpRequestParser::pipelinedRequestsStay()
{
    HttpRequestParser parser(smallLimits());
    QByteArray input = "POST /1 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nab"
                       "GET /2 HTTP/1.1\r\nHost: h\r\n\r\nGET /3"_ba;
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::Complete);
    QCOMPARE(parser.takeRequest().path, u"/1"_s);
    QVERIFY(input.startsWith("GET /2"));
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::Complete);
    QCOMPARE(parser.takeRequest().path, u"/2"_s);
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::NeedMore);
    QVERIFY(parser.hasStarted());
}

void TestHttpRequestParser::longLinesFailBeforeTheirEnd()
{
    // A 10 MB header line, as an attacker sends it: refused once the limit is passed, without
    // waiting for (or keeping) the rest.
    HttpRequestParser parser(HttpLimits{});
    QByteArray input = "GET / HTTP/1.1\r\nHost: h\r\nX: "_ba;
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::NeedMore);
    qsizetype fed = input.size();
    HttpRequestParser::Result result = HttpRequestParser::Result::NeedMore;
    while (result == HttpRequestParser::Result::NeedMore && fed < 10 * 1024 * 1024) {
        input += QByteArray(4096, 'a');
        fed += 4096;
        result = parser.feed(input);
    }
    QCOMPARE(result, HttpRequestParser::Result::Failed);
    QCOMPARE(parser.errorStatus(), 431);
    QVERIFY2(fed <= HttpLimits{}.maxHeaderBytes + 8192, qPrintable(QString::number(fed)));

    HttpRequestParser lineParser(HttpLimits{});
    QByteArray line = "GET /"_ba + QByteArray(HttpLimits{}.maxRequestLineBytes + 10, 'a');
    QCOMPARE(lineParser.feed(line), HttpRequestParser::Result::Failed);
    QCOMPARE(lineParser.errorStatus(), 414);
}

void TestHttpRequestParser::hugeBodyFailsOnItsLength()
{
    HttpRequestParser parser(HttpLimits{});
    QByteArray input = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 524288000\r\n\r\n"_ba;
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::Failed);
    QCOMPARE(parser.errorStatus(), 413);
}

void TestHttpRequestParser::expectContinue()
{
    HttpRequestParser parser(smallLimits());
    QByteArray input =
        "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"_ba;
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::NeedMore);
    QVERIFY(parser.headersComplete());
    QVERIFY(parser.expectsContinue());
    input = "abc";
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::Complete);
    QCOMPARE(parser.takeRequest().body, "abc"_ba);
    QVERIFY(!parser.expectsContinue());
}

void TestHttpRequestParser::resetAfterTake()
{
    HttpRequestParser parser(smallLimits());
    QByteArray input = "GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n\r\n"_ba;
    QCOMPARE(parser.feed(input), HttpRequestParser::Result::Complete);
    QCOMPARE(parser.takeRequest().header("x-a"), "1"_ba);
    QVERIFY(!parser.hasStarted());
    // The header count and size start again for the next request.
    for (int i = 0; i < 20; ++i) {
        input = "GET / HTTP/1.1\r\nHost: h\r\n" + QByteArray("X: 1\r\n").repeated(9) + "\r\n";
        QCOMPARE(parser.feed(input), HttpRequestParser::Result::Complete);
        parser.takeRequest();
    }
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
