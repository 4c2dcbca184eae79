#include "link/LinkController.h"

#include "core/Clock.h"
#include "core/Milestones.h"
#include "link/LinkBackend.h"
#include "link/LinkBridge.h"
#include "link/LinkLogging.h"

namespace weft::link {
namespace {

// How long before expiry a preloaded token is replaced: a tenth of its life, at most 5 min.
std::chrono::milliseconds refreshMargin(qint64 lifetimeMs)
{
    return std::chrono::milliseconds(std::min<qint64>(5 * 60 * 1000, lifetimeMs / 10));
}

} // namespace

LinkController::LinkController(LinkBackend *backend, LinkBridge *bridge, QUrl scriptUrl,
                               Clock *clock, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_bridge(bridge)
    , m_scriptUrl(std::move(scriptUrl))
    , m_clock(clock)
{
    connect(bridge, &LinkBridge::handlerLoaded, this, &LinkController::onLoaded);
    connect(bridge, &LinkBridge::linkSucceeded, this, &LinkController::onSuccess);
    connect(bridge, &LinkBridge::linkExited, this, &LinkController::onExit);
    connect(bridge, &LinkBridge::linkEvent, this, &LinkController::eventReceived);
    connect(bridge, &LinkBridge::handlerFailed, this, &LinkController::onHandlerFailed);
    if (milestones::enabled()) {
        connect(bridge, &LinkBridge::linkEvent, this, [](const LinkEvent &event) {
            if (event.name == u"OPEN")
                milestones::mark("link-open-event");
        });
    }
}

void LinkController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcLink) << "state" << state;
    emit stateChanged(state);
}

void LinkController::start()
{
    if (m_state == State::Idle || m_state == State::Failed)
        fetchToken();
}

void LinkController::retry()
{
    if (m_state == State::Failed) {
        m_recoveries.clear(); // the user asked: a fresh start
        fetchToken();
    }
}

void LinkController::open()
{
    if (m_state == State::Ready) {
        m_openWhenReady = false;
        milestones::mark("open");
        setState(State::Open);
        m_bridge->openHandler();
        emit opened();
        return;
    }
    m_openWhenReady = true;
    if (m_state == State::Idle || m_state == State::Failed)
        fetchToken();
}

bool LinkController::receiveRedirect(const QUrl &receivedRedirectUri)
{
    if (m_token.isEmpty() || m_state == State::FetchingToken || m_state == State::Exchanging ||
        m_state == State::Failed)
        return false;
    qCInfo(lcLink) << "resuming Link after the bank's sign-in";
    const bool wasOpen = m_state == State::Open;
    m_bridge->destroyHandler();
    if (wasOpen)
        emit closed();
    m_openWhenReady = true;
    milestones::mark("handler-requested");
    setState(State::Loading);
    m_bridge->createHandler(m_token, m_scriptUrl, receivedRedirectUri.toString(QUrl::FullyEncoded));
    return true;
}

void LinkController::openForUpdate(const QString &itemId, const QString &accessToken,
                                   bool accountSelection)
{
    if (m_state == State::Open || m_state == State::Exchanging)
        return;
    m_updateItemId = itemId;
    m_updateAccessToken = accessToken;
    m_accountSelection = accountSelection;
    m_bridge->destroyHandler();
    m_openWhenReady = true;
    fetchToken();
}

void LinkController::fetchToken()
{
    milestones::mark("token-requested");
    setState(State::FetchingToken);
    const quint64 generation = ++m_tokenGeneration;
    const LinkTokenPurpose purpose =
        m_updateItemId.isEmpty()
            ? LinkTokenPurpose::newItem()
            : LinkTokenPurpose::update(m_updateItemId, m_updateAccessToken, m_accountSelection);
    m_backend->createLinkToken(
        purpose, this, [this, generation](const plaid::PlaidResult<plaid::LinkToken> &r) {
            if (generation != m_tokenGeneration)
                return; // superseded
            if (!r.ok()) {
                m_openWhenReady = false;
                setState(State::Failed);
                emit failed(linkFailureFrom(LinkFailure::Stage::Token, r,
                                            tr("Could not prepare a Link session")));
                return;
            }
            milestones::mark("token-fetched");
            m_token = r.value.linkToken;
            m_expiration = r.value.expiration;
            scheduleRefresh();
            createHandler();
        });
}

void LinkController::createHandler()
{
    milestones::mark("handler-requested");
    setState(State::Loading);
    m_bridge->createHandler(m_token, m_scriptUrl);
}

void LinkController::scheduleRefresh()
{
    m_refreshDue = false;
    // A minute at least: with a skewed local clock the token may look expired already, and
    // refreshing in a tight loop would help no one (an expired token ends in
    // INVALID_LINK_TOKEN, which recovers by itself).
    const qint64 lifetime = m_clock->now().msecsTo(m_expiration);
    const auto delay = std::chrono::milliseconds(
        std::max<qint64>(60 * 1000, lifetime - refreshMargin(lifetime).count()));
    const quint64 generation = m_tokenGeneration;
    m_clock->callLater(delay, this, [this, generation] {
        if (generation != m_tokenGeneration)
            return;
        m_refreshDue = true;
        refreshIfDue();
    });
}

void LinkController::refreshIfDue()
{
    if (!m_refreshDue || m_state == State::Open || m_state == State::Exchanging)
        return; // never pull Link from under the user; refresh when it closes
    qCInfo(lcLink) << "refreshing the link token before it expires";
    m_bridge->destroyHandler();
    fetchToken();
}

void LinkController::onLoaded(int handlerId)
{
    if (handlerId != m_bridge->currentHandler() || m_state != State::Loading)
        return;
    milestones::mark("ready");
    setState(State::Ready);
    if (m_openWhenReady)
        open();
}

void LinkController::backToNewItemMode()
{
    if (m_updateItemId.isEmpty())
        return;
    m_updateItemId.clear();
    m_updateAccessToken.clear();
    m_accountSelection = false;
}

void LinkController::onSuccess(const LinkSuccess &success)
{
    emit closed();
    if (isUpdateMode()) {
        // Update mode: the access token is unchanged; nothing to exchange.
        const QString itemId = m_updateItemId;
        backToNewItemMode();
        emit itemRepaired(itemId, success);
        m_bridge->destroyHandler();
        fetchToken();
        return;
    }
    setState(State::Exchanging);
    emit exchangeStarting(success);
    m_backend->exchangePublicToken(
        success.publicToken, this,
        [this, success](const plaid::PlaidResult<plaid::PublicTokenExchange> &r) {
            if (r.ok()) {
                emit itemLinked({r.value.itemId, r.value.accessToken, success, m_clock->now()});
            } else {
                // The public token is single-use: it is never replayed. Linking again is one
                // click on a fresh handler.
                LinkFailure failure = linkFailureFrom(LinkFailure::Stage::Exchange, r,
                                                      tr("The bank was linked, but the connection "
                                                         "could not be completed"));
                failure.linkSessionId = success.linkSessionId;
                if (r.status == plaid::PlaidStatus::ApiError)
                    emit exchangeRefused(success.linkSessionId); // Plaid made no Item
                emit failed(failure);
            }
            m_bridge->destroyHandler();
            fetchToken(); // the token is used up: prepare the next session
        });
}

void LinkController::onExit(const LinkExit &exit)
{
    emit closed();
    emit exited(exit);
    const bool wasUpdate = isUpdateMode();
    if (exit.isInvalidLinkToken()) {
        milestones::mark("recovery-started");
        m_bridge->destroyHandler();
        if (wasUpdate)
            backToNewItemMode();
        const QDateTime now = m_clock->now();
        m_recoveries.removeIf([&now](const QDateTime &at) {
            return at.msecsTo(now) >= std::chrono::milliseconds(kRecoveryWindow).count();
        });
        if (m_recoveries.size() >= kMaxRecoveries) {
            qCWarning(lcLink) << "INVALID_LINK_TOKEN" << m_recoveries.size() + 1
                              << "times within a minute: Link stays closed until Try again";
            m_openWhenReady = false;
            setState(State::Failed);
            LinkFailure failure;
            failure.stage = LinkFailure::Stage::Link;
            failure.errorType = exit.error->errorType;
            failure.errorCode = exit.error->errorCode;
            failure.linkSessionId = exit.linkSessionId;
            failure.requestId = exit.requestId;
            failure.exitStatus = exit.status;
            failure.recoveryLimit = true;
            failure.userText = tr("Link's session kept expiring, so Weft stopped preparing new "
                                  "ones. Choose Try again when you are ready.");
            emit failed(failure);
            return;
        }
        m_recoveries.append(now);
        emit notice(tr("The Link session expired. A new one is being prepared; please try "
                       "again."));
        fetchToken(); // exactly one fresh token
        return;
    }
    if (exit.error) {
        LinkFailure failure;
        failure.stage = LinkFailure::Stage::Link;
        failure.errorType = exit.error->errorType;
        failure.errorCode = exit.error->errorCode;
        failure.userText = exit.error->userText();
        failure.linkSessionId = exit.linkSessionId;
        failure.requestId = exit.requestId.isEmpty() ? exit.error->requestId : exit.requestId;
        failure.exitStatus = exit.status;
        emit failed(failure);
    }
    if (wasUpdate) {
        backToNewItemMode();
        m_bridge->destroyHandler();
        fetchToken();
        return;
    }
    // The token is still good: a fresh handler on it, ready for the next open().
    m_bridge->destroyHandler();
    if (m_refreshDue)
        fetchToken();
    else
        createHandler();
}

void LinkController::onHandlerFailed(const QString &message)
{
    m_openWhenReady = false;
    setState(State::Failed);
    LinkFailure failure;
    failure.stage = LinkFailure::Stage::Script;
    failure.userText = tr("Link could not start: %1").arg(message);
    emit failed(failure);
}

} // namespace weft::link
