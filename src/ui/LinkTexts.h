#pragma once

#include "link/LinkController.h"

#include <QCoreApplication>
#include <QStringList>

class QWidget;

namespace weft::ui {

// What to do about Items whose access token is only in memory, before Weft quits or changes
// the backend (either would lose the tokens).
enum class UnsavedChoice { RetrySaving, Proceed, Cancel };
enum class UnsavedContext { Quit, ChangeSettings, Logout };

// The window's words for Link: its states, its failures with the ids support asks for, the
// cells of an event in the event log, and the question about unsaved access tokens.
class LinkTexts
{
    Q_DECLARE_TR_FUNCTIONS(LinkTexts)

public:
    static QString stateText(link::LinkController::State state);
    static QString failureText(const link::LinkFailure &failure);
    // Whether Link in the user's browser (Hosted Link) may get past what stopped embedded Link:
    // Link could not start in the window, kept losing its session, or was left at the bank's
    // sign-in window (OAuth), which a browser handles natively.
    static bool browserMayHelp(const link::LinkFailure &failure);
    static bool browserMayHelp(const link::LinkExit &exit);
    // Time, event, view, institution, details.
    static QStringList eventCells(const link::LinkEvent &event);
    // A message box naming the Items: "Retry saving", "Quit anyway"/"Apply anyway", "Cancel".
    static UnsavedChoice askAboutUnsaved(QWidget *parent, UnsavedContext context,
                                         const QStringList &items);
};

} // namespace weft::ui
