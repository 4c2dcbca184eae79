#include "ui/AttentionBanner.h"

#include "items/ItemService.h"
#include "ui/Tones.h"
#include "vault/ItemStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace weft::ui {

AttentionBanner::AttentionBanner(vault::ItemStore *store, QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("attentionBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("A bank connection needs you"));
    m_text->setObjectName(QStringLiteral("attentionText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_action->setObjectName(QStringLiteral("attentionAction"));
    auto *dismiss = new QPushButton(tr("Not now"), this);
    dismiss->setObjectName(QStringLiteral("attentionDismiss"));
    dismiss->setToolTip(tr("Hide this until another connection needs you"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (!m_itemId.isEmpty())
            emit actionRequested(m_itemId);
    });
    connect(dismiss, &QPushButton::clicked, this, [this] {
        if (m_service) {
            for (const QString &id : m_service->itemsNeedingUser())
                m_dismissed.insert(id);
        }
        update();
    });
    for (auto signal : {&vault::ItemStore::itemAdded, &vault::ItemStore::itemChanged,
                        &vault::ItemStore::itemRemoved}) {
        connect(store, signal, this, &AttentionBanner::update);
    }
    connect(store, &vault::ItemStore::itemsReset, this, &AttentionBanner::update);
    tones::apply(m_text, Tone::Attention);
    setVisible(false);
}

void AttentionBanner::setService(items::ItemService *service)
{
    m_service = service;
    update();
}

void AttentionBanner::setActionAvailable(bool available)
{
    m_actionAvailable = available;
    update();
}

QString AttentionBanner::text() const
{
    return m_text->text();
}

QString AttentionBanner::actionText() const
{
    return m_action->text();
}

void AttentionBanner::update()
{
    const QStringList waiting = m_service ? m_service->itemsNeedingUser() : QStringList();
    // Dismissed Items that no longer need anything are forgotten: next time they do, they
    // are shown again.
    for (auto it = m_dismissed.begin(); it != m_dismissed.end();) {
        if (waiting.contains(*it))
            ++it;
        else
            it = m_dismissed.erase(it);
    }
    QStringList shown;
    for (const QString &id : std::as_const(waiting)) {
        if (!m_dismissed.contains(id))
            shown.append(id);
    }
    if (shown.isEmpty()) {
        m_itemId.clear();
        setVisible(false);
        return;
    }
    m_itemId = shown.first();
    const vault::ItemRecord &record = *m_store->item(m_itemId);
    QString text = tr("%1: %2.").arg(items::ItemService::displayName(record),
                                     items::ItemService::statusText(record));
    if (!record.displayMessage.isEmpty())
        text += u' ' + record.displayMessage;
    if (shown.size() > 1)
        text += u' ' + tr("%n other connection(s) need you too.", nullptr, int(shown.size() - 1));
    m_text->setText(text);
    m_action->setText(items::ItemService::userActionText(record));
    m_action->setEnabled(m_actionAvailable);
    m_action->setToolTip(m_actionAvailable
                             ? tr("Opens Link to repair the connection")
                             : tr("Link is not part of this session: change the settings"));
    setVisible(true);
}

} // namespace weft::ui
