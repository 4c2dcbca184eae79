#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace weft::server {

// The keys that seal access tokens at rest: AES-256 keys, each with an id that every sealed
// value records, so that keys can rotate: the newest key seals, every key in the ring opens.
//
// The key file is text, one key per line, "<id> <32 bytes in base64>", oldest first, '#'
// comments and blank lines allowed. It must be readable by its owner only (mode 0600 on Unix):
// a file others can read is refused. Rotation: add a key (the new current one), re-seal at
// leisure, then drop the old key once no row names it.
class KeyRing
{
public:
    static constexpr qsizetype kKeySize = 32;

    KeyRing(const KeyRing &) = default;
    KeyRing &operator=(const KeyRing &) = default;
    KeyRing(KeyRing &&) noexcept = default;
    KeyRing &operator=(KeyRing &&) noexcept = default;
    ~KeyRing();

    // A ring with one new random key.
    static KeyRing generate();
    // The ring in path; nullopt with error set (which line, what is wrong) when the file is
    // missing, readable by others, or not a key file. The keys never appear in error.
    static std::optional<KeyRing> load(const QString &path, QString *error);
    // Writes the ring to path, owner-only, all or nothing.
    bool save(const QString &path, QString *error) const;

    // A new random key, which becomes the current one; its id.
    QString addKey();
    // Drops a key that is not the current one; false if it is the current one or unknown.
    bool removeKey(const QString &id);

    QString currentKeyId() const { return m_keys.isEmpty() ? QString() : m_keys.last().id; }
    // The key with this id, or nullptr.
    const QByteArray *key(const QString &id) const;
    QStringList keyIds() const;

private:
    KeyRing() = default;
    struct Entry
    {
        QString id;
        QByteArray key;
    };
    QList<Entry> m_keys; // oldest first; the last seals
};

} // namespace weft::server
