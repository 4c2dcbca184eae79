#include "ui/HostedLinkPane.h"

#include "link/HostedLinkController.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace weft::ui {

HostedLinkPane::HostedLinkPane(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_openAgain(new QPushButton(tr("&Open the page again"), this))
    , m_copy(new QPushButton(tr("Cop&y the address"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
{
    setObjectName(QStringLiteral("hostedLinkPane"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Link in your web browser"));
    m_text->setObjectName(QStringLiteral("hostedLinkText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_openAgain->setObjectName(QStringLiteral("hostedOpenAgainButton"));
    m_copy->setObjectName(QStringLiteral("hostedCopyButton"));
    m_copy->setToolTip(tr("Copy the page's address, to open it in a browser yourself"));
    m_cancel->setObjectName(QStringLiteral("hostedCancelButton"));
    m_cancel->setToolTip(tr("Stop waiting for the page in your browser"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_openAgain);
    layout->addWidget(m_copy);
    layout->addWidget(m_cancel);
    connect(m_openAgain, &QPushButton::clicked, this, [this] {
        if (m_controller && !m_controller->openAgain()) {
            m_opened = false;
            update();
        }
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (m_controller)
            QGuiApplication::clipboard()->setText(m_controller->hostedUrl().toString());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_controller)
            m_controller->cancel();
    });
    setVisible(false);
}

void HostedLinkPane::setController(link::HostedLinkController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    m_opened = true;
    if (controller) {
        connect(controller, &link::HostedLinkController::stateChanged, this,
                &HostedLinkPane::update);
        connect(controller, &link::HostedLinkController::waiting, this, &HostedLinkPane::onWaiting);
    }
    update();
}

QString HostedLinkPane::text() const
{
    return m_text->text();
}

void HostedLinkPane::onWaiting(const QUrl &, bool opened)
{
    m_opened = opened;
    update();
}

void HostedLinkPane::update()
{
    using State = link::HostedLinkController::State;
    const State state = m_controller ? m_controller->state() : State::Idle;
    setVisible(state != State::Idle);
    m_openAgain->setVisible(state == State::Waiting);
    m_copy->setVisible(state == State::Waiting);
    m_cancel->setVisible(state == State::FetchingToken || state == State::Waiting);
    switch (state) {
    case State::Idle:
        m_text->clear();
        break;
    case State::FetchingToken:
        m_text->setText(tr("Preparing Link for your web browser…"));
        break;
    case State::Waiting:
        m_text->setText(m_opened ? tr("Finish connecting your bank in your web browser. Weft "
                                      "waits here and completes the connection when you are "
                                      "done.")
                                 : tr("Weft could not open your web browser. Copy the address "
                                      "and open it in your browser; Weft waits here."));
        break;
    case State::Exchanging:
        m_text->setText(tr("Completing the connection…"));
        break;
    }
}

} // namespace weft::ui
