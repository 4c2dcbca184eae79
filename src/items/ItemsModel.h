#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

namespace weft::vault {
class ItemStore;
struct ItemRecord;
} // namespace weft::vault

namespace weft::items {

class ItemService;

// The Items of the index as a table for views: institution (with its logo), status, token,
// environment, last refresh, accounts. Reads only the index (never the keychain), decodes each
// institution's logo once, and follows the store's changes row by row, so it stays quick with
// tens of thousands of Items.
class ItemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Institution, Status, Token, Environment, LastRefresh, Accounts, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        StatusRole,  // "healthy" or the error code
        ColorRole,   // the institution's primary colour (QColor)
        ForeignRole, // true when the Item belongs to another environment than the current
        ProblemRole, // the token's or the last refresh's problem, if any
    };

    ItemsModel(vault::ItemStore *store, ItemService *service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QString itemIdAt(int row) const;
    int rowOf(const QString &itemId) const;
    // The service's environment changed (e.g. a new backend mode): "foreign" marks update.
    void setService(ItemService *service);

    // The accounts as people read them: name, mask and balance in their locale.
    static QString accountsSummary(const vault::ItemRecord &record);
    static QString balanceText(double value, const QString &isoCurrency);

private:
    QIcon logoFor(const QString &institutionId, const QString &base64) const;
    void refreshRow(int row);

    vault::ItemStore *m_store;
    ItemService *m_service;
    mutable QHash<QString, QIcon> m_logos;
};

} // namespace weft::items
