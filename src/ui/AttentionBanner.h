#pragma once

#include <QFrame>
#include <QSet>

class QLabel;
class QPushButton;

namespace weft::items {
class ItemService;
}

namespace weft::vault {
class ItemStore;
}

namespace weft::ui {

// A bank connection needs its user (sign in again, renew access, share new accounts): the
// banner says so in plain words with one action ("Sign in to First Platypus Bank again").
// It follows the Items as they change: it goes when no Item of the current environment needs
// anything, and a dismissed banner comes back only for an Item it has not shown yet.
class AttentionBanner : public QFrame
{
    Q_OBJECT

public:
    AttentionBanner(vault::ItemStore *store, QWidget *parent = nullptr);

    void setService(items::ItemService *service);
    // Whether the one action can be taken (Link can repair a connection in this session).
    void setActionAvailable(bool available);
    QString itemId() const { return m_itemId; }
    QString text() const;
    QString actionText() const;

signals:
    void actionRequested(const QString &itemId);

private:
    void update();

    vault::ItemStore *m_store;
    items::ItemService *m_service = nullptr;
    QLabel *m_text;
    QPushButton *m_action;
    QString m_itemId;
    bool m_actionAvailable = false;
    QSet<QString> m_dismissed; // Items the user has dismissed the banner for
};

} // namespace weft::ui
