#pragma once

#include "vault/ItemRecord.h"

#include <QFrame>

class QLabel;

namespace weft::ui {

// Says that Weft stopped while it was finishing a bank connection (a pending exchange found at
// start-up): the connection may exist at Plaid without Weft knowing it. Offers to link the bank
// again, or to dismiss the note. Shown only while there is something to say.
class PendingExchangeBanner : public QFrame
{
    Q_OBJECT

public:
    explicit PendingExchangeBanner(QWidget *parent = nullptr);

    void setPending(const QList<vault::PendingExchange> &pending);
    const QList<vault::PendingExchange> &pending() const { return m_pending; }

signals:
    void linkAgainRequested();
    void dismissed();

private:
    QLabel *m_text;
    QList<vault::PendingExchange> m_pending;
};

} // namespace weft::ui
