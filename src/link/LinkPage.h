#pragma once

#include "link/GuestPage.h"

class QWebEngineProfile;

namespace weft::link {

// The web view is a guest. LinkPage is the host page's QWebEnginePage: main-frame navigation
// only to the host page's origin, frames only to Link's origin, popups only as LinkPopupPage
// (see LinkWindowPolicy), and everything GuestPage refuses.
class LinkPage : public GuestPage
{
    Q_OBJECT

public:
    LinkPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
             QObject *parent = nullptr);

    // A private, off-the-record profile for Link: nothing is written to disk, sub-resource
    // requests outside what the environment allows are blocked, and WebRTC is taken from every
    // page and frame (see GuestScripts).
    static QWebEngineProfile *createProfile(const LinkEnvironment &environment, QObject *parent);

    // How long a popup has to load a page it may show before it is dropped unseen.
    static constexpr int kPopupLoadTimeoutMs = 10'000;

signals:
    // A popup has loaded its first page and may be shown (in a window without the channel).
    void popupCreated(QWebEnginePage *popup);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *openPopup(const QUrl &url) override;
    bool isPopup() const override { return false; }
};

// A window Link opened: an OAuth bank's login page, under its own policy (https only in the
// Plaid modes, the emulator's origin in sandbox mode), with no web channel and no further
// popups. A link inside it to a page meant for reading goes to the system browser.
class LinkPopupPage : public GuestPage
{
    Q_OBJECT

public:
    LinkPopupPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
                  QObject *parent = nullptr);
    ~LinkPopupPage() override;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *openPopup(const QUrl &) override { return nullptr; }
    bool isPopup() const override { return true; }
};

} // namespace weft::link
