#pragma once

#include "link/LinkBackend.h"

#include <QList>
#include <QPointer>

namespace weft::test {

// A LinkBackend whose answers the test gives, for unit speed and fault injection. Every call
// is recorded and waits until the test answers it. Header-only: tests that use it link
// weft_link themselves.
class FakeLinkBackend final : public link::LinkBackend
{
public:
    struct TokenCall
    {
        QString accessToken;
        bool accountSelection = false;
        QPointer<QObject> context;
        plaid::PlaidClient::Callback<plaid::LinkToken> done;
    };
    struct ExchangeCall
    {
        QString publicToken;
        QPointer<QObject> context;
        plaid::PlaidClient::Callback<plaid::PublicTokenExchange> done;
    };

    void createLinkToken(const link::LinkTokenPurpose &purpose, QObject *context,
                         plaid::PlaidClient::Callback<plaid::LinkToken> done) override
    {
        tokenCalls.append(
            {purpose.accessToken, purpose.accountSelection, context, std::move(done)});
    }
    void exchangePublicToken(const QString &publicToken, QObject *context,
                             plaid::PlaidClient::Callback<plaid::PublicTokenExchange> done) override
    {
        exchangeCalls.append({publicToken, context, std::move(done)});
    }

    struct HostedTokenCall
    {
        QString accessToken;
        bool accountSelection = false;
        QString completionRedirectUri;
        QPointer<QObject> context;
        plaid::PlaidClient::Callback<plaid::LinkToken> done;
    };
    struct GetTokenCall
    {
        QString linkToken;
        QPointer<QObject> context;
        plaid::PlaidClient::Callback<plaid::LinkTokenDetails> done;
    };
    void createHostedLinkToken(const link::LinkTokenPurpose &purpose,
                               const QString &completionRedirectUri, QObject *context,
                               plaid::PlaidClient::Callback<plaid::LinkToken> done) override
    {
        hostedTokenCalls.append({purpose.accessToken, purpose.accountSelection,
                                 completionRedirectUri, context, std::move(done)});
    }
    void getLinkToken(const QString &linkToken, QObject *context,
                      plaid::PlaidClient::Callback<plaid::LinkTokenDetails> done) override
    {
        getTokenCalls.append({linkToken, context, std::move(done)});
    }

    // Answers the oldest unanswered token call with a token that expires at expiration.
    void answerToken(const QString &token, const QDateTime &expiration)
    {
        plaid::PlaidResult<plaid::LinkToken> result;
        result.status = plaid::PlaidStatus::Ok;
        result.value = {token, expiration, {}};
        answer(tokenCalls, result);
    }
    void failToken(const QString &code)
    {
        plaid::PlaidResult<plaid::LinkToken> result;
        result.status = plaid::PlaidStatus::ApiError;
        result.httpStatus = 400;
        result.requestId = QStringLiteral("req-fake");
        result.apiError.errorType = QStringLiteral("INVALID_REQUEST");
        result.apiError.errorCode = code;
        result.apiError.errorMessage = QStringLiteral("fake failure");
        answer(tokenCalls, result);
    }
    void answerExchange(const QString &itemId, const QString &accessToken)
    {
        plaid::PlaidResult<plaid::PublicTokenExchange> result;
        result.status = plaid::PlaidStatus::Ok;
        result.value = {accessToken, itemId};
        answer(exchangeCalls, result);
    }
    void failExchange(plaid::PlaidStatus status)
    {
        plaid::PlaidResult<plaid::PublicTokenExchange> result;
        result.status = status;
        result.errorString = QStringLiteral("no answer");
        answer(exchangeCalls, result);
    }

    QList<HostedTokenCall> hostedTokenCalls;
    QList<GetTokenCall> getTokenCalls;
    QList<TokenCall> tokenCalls;
    QList<ExchangeCall> exchangeCalls;
    int answeredTokens = 0;
    int answeredExchanges = 0;

private:
    template<typename Call, typename Result>
    void answer(QList<Call> &calls, const Result &result)
    {
        int &answered = std::is_same_v<Call, TokenCall> ? answeredTokens : answeredExchanges;
        Call &call = calls[answered++];
        if (call.context)
            call.done(result);
    }
};

} // namespace weft::test
