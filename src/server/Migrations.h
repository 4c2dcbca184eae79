#pragma once

#include <QList>
#include <QString>

namespace weft::server {

// The schema's history, oldest first: migration N takes the database from version N-1 to N.
// Statements are written once for both databases; %ID% stands for an auto-numbered primary key.
struct Migration
{
    int version;
    QString description;
    QList<QString> statements;
};

const QList<Migration> &migrations();

} // namespace weft::server
