#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace weft::server {

// weft-server's database: one schema on SQLite (one file: a small deployment, the demo) or
// PostgreSQL (production, several instances), brought up to date by versioned migrations when
// it opens. Each migration runs in a transaction and is recorded in schema_migrations; on
// PostgreSQL an advisory lock lets only one instance migrate at a time, on SQLite the write
// lock does. A database made by a newer weft-server is refused, not touched.
class ServerDatabase
{
public:
    // The schema this build knows (the last migration's number).
    static int latestSchemaVersion();

    // url: "sqlite:PATH" or "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE". nullptr, with
    // error saying why (never the password), when it cannot be opened or migrated.
    static std::unique_ptr<ServerDatabase> open(const QString &url, QString *error);
    ~ServerDatabase();

    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName); }
    bool isPostgres() const { return m_postgres; }
    // The statement sql, prepared once on this connection and kept: for the queries every
    // request makes (on PostgreSQL a prepare is a round trip of its own). Bind, exec, read,
    // then finish() it; not for queries that may run inside each other.
    QSqlQuery &prepared(const QString &sql);
    int schemaVersion() const;

    // A transaction that reads, then writes: on SQLite it takes the write lock at once (BEGIN
    // IMMEDIATE), so that another process's commit in between cannot fail it on a stale
    // snapshot; on PostgreSQL a plain BEGIN (lock rows with FOR UPDATE where it matters).
    bool beginWrite(QString *error) const;
    // Commits; when the commit fails it rolls back (the connection stays usable) and says why.
    bool commit(QString *error) const;
    void rollback() const;

private:
    ServerDatabase(QString connectionName, bool postgres);
    bool migrate(QString *error);

    QString m_connectionName;
    bool m_postgres = false;
    QHash<QString, QSqlQuery> m_prepared;
};

} // namespace weft::server
