#include "link/LinkPage.h"

#include "link/LinkLogging.h"

#include <QWebEngineCertificateError>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>

namespace weft::link {
namespace {

// Blocks every sub-resource request Link has no business making: other schemes than http(s),
// data and blob; in sandbox mode anything off loopback; in the Plaid modes plain http.
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

void refuseDialog(const char *kind, const QUrl &origin, const QString &message)
{
    qCWarning(lcLink).nospace() << "refused a JavaScript " << kind << " from " << origin.toString()
                                << ": " << message.left(200);
}

} // namespace

QWebEngineProfile *LinkPage::createProfile(const LinkEnvironment &environment, QObject *parent)
{
    auto *profile = new QWebEngineProfile(parent); // no storage name: off the record
    profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    profile->setSpellCheckEnabled(false);
    profile->setUrlRequestInterceptor(new LinkRequestInterceptor(environment, profile));
    return profile;
}

void LinkPage::harden(QWebEnginePage *page)
{
    QWebEngineSettings *s = page->settings();
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanPaste, false);
    s->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    s->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    s->setAttribute(QWebEngineSettings::AllowGeolocationOnInsecureOrigins, false);
    s->setAttribute(QWebEngineSettings::AllowWindowActivationFromJavaScript, false);
    s->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    s->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true); // OAuth popups
    s->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);

    QObject::connect(page, &QWebEnginePage::featurePermissionRequested, page,
                     [page](const QUrl &origin, QWebEnginePage::Feature feature) {
                         qCWarning(lcLink) << "denied permission" << feature << "to" << origin;
                         page->setFeaturePermission(origin, feature,
                                                    QWebEnginePage::PermissionDeniedByUser);
                         if (auto *linkPage = qobject_cast<LinkPage *>(page))
                             emit linkPage->permissionDenied(origin, int(feature));
                     });
    QObject::connect(page, &QWebEnginePage::certificateError, page,
                     [page](const QWebEngineCertificateError &error) {
                         auto copy = error;
                         copy.rejectCertificate();
                         qCWarning(lcLink)
                             << "rejected certificate for" << error.url() << error.description();
                         if (auto *linkPage = qobject_cast<LinkPage *>(page))
                             emit linkPage->certificateRejected(error.url(), error.description());
                     });
}

LinkPage::LinkPage(const LinkEnvironment &environment, QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_environment(environment)
{
    harden(this);
}

bool LinkPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (isMainFrame && m_environment.mainFrameMayNavigate(url))
        return true;
    if (!isMainFrame && m_environment.linkMayLoad(url))
        return true;
    Q_UNUSED(type)
    const QString reason = isMainFrame ? QStringLiteral("not the host page's origin")
                                       : QStringLiteral("not Link's origin");
    qCWarning(lcLink) << "refused navigation to" << url.toString(QUrl::RemoveQuery) << "-"
                      << reason;
    emit navigationBlocked(url, reason);
    return false;
}

QWebEnginePage *LinkPage::createWindow(WebWindowType type)
{
    qCInfo(lcLink) << "Link opens a window of type" << type;
    auto *popup = new LinkPopupPage(m_environment, profile(), this);
    emit popupCreated(popup);
    return popup;
}

void LinkPage::javaScriptAlert(const QUrl &securityOrigin, const QString &msg)
{
    refuseDialog("alert", securityOrigin, msg);
}

bool LinkPage::javaScriptConfirm(const QUrl &securityOrigin, const QString &msg)
{
    refuseDialog("confirm", securityOrigin, msg);
    return false;
}

bool LinkPage::javaScriptPrompt(const QUrl &securityOrigin, const QString &msg, const QString &,
                                QString *)
{
    refuseDialog("prompt", securityOrigin, msg);
    return false;
}

void LinkPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                        int lineNumber, const QString &sourceID)
{
    if (level == ErrorMessageLevel) {
        qCWarning(lcLink).nospace()
            << "page: " << message << " (" << sourceID << ':' << lineNumber << ')';
    } else {
        qCDebug(lcLink).nospace() << "page: " << message;
    }
}

LinkPopupPage::LinkPopupPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
                             QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_environment(environment)
{
    LinkPage::harden(this);
}

bool LinkPopupPage::acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame)
{
    const bool first = !m_navigated && isMainFrame;
    m_navigated = m_navigated || isMainFrame;
    if (first && m_environment.isExternalLink(url)) {
        // A page meant for the user to read (help, privacy): the system browser shows it, at
        // most one every few seconds so that a script cannot flood the desktop.
        if (!m_lastExternal.isValid() || m_lastExternal.hasExpired(3000)) {
            m_lastExternal.start();
            qCInfo(lcLink) << "opening in the system browser:" << url.toString(QUrl::RemoveQuery);
            emit externalLinkRequested(url);
        }
        emit windowCloseRequested();
        return false;
    }
    // The bank's pages: https in the Plaid modes; the sandbox's own origin in sandbox mode.
    const bool allowed =
        m_environment.sandbox ? m_environment.linkMayLoad(url) : url.scheme() == u"https";
    if (!allowed) {
        qCWarning(lcLink) << "popup: refused navigation to" << url.toString(QUrl::RemoveQuery);
        emit navigationBlocked(url, QStringLiteral("not allowed in a Link popup"));
    }
    return allowed;
}

QWebEnginePage *LinkPopupPage::createWindow(WebWindowType)
{
    qCWarning(lcLink) << "popup: refused to open a further window";
    return nullptr;
}

void LinkPopupPage::javaScriptAlert(const QUrl &securityOrigin, const QString &msg)
{
    refuseDialog("alert", securityOrigin, msg);
}

bool LinkPopupPage::javaScriptConfirm(const QUrl &securityOrigin, const QString &msg)
{
    refuseDialog("confirm", securityOrigin, msg);
    return false;
}

} // namespace weft::link
