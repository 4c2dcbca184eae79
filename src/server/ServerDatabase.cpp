#include "server/ServerDatabase.h"

#include "server/Migrations.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <QVariant>

namespace weft::server {
namespace {

// pg_advisory_lock's key for migrations: any constant all instances share.
constexpr qint64 kMigrationLock = 0x57656674'4d696772; // "WeftMigr"

QString dialect(const QString &statement, bool postgres)
{
    QString out = statement;
    out.replace(QLatin1StringView("%ID%"),
                postgres ? QLatin1StringView("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
                         : QLatin1StringView("INTEGER PRIMARY KEY AUTOINCREMENT"));
    return out;
}

bool run(QSqlQuery &query, const QString &statement, QString *error)
{
    if (query.exec(statement))
        return true;
    *error = QStringLiteral("the database refused \"%1\": %2")
                 .arg(statement.left(60), query.lastError().text());
    return false;
}

// The libpq settings a postgresql:// URL may carry in its query (TLS above all); anything else
// is refused rather than silently dropped.
const QStringList &allowedPostgresOptions()
{
    static const QStringList options{QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
                                     QStringLiteral("sslcert"), QStringLiteral("sslkey"),
                                     QStringLiteral("target_session_attrs")};
    return options;
}

// The URL as it may be shown: without its password.
QString shown(const QString &url)
{
    QUrl parsed(url);
    return parsed.isValid() ? parsed.toString(QUrl::RemovePassword) : QStringLiteral("(the URL)");
}

} // namespace

int ServerDatabase::latestSchemaVersion()
{
    return migrations().isEmpty() ? 0 : migrations().last().version;
}

QSqlQuery &ServerDatabase::prepared(const QString &sql)
{
    auto it = m_prepared.find(sql);
    if (it != m_prepared.end() && !it->lastError().isValid())
        return *it;
    if (it == m_prepared.end())
        it = m_prepared.insert(sql, QSqlQuery(connection()));
    it->setForwardOnly(true);
    // After a failure (to prepare, or to run) it is prepared anew; a statement that cannot be
    // prepared fails its exec() with the database's reason.
    it->prepare(sql);
    return *it;
}

ServerDatabase::ServerDatabase(QString connectionName, bool postgres)
    : m_connectionName(std::move(connectionName))
    , m_postgres(postgres)
{
}

ServerDatabase::~ServerDatabase()
{
    m_prepared.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<ServerDatabase> ServerDatabase::open(const QString &url, QString *error)
{
    const QString name =
        QStringLiteral("weft-server-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool postgres = false;
    {
        QSqlDatabase db;
        if (url.startsWith(QLatin1StringView("sqlite:"))) {
            const QString path = url.mid(7);
            if (path.isEmpty()) {
                *error = QStringLiteral("sqlite: needs the database file's path (sqlite:PATH)");
                return nullptr;
            }
            if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
                *error = QStringLiteral("Qt's SQLite driver is missing (libqt6sql6-sqlite)");
                return nullptr;
            }
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
        } else if (url.startsWith(QLatin1StringView("postgresql://")) ||
                   url.startsWith(QLatin1StringView("postgres://"))) {
            const QUrl parsed(url);
            const QString database = parsed.path().mid(1);
            if (!parsed.isValid() || parsed.host().isEmpty() || database.isEmpty() ||
                database.contains(u'/')) {
                *error = QStringLiteral("%1 is not postgresql://USER@HOST[:PORT]/DATABASE")
                             .arg(shown(url));
                return nullptr;
            }
            if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
                *error = QStringLiteral("Qt's PostgreSQL driver is missing (libqt6sql6-psql)");
                return nullptr;
            }
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(parsed.host());
            db.setPort(parsed.port(5432));
            db.setUserName(parsed.userName());
            db.setPassword(parsed.password().isEmpty()
                               ? QProcessEnvironment::systemEnvironment().value(
                                     QStringLiteral("WEFT_SERVER_DB_PASSWORD"))
                               : parsed.password());
            db.setDatabaseName(database);
            QStringList options{QStringLiteral("connect_timeout=10")};
            const QList<std::pair<QString, QString>> items =
                QUrlQuery(parsed).queryItems(QUrl::FullyDecoded);
            for (const auto &[key, value] : items) {
                if (!allowedPostgresOptions().contains(key) || value.contains(u';') ||
                    value.contains(u' ')) {
                    *error =
                        QStringLiteral("the database URL's option \"%1\" is not one of %2")
                            .arg(key.left(40), allowedPostgresOptions().join(QStringLiteral(", ")));
                    db = QSqlDatabase();
                    QSqlDatabase::removeDatabase(name);
                    return nullptr;
                }
                options.append(key + u'=' + value);
            }
            db.setConnectOptions(options.join(u';'));
            postgres = true;
        } else {
            *error = QStringLiteral("%1 is not a database URL: use sqlite:PATH or "
                                    "postgresql://USER@HOST[:PORT]/DATABASE")
                         .arg(shown(url));
            return nullptr;
        }
        if (!db.open()) {
            *error = QStringLiteral("cannot open %1: %2")
                         .arg(shown(url), db.lastError().text().trimmed());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return nullptr;
        }
    }
    std::unique_ptr<ServerDatabase> database(new ServerDatabase(name, postgres));
    if (!database->migrate(error))
        return nullptr;
    return database;
}

int ServerDatabase::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool ServerDatabase::beginWrite(QString *error) const
{
    QSqlQuery query(connection());
    return run(query, m_postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"),
               error);
}

bool ServerDatabase::commit(QString *error) const
{
    QSqlQuery query(connection());
    if (run(query, QStringLiteral("COMMIT"), error))
        return true;
    rollback();
    return false;
}

void ServerDatabase::rollback() const
{
    QSqlQuery query(connection());
    query.exec(QStringLiteral("ROLLBACK"));
}

bool ServerDatabase::migrate(QString *error)
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    if (m_postgres) {
        // An instance that hangs mid-migration holds the lock: the others give up, saying so.
        if (!run(query, QStringLiteral("SET lock_timeout = '120s'"), error))
            return false;
    } else {
        if (!run(query, QStringLiteral("PRAGMA foreign_keys = ON"), error) ||
            !run(query, QStringLiteral("PRAGMA journal_mode = WAL"), error))
            return false;
        // WAL lets readers go on while one writes; a file system without it is refused.
        if (!query.next() || query.value(0).toString().compare(u"wal", Qt::CaseInsensitive)) {
            *error = QStringLiteral("SQLite cannot use write-ahead logging for this file (a "
                                    "network file system?); put the database on a local disk");
            return false;
        }
    }
    // One migrator at a time: PostgreSQL's advisory lock (held to the end), SQLite's write lock
    // (an immediate transaction around everything).
    const QString lock = m_postgres
                             ? QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLock)
                             : QStringLiteral("BEGIN IMMEDIATE");
    if (!run(query, lock, error))
        return false;
    const auto finish = [&](bool ok) {
        QSqlQuery end(db);
        if (m_postgres) {
            end.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLock));
        } else if (ok && !end.exec(QStringLiteral("COMMIT"))) {
            *error =
                QStringLiteral("the migrations could not be saved: %1").arg(end.lastError().text());
            end.exec(QStringLiteral("ROLLBACK"));
            ok = false;
        } else if (!ok) {
            end.exec(QStringLiteral("ROLLBACK"));
        }
        return ok;
    };
    if (!run(query,
             QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                            " version INTEGER PRIMARY KEY,"
                            " description TEXT NOT NULL,"
                            " applied_at TEXT NOT NULL)"),
             error))
        return finish(false);
    const int current = schemaVersion();
    if (current < 0) {
        *error = QStringLiteral("cannot read the schema version: %1")
                     .arg(QSqlQuery(db).lastError().text());
        return finish(false);
    }
    if (current > latestSchemaVersion()) {
        *error = QStringLiteral("the database's schema is version %1, made by a newer "
                                "weft-server; this one knows up to version %2 and leaves it as "
                                "it is")
                     .arg(current)
                     .arg(latestSchemaVersion());
        return finish(false);
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        if (m_postgres && !db.transaction()) {
            *error = db.lastError().text();
            return finish(false);
        }
        bool ok = true;
        for (const QString &statement : migration.statements) {
            if (!run(query, dialect(statement, m_postgres), error)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            query.prepare(QStringLiteral("INSERT INTO schema_migrations (version, description, "
                                         "applied_at) VALUES (?, ?, ?)"));
            query.addBindValue(migration.version);
            query.addBindValue(migration.description);
            query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            ok = query.exec();
            if (!ok)
                *error = query.lastError().text();
        }
        if (m_postgres && !(ok ? db.commit() : db.rollback()) && ok) {
            *error = db.lastError().text();
            ok = false;
        }
        if (!ok) {
            *error = QStringLiteral("migration %1 failed: %2").arg(migration.version).arg(*error);
            return finish(false);
        }
    }
    return finish(true);
}

} // namespace weft::server
