#pragma once

#include "net/HttpServer.h"

#include <QObject>
#include <QUrl>

namespace weft::link {

// Hosted Link's completion_redirect_uri on loopback: http://127.0.0.1:PORT/weft/hosted-link/
// done/<nonce>. When the browser arrives there, the page says the user can go back to Weft,
// and arrived() tells the waiting controller to look at the session now instead of at its next
// poll. The nonce changes with every arm(); anything else gets 404. A forged visit can only
// make Weft look earlier: the result itself always comes from /link/token/get.
class CompletionListener : public QObject
{
    Q_OBJECT

public:
    explicit CompletionListener(QObject *parent = nullptr);

    // Listens (once, on a free loopback port) and returns a fresh redirect URI; an empty URL,
    // with the reason, when no port can be had (Weft then relies on polling alone).
    QUrl arm(QString *error);
    // Stops answering the current URI.
    void disarm() { m_nonce.clear(); }

signals:
    void arrived();

private:
    net::HttpServer m_http;
    bool m_listening = false;
    QString m_nonce;
};

} // namespace weft::link
