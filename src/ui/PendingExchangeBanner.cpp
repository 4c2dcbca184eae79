#include "ui/PendingExchangeBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace weft::ui {

PendingExchangeBanner::PendingExchangeBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("pendingExchangeBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Unfinished bank connection"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *linkAgain = new QPushButton(tr("Link again"), this);
    linkAgain->setObjectName(QStringLiteral("linkAgainButton"));
    auto *dismiss = new QPushButton(tr("Dismiss"), this);
    dismiss->setObjectName(QStringLiteral("dismissPendingButton"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(linkAgain);
    layout->addWidget(dismiss);
    connect(linkAgain, &QPushButton::clicked, this, &PendingExchangeBanner::linkAgainRequested);
    connect(dismiss, &QPushButton::clicked, this, &PendingExchangeBanner::dismissed);
    setVisible(false);
}

void PendingExchangeBanner::setPending(const QList<vault::PendingExchange> &pending)
{
    m_pending = pending;
    setVisible(!pending.isEmpty());
    if (pending.isEmpty())
        return;
    QStringList banks;
    for (const vault::PendingExchange &exchange : pending) {
        const QString name =
            exchange.institutionName.isEmpty() ? tr("a bank") : exchange.institutionName;
        banks << tr("%1 (%2)").arg(
            name, QLocale().toString(exchange.startedAt.toLocalTime(), QLocale::ShortFormat));
    }
    m_text->setText(tr("Weft stopped while it was finishing the connection to %1. The "
                       "connection may exist at Plaid without Weft knowing it. To use it here, "
                       "link the bank again.",
                       nullptr, int(pending.size()))
                        .arg(QLocale().createSeparatedList(banks)));
}

} // namespace weft::ui
