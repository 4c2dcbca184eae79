#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace weft::items {
class ItemRefresher;
class ItemService;
} // namespace weft::items

namespace weft::ui {

class DesktopNotifier;

// When a refresh finds that a connection needs its user (sign in again, …), the desktop is
// told once — "First Platypus Bank needs you" — and not again for the same need until the
// connection has been fine in between.
class AttentionNotifier : public QObject
{
    Q_OBJECT

public:
    explicit AttentionNotifier(DesktopNotifier *notifier, QObject *parent = nullptr);

    void watch(items::ItemService *service, items::ItemRefresher *refresher);

private:
    void onRefreshed(const QString &itemId);

    DesktopNotifier *m_notifier;
    QPointer<items::ItemService> m_service;
    QPointer<items::ItemRefresher> m_refresher;
    QHash<QString, QString> m_told; // item_id -> the need it was told about
};

} // namespace weft::ui
