#include "link/LinkWindowPolicy.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>

namespace weft::link {
namespace {

// All on the GUI thread, where QtWebEngine asks for windows.
struct State
{
    int openPopups = 0;
    QList<qint64> handOffs; // monotonic times (ms) of the last minute's hand-offs
    QElapsedTimer clock;
};

State &state()
{
    static State s;
    if (!s.clock.isValid())
        s.clock.start();
    return s;
}

bool handOffAllowed()
{
    State &s = state();
    const qint64 now = s.clock.elapsed();
    while (!s.handOffs.isEmpty() && now - s.handOffs.first() > 60'000)
        s.handOffs.removeFirst();
    if (!s.handOffs.isEmpty() && now - s.handOffs.last() < LinkWindowPolicy::kExternalGapMs)
        return false;
    return s.handOffs.size() < LinkWindowPolicy::kExternalPerMinute;
}

bool isWeb(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") &&
           !url.host().isEmpty();
}

} // namespace

LinkWindowPolicy::Decision LinkWindowPolicy::decide(const LinkEnvironment &environment,
                                                    const QUrl &url, bool userInitiated,
                                                    bool fromPopup)
{
    if (!isWeb(url))
        return {Verdict::Refuse, QStringLiteral("not an http(s) address")};
    if (!userInitiated)
        return {Verdict::Refuse, QStringLiteral("no user gesture")};
    if (environment.isExternalLink(url)) {
        if (!handOffAllowed())
            return {Verdict::Refuse, QStringLiteral("too many pages for the system browser")};
        return {Verdict::SystemBrowser, {}};
    }
    if (fromPopup)
        return {Verdict::Refuse, QStringLiteral("a popup may not open popups")};
    if (!environment.popupMayLoad(url))
        return {Verdict::Refuse, QStringLiteral("not a page Link may open")};
    if (environment.oauthByRedirect()) {
        // The bank's sign-in in the system browser; it comes back through redirect_uri.
        if (!handOffAllowed())
            return {Verdict::Refuse, QStringLiteral("too many pages for the system browser")};
        return {Verdict::SystemBrowser, {}};
    }
    if (state().openPopups > 0)
        return {Verdict::Refuse, QStringLiteral("a popup is already open")};
    return {Verdict::Popup, {}};
}

void LinkWindowPolicy::popupOpened()
{
    ++state().openPopups;
}

void LinkWindowPolicy::popupClosed()
{
    state().openPopups = std::max(0, state().openPopups - 1);
}

int LinkWindowPolicy::openPopups()
{
    return state().openPopups;
}

void LinkWindowPolicy::handedOff()
{
    state().handOffs.append(state().clock.elapsed());
}

void LinkWindowPolicy::resetForTests()
{
    state().handOffs.clear();
}

} // namespace weft::link
