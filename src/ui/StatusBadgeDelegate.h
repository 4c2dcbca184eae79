#pragma once

#include <QStyledItemDelegate>

namespace weft::ui {

// Paints an Item's status as a coloured badge: healthy green, ITEM_LOGIN_REQUIRED amber, any
// other error red; grey for Items of another environment. The problem of the last refresh or
// of the token, if any, follows the badge as text. Uses only the model's roles: no widget per
// row, nothing read from the keychain.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace weft::ui
