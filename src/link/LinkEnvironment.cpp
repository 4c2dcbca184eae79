#include "link/LinkEnvironment.h"

#include "net/UrlOrigin.h"

#include <QUrlQuery>

namespace weft::link {

using net::originOf;

namespace {

bool isPlaidHost(const QString &host)
{
    return host == u"plaid.com" || host.endsWith(QStringLiteral(".plaid.com"));
}

// reCAPTCHA's frames, on the hosts Google documents for it (www.recaptcha.net where google.com
// is unreachable).
bool isRecaptchaFrame(const QUrl &url)
{
    const QString host = url.host();
    const bool recaptchaHost = host == u"www.google.com" || host == u"www.gstatic.com" ||
                               host == u"recaptcha.google.com" || host == u"www.recaptcha.net";
    return url.scheme() == u"https" && recaptchaHost && url.path().startsWith(u"/recaptcha/");
}

bool isLoopback(const QUrl &url)
{
    return url.host() == u"127.0.0.1" || url.host() == u"localhost" || url.host() == u"::1";
}

} // namespace

QUrl plaidLinkScriptUrl()
{
    return QUrl(QStringLiteral("https://cdn.plaid.com/link/v2/stable/link-initialize.js"));
}

QString hostPagePath()
{
    return QStringLiteral("/weft/host/index.html");
}

LinkEnvironment LinkEnvironment::forSandbox(const QUrl &sandboxBaseUrl, const QUrl &linkBaseUrl)
{
    LinkEnvironment environment;
    environment.sandbox = true;
    environment.hostPageUrl = sandboxBaseUrl.resolved(QUrl(hostPagePath()));
    environment.linkScriptUrl =
        linkBaseUrl.resolved(QUrl(QStringLiteral("/link/v2/stable/link-initialize.js")));
    return environment;
}

LinkEnvironment LinkEnvironment::forPlaid(const QUrl &hostPageUrl)
{
    LinkEnvironment environment;
    environment.sandbox = false;
    environment.hostPageUrl = hostPageUrl;
    environment.linkScriptUrl = plaidLinkScriptUrl();
    return environment;
}

bool LinkEnvironment::mainFrameMayNavigate(const QUrl &url) const
{
    return originOf(url) == originOf(hostPageUrl);
}

bool LinkEnvironment::linkMayLoad(const QUrl &url) const
{
    if (url.scheme() == u"about" && url.path() == u"blank")
        return true;
    if (sandbox)
        return url.scheme() == u"http" && isLoopback(url) &&
               originOf(url) == originOf(linkScriptUrl);
    return (url.scheme() == u"https" && isPlaidHost(url.host())) || isRecaptchaFrame(url);
}

bool LinkEnvironment::mayAskForCamera(const QUrl &origin) const
{
    if (sandbox)
        return origin.scheme() == u"http" && isLoopback(origin) &&
               originOf(origin) == originOf(linkScriptUrl);
    return origin.scheme() == u"https" && isPlaidHost(origin.host());
}

bool LinkEnvironment::popupMayLoad(const QUrl &url) const
{
    if (sandbox)
        return url.scheme() == u"http" && originOf(url) == originOf(linkScriptUrl);
    return url.scheme() == u"https" && !url.host().isEmpty();
}

bool LinkEnvironment::isExternalLink(const QUrl &url) const
{
    if (url.scheme() != u"https")
        return false;
    if (sandbox)
        return true; // the sandbox's banks live on loopback; anything on the web is to read
    // Plaid's own site (help, privacy, terms); banks' OAuth pages stay in the popup.
    return url.host() == u"plaid.com" || url.host() == u"www.plaid.com";
}

bool LinkEnvironment::isOAuthReturn(const QUrl &url) const
{
    const QUrl expected(redirectUri, QUrl::StrictMode);
    if (redirectUri.isEmpty() || !expected.isValid() || !url.isValid())
        return false;
    const auto base = [](const QUrl &address) -> QString {
        QString path = address.path(QUrl::FullyEncoded);
        while (path.endsWith(u'/'))
            path.chop(1);
        return address.scheme() + u'|' + address.authority(QUrl::FullyEncoded) + u'|' + path;
    };
    return base(url) == base(expected) &&
           !QUrlQuery(url).queryItemValue(QStringLiteral("oauth_state_id")).isEmpty();
}

} // namespace weft::link
