#pragma once

#include "link/LinkEnvironment.h"

#include <QWebEnginePage>

#include <functional>

class QWebEngineNewWindowRequest;
class QWebEngineProfile;

namespace weft::link {

// What every page of Link's web view shares (the host page and its popups): the restrictive
// settings, no native JavaScript dialogs, no file chooser, every permission denied (but the
// camera for Link's own frames, when the person allows it),
// certificate errors rejected, and new windows only as LinkWindowPolicy decides — before a
// window exists (createWindow() makes none; the decision is taken on newWindowRequested, where
// the address and the user gesture are known).
class GuestPage : public QWebEnginePage
{
    Q_OBJECT

public:
    GuestPage(const LinkEnvironment &environment, QWebEngineProfile *profile,
              QObject *parent = nullptr);

    const LinkEnvironment &environment() const { return m_environment; }

    // The answer to cameraRequested: the person allowed the camera, or not.
    void answerCameraRequest(bool allow);

signals:
    void navigationBlocked(const QUrl &url, const QString &reason);
    void windowRefused(const QUrl &url, const QString &reason);
    // A page meant for reading: the app opens it in the system browser.
    void externalLinkRequested(const QUrl &url);
    // permission: its name, the same in every Qt ("Notifications", "MediaVideoCapture", …).
    void permissionDenied(const QUrl &origin, const QString &permission);
    void certificateRejected(const QUrl &url, const QString &description);
    // A frame of Link's origin asks for the camera (LinkEnvironment::mayAskForCamera): the
    // app asks the person and answers with answerCameraRequest(). Refused at once when nothing
    // listens, when a question is already open, after the person refused once on this page,
    // or from a popup.
    void cameraRequested(const QUrl &origin);
    void fileChooserRefused();

protected:
    // A new popup page for url (the policy allowed it); nullptr to refuse after all.
    virtual QWebEnginePage *openPopup(const QUrl &url) = 0;
    virtual bool isPopup() const = 0;

    QWebEnginePage *createWindow(WebWindowType type) override;
    QStringList chooseFiles(FileSelectionMode mode, const QStringList &oldFiles,
                            const QStringList &acceptedMimeTypes) override;
    void javaScriptAlert(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptPrompt(const QUrl &securityOrigin, const QString &msg,
                          const QString &defaultValue, QString *result) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int lineNumber, const QString &sourceID) override;

    // Hands url to the system browser (LinkWindowPolicy said SystemBrowser).
    void handOff(const QUrl &url);

private:
    void onNewWindowRequested(QWebEngineNewWindowRequest &request);
    // Every permission is refused, but the camera for Link's origin when the person allows it.
    // apply(true) grants the request, apply(false) denies it.
    void decidePermission(const QUrl &origin, const QString &name, bool camera,
                          std::function<void(bool)> apply);

    LinkEnvironment m_environment;
    std::function<void(bool)> m_pendingCamera;
    bool m_cameraRefused = false;
};

} // namespace weft::link
