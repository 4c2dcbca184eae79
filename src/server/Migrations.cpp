#include "server/Migrations.h"

namespace weft::server {

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1,
         QStringLiteral("users, their Items (access tokens sealed), Item events, the audit log"),
         {
             QStringLiteral("CREATE TABLE users ("
                            " id %ID%,"
                            " email TEXT NOT NULL UNIQUE,"
                            " role TEXT NOT NULL CHECK (role IN ('user', 'support')),"
                            " created_at TEXT NOT NULL,"
                            " revoked_at TEXT)"),
             QStringLiteral("CREATE TABLE items ("
                            " item_id TEXT PRIMARY KEY,"
                            " user_id BIGINT NOT NULL REFERENCES users (id),"
                            " institution_id TEXT,"
                            " institution_name TEXT,"
                            " access_token_sealed TEXT NOT NULL,"
                            " status TEXT NOT NULL,"
                            " error_code TEXT,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX items_by_user ON items (user_id)"),
             QStringLiteral("CREATE TABLE item_events ("
                            " id %ID%,"
                            " item_id TEXT NOT NULL,"
                            " source TEXT NOT NULL,"
                            " webhook_type TEXT,"
                            " webhook_code TEXT,"
                            " dedupe_key TEXT NOT NULL,"
                            " body TEXT,"
                            " at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX item_events_by_item ON item_events (item_id, id)"),
             QStringLiteral("CREATE TABLE audit_log ("
                            " id %ID%,"
                            " actor_id BIGINT NOT NULL REFERENCES users (id),"
                            " action TEXT NOT NULL,"
                            " target TEXT NOT NULL,"
                            " at TEXT NOT NULL)"),
         }},
        {2,
         QStringLiteral("enrolment codes (kept as hashes), one use each"),
         {
             QStringLiteral("CREATE TABLE enrolments ("
                            " code_hash TEXT PRIMARY KEY,"
                            " user_id BIGINT NOT NULL REFERENCES users (id),"
                            " created_at TEXT NOT NULL,"
                            " expires_at TEXT NOT NULL,"
                            " used_at TEXT)"),
             QStringLiteral("CREATE INDEX enrolments_by_user ON enrolments (user_id)"),
         }},
        {3,
         QStringLiteral(
             "desktops' credentials (kept as hashes), public token exchanges (each once), "
             "Item indexes for support's search"),
         {
             QStringLiteral("CREATE TABLE credentials ("
                            " token_hash TEXT PRIMARY KEY,"
                            " user_id BIGINT NOT NULL REFERENCES users (id),"
                            " kind TEXT NOT NULL CHECK (kind IN ('refresh', 'access')),"
                            " family TEXT NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " expires_at TEXT NOT NULL,"
                            " replaced_at TEXT,"
                            " revoked_at TEXT)"),
             QStringLiteral("CREATE INDEX credentials_by_family ON credentials (family)"),
             QStringLiteral("CREATE INDEX credentials_by_user ON credentials (user_id)"),
             QStringLiteral("CREATE TABLE public_token_exchanges ("
                            " public_token_hash TEXT PRIMARY KEY,"
                            " user_id BIGINT NOT NULL REFERENCES users (id),"
                            " item_id TEXT,"
                            " started_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX items_by_status ON items (status)"),
             QStringLiteral("CREATE INDEX items_by_institution ON items (institution_name)"),
         }},
    };
    return all;
}

} // namespace weft::server
