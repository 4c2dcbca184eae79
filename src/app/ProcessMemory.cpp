#include "ProcessMemory.h"

#include <QDir>
#include <QFile>
#include <QHash>

namespace {

QHash<qint64, qint64> parentsOfAll()
{
    QHash<qint64, qint64> parentOf;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 id = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(id));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (name) state ppid ...": the name may hold spaces and parentheses.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        parentOf.insert(id, fields.value(1).toLongLong());
    }
    return parentOf;
}

// The "Name:   1234 kB" value of one line of a /proc file, in KiB.
double kibOf(const QByteArray &contents, const char *name)
{
    for (const QByteArray &line : contents.split('\n')) {
        if (line.startsWith(name))
            return line.mid(qstrlen(name)).trimmed().split(' ').value(0).toDouble();
    }
    return 0;
}

} // namespace

ProcessMemory processTreeMemory(qint64 pid)
{
    const QHash<qint64, qint64> parentOf = parentsOfAll();
    ProcessMemory memory;
    for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it) {
        qint64 walk = it.key();
        while (walk > 1 && walk != pid)
            walk = parentOf.value(walk, 0);
        if (walk != pid)
            continue;
        QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(it.key()));
        if (!rollup.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = rollup.readAll();
        memory.pssMiB += kibOf(text, "Pss:") / 1024.0;
        memory.rssMiB += kibOf(text, "Rss:") / 1024.0;
        ++memory.processes;
    }
    return memory;
}
