#pragma once

#include "link/LinkOutcome.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <chrono>

namespace weft {
class Clock;
}

namespace weft::link {

class LinkBackend;
class LinkBridge;

// The Link session state machine. At start it fetches a link token and creates the handler
// in the (hidden) view, so that open() shows Link at once; it refreshes token and handler
// before the token expires; on INVALID_LINK_TOKEN it destroys the handler, fetches exactly
// one fresh token and creates a new handler — at most kMaxRecoveries times in
// kRecoveryWindow, after which Link stays closed (Failed) until retry(), so that a page
// forging that exit cannot make Weft fetch tokens without end; on success it has the public
// token exchanged.
class LinkController : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, FetchingToken, Loading, Ready, Open, Exchanging, Failed };
    Q_ENUM(State)

    static constexpr int kMaxRecoveries = 3;
    static constexpr std::chrono::seconds kRecoveryWindow{60};

    LinkController(LinkBackend *backend, LinkBridge *bridge, QUrl scriptUrl, Clock *clock,
                   QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isUpdateMode() const { return !m_updateItemId.isEmpty(); }

    // Fetches a token and creates the handler ahead of time (preload).
    void start();
    // Shows Link now if it is ready, otherwise as soon as it is.
    void open();
    // Opens Link in update mode for an Item (with its access token where the desktop holds it;
    // empty when a provider's server does): success repairs the Item
    // without a new exchange. With accountSelection the user also chooses again which
    // accounts the Item shares. Afterwards the controller returns to new-Item mode.
    void openForUpdate(const QString &itemId, const QString &accessToken,
                       bool accountSelection = false);
    // After Failed: tries again from the token.
    void retry();
    // OAuth by redirect: the bank sent the user back (redirect_uri?oauth_state_id=...). Link is
    // re-initialised with the same link token and receivedRedirectUri, and opened, so the
    // session goes on where it was. False when there is no session to go on with (no token,
    // or an exchange under way).
    bool receiveRedirect(const QUrl &receivedRedirectUri);

signals:
    void stateChanged(weft::link::LinkController::State state);
    void opened();
    void closed();
    void notice(const QString &text);
    void failed(const weft::link::LinkFailure &failure);
    // Emitted just before the public token goes to the exchange (listeners run first: the
    // session records the pending exchange on disk then).
    void exchangeStarting(const weft::link::LinkSuccess &success);
    // Plaid answered the exchange with an error: no Item was made.
    void exchangeRefused(const QString &linkSessionId);
    void itemLinked(const weft::link::LinkedItem &item);
    void itemRepaired(const QString &itemId, const weft::link::LinkSuccess &success);
    void eventReceived(const weft::link::LinkEvent &event);
    // Link closed without a success (before the controller acts on it).
    void exited(const weft::link::LinkExit &exit);

private:
    void setState(State state);
    void fetchToken();
    void createHandler();
    void scheduleRefresh();
    void refreshIfDue();
    void backToNewItemMode();

    void onLoaded(int handlerId);
    void onSuccess(const LinkSuccess &success);
    void onExit(const LinkExit &exit);
    void onHandlerFailed(const QString &message);

    LinkBackend *m_backend;
    LinkBridge *m_bridge;
    QUrl m_scriptUrl;
    Clock *m_clock;
    State m_state = State::Idle;
    bool m_openWhenReady = false;
    bool m_refreshDue = false;
    quint64 m_tokenGeneration = 0;
    QString m_token;
    QDateTime m_expiration;
    QString m_updateItemId;
    QString m_updateAccessToken;
    bool m_accountSelection = false;
    QList<QDateTime> m_recoveries; // INVALID_LINK_TOKEN recoveries within kRecoveryWindow
};

} // namespace weft::link
