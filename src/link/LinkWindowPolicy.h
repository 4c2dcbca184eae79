#pragma once

#include "link/LinkEnvironment.h"

#include <QString>
#include <QUrl>

namespace weft::link {

// What a page in Link's web view gets when it asks for a new window, decided before any window
// exists (QtWebEngine 6.4 crashes when a view that has a size shows a popup whose first URL
// never navigates — javascript:, about:blank, then document.write — so such a window must never
// be made). The rules are the same for the host page, Link's frame and a popup:
//   - only after a user gesture (a click, a key), never from script alone;
//   - a page meant for reading (LinkEnvironment::isExternalLink) goes to the system browser,
//     at most once per kExternalGapMs for the whole app and kExternalPerMinute a minute;
//   - a bank's login page (http(s) that the environment allows in a popup) becomes a popup
//     window, at most one at a time (in the whole app) — or, with OAuth by redirect, goes to
//     the system browser (under the same limits as pages to read);
//   - everything else (data:, blob:, file:, javascript:, about:, mailto:, custom schemes,
//     foreign http) is refused, and no window appears.
class LinkWindowPolicy
{
public:
    static constexpr qint64 kExternalGapMs = 3000;
    static constexpr int kExternalPerMinute = 5;

    enum class Verdict { Popup, SystemBrowser, Refuse };
    struct Decision
    {
        Verdict verdict = Verdict::Refuse;
        QString reason; // why it was refused, for the log and the tests
    };

    // fromPopup: the request comes from a popup (which may not open popups of its own).
    static Decision decide(const LinkEnvironment &environment, const QUrl &url, bool userInitiated,
                           bool fromPopup);

    // The app-wide bookkeeping: call when a popup opened or closed, when a URL was handed to
    // the system browser.
    static void popupOpened();
    static void popupClosed();
    static int openPopups();
    static void handedOff();
    // Forgets the hand-offs (tests).
    static void resetForTests();
};

} // namespace weft::link
