#include "link/LinkHost.h"

#include "core/Milestones.h"
#include "link/LinkBridge.h"
#include "link/LinkController.h"
#include "link/LinkLogging.h"
#include "link/LinkPage.h"

#include <QUrlQuery>
#include <QWebChannel>
#include <QWebEngineProfile>

namespace weft::link {

LinkHost::LinkHost(const LinkEnvironment &environment, LinkBackend *backend, Clock *clock,
                   QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_profile(LinkPage::createProfile(environment, nullptr))
    , m_page(new LinkPage(environment, m_profile))
    , m_channel(new QWebChannel(this))
{
    LinkPage *page = m_page;
    m_bridge = new LinkBridge(
        environment.hostPageUrl, [page] { return page->url(); }, this);
    m_channel->registerObject(QStringLiteral("weftLink"), m_bridge);
    m_page->setWebChannel(m_channel);
    m_controller = new LinkController(backend, m_bridge, environment.linkScriptUrl, clock, this);
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        milestones::mark("host-page-loaded");
        if (ok)
            qCInfo(lcLink) << "host page loaded";
        else
            qCWarning(lcLink) << "the host page did not load:" << m_page->url().toString();
    });
}

LinkHost::~LinkHost()
{
    // The page must go before its profile.
    delete m_page;
    delete m_profile;
}

void LinkHost::load()
{
    if (m_loadRequested)
        return;
    m_loadRequested = true;
    // The page starts loading Link's script at once (see host.js).
    QUrl url = m_environment.hostPageUrl;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("link_script"), m_environment.linkScriptUrl.toString());
    url.setQuery(query);
    qCInfo(lcLink) << "loading the host page" << url.toString();
    milestones::mark("host-page-requested");
    m_page->load(url);
}

void LinkHost::preload()
{
    load();
    m_controller->start();
}

} // namespace weft::link
