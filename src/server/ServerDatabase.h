#pragma once

#include <QSqlDatabase>
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
};

} // namespace weft::server
