#include "link/HostedLinkController.h"

#include "core/Clock.h"
#include "link/CompletionListener.h"
#include "link/LinkBackend.h"
#include "link/LinkLogging.h"

#include <QJsonArray>

namespace weft::link {
namespace {

// An item_add_result as onSuccess would have carried it; nothing when its shape is wrong.
std::optional<LinkSuccess> successFrom(const plaid::LinkSessionItemAdd &add,
                                       const QString &linkSessionId, QString *error)
{
    QJsonObject metadata{{QStringLiteral("accounts"), add.accounts},
                         {QStringLiteral("link_session_id"), linkSessionId}};
    metadata.insert(QStringLiteral("institution"),
                    add.institution.isEmpty() ? QJsonValue() : QJsonValue(add.institution));
    return LinkSuccess::parse(
        {{QStringLiteral("public_token"), add.publicToken}, {QStringLiteral("metadata"), metadata}},
        error);
}

} // namespace

HostedLinkController::HostedLinkController(LinkBackend *backend, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_clock(clock)
    , m_listener(new CompletionListener(this))
{
    connect(m_listener, &CompletionListener::arrived, this, [this] {
        if (m_state != State::Waiting)
            return;
        qCInfo(lcLink) << "the browser reached the completion address: looking now";
        if (m_pollInFlight)
            m_pollAgain = true;
        else
            poll();
    });
}

HostedLinkController::~HostedLinkController() = default;

void HostedLinkController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcLink) << "hosted" << state;
    emit stateChanged(state);
}

void HostedLinkController::start()
{
    begin({}, LinkTokenPurpose::newItem());
}

void HostedLinkController::startForUpdate(const QString &itemId, const QString &accessToken,
                                          bool accountSelection)
{
    begin(itemId, LinkTokenPurpose::update(itemId, accessToken, accountSelection));
}

void HostedLinkController::begin(const QString &itemId, const LinkTokenPurpose &purpose)
{
    if (m_state != State::Idle)
        return;
    m_updateItemId = itemId;
    m_updateAccessToken = purpose.accessToken;
    m_toExchange.clear();
    m_pollFailures = 0;
    const quint64 attempt = ++m_attempt;
    setState(State::FetchingToken);
    QString listenError;
    const QUrl completion = m_listener->arm(&listenError);
    if (completion.isEmpty())
        qCWarning(lcLink) << "no loopback completion address (" << listenError
                          << "): Weft learns the result by polling alone";
    m_backend->createHostedLinkToken(
        purpose, completion.toString(), this,
        [this, attempt](const plaid::PlaidResult<plaid::LinkToken> &result) {
            if (attempt != m_attempt)
                return;
            if (!result.ok()) {
                endWithFailure(linkFailureFrom(LinkFailure::Stage::Token, result,
                                               tr("Could not prepare Link for your browser")));
                return;
            }
            const QUrl url = result.value.hostedLinkUrl;
            if (url.isEmpty() || (m_requireHttps && url.scheme() != u"https")) {
                LinkFailure failure;
                failure.stage = LinkFailure::Stage::Token;
                failure.requestId = result.requestId;
                failure.userText = url.isEmpty()
                                       ? tr("Plaid did not give an address for Link in your "
                                            "browser (Hosted Link may not be enabled for this "
                                            "account).")
                                       : tr("Plaid gave an address for Link that is not secure "
                                            "(not https), so Weft did not open it.");
                endWithFailure(failure);
                return;
            }
            m_token = result.value.linkToken;
            m_expiration = result.value.expiration;
            m_url = url;
            setState(State::Waiting);
            const bool opened = m_opener && m_opener(url);
            if (!opened)
                qCWarning(lcLink) << "the browser could not be opened for Hosted Link";
            emit waiting(url, opened);
            schedulePoll(m_pollInterval);
        });
}

bool HostedLinkController::openAgain()
{
    if (m_state != State::Waiting)
        return false;
    return m_opener && m_opener(m_url);
}

void HostedLinkController::cancel()
{
    if (m_state == State::Idle || m_state == State::Exchanging)
        return; // an exchange in flight is finished: the Item may already exist at Plaid
    qCInfo(lcLink) << "Hosted Link canceled";
    end();
}

void HostedLinkController::end()
{
    ++m_attempt;
    m_listener->disarm();
    m_pollInFlight = false;
    m_pollAgain = false;
    m_token.clear();
    m_url.clear();
    m_updateItemId.clear();
    m_updateAccessToken.clear();
    m_toExchange.clear();
    setState(State::Idle);
    emit finished();
}

void HostedLinkController::endWithFailure(const LinkFailure &failure)
{
    end();
    emit failed(failure);
}

void HostedLinkController::schedulePoll(std::chrono::milliseconds delay)
{
    const quint64 attempt = m_attempt;
    m_clock->callLater(delay, this, [this, attempt] {
        if (attempt == m_attempt && m_state == State::Waiting && !m_pollInFlight)
            poll();
    });
}

void HostedLinkController::poll()
{
    if (m_clock->now() >= m_expiration) {
        LinkFailure failure;
        failure.stage = LinkFailure::Stage::Link;
        failure.errorCode = QStringLiteral("INVALID_LINK_TOKEN");
        failure.userText = tr("The Link page in your browser expired before it was finished. "
                              "Nothing was connected; you can start again.");
        endWithFailure(failure);
        return;
    }
    m_pollInFlight = true;
    const quint64 attempt = m_attempt;
    m_backend->getLinkToken(m_token, this,
                            [this, attempt](const plaid::PlaidResult<plaid::LinkTokenDetails> &r) {
                                if (attempt != m_attempt)
                                    return;
                                m_pollInFlight = false;
                                onDetails(r);
                            });
}

void HostedLinkController::onDetails(const plaid::PlaidResult<plaid::LinkTokenDetails> &result)
{
    if (!result.ok()) {
        const bool permanent = result.status == plaid::PlaidStatus::ApiError &&
                               result.httpStatus >= 400 && result.httpStatus < 500 &&
                               result.apiError.errorCode != u"RATE_LIMIT_EXCEEDED";
        if (permanent || ++m_pollFailures >= kMaxPollFailures) {
            endWithFailure(linkFailureFrom(LinkFailure::Stage::Link, result,
                                           tr("Weft could not learn how Link ended in your "
                                              "browser")));
            return;
        }
        qCWarning(lcLink) << "Hosted Link poll failed:" << plaid::statusName(result.status)
                          << "- trying again";
        schedulePoll(m_pollInterval);
        return;
    }
    m_pollFailures = 0;
    QList<LinkSuccess> successes;
    const plaid::LinkSessionRecord *exited = nullptr;
    for (const plaid::LinkSessionRecord &session : result.value.sessions) {
        for (const plaid::LinkSessionItemAdd &add : session.itemAdds) {
            QString error;
            if (std::optional<LinkSuccess> success =
                    successFrom(add, session.linkSessionId, &error)) {
                successes.append(*success);
            } else {
                qCWarning(lcLink) << "a Hosted Link result was unusable:" << error;
                LinkFailure failure;
                failure.stage = LinkFailure::Stage::Link;
                failure.linkSessionId = session.linkSessionId;
                failure.requestId = result.requestId;
                failure.userText = tr("Plaid's answer about the Link session could not be read: "
                                      "%1")
                                       .arg(error);
                endWithFailure(failure);
                return;
            }
        }
        if (session.exited && session.itemAdds.isEmpty())
            exited = &session;
    }
    if (!successes.isEmpty()) {
        takeResults(successes);
        return;
    }
    if (exited) {
        const QString sessionId = exited->linkSessionId;
        const std::optional<plaid::PlaidError> error = exited->exitError;
        end();
        if (error) {
            LinkFailure failure;
            failure.stage = LinkFailure::Stage::Link;
            failure.errorType = error->errorType;
            failure.errorCode = error->errorCode;
            failure.userText = error->userText();
            failure.linkSessionId = sessionId;
            failure.requestId = error->requestId;
            emit failed(failure);
        } else {
            emit notice(tr("Link was closed in your browser. No bank account was connected."));
        }
        return;
    }
    if (m_pollAgain) {
        m_pollAgain = false;
        poll();
        return;
    }
    schedulePoll(m_pollInterval);
}

void HostedLinkController::takeResults(const QList<LinkSuccess> &successes)
{
    m_listener->disarm();
    if (isUpdateMode()) {
        const QString itemId = m_updateItemId;
        // A copy: end() may clear what successes refers to.
        // NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
        const LinkSuccess success = successes.first();
        end();
        emit itemRepaired(itemId, success); // the access token is unchanged: no exchange
        return;
    }
    setState(State::Exchanging);
    m_toExchange = successes; // multi-Item Link may add several
    exchangeNext();
}

void HostedLinkController::exchangeNext()
{
    if (m_toExchange.isEmpty()) {
        end();
        return;
    }
    const LinkSuccess success = m_toExchange.takeFirst();
    emit exchangeStarting(success);
    const quint64 attempt = m_attempt;
    m_backend->exchangePublicToken(
        success.publicToken, this,
        [this, attempt, success](const plaid::PlaidResult<plaid::PublicTokenExchange> &r) {
            if (attempt != m_attempt)
                return;
            if (r.ok()) {
                emit itemLinked({r.value.itemId, r.value.accessToken, success, m_clock->now()});
            } else {
                LinkFailure failure = linkFailureFrom(LinkFailure::Stage::Exchange, r,
                                                      tr("The bank was linked, but the "
                                                         "connection could not be completed"));
                failure.linkSessionId = success.linkSessionId;
                if (r.status == plaid::PlaidStatus::ApiError)
                    emit exchangeRefused(success.linkSessionId); // Plaid made no Item
                emit failed(failure);
            }
            exchangeNext();
        });
}

} // namespace weft::link
