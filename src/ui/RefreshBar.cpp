#include "ui/RefreshBar.h"

#include "items/ItemRefresher.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace weft::ui {

RefreshBar::RefreshBar(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
{
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    m_bar->setTextVisible(false);
    m_bar->setAccessibleName(tr("Refresh progress"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Refreshing"), this));
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_label);
    layout->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, [this] {
        if (m_refresher)
            m_refresher->cancel();
    });
    hide();
}

RefreshBar::~RefreshBar() = default;

void RefreshBar::setRefresher(items::ItemRefresher *refresher)
{
    if (m_refresher)
        disconnect(m_refresher, nullptr, this, nullptr);
    m_refresher = refresher;
    setVisible(refresher && refresher->isRunning());
    if (!refresher)
        return;
    connect(refresher, &items::ItemRefresher::progress, this, &RefreshBar::onProgress);
    connect(refresher, &items::ItemRefresher::finished, this, &RefreshBar::onFinished);
}

QString RefreshBar::progressText() const
{
    return m_label->text();
}

void RefreshBar::onProgress(int done, int total)
{
    setVisible(total > 0);
    m_bar->setRange(0, std::max(1, total));
    m_bar->setValue(done);
    m_label->setText(tr("%1 / %2").arg(done).arg(total));
}

void RefreshBar::onFinished(int refreshed, int failed, bool canceled)
{
    hide();
    QString text = tr("%n connection(s) refreshed", nullptr, refreshed);
    if (canceled)
        text = tr("Refresh canceled: %1").arg(text);
    if (failed > 0)
        text += tr("; %n could not be refreshed (see their status)", nullptr, failed);
    emit finished(text + u'.', failed > 0);
}

} // namespace weft::ui
