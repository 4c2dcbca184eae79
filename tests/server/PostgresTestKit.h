#pragma once

// The postgres fixture's server (postgres-fixture.sh): its URL, and a way to empty its test
// database so that each test starts from nothing.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

namespace weft::server::testkit {

// The URL the fixture wrote, or empty (the tests then fail, saying to run them with ctest).
inline QString postgresUrl()
{
    QFile file(qEnvironmentVariable("WEFT_TEST_POSTGRES_DIR") + QStringLiteral("/url"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Drops every table: through a plain connection, since ServerDatabase itself would refuse what
// a test may leave behind (a schema from the future). Empty on success, else the reason.
inline QString resetPostgres(const QString &postgresUrl)
{
    const QUrl url(postgresUrl);
    const QString name = QStringLiteral("weft-test-reset");
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("DROP SCHEMA public CASCADE")) ||
                !query.exec(QStringLiteral("CREATE SCHEMA public")))
                problem = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

} // namespace weft::server::testkit
