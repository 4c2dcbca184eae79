#pragma once

#include <QByteArray>
#include <QString>

namespace weft {

// Replaces the file at path with data, all or nothing: the bytes go to a temporary file beside
// it (readable and writable by the owner only), every write is checked, the data is flushed to
// the disk, and only then does the temporary file take the old one's place. On any failure —
// a full disk, a read-only folder, an I/O error — the old file stays as it was, the temporary
// file is removed, and error says what happened. The folder is made if it is missing.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

// Moves the file at path aside to "<path>.<tag>-<UTC time to the millisecond>", with "-2",
// "-3", … added if that name is taken (two damaged files in the same instant both keep theirs).
// The new path, or an empty string with error set when it could not be moved.
QString moveFileAside(const QString &path, const QString &tag, QString *error);

} // namespace weft
