#include "link/LinkPage.h"

#include "link/GuestScripts.h"
#include "link/LinkLogging.h"
#include "link/LinkWindowPolicy.h"

#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInterceptor>

namespace weft::link {
namespace {

// Blocks every sub-resource request Link has no business making: other schemes than http(s),
// data and blob; in sandbox mode anything off the host page's and Link's origins; in the Plaid
// modes plain http.
class LinkRequestInterceptor : public QWebEngineUrlRequestInterceptor
{
public:
    LinkRequestInterceptor(LinkEnvironment environment, QObject *parent)
        : QWebEngineUrlRequestInterceptor(parent)
        , m_environment(std::move(environment))
    {
    }

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        const QUrl url = info.requestUrl();
        const QString scheme = url.scheme();
        bool allowed = false;
        if (scheme == u"data" || scheme == u"blob" || scheme == u"qrc")
            allowed = true;
        else if (m_environment.mainFrameMayNavigate(url) || m_environment.linkMayLoad(url))
            allowed = true;
        else if (!m_environment.sandbox && scheme == u"https")
            allowed = true; // Link's own assets on Plaid's and its providers' hosts
        if (!allowed) {
            qCWarning(lcLink) << "blocked request to" << url.toString(QUrl::RemoveQuery);
            info.block(true);
        }
    }

private:
    LinkEnvironment m_environment;
};

} // namespace

QWebEngineProfile *LinkPage::createProfile(const LinkEnvironment &environment, QObject *parent)
{
    auto *profile = new QWebEngineProfile(parent); // no storage name: off the record
    profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    profile->setSpellCheckEnabled(false);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // No permission is remembered, not even for the page's life: the camera is asked for every
    // time, as with Qt 6.4.
    profile->setPersistentPermissionsPolicy(
        QWebEngineProfile::PersistentPermissionsPolicy::AskEveryTime);
#endif
    profile->setUrlRequestInterceptor(new LinkRequestInterceptor(environment, profile));
    installGuestScripts(profile);
    return profile;
}

LinkPage::LinkPage(const LinkEnvironment &environment, QWebEngineProfile *profile, QObject *parent)
    : GuestPage(environment, profile, parent)
{
}

bool LinkPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (isMainFrame && environment().mainFrameMayNavigate(url))
        return true;
    if (!isMainFrame && environment().linkMayLoad(url))
        return true;
    Q_UNUSED(type)
    const QString reason = isMainFrame ? QStringLiteral("not the host page's origin")
                                       : QStringLiteral("not Link's origin");
    qCWarning(lcLink) << "refused navigation to" << url.toString(QUrl::RemoveQuery).left(200) << "-"
                      << reason;
    emit navigationBlocked(url, reason);
    return false;
}

QWebEnginePage *LinkPage::openPopup(const QUrl &url)
{
    qCInfo(lcLink) << "Link opens a window for" << url.toString(QUrl::RemoveQuery);
    auto *popup = new LinkPopupPage(environment(), profile(), this);
    // What happens in the popup is the page's business too: one place to listen.
    connect(popup, &GuestPage::externalLinkRequested, this, &GuestPage::externalLinkRequested);
    connect(popup, &GuestPage::windowRefused, this, &GuestPage::windowRefused);
    connect(popup, &GuestPage::fileChooserRefused, this, &GuestPage::fileChooserRefused);
    // Shown only once it has loaded a page it may show. Its opener can keep the first document
    // from ever navigating (w.location = 'javascript:…' right after window.open), and
    // QtWebEngine 6.4 crashes when a view with a size shows such a page; a popup that never
    // gets there is dropped, never shown.
    auto *deadline = new QTimer(popup);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, popup, [this, popup, url] {
        qCWarning(lcLink) << "dropped a window that never loaded a page it may show";
        emit windowRefused(url, QStringLiteral("the window never loaded its page"));
        popup->deleteLater();
    });
    connect(popup, &QWebEnginePage::loadFinished, deadline, [this, popup, deadline, url](bool ok) {
        if (!ok) { // aborted (e.g. document.open() by its opener) or failed: nothing to show
            qCWarning(lcLink) << "dropped a window whose page did not load";
            emit windowRefused(url, QStringLiteral("the window's page did not load"));
            deadline->deleteLater();
            popup->deleteLater();
            return;
        }
        if (!environment().popupMayLoad(popup->url()))
            return;
        deadline->deleteLater(); // shown once, from now on the window's business
        emit popupCreated(popup);
    });
    connect(popup, &QWebEnginePage::windowCloseRequested, deadline, [popup] {
        popup->deleteLater(); // closed before it was ever shown
    });
    deadline->start(kPopupLoadTimeoutMs);
    return popup;
}

LinkPopupPage::LinkPopupPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
                             QObject *parent)
    : GuestPage(environment, profile, parent)
{
    LinkWindowPolicy::popupOpened();
}

LinkPopupPage::~LinkPopupPage()
{
    LinkWindowPolicy::popupClosed();
}

bool LinkPopupPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (isMainFrame && environment().isExternalLink(url)) {
        // A link to a page meant for reading (help, privacy): the system browser shows it, if
        // the user clicked it and the app-wide limit allows.
        const LinkWindowPolicy::Decision decision =
            LinkWindowPolicy::decide(environment(), url, type == NavigationTypeLinkClicked, true);
        if (decision.verdict == LinkWindowPolicy::Verdict::SystemBrowser)
            handOff(url);
        else
            emit windowRefused(url, decision.reason);
        return false;
    }
    // The bank's pages (and their frames): https in the Plaid modes; the emulator's origin in
    // sandbox mode.
    const bool allowed = environment().popupMayLoad(url) ||
                         (!isMainFrame && url.scheme() == u"about" && url.path() == u"blank");
    if (!allowed) {
        qCWarning(lcLink) << "popup: refused navigation to"
                          << url.toString(QUrl::RemoveQuery).left(200);
        emit navigationBlocked(url, QStringLiteral("not allowed in a Link popup"));
    }
    return allowed;
}

} // namespace weft::link
