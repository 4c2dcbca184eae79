#include "items/ItemsModel.h"

#include "items/ItemService.h"
#include "vault/ItemStore.h"

#include <QColor>
#include <QLocale>
#include <QPixmap>

namespace weft::items {

ItemsModel::ItemsModel(vault::ItemStore *store, ItemService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_service(nullptr)
{
    connect(store, &vault::ItemStore::itemsAboutToBeReset, this, [this] { beginResetModel(); });
    connect(store, &vault::ItemStore::itemsReset, this, [this] {
        m_logos.clear();
        endResetModel();
    });
    connect(store, &vault::ItemStore::itemAboutToBeAdded, this,
            [this](int row) { beginInsertRows({}, row, row); });
    connect(store, &vault::ItemStore::itemAdded, this, [this] { endInsertRows(); });
    connect(store, &vault::ItemStore::itemAboutToBeRemoved, this,
            [this](int row) { beginRemoveRows({}, row, row); });
    connect(store, &vault::ItemStore::itemRemoved, this, [this] { endRemoveRows(); });
    connect(store, &vault::ItemStore::itemChanged, this, &ItemsModel::refreshRow);
    setService(service);
}

void ItemsModel::setService(ItemService *service)
{
    beginResetModel();
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    if (service) {
        auto refresh = [this](const QString &id) {
            refreshRow(rowOf(id));
        };
        connect(service, &ItemService::tokenSaved, this, refresh);
        connect(service, &ItemService::tokenSaveFailed, this, refresh);
        connect(service, &ItemService::tokenMissing, this, refresh);
        connect(service, &QObject::destroyed, this, [this] { setService(nullptr); });
    }
    endResetModel();
}

int ItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_store->items().size());
}

int ItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ItemsModel::itemIdAt(int row) const
{
    return row >= 0 && row < m_store->items().size() ? m_store->items().at(row).itemId : QString();
}

int ItemsModel::rowOf(const QString &itemId) const
{
    return m_store->indexOf(itemId);
}

void ItemsModel::refreshRow(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QIcon ItemsModel::logoFor(const QString &institutionId, const QString &base64) const
{
    if (base64.isEmpty())
        return {};
    auto it = m_logos.constFind(institutionId);
    if (it != m_logos.constEnd())
        return *it;
    QPixmap pixmap;
    pixmap.loadFromData(QByteArray::fromBase64(base64.toLatin1()), "PNG");
    QIcon icon = pixmap.isNull() ? QIcon() : QIcon(pixmap);
    m_logos.insert(institutionId, icon);
    return icon;
}

QString ItemsModel::balanceText(double value, const QString &isoCurrency)
{
    const QLocale locale;
    if (locale.language() == QLocale::C) // no locale at all: the plain amount and its code
        return QStringLiteral("%1 %2").arg(isoCurrency, QString::number(value, 'f', 2)).trimmed();
    // The locale's own symbol for its own currency; the ISO code for any other.
    const QString symbol =
        isoCurrency.isEmpty() || isoCurrency == locale.currencySymbol(QLocale::CurrencyIsoCode)
            ? locale.currencySymbol()
            : isoCurrency;
    return locale.toCurrencyString(value, symbol);
}

QString ItemsModel::accountsSummary(const vault::ItemRecord &record)
{
    if (record.accounts.isEmpty())
        return tr("No accounts yet");
    QStringList parts;
    for (const vault::StoredAccount &account : record.accounts) {
        QString part = account.name;
        if (!account.mask.isEmpty())
            part += QStringLiteral(" ••") + account.mask;
        const std::optional<double> balance = account.current ? account.current : account.available;
        if (balance)
            part += QStringLiteral(": ") + balanceText(*balance, account.currency);
        parts << part;
    }
    return QLocale().createSeparatedList(parts);
}

QVariant ItemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const vault::ItemRecord &r = m_store->items().at(index.row());
    const bool foreign = m_service && !m_service->belongsHere(r);
    switch (role) {
    case ItemIdRole:
        return r.itemId;
    case StatusRole:
        return r.status();
    case ColorRole:
        return r.institutionColor.isEmpty() ? QVariant() : QVariant(QColor(r.institutionColor));
    case ForeignRole:
        return foreign;
    case ProblemRole:
        if (m_service && !foreign) {
            const QString token = m_service->tokenProblem(r.itemId);
            if (!token.isEmpty())
                return token;
        }
        return r.refreshProblem;
    case Qt::DecorationRole:
        return index.column() == Institution ? QVariant(logoFor(r.institutionId, r.institutionLogo))
                                             : QVariant();
    case Qt::ToolTipRole:
        return r.itemId;
    case Qt::AccessibleTextRole:
        // Screen readers get in words what the badge paints: the status, then any problem.
        if (index.column() == Status) {
            const QString problem = data(index, ProblemRole).toString();
            return problem.isEmpty() ? ItemService::statusText(r)
                                     : tr("%1. %2").arg(ItemService::statusText(r), problem);
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Institution:
        return ItemService::displayName(r);
    case Status:
        return ItemService::statusText(r);
    case Token:
        if (foreign)
            return tr("Other environment");
        if (!m_service)
            return r.tokenSaved ? tr("Saved") : tr("Missing");
        switch (m_service->tokenState(r.itemId)) {
        case TokenState::Saved:
            return tr("Saved");
        case TokenState::Unsaved:
            return tr("Not saved");
        case TokenState::Missing:
            return tr("Missing");
        }
        return {};
    case Environment:
        return r.environment;
    case LastRefresh:
        return r.lastRefresh.isValid()
                   ? QLocale().toString(r.lastRefresh.toLocalTime(), QLocale::ShortFormat)
                   : tr("never");
    case Accounts:
        return accountsSummary(r);
    default:
        return {};
    }
}

QVariant ItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Institution:
        return tr("Institution");
    case Status:
        return tr("Status");
    case Token:
        return tr("Token");
    case Environment:
        return tr("Environment");
    case LastRefresh:
        return tr("Last refresh");
    case Accounts:
        return tr("Accounts");
    default:
        return {};
    }
}

} // namespace weft::items
