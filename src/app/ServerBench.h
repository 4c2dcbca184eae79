#pragma once

#include <QString>

// weft-server-bench: figures for weft-server, not pass/fail. It runs the real `weft-server
// serve` as a child process on the database given (PostgreSQL for the published figures), with
// the embedded sandbox in its own process as Plaid, and measures:
//  - "list my Items": GET /v1/items by one user among `items` Items in the database, from
//    `clients` keep-alive connections for `seconds`: requests per second, p50 and p95;
//  - webhooks verified and applied per second: Plaid-signed ITEM webhooks (ERROR and
//    LOGIN_REPAIRED in turn, so each is news) posted to /plaid/webhook by `clients` senders;
//  - webhook to desktop: from posting a webhook to its item_changed message arriving on a
//    signed-in push socket, `rounds` times: p50 and p95;
//  - a bank's login reset to the banner in the real Weft window (ServerBenchDesktop.h), up to
//    20 rounds, unless desktopBinary is empty.
struct ServerBenchOptions
{
    QString serverBinary;
    QString database; // sqlite:PATH or postgresql://…
    int items = 100'000;
    int clients = 8;
    int seconds = 10;
    int rounds = 50;
    bool busy = false;     // every core kept busy by the bench while it measures
    QString desktopBinary; // weft, for the webhook-to-banner figure; empty: not measured
};

int runServerBench(const ServerBenchOptions &options);
