// weft: the desktop app. Starts the embedded Plaid Sandbox in-process and talks to it through
// the Plaid client, as it would talk to Plaid.
#include "core/Clock.h"
#include "core/Logging.h"
#include "core/Redaction.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QUuid>

using namespace weft;

int main(int argc, char *argv[])
{
    configureLogging();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Weft"));
    QApplication::setOrganizationName(QStringLiteral("Weft"));
    QApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("app.weft.Weft"));

    ui::MainWindow window;
    window.show();

    // The in-process sandbox accepts only this session's random credentials, so no other
    // local process can use it.
    sandbox::EmbeddedSandboxOptions options;
    options.credentials.clientId = QStringLiteral("weft-embedded");
    options.credentials.secret = QUuid::createUuid().toString(QUuid::WithoutBraces);
    redaction::registerSecret(options.credentials.secret);

    sandbox::EmbeddedSandbox sandbox(Clock::system());
    QString error;
    if (!sandbox.start(options, &error)) {
        window.setStatus(QObject::tr("The embedded Plaid Sandbox could not start: %1").arg(error),
                         false);
        return app.exec();
    }
    window.setBackend(QObject::tr("Embedded Plaid Sandbox"), sandbox.baseUrl());

    QNetworkAccessManager network;
    plaid::PlaidConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.clientId = options.credentials.clientId;
    config.secret = options.credentials.secret;
    plaid::PlaidClient client(&network, config, Clock::system());
    window.setStatus(QObject::tr("Checking the sandbox…"), true);
    plaid::InstitutionGetRequest probe;
    probe.institutionId = QStringLiteral("ins_109508");
    probe.countryCodes = {QStringLiteral("US")};
    client.getInstitution(probe, &window, [&window](const plaid::PlaidResult<plaid::Institution> &r) {
        if (r.ok()) {
            window.setStatus(QObject::tr("Ready: %1 answers (request %2)")
                                 .arg(r.value.name, r.requestId),
                             true);
        } else {
            window.setStatus(QObject::tr("The sandbox does not answer: %1").arg(r.describe()),
                             false);
        }
    });
    return app.exec();
}
