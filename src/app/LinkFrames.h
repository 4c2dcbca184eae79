#pragma once

#include "DevToolsClient.h"

#include <QString>

// The host page and Link's frame of a running weft, found over DevTools. Link's frame is the
// one whose session started (a Link script may keep a spare frame loaded for the next
// handler), the earliest when there are several; it is its own target when it runs in another
// process, otherwise a context of the page's.
struct LinkFrames
{
    QString hostSession;
    QString hostTimeline; // kTimelineScript's answer in the host page
    QString frameSession; // empty when Link's frame was not found
    int frameContext = 0;
    QString frameTimeline;
    bool outOfProcess = false;

    bool frameFound() const { return !frameSession.isEmpty(); }
    // Runs a script in Link's frame; its value, or an empty string with *error set.
    QString runInFrame(DevToolsClient &devtools, const QString &script, QString *error) const;
};

LinkFrames findLinkFrames(DevToolsClient &devtools, QString *error);

// Scripts for the emulator's Link UI, run in Link's frame once it is open; they start the
// clicks and return at once.
// user_custom with an INVALID_LINK_TOKEN error, then Exit from the error pane.
QString forceInvalidTokenScript();
// user_good / pass_good through to "Continue" on the success pane.
QString linkUserGoodScript();
