// Google reCAPTCHA's frames in the Plaid modes, end to end over real TLS: Weft's Link page in
// Plaid mode, a Link frame on https://cdn.plaid.com and, inside it, frames on Google's
// reCAPTCHA host (allowed), another path on that host and another host with reCAPTCHA's path
// (both refused before any request leaves). Offline: Chromium's host resolver maps those names
// to this test's TLS server, whose certificate comes from a test CA trusted in a scratch NSS
// database (the one Chromium on Linux reads, under $HOME/.pki/nssdb). What reached the server
// is the proof: a refused frame never makes a request.
#include "WebTestKit.h"
#include "link/LinkEnvironment.h"
#include "link/LinkPage.h"
#include "net/HttpResponder.h"
#include "net/HttpServer.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QWebEngineProfile>
#include <QtTest>

#include <cstdlib>

using namespace weft;
using namespace weft::link;
using namespace Qt::Literals::StringLiterals;

namespace {

const char *const kMappedHosts[] = {"cdn.plaid.com", "www.google.com", "www.gstatic.com",
                                    "evil.example"};

QTemporaryDir &scratchHome()
{
    static QTemporaryDir home;
    return home;
}

// A test CA, a server certificate for the mapped hosts signed by it, and an NSS database in
// the scratch home that trusts the CA. False when a tool failed (the test then fails).
bool makeTrust(const QString &home)
{
    QFile script(home + QStringLiteral("/make-trust.sh"));
    if (!script.open(QIODevice::WriteOnly))
        return false;
    script.write(R"SH(set -e
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Weft test CA' \
    -keyout ca.key -out ca.pem -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign > /dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj '/CN=cdn.plaid.com' -keyout server.key \
    -out server.csr > /dev/null 2>&1
printf 'subjectAltName=DNS:cdn.plaid.com,DNS:www.google.com,DNS:www.gstatic.com,DNS:evil.example\nextendedKeyUsage=serverAuth\n' > san.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile san.ext -out server.pem > /dev/null 2>&1
mkdir -p .pki/nssdb
certutil -N -d sql:.pki/nssdb --empty-password
certutil -A -d sql:.pki/nssdb -n weft-test-ca -t C,, -i ca.pem
)SH");
    script.close();
    const QByteArray command = QByteArray("bash '") + script.fileName().toLocal8Bit() + '\'';
    return std::system(command.constData()) == 0;
}

// A tiny https server: answers each request with a page by path and records "host path".
class TlsServer : public QObject
{
public:
    explicit TlsServer(const QString &home)
    {
        QFile certificate(home + QStringLiteral("/server.pem"));
        QFile key(home + QStringLiteral("/server.key"));
        certificate.open(QIODevice::ReadOnly);
        key.open(QIODevice::ReadOnly);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(&certificate));
        configuration.setPrivateKey(QSslKey(&key, QSsl::Rsa));
        m_server.setSslConfiguration(configuration);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = static_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                connect(socket, &QSslSocket::readyRead, socket, [this, socket] { serve(socket); });
                connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    QStringList requests;
    QString linkFramePage;

private:
    void serve(QSslSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QByteArray path = lines.first().split(' ').value(1);
        QByteArray host;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("host:"))
                host = line.mid(5).trimmed().split(':').first();
        }
        m_buffers.remove(socket);
        requests << QString::fromLatin1(host + ' ' + path.split('?').first());
        QByteArray body;
        if (host == "cdn.plaid.com")
            body = linkFramePage.toUtf8();
        else
            body = "<!DOCTYPE html><body>recaptcha</body>";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                      "Content-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    QHash<QSslSocket *, QByteArray> m_buffers;
};

} // namespace

class TestRecaptchaFrames : public QObject
{
    Q_OBJECT

private slots:
    void recaptchaFramesInPlaidMode();
};

void TestRecaptchaFrames::recaptchaFramesInPlaidMode()
{
    TlsServer tls(scratchHome().path());
    QVERIFY(tls.port() != 0);
    const QString port = QString::number(tls.port());
    tls.linkFramePage =
        QStringLiteral(
            "<!DOCTYPE html><body>link"
            "<iframe id=anchor src=\"https://www.google.com:%1/recaptcha/api2/anchor?k=t\">"
            "</iframe><iframe id=search src=\"https://www.google.com:%1/search?q=x\">"
            "</iframe><iframe id=evil src=\"https://evil.example:%1/recaptcha/api2/"
            "anchor\"></iframe></body>")
            .arg(port);

    // The host page, on loopback as in the app.
    net::HttpServer http;
    http.setHandler([](const net::HttpRequest &, const net::HttpResponder &responder) {
        net::HttpResponse page;
        page.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        page.body = QByteArrayLiteral("<!DOCTYPE html><body>host</body>");
        responder.respond(page);
    });
    QString error;
    QVERIFY2(http.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    LinkEnvironment environment = LinkEnvironment::forPlaid(
        QUrl(QStringLiteral("http://127.0.0.1:%1/weft/host/index.html").arg(http.port())));
    QWebEngineProfile *profile = LinkPage::createProfile(environment, nullptr);
    auto *page = new LinkPage(environment, profile);
    test::installFrameDriver(page);
    QSignalSpy blocked(page, &GuestPage::navigationBlocked);
    QSignalSpy loaded(page, &QWebEnginePage::loadFinished);
    page->load(environment.hostPageUrl);
    QVERIFY(loaded.wait(15000));

    test::runJs(page, QStringLiteral("var f=document.createElement('iframe');f.id='link';"
                                     "f.src='https://cdn.plaid.com:%1/link/v2/stable/link.html';"
                                     "document.body.appendChild(f);true")
                          .arg(port));
    // Link's frame came over TLS (the test CA is trusted), from Plaid's host.
    QVERIFY2(test::waitFrameJs(page,
                               QStringLiteral("!!document.body && "
                                              "document.body.textContent.indexOf('link')===0"),
                               20000, QStringLiteral("#link")),
             qPrintable(u"requests: "_s + tls.requests.join(u", ") + u"; refused: "_s + [&blocked] {
                 QStringList urls;
                 for (const QList<QVariant> &signal : std::as_const(blocked))
                     urls << signal.first().toUrl().toString() + u' ' + signal.at(1).toString();
                 return urls.join(u", ");
             }()));
    QTRY_VERIFY_WITH_TIMEOUT(tls.requests.contains(u"www.google.com /recaptcha/api2/anchor"),
                             15000);
    QTRY_COMPARE_WITH_TIMEOUT(blocked.size(), 2, 10000);
    QStringList refused;
    for (const QList<QVariant> &signal : std::as_const(blocked))
        refused << signal.first().toUrl().host() + signal.first().toUrl().path();
    refused.sort();
    QCOMPARE(refused, QStringList({QStringLiteral("evil.example/recaptcha/api2/anchor"),
                                   QStringLiteral("www.google.com/search")}));
    QTest::qWait(500);
    QVERIFY2(!tls.requests.contains(u"www.google.com /search"),
             qPrintable(tls.requests.join(u", ")));
    QVERIFY(!tls.requests.contains(u"evil.example /recaptcha/api2/anchor"));
    delete page;
    delete profile;
}

int main(int argc, char *argv[])
{
    // Before the web engine starts: the scratch home with its NSS database, and host names
    // mapped to loopback (passed to Chromium as a command-line argument of the app).
    const QString home = scratchHome().path();
    if (!makeTrust(home)) {
        std::fprintf(stderr, "could not make the test CA and NSS database (openssl, certutil)\n");
        return 1;
    }
    qputenv("HOME", home.toLocal8Bit());
    QByteArray rules = "--host-resolver-rules=";
    for (const char *host : kMappedHosts)
        rules += QByteArray("MAP ") + host + " 127.0.0.1,";
    rules.chop(1);
    // Application arguments after --webEngineArgs go to Chromium — but only when
    // QTWEBENGINE_CHROMIUM_FLAGS is not set (QtWebEngine then drops them), and a space inside
    // one would split it there: so the runner's flags move to the arguments too.
    QList<QByteArray> storage{QByteArrayLiteral("--webEngineArgs")};
    storage += qgetenv("QTWEBENGINE_CHROMIUM_FLAGS").split(' ');
    storage.removeAll(QByteArray());
    storage << rules;
    qunsetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    std::vector<char *> arguments{argv[0]};
    for (QByteArray &argument : storage)
        arguments.push_back(argument.data());
    int count = int(arguments.size());
    QApplication app(count, arguments.data());
    QTEST_SET_MAIN_SOURCE_PATH
    TestRecaptchaFrames test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_recaptcha_frames.moc"
