#pragma once

#include <QDateTime>
#include <QStringList>
#include <QTextStream>

namespace weft::server {

// weft-server's administration commands (the server itself comes later):
//   users add EMAIL [--role user|support]   enrol an account; prints its one-time code
//   users revoke EMAIL                       end an account (and its unused code)
//   users list
//   keys init FILE | keys rotate FILE        the key file that seals access tokens at rest
// The database is --database URL, else $WEFT_SERVER_DATABASE (sqlite:PATH or
// postgresql://USER@HOST[:PORT]/DATABASE). Exit status: 0 done, 1 refused (the reason on err),
// 2 a usage error.
int runServerCli(const QStringList &arguments, const QDateTime &now, QTextStream &out,
                 QTextStream &err);

} // namespace weft::server
