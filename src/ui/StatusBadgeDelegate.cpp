#include "ui/StatusBadgeDelegate.h"

#include "items/ItemsModel.h"
#include "ui/Tones.h"

#include <QApplication>
#include <QPainter>

namespace weft::ui {

using items::ItemsModel;

namespace {

constexpr int kPadding = 6;
constexpr int kMargin = 3;

} // namespace

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

    const QString status = index.data(ItemsModel::StatusRole).toString();
    const bool foreign = index.data(ItemsModel::ForeignRole).toBool();
    const QColor color = tones::badgeColor(tones::forStatus(status, foreign), opt.palette);
    const QFontMetrics metrics(opt.font);
    const QRect cell = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    // Text widths are fractional: a pixel of slack keeps a fitting text from being elided.
    const int natural = metrics.horizontalAdvance(text) + 2 * kPadding + 2;
    const int width = std::min(natural, cell.width());
    const QRect badge(cell.left(), cell.top(), width, cell.height());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setFont(opt.font);
    painter->setPen(tones::textOn(color));
    const QRect textRect = badge.adjusted(kPadding, 0, -kPadding, 0);
    painter->drawText(
        textRect, Qt::AlignCenter | Qt::TextDontClip,
        width == natural ? text : metrics.elidedText(text, Qt::ElideRight, textRect.width()));

    const QString problem = index.data(ItemsModel::ProblemRole).toString();
    const QRect rest = cell.adjusted(width + kPadding, 0, 0, 0);
    if (!problem.isEmpty() && rest.width() > kPadding) {
        const bool selected = opt.state & QStyle::State_Selected;
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(
            rest, Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(QStringLiteral("⚠ ") + problem, Qt::ElideRight, rest.width()));
    }
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * (kPadding + kMargin);
    return size;
}

} // namespace weft::ui
