#include "core/AtomicFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <cerrno>
#include <cstring>
#include <unistd.h>
#endif

namespace weft {
namespace {

// Flushes the file's data to the disk, so that the rename that follows never publishes a file
// whose blocks the disk does not have yet (QSaveFile::commit() ignores a failed sync).
bool syncToDisk(QSaveFile &file, QString *error)
{
    const int fd = file.handle();
    if (fd < 0)
        return true;
#if defined(Q_OS_WIN)
    if (::_commit(fd) != 0) {
        *error = QStringLiteral("could not flush the file to the disk");
        return false;
    }
#else
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
#endif
    return true;
}

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QString problem;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("the folder %1 could not be made").arg(folder);
        return false;
    }
    QSaveFile file(path);
    // Unbuffered: a failed write (a full disk) is seen at the write, not lost in a buffer that
    // a later close would flush without telling anyone.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = file.write(data.constData() + written, data.size() - written);
        if (n <= 0) {
            problem = file.errorString();
            break;
        }
        written += n;
    }
    if (problem.isEmpty() && !file.flush())
        problem = file.errorString();
    if (problem.isEmpty())
        syncToDisk(file, &problem);
    if (!problem.isEmpty()) {
        file.cancelWriting();
        file.commit(); // removes the temporary file; the old file is untouched
        *error = problem;
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString moveFileAside(const QString &path, const QString &tag, QString *error)
{
    const QString base =
        path + u'.' + tag + u'-' +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    for (int n = 1; n < 1000; ++n) {
        QString candidate = n == 1 ? base : base + u'-' + QString::number(n);
        if (QFileInfo::exists(candidate))
            continue;
        QFile file(path);
        if (file.rename(candidate))
            return candidate;
        if (QFileInfo::exists(candidate))
            continue; // taken between the check and the rename
        *error = file.errorString();
        return {};
    }
    *error = QStringLiteral("no free name beside %1").arg(path);
    return {};
}

} // namespace weft
