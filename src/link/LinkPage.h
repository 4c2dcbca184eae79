#pragma once

#include "link/LinkEnvironment.h"

#include <QElapsedTimer>
#include <QWebEnginePage>

class QWebEngineProfile;

namespace weft::link {

// The web view is a guest. LinkPage is the host page's QWebEnginePage: main-frame navigation
// only to the host page's origin, frames only to Link's origin, popups only as LinkPopupPage,
// certificate errors always rejected, every permission denied, no native JavaScript dialogs,
// unknown URL schemes refused, and the features Link does not need switched off.
class LinkPage : public QWebEnginePage
{
    Q_OBJECT

public:
    LinkPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
             QObject *parent = nullptr);

    const LinkEnvironment &environment() const { return m_environment; }

    // A private, off-the-record profile for Link: nothing is written to disk, and
    // sub-resource requests outside what the environment allows are blocked.
    static QWebEngineProfile *createProfile(const LinkEnvironment &environment, QObject *parent);
    // Applies the restrictive settings to any page of Link's (host page and popups).
    static void harden(QWebEnginePage *page);

signals:
    void navigationBlocked(const QUrl &url, const QString &reason);
    void popupCreated(QWebEnginePage *popup);
    void permissionDenied(const QUrl &origin, int feature);
    void certificateRejected(const QUrl &url, const QString &description);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptAlert(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptPrompt(const QUrl &securityOrigin, const QString &msg,
                          const QString &defaultValue, QString *result) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int lineNumber, const QString &sourceID) override;

private:
    LinkEnvironment m_environment;
};

// A window Link opened. An OAuth bank's login page stays in it, under its own policy (https
// only in the Plaid modes, the sandbox's loopback origin in sandbox mode), with no web
// channel and no further popups. A page meant for reading (help, privacy) goes to the system
// browser instead, and the window closes.
class LinkPopupPage : public QWebEnginePage
{
    Q_OBJECT

public:
    LinkPopupPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
                  QObject *parent = nullptr);

signals:
    void navigationBlocked(const QUrl &url, const QString &reason);
    void externalLinkRequested(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptAlert(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &msg) override;

private:
    LinkEnvironment m_environment;
    bool m_navigated = false;
    QElapsedTimer m_lastExternal;
};

} // namespace weft::link
