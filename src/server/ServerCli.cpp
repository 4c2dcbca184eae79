#include "server/ServerCli.h"

#include "server/KeyRing.h"
#include "server/ServerDatabase.h"
#include "server/SupportConsole.h"
#include "server/UserDirectory.h"

#include <QFileInfo>
#include <QProcessEnvironment>

namespace weft::server {
namespace {

constexpr int kDone = 0;
constexpr int kRefused = 1;
constexpr int kUsage = 2;

const char kUsageText[] =
    "usage: weft-server serve [--config FILE]\n"
    "       weft-server [--database URL] users add EMAIL [--role user|support]\n"
    "       weft-server [--database URL] users code EMAIL\n"
    "       weft-server [--database URL] users revoke EMAIL\n"
    "       weft-server [--database URL] users list\n"
    "       weft-server [--database URL] audit [--limit N]\n"
    "       weft-server keys init FILE\n"
    "       weft-server keys rotate FILE\n"
    "The database is --database URL, else $WEFT_SERVER_DATABASE: sqlite:PATH or\n"
    "postgresql://USER@HOST[:PORT]/DATABASE (the password in $WEFT_SERVER_DB_PASSWORD).\n";

struct Parsed
{
    QStringList words;
    QString database;
    QString role = QStringLiteral("user");
    QString limit = QStringLiteral("50");
    bool ok = true;
};

Parsed parse(const QStringList &arguments)
{
    Parsed parsed;
    parsed.database =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("WEFT_SERVER_DATABASE"));
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--database" || argument == u"--role" || argument == u"--limit") {
            if (i + 1 >= arguments.size()) {
                parsed.ok = false;
                break;
            }
            (argument == u"--database" ? parsed.database
             : argument == u"--role"   ? parsed.role
                                       : parsed.limit) = arguments.at(++i);
        } else if (argument.startsWith(u"--")) {
            parsed.ok = false;
            break;
        } else {
            parsed.words.append(argument);
        }
    }
    return parsed;
}

int usage(QTextStream &err)
{
    err << kUsageText;
    return kUsage;
}

int keys(const QStringList &words, QTextStream &out, QTextStream &err)
{
    if (words.size() != 3)
        return usage(err);
    const QString &path = words.at(2);
    QString error;
    if (words.at(1) == u"init") {
        if (QFileInfo::exists(path)) {
            err << "weft-server: " << path << " exists already; use keys rotate\n";
            return kRefused;
        }
        const KeyRing ring = KeyRing::generate();
        if (!ring.save(path, &error)) {
            err << "weft-server: " << error << '\n';
            return kRefused;
        }
        out << "made " << path << " (owner-only) with the key " << ring.currentKeyId() << '\n';
        return kDone;
    }
    if (words.at(1) == u"rotate") {
        auto ring = KeyRing::load(path, &error);
        if (!ring) {
            err << "weft-server: " << error << '\n';
            return kRefused;
        }
        const QString added = ring->addKey();
        if (!ring->save(path, &error)) {
            err << "weft-server: " << error << '\n';
            return kRefused;
        }
        out << "added the key " << added << ", which seals from now on; the older keys ("
            << ring->keyIds().mid(0, ring->keyIds().size() - 1).join(QStringLiteral(", "))
            << ") still open what they sealed\n";
        return kDone;
    }
    return usage(err);
}

int users(const Parsed &parsed, const QDateTime &now, QTextStream &out, QTextStream &err)
{
    const QStringList &words = parsed.words;
    const QString verb = words.value(1);
    const bool withEmail = verb == u"add" || verb == u"code" || verb == u"revoke";
    if ((withEmail && words.size() != 3) || (verb == u"list" && words.size() != 2) ||
        (!withEmail && verb != u"list"))
        return usage(err);
    const auto role = UserDirectory::roleFromName(parsed.role);
    if (!role) {
        err << "weft-server: --role is user or support\n";
        return kUsage;
    }
    if (parsed.database.isEmpty()) {
        err << "weft-server: no database: give --database URL or set WEFT_SERVER_DATABASE\n";
        return kUsage;
    }
    QString error;
    const auto database = ServerDatabase::open(parsed.database, &error);
    if (!database) {
        err << "weft-server: " << error << '\n';
        return kRefused;
    }
    UserDirectory directory(database.get());
    if (verb == u"add") {
        const auto enrolment = directory.add(words.at(2), *role, now, &error);
        if (!enrolment) {
            err << "weft-server: " << error << '\n';
            return kRefused;
        }
        out << "enrolled " << words.at(2).trimmed().toLower() << " ("
            << UserDirectory::roleName(*role) << ")\n"
            << "enrolment code, shown only now, valid until "
            << enrolment->expiresAt.toString(Qt::ISODate) << ":\n"
            << enrolment->code << '\n';
        return kDone;
    }
    if (verb == u"code") {
        // Another computer, or one that lost its sign-in: a fresh one-time code.
        const auto enrolment = directory.issueCode(words.at(2), now, &error);
        if (!enrolment) {
            err << "weft-server: " << error << '\n';
            return kRefused;
        }
        out << "enrolment code for " << words.at(2).trimmed().toLower()
            << ", shown only now, valid until " << enrolment->expiresAt.toString(Qt::ISODate)
            << ":\n"
            << enrolment->code << '\n';
        return kDone;
    }
    if (verb == u"revoke") {
        if (!directory.revoke(words.at(2), now, &error)) {
            err << "weft-server: " << error << '\n';
            return kRefused;
        }
        out << "revoked " << words.at(2).trimmed().toLower() << '\n';
        return kDone;
    }
    const auto list = directory.list(&error);
    if (!list) {
        err << "weft-server: " << error << '\n';
        return kRefused;
    }
    for (const UserDirectory::User &user : *list) {
        out << user.email << '\t' << UserDirectory::roleName(user.role) << '\t'
            << (user.revokedAt ? QStringLiteral("revoked ") + user.revokedAt->toString(Qt::ISODate)
                               : QStringLiteral("active"))
            << '\n';
    }
    return kDone;
}

} // namespace

// The audit log, newest first: when, who, what, on what.
int audit(const Parsed &parsed, QTextStream &out, QTextStream &err)
{
    bool ok = false;
    const int limit = parsed.limit.toInt(&ok);
    if (parsed.words.size() != 1 || !ok || limit < 1)
        return usage(err);
    if (parsed.database.isEmpty()) {
        err << "weft-server: no database: give --database URL or set WEFT_SERVER_DATABASE\n";
        return kUsage;
    }
    QString error;
    const auto database = ServerDatabase::open(parsed.database, &error);
    const auto entries =
        database ? SupportConsole(database.get()).auditLog(limit, &error) : std::nullopt;
    if (!entries) {
        err << "weft-server: " << error << '\n';
        return kRefused;
    }
    for (const SupportConsole::AuditEntry &entry : *entries)
        out << entry.at.toString(Qt::ISODate) << '\t' << entry.actor << '\t' << entry.action << '\t'
            << entry.target << '\n';
    return kDone;
}

int runServerCli(const QStringList &arguments, const QDateTime &now, QTextStream &out,
                 QTextStream &err)
{
    const Parsed parsed = parse(arguments);
    if (!parsed.ok || parsed.words.isEmpty())
        return usage(err);
    if (parsed.words.first() == u"keys")
        return keys(parsed.words, out, err);
    if (parsed.words.first() == u"users")
        return users(parsed, now, out, err);
    if (parsed.words.first() == u"audit")
        return audit(parsed, out, err);
    return usage(err);
}

} // namespace weft::server
