#include "ui/Dismissible.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QStyle>
#include <QToolButton>

namespace weft::ui {
namespace {

// Shows the row while the label is shown.
class RowFollowsLabel : public QObject
{
public:
    RowFollowsLabel(QWidget *row, QObject *parent)
        : QObject(parent)
        , m_row(row)
    {
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::ShowToParent)
            m_row->setVisible(true);
        else if (event->type() == QEvent::HideToParent)
            m_row->setVisible(false);
        return false;
    }

private:
    QWidget *m_row;
};

} // namespace

void makeDismissible(QLabel *label)
{
    QWidget *parent = label->parentWidget();
    auto *row = new QWidget(parent);
    row->setObjectName(label->objectName() + QStringLiteral("Row"));
    if (parent && parent->layout())
        delete parent->layout()->replaceWidget(label, row);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label, 1);
    auto *dismiss = new QToolButton(row);
    dismiss->setObjectName(label->objectName() + QStringLiteral("Dismiss"));
    dismiss->setIcon(row->style()->standardIcon(QStyle::SP_DialogCloseButton));
    dismiss->setText(QApplication::translate("weft::ui::Dismissible", "Dismiss"));
    dismiss->setToolTip(QApplication::translate("weft::ui::Dismissible", "Dismiss this message"));
    dismiss->setAccessibleName(
        QApplication::translate("weft::ui::Dismissible", "Dismiss this message"));
    dismiss->setAutoRaise(true);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    QObject::connect(dismiss, &QToolButton::clicked, label, [label] {
        label->clear();
        label->hide();
    });
    label->installEventFilter(new RowFollowsLabel(row, label));
    row->setVisible(label->isVisibleTo(parent));
}

} // namespace weft::ui
