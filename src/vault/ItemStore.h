#pragma once

#include "vault/ItemRecord.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace weft::vault {

// The non-secret index of Items: a JSON file in the app's data folder, replaced atomically
// (writeFileAtomically: every write and the sync checked) and only readable by the user.
// Changes are saved together at the next turn of the event loop, or at once with flush(). A
// save that fails (a full disk) leaves the old file as it was, says so (saveFailed), keeps the
// changes in memory and tries again. A corrupt file is moved aside under a name no other
// takes and reported, never silently dropped or overwritten.
class ItemStore : public QObject
{
    Q_OBJECT

public:
    struct LoadReport
    {
        bool ok = true;
        QString error;      // what was wrong with the file
        QString backupPath; // where the unreadable file was kept
        int count = 0;
    };

    explicit ItemStore(QString path, QObject *parent = nullptr);
    ~ItemStore() override;

    static QString defaultPath();
    const QString &path() const { return m_path; }

    LoadReport load();
    // The reading of a file's bytes, without the file: what it holds, or what is wrong.
    static QString parse(const QByteArray &bytes, QList<ItemRecord> *items,
                         QList<PendingExchange> *pending);
    // Writes pending changes now. False, with the reason, when the file could not be written.
    bool flush(QString *error = nullptr);
    bool hasUnsavedChanges() const { return m_dirty; }

    const QList<ItemRecord> &items() const { return m_items; }
    int indexOf(const QString &itemId) const { return m_rows.value(itemId, -1); }
    const ItemRecord *item(const QString &itemId) const;

    // Exchanges under way (see PendingExchange); saved with the Items.
    const QList<PendingExchange> &pendingExchanges() const { return m_pending; }
    void addPendingExchange(const PendingExchange &pending);
    // False when there was none for that link_session_id.
    bool removePendingExchange(const QString &linkSessionId);

    void upsert(const ItemRecord &record);
    // Changes the listed Item in place (itemChanged follows); false, and nothing is called,
    // when no Item has that id. The change may not give the record another item_id.
    bool update(const QString &itemId, const std::function<void(ItemRecord &)> &change);
    bool remove(const QString &itemId);
    // Replaces everything (benchmarks, imports).
    void resetItems(QList<ItemRecord> items);

signals:
    // Views follow these pairs: "about to" comes before the list changes, the other after.
    void itemAboutToBeAdded(int row);
    void itemAdded(int row);
    void itemAboutToBeRemoved(int row);
    void itemChanged(int row);
    void itemRemoved(int row);
    void itemsAboutToBeReset();
    void itemsReset();
    void saveFailed(const QString &error);
    // A save worked again after one that failed.
    void saveRecovered();

private:
    void reindex();
    void scheduleSave();

    QString m_path;
    QList<ItemRecord> m_items;
    QList<PendingExchange> m_pending;
    QHash<QString, int> m_rows;
    QTimer m_saveTimer;
    QTimer m_retryTimer; // after a failed save
    static constexpr std::chrono::seconds kRetryInterval{30};
    bool m_dirty = false;
    QString m_saveError;
};

} // namespace weft::vault
