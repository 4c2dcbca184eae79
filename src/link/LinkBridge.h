#pragma once

#include "link/LinkTypes.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

namespace weft::link {

// The one object the host page sees on the web channel (as "weftLink"). The page calls the
// invokables with one JSON string each; every call is checked (the main frame must still be
// on the host page's origin, the payload at most kMaxPayloadBytes, the shape right, the
// handler current) before a typed signal goes out. A success or an exit counts only for the
// handler that openHandler() opened, once, while it is open: a page that forges one while
// Link is closed, for another handler, or a second time, is refused. Rejected calls are
// reported through rejected() and never reach the controller. No properties, no returned
// objects — and the one property every QObject has, objectName, is put back at once if the
// page writes it (QWebChannel publishes it writable).
class LinkBridge : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxPayloadBytes = 64 * 1024;

    // pageUrl answers the main frame's current URL; hostOrigin is the host page's origin.
    LinkBridge(const QUrl &hostOrigin, std::function<QUrl()> pageUrl, QObject *parent = nullptr);

    int currentHandler() const { return m_handlerId; }
    // The handler that is open (showing Link to the user), 0 when none.
    int openHandlerId() const { return m_openHandler; }

    // Asks the page to create a handler for token; returns its id. Callbacks of any older
    // handler are ignored from now on.
    int createHandler(const QString &token, const QUrl &scriptUrl,
                      const QString &receivedRedirectUri = {});
    void openHandler();
    void destroyHandler();

    // Called by the page (JSON payloads).
    Q_INVOKABLE void hostReady(const QString &payload);
    Q_INVOKABLE void loaded(const QString &payload);
    Q_INVOKABLE void succeeded(const QString &payload);
    Q_INVOKABLE void exited(const QString &payload);
    Q_INVOKABLE void eventOccurred(const QString &payload); // not event(): QObject has one
    Q_INVOKABLE void failed(const QString &payload);

signals:
    // To the page.
    void createRequested(const QString &config);
    void openRequested();
    void destroyRequested();

    // To the controller.
    void handlerLoaded(int handlerId);
    void linkSucceeded(const weft::link::LinkSuccess &success);
    void linkExited(const weft::link::LinkExit &exit);
    void linkEvent(const weft::link::LinkEvent &event);
    void handlerFailed(const QString &message); // e.g. the Link script could not load
    void rejected(const QString &call, const QString &reason);

private:
    // Origin, size and JSON checks common to every call; the parsed payload, or nothing.
    std::optional<QJsonObject> accept(const char *call, const QString &payload,
                                      bool needsCurrentHandler);
    void reject(const char *call, const QString &reason);

    // The open session's handler, if call may end it; else rejects it.
    bool acceptOutcome(const char *call, const QJsonObject &object);

    QUrl m_hostOrigin;
    std::function<QUrl()> m_pageUrl;
    bool m_hostReady = false;
    int m_handlerId = 0;
    int m_openHandler = 0;   // the handler Link is open for; 0 when closed or the session ended
    QString m_pendingCreate; // config waiting for the page to be ready
};

} // namespace weft::link
