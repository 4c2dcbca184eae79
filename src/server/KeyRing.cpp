#include "server/KeyRing.h"

#include "core/AtomicFile.h"
#include "server/ServerSupport.h"

#include <QFile>
#include <QFileDevice>
#include <QRegularExpression>

#include <openssl/crypto.h>

namespace weft::server {
namespace {

bool validId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

} // namespace

KeyRing::~KeyRing()
{
    for (Entry &entry : m_keys)
        OPENSSL_cleanse(entry.key.data(), size_t(entry.key.size()));
}

KeyRing KeyRing::generate()
{
    KeyRing ring;
    ring.addKey();
    return ring;
}

QString KeyRing::addKey()
{
    QString id;
    do {
        id = QStringLiteral("k") + QString::fromLatin1(randomBytes(6).toHex());
    } while (key(id));
    m_keys.append({id, randomBytes(kKeySize)});
    return id;
}

bool KeyRing::removeKey(const QString &id)
{
    if (id == currentKeyId())
        return false;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        if (m_keys.at(i).id == id) {
            OPENSSL_cleanse(m_keys[i].key.data(), size_t(m_keys[i].key.size()));
            m_keys.removeAt(i);
            return true;
        }
    }
    return false;
}

const QByteArray *KeyRing::key(const QString &id) const
{
    for (const Entry &entry : m_keys) {
        if (entry.id == id)
            return &entry.key;
    }
    return nullptr;
}

QStringList KeyRing::keyIds() const
{
    QStringList ids;
    for (const Entry &entry : m_keys)
        ids.append(entry.id);
    return ids;
}

std::optional<KeyRing> KeyRing::load(const QString &path, QString *error)
{
    QFile file(path);
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.exists() && (file.permissions() & others)) {
        *error = QStringLiteral("%1: the key file can be read by others; make it readable by "
                                "its owner only (chmod 600)")
                     .arg(path);
        return std::nullopt;
    }
#endif
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    KeyRing ring;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray line = file.readLine(4096).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        const auto decoded = fields.size() == 2
                                 ? QByteArray::fromBase64Encoding(
                                       fields.at(1), QByteArray::AbortOnBase64DecodingErrors)
                                 : QByteArray::FromBase64Result{};
        const QString id = QString::fromLatin1(fields.value(0));
        if (fields.size() != 2 || !validId(id) || !decoded || decoded.decoded.size() != kKeySize) {
            *error = QStringLiteral("%1, line %2: not \"<id> <32 bytes in base64>\"")
                         .arg(path)
                         .arg(lineNumber);
            return std::nullopt;
        }
        if (ring.key(id)) {
            *error = QStringLiteral("%1, line %2: the key id %3 is used twice")
                         .arg(path)
                         .arg(lineNumber)
                         .arg(id);
            return std::nullopt;
        }
        ring.m_keys.append({id, decoded.decoded});
    }
    if (ring.m_keys.isEmpty()) {
        *error = QStringLiteral("%1: the key file has no key").arg(path);
        return std::nullopt;
    }
    return ring;
}

bool KeyRing::save(const QString &path, QString *error) const
{
    QByteArray text;
    text.reserve(256 + m_keys.size() * 128); // grows in place: no copy of a key left behind
    text += "# weft-server's keys for access tokens at rest: <id> <base64>, oldest "
            "first; the last one seals.\n";
    for (const Entry &entry : m_keys)
        text += entry.id.toLatin1() + ' ' + entry.key.toBase64() + '\n';
    const bool written = writeFileAtomically(path, text, error);
    OPENSSL_cleanse(text.data(), size_t(text.size()));
    if (!written)
        return false;
#ifdef Q_OS_UNIX
    // Owner-only, or not at all: a key file others can read is removed again.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (QFile::permissions(path) & others) {
        QFile::remove(path);
        *error = QStringLiteral("%1: the key file could not be made owner-only").arg(path);
        return false;
    }
#endif
    return true;
}

} // namespace weft::server
