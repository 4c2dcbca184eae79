#pragma once

#include "link/LinkBackend.h"
#include "link/LinkController.h"
#include "plaid/PlaidModels.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

namespace weft {
class Clock;
}

namespace weft::link {

class CompletionListener;
class LinkBackend;

// Hosted Link: Link in the user's own web browser instead of Weft's window, for what the
// embedded engine cannot do. It fetches a link token with hosted_link (its
// completion_redirect_uri on loopback, see CompletionListener), opens hosted_link_url in the
// browser, then learns how the session ended from /link/token/get — every kPollInterval, and
// at once when the browser reaches the completion URI. A public token in
// results.item_add_results is exchanged exactly as embedded Link's onSuccess is (the same
// signals, so the session stores it the same way); an exit ends the wait with what Link said;
// so do the token's expiry and cancel(). One attempt at a time.
class HostedLinkController : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, FetchingToken, Waiting, Exchanging };
    Q_ENUM(State)

    static constexpr std::chrono::seconds kPollInterval{2};
    // Consecutive failed polls (network, 5xx) tolerated before the wait ends.
    static constexpr int kMaxPollFailures = 30;

    // Opens a URL in the user's browser; false when it could not.
    using UrlOpener = std::function<bool(const QUrl &url)>;

    HostedLinkController(LinkBackend *backend, Clock *clock, QObject *parent = nullptr);
    ~HostedLinkController() override;

    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    // The Plaid modes accept only an https hosted_link_url.
    void setRequireHttps(bool require) { m_requireHttps = require; }
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }

    State state() const { return m_state; }
    bool isBusy() const { return m_state != State::Idle; }
    bool isUpdateMode() const { return !m_updateItemId.isEmpty(); }
    // The page the user is asked to finish in (while Waiting).
    QUrl hostedUrl() const { return m_url; }

    // A new Item (does nothing while an attempt goes on).
    void start();
    // Update mode for an Item: success repairs it, nothing is exchanged. With
    // accountSelection the user also chooses again which accounts it shares.
    void startForUpdate(const QString &itemId, const QString &accessToken,
                        bool accountSelection = false);
    // Opens the page again (the user closed the tab); false when the browser could not.
    bool openAgain();
    // Stops waiting. The page in the browser may still be finished, but Weft no longer looks.
    void cancel();

signals:
    void stateChanged(weft::link::HostedLinkController::State state);
    // The page is open in the browser (opened false: it could not be; the URL is for copying).
    void waiting(const QUrl &url, bool opened);
    // The attempt ended (linked, exited, failed, expired or canceled).
    void finished();
    void notice(const QString &text);
    void failed(const weft::link::LinkFailure &failure);
    void exchangeStarting(const weft::link::LinkSuccess &success);
    void exchangeRefused(const QString &linkSessionId);
    void itemLinked(const weft::link::LinkedItem &item);
    void itemRepaired(const QString &itemId, const weft::link::LinkSuccess &success);

private:
    void begin(const QString &itemId, const LinkTokenPurpose &purpose);
    void setState(State state);
    void schedulePoll(std::chrono::milliseconds delay);
    void poll();
    void onDetails(const plaid::PlaidResult<plaid::LinkTokenDetails> &result);
    void takeResults(const QList<LinkSuccess> &successes);
    void exchangeNext();
    void end();
    void endWithFailure(const LinkFailure &failure);

    LinkBackend *m_backend;
    Clock *m_clock;
    CompletionListener *m_listener;
    UrlOpener m_opener;
    bool m_requireHttps = false;
    std::chrono::milliseconds m_pollInterval = kPollInterval;
    State m_state = State::Idle;
    quint64 m_attempt = 0; // bumped at each start and end: late answers are dropped
    bool m_pollInFlight = false;
    bool m_pollAgain = false; // the browser arrived while a poll was in flight
    int m_pollFailures = 0;
    QString m_token;
    QDateTime m_expiration;
    QUrl m_url;
    QString m_updateItemId;
    QString m_updateAccessToken;
    QList<LinkSuccess> m_toExchange;
};

} // namespace weft::link
