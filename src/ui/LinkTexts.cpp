#include "ui/LinkTexts.h"

#include <QMessageBox>
#include <QPushButton>

namespace weft::ui {

QString LinkTexts::stateText(link::LinkController::State state)
{
    using State = link::LinkController::State;
    switch (state) {
    case State::Idle:
        return {};
    case State::FetchingToken:
        return tr("Getting a Link token…");
    case State::Loading:
        return tr("Loading Link…");
    case State::Ready:
        return tr("Ready");
    case State::Open:
        return tr("Link is open");
    case State::Exchanging:
        return tr("Completing the connection…");
    case State::Failed:
        return tr("Link is not available");
    }
    return {};
}

bool LinkTexts::browserMayHelp(const link::LinkFailure &failure)
{
    return failure.stage == link::LinkFailure::Stage::Script || failure.recoveryLimit ||
           (failure.stage == link::LinkFailure::Stage::Link &&
            failure.exitStatus == u"requires_oauth");
}

bool LinkTexts::browserMayHelp(const link::LinkExit &exit)
{
    return exit.status == u"requires_oauth";
}

QString LinkTexts::failureText(const link::LinkFailure &failure)
{
    QStringList ids;
    if (!failure.errorCode.isEmpty())
        ids << tr("error code %1").arg(failure.errorCode);
    if (!failure.linkSessionId.isEmpty())
        ids << tr("link_session_id %1").arg(failure.linkSessionId);
    if (!failure.requestId.isEmpty())
        ids << tr("request_id %1").arg(failure.requestId);
    QString text = failure.userText;
    if (!ids.isEmpty())
        text += QStringLiteral("\n") + ids.join(QStringLiteral(" · "));
    return text;
}

QStringList LinkTexts::eventCells(const link::LinkEvent &event)
{
    const QJsonObject &m = event.metadata;
    QStringList details;
    for (const char *key : {"error_code", "institution_search_query", "mfa_type", "exit_status",
                            "link_session_id", "request_id"}) {
        const QString value = m.value(QLatin1StringView(key)).toString();
        if (!value.isEmpty())
            details << QLatin1StringView(key) + u'=' + value;
    }
    return {event.timestamp.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")), event.name,
            event.viewName, m.value(QLatin1StringView("institution_name")).toString(),
            details.join(QStringLiteral("  "))};
}

UnsavedChoice LinkTexts::askAboutUnsaved(QWidget *parent, UnsavedContext context,
                                         const QStringList &items)
{
    const bool quitting = context != UnsavedContext::ChangeSettings;
    QMessageBox box(QMessageBox::Warning, tr("Access tokens not saved"),
                    quitting ? tr("The access tokens of these Items are not saved in the "
                                  "keychain. If Weft quits now, they are lost and the Items must "
                                  "be linked again.")
                             : tr("The access tokens of these Items are not saved in the "
                                  "keychain. If the backend changes now, they are lost and the "
                                  "Items must be linked again."),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(items.join(u'\n'));
    QPushButton *retry = box.addButton(tr("Retry saving"), QMessageBox::AcceptRole);
    QPushButton *proceed = box.addButton(quitting ? tr("Quit anyway") : tr("Apply anyway"),
                                         QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(retry);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == retry)
        return UnsavedChoice::RetrySaving;
    if (box.clickedButton() == proceed)
        return UnsavedChoice::Proceed;
    return UnsavedChoice::Cancel;
}

} // namespace weft::ui
