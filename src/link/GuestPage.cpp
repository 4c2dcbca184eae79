#include "link/GuestPage.h"

#include "link/LinkLogging.h"
#include "link/LinkWindowPolicy.h"

#include <QMetaEnum>
#include <QMetaMethod>
#include <QWebEngineCertificateError>
#include <QWebEngineNewWindowRequest>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QWebEnginePermission>
#endif
#include <QWebEngineSettings>

namespace weft::link {
namespace {

void refuseDialog(const char *kind, const QUrl &origin, const QString &message)
{
    qCWarning(lcLink).nospace() << "refused a JavaScript " << kind << " from " << origin.toString()
                                << ": " << message.left(200);
}

void applySettings(QWebEnginePage *page)
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
    // Windows are asked for (and most refused) through newWindowRequested.
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true);
    s->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);
}

} // namespace

GuestPage::GuestPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
                     QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_environment(environment)
{
    applySettings(this);
    connect(this, &QWebEnginePage::newWindowRequested, this, &GuestPage::onNewWindowRequested);
    // Qt 6.8 replaced the per-feature signal with QWebEnginePermission; both end in
    // decidePermission().
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    connect(this, &QWebEnginePage::permissionRequested, this,
            [this](QWebEnginePermission permission) {
                const auto type = permission.permissionType();
                decidePermission(
                    permission.origin(),
                    QString::fromLatin1(
                        QMetaEnum::fromType<QWebEnginePermission::PermissionType>().valueToKey(
                            int(type))),
                    type == QWebEnginePermission::PermissionType::MediaVideoCapture,
                    [permission](bool allow) mutable {
                        if (allow)
                            permission.grant();
                        else
                            permission.deny();
                    });
            });
#else
    connect(this, &QWebEnginePage::featurePermissionRequested, this,
            [this](const QUrl &origin, QWebEnginePage::Feature feature) {
                decidePermission(
                    origin,
                    QString::fromLatin1(
                        QMetaEnum::fromType<QWebEnginePage::Feature>().valueToKey(feature)),
                    feature == QWebEnginePage::MediaVideoCapture,
                    [this, origin, feature](bool allow) {
                        setFeaturePermission(origin, feature,
                                             allow ? QWebEnginePage::PermissionGrantedByUser
                                                   : QWebEnginePage::PermissionDeniedByUser);
                    });
            });
#endif
    connect(this, &QWebEnginePage::certificateError, this,
            [this](const QWebEngineCertificateError &error) {
                auto copy = error;
                copy.rejectCertificate();
                qCWarning(lcLink) << "rejected certificate for" << error.url()
                                  << error.description();
                emit certificateRejected(error.url(), error.description());
            });
}

void GuestPage::decidePermission(const QUrl &origin, const QString &name, bool camera,
                                 std::function<void(bool)> apply)
{
    // Once refused, not asked again on this page: a frame cannot make a stream of questions.
    const bool mayAsk = camera && !isPopup() && m_environment.mayAskForCamera(origin) &&
                        !m_pendingCamera && !m_cameraRefused &&
                        isSignalConnected(QMetaMethod::fromSignal(&GuestPage::cameraRequested));
    if (!mayAsk) {
        qCWarning(lcLink) << "denied permission" << name << "to" << origin;
        apply(false);
        emit permissionDenied(origin, name);
        return;
    }
    m_pendingCamera = [this, origin, name, apply = std::move(apply)](bool allow) {
        qCInfo(lcLink) << (allow ? "the camera was allowed to" : "the camera was refused to")
                       << origin;
        apply(allow);
        if (!allow) {
            m_cameraRefused = true;
            emit permissionDenied(origin, name);
        }
    };
    emit cameraRequested(origin);
}

void GuestPage::answerCameraRequest(bool allow)
{
    if (auto pending = std::exchange(m_pendingCamera, nullptr))
        pending(allow);
}

QWebEnginePage *GuestPage::createWindow(WebWindowType type)
{
    // Never here: the address is not known yet. newWindowRequested follows, with it.
    Q_UNUSED(type)
    return nullptr;
}

void GuestPage::onNewWindowRequested(QWebEngineNewWindowRequest &request)
{
    const QUrl url = request.requestedUrl();
    const LinkWindowPolicy::Decision decision =
        LinkWindowPolicy::decide(m_environment, url, request.isUserInitiated(), isPopup());
    switch (decision.verdict) {
    case LinkWindowPolicy::Verdict::SystemBrowser:
        handOff(url);
        return;
    case LinkWindowPolicy::Verdict::Popup:
        if (QWebEnginePage *popup = openPopup(url)) {
            request.openIn(popup);
            return;
        }
        break;
    case LinkWindowPolicy::Verdict::Refuse:
        break;
    }
    const QString reason = decision.reason.isEmpty() ? QStringLiteral("refused") : decision.reason;
    qCWarning(lcLink).nospace() << "refused a window for "
                                << url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment).left(200)
                                << ": " << reason;
    emit windowRefused(url, reason);
}

void GuestPage::handOff(const QUrl &url)
{
    LinkWindowPolicy::handedOff();
    qCInfo(lcLink) << "opening in the system browser:" << url.toString(QUrl::RemoveQuery);
    emit externalLinkRequested(url);
}

QStringList GuestPage::chooseFiles(FileSelectionMode, const QStringList &, const QStringList &)
{
    qCWarning(lcLink) << "refused a file chooser";
    emit fileChooserRefused();
    return {};
}

void GuestPage::javaScriptAlert(const QUrl &securityOrigin, const QString &msg)
{
    refuseDialog("alert", securityOrigin, msg);
}

bool GuestPage::javaScriptConfirm(const QUrl &securityOrigin, const QString &msg)
{
    refuseDialog("confirm", securityOrigin, msg);
    return false;
}

bool GuestPage::javaScriptPrompt(const QUrl &securityOrigin, const QString &msg, const QString &,
                                 QString *)
{
    refuseDialog("prompt", securityOrigin, msg);
    return false;
}

void GuestPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                         const QString &message, int lineNumber,
                                         const QString &sourceID)
{
    if (level == ErrorMessageLevel) {
        qCWarning(lcLink).nospace()
            << "page: " << message.left(500) << " (" << sourceID << ':' << lineNumber << ')';
    } else {
        qCDebug(lcLink).nospace() << "page: " << message.left(500);
    }
}

} // namespace weft::link
