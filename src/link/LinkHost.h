#pragma once

#include "link/LinkEnvironment.h"

#include <QObject>

class QWebChannel;
class QWebEngineProfile;

namespace weft {
class Clock;
}

namespace weft::link {

class LinkBackend;
class LinkBridge;
class LinkController;
class LinkPage;

// Everything Link needs, put together: the private profile, the host page, the web channel
// with its one bridge object, and the controller. The UI only shows page() in a view.
class LinkHost : public QObject
{
    Q_OBJECT

public:
    LinkHost(const LinkEnvironment &environment, LinkBackend *backend, Clock *clock,
             QObject *parent = nullptr);
    ~LinkHost() override;

    // Loads the host page; the controller's start() then preloads Link in it. Once: later
    // calls do nothing (whoever comes first, weft's start-up or the window, starts it).
    void load();
    // load() and the controller's start(): Link made ready ahead of the user's click.
    void preload();

    const LinkEnvironment &environment() const { return m_environment; }
    LinkPage *page() const { return m_page; }
    LinkBridge *bridge() const { return m_bridge; }
    LinkController *controller() const { return m_controller; }

private:
    LinkEnvironment m_environment;
    QWebEngineProfile *m_profile;
    LinkPage *m_page;
    QWebChannel *m_channel;
    LinkBridge *m_bridge;
    LinkController *m_controller;
    bool m_loadRequested = false;
};

} // namespace weft::link
