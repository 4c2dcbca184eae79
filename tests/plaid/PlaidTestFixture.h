#pragma once

#include "core/Clock.h"
#include "plaid/PlaidClient.h"
#include "sandbox/EmbeddedSandbox.h"
#include "support/SignalWaiter.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

namespace weft::test {

// An embedded sandbox on loopback and a PlaidClient pointed at it.
struct PlaidTestFixture
{
    static inline const QString kClientId = QStringLiteral("weft_test_client");
    static inline const QString kSecret = QStringLiteral("weft_test_secret_1234");

    explicit PlaidTestFixture(Clock *clock = Clock::system(), plaid::RetryPolicy retry = {},
                              std::chrono::milliseconds timeout = std::chrono::seconds(10))
        : sandbox(clock)
    {
        sandbox::EmbeddedSandboxOptions options;
        options.credentials = {kClientId, kSecret};
        options.adminRoutes = true;
        QString error;
        started = sandbox.start(options, &error);
        config.baseUrl = sandbox.baseUrl();
        config.clientId = kClientId;
        config.secret = kSecret;
        config.retry = std::move(retry);
        config.timeout = timeout;
        client = std::make_unique<plaid::PlaidClient>(&network, config, clock);
    }

    // Runs one call and returns its result (a default, failed result on timeout).
    template<typename T>
    plaid::PlaidResult<T> run(const std::function<void(plaid::PlaidClient::Callback<T>)> &start,
                              int timeoutMs = 15000)
    {
        Waiter<plaid::PlaidResult<T>> waiter;
        start(waiter.callback());
        if (!waiter.wait(timeoutMs))
            return {};
        return waiter.value();
    }

    // A fresh Item: public token created and exchanged. Empty on failure.
    plaid::PublicTokenExchange newItem(const QString &institution = QStringLiteral("ins_109508"),
                                       const QString &webhook = {})
    {
        plaid::SandboxPublicTokenCreateRequest request;
        request.institutionId = institution;
        request.webhook = webhook;
        request.initialProducts = {QStringLiteral("transactions")};
        const auto created = run<QString>(
            [&](auto done) { client->createSandboxPublicToken(request, &context, done); });
        const auto exchanged = run<plaid::PublicTokenExchange>(
            [&](auto done) { client->exchangePublicToken(created.value, &context, done); });
        return exchanged.value;
    }

    sandbox::EmbeddedSandbox sandbox;
    bool started = false;
    QNetworkAccessManager network;
    plaid::PlaidConfig config;
    std::unique_ptr<plaid::PlaidClient> client;
    QObject context;
};

} // namespace weft::test
