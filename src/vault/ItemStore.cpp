#include "vault/ItemStore.h"

#include "core/AtomicFile.h"
#include "vault/VaultLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace weft::vault {
namespace {

constexpr int kVersion = 1;

} // namespace

ItemStore::ItemStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(0);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { flush(); });
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(kRetryInterval);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            flush();
    });
}

ItemStore::~ItemStore()
{
    if (m_dirty)
        flush();
}

QString ItemStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/items.json");
}

QString ItemStore::parse(const QByteArray &bytes, QList<ItemRecord> *items,
                         QList<PendingExchange> *pending)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError) {
        return QStringLiteral("not valid JSON (%1 at offset %2)")
            .arg(parseError.errorString())
            .arg(parseError.offset);
    }
    if (root.value(QLatin1StringView("format")).toString() != u"weft-items" ||
        root.value(QLatin1StringView("version")).toInt() != kVersion ||
        !root.value(QLatin1StringView("items")).isArray()) {
        return QStringLiteral("not a Weft Items file of version %1").arg(kVersion);
    }
    const QJsonArray array = root.value(QLatin1StringView("items")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString error;
        const auto record = ItemRecord::fromJson(array.at(i).toObject(), &error);
        if (!record)
            return QStringLiteral("entry %1: %2").arg(i).arg(error);
        items->append(*record);
    }
    const QJsonArray exchanges = root.value(QLatin1StringView("pending_exchanges")).toArray();
    for (const QJsonValue value : exchanges)
        pending->append(PendingExchange::fromJson(value.toObject()));
    return {};
}

ItemStore::LoadReport ItemStore::load()
{
    LoadReport report;
    emit itemsAboutToBeReset();
    m_items.clear();
    m_pending.clear();
    reindex();
    QFile file(m_path);
    if (!file.exists()) {
        emit itemsReset();
        return report;
    }
    QString problem;
    if (!file.open(QIODevice::ReadOnly)) {
        report.ok = false;
        report.error = m_path + QStringLiteral(": ") + file.errorString();
        emit itemsReset();
        return report; // unreadable, not corrupt: left where it is
    }
    const QByteArray bytes = file.readAll();
    file.close();
    QList<ItemRecord> loaded;
    QList<PendingExchange> pending;
    problem = parse(bytes, &loaded, &pending);
    if (!problem.isEmpty()) {
        report.ok = false;
        report.error = m_path + QStringLiteral(": ") + problem;
        QString moveError;
        report.backupPath = moveFileAside(m_path, QStringLiteral("corrupt"), &moveError);
        if (report.backupPath.isEmpty())
            report.error += QStringLiteral("; it could not be moved aside (%1) and stays in place")
                                .arg(moveError);
        qCWarning(lcVault) << "the Items file is damaged:" << report.error << "- kept as"
                           << report.backupPath;
        emit itemsReset();
        return report;
    }
    m_items = std::move(loaded);
    m_pending = std::move(pending);
    reindex();
    report.count = int(m_items.size());
    emit itemsReset();
    return report;
}

bool ItemStore::flush(QString *error)
{
    m_saveTimer.stop();
    QJsonArray array;
    for (const ItemRecord &record : std::as_const(m_items))
        array.append(record.toJson());
    QJsonArray pending;
    for (const PendingExchange &exchange : std::as_const(m_pending))
        pending.append(exchange.toJson());
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("weft-items")},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("items"), array}};
    if (!pending.isEmpty())
        root.insert(QStringLiteral("pending_exchanges"), pending);
    QString problem;
    writeFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Compact), &problem);
    const bool hadFailed = !m_saveError.isEmpty();
    m_saveError = problem.isEmpty() ? QString() : m_path + QStringLiteral(": ") + problem;
    if (error)
        *error = m_saveError;
    if (!problem.isEmpty()) {
        // The file keeps its last good content; the changes stay in memory and are written
        // with the next change, or when the retry timer fires (a full disk may get room).
        qCWarning(lcVault) << "could not save the Items file:" << m_saveError;
        m_dirty = true;
        m_retryTimer.start();
        emit saveFailed(m_saveError);
        return false;
    }
    m_dirty = false;
    m_retryTimer.stop();
    if (hadFailed) {
        qCInfo(lcVault) << "the Items file is saved again";
        emit saveRecovered();
    }
    return true;
}

const ItemRecord *ItemStore::item(const QString &itemId) const
{
    const int row = indexOf(itemId);
    return row < 0 ? nullptr : &m_items.at(row);
}

void ItemStore::addPendingExchange(const PendingExchange &pending)
{
    removePendingExchange(pending.linkSessionId);
    m_pending.append(pending);
    scheduleSave();
}

bool ItemStore::removePendingExchange(const QString &linkSessionId)
{
    const qsizetype removed = m_pending.removeIf(
        [&](const PendingExchange &p) { return p.linkSessionId == linkSessionId; });
    if (removed == 0)
        return false;
    scheduleSave();
    return true;
}

void ItemStore::upsert(const ItemRecord &record)
{
    const int row = indexOf(record.itemId);
    if (row >= 0) {
        m_items[row] = record;
        emit itemChanged(row);
    } else {
        emit itemAboutToBeAdded(int(m_items.size()));
        m_items.append(record);
        m_rows.insert(record.itemId, int(m_items.size() - 1));
        emit itemAdded(int(m_items.size() - 1));
    }
    scheduleSave();
}

bool ItemStore::update(const QString &itemId, const std::function<void(ItemRecord &)> &change)
{
    const int row = indexOf(itemId);
    if (row < 0)
        return false;
    ItemRecord &record = m_items[row];
    change(record);
    Q_ASSERT(record.itemId == itemId);
    record.itemId = itemId;
    emit itemChanged(row);
    scheduleSave();
    return true;
}

bool ItemStore::remove(const QString &itemId)
{
    const int row = indexOf(itemId);
    if (row < 0)
        return false;
    emit itemAboutToBeRemoved(row);
    m_items.removeAt(row);
    reindex();
    emit itemRemoved(row);
    scheduleSave();
    return true;
}

void ItemStore::resetItems(QList<ItemRecord> items)
{
    emit itemsAboutToBeReset();
    m_items = std::move(items);
    reindex();
    emit itemsReset();
    scheduleSave();
}

void ItemStore::reindex()
{
    m_rows.clear();
    m_rows.reserve(m_items.size());
    for (int i = 0; i < m_items.size(); ++i)
        m_rows.insert(m_items.at(i).itemId, i);
}

void ItemStore::scheduleSave()
{
    m_dirty = true;
    m_saveTimer.start();
}

} // namespace weft::vault
