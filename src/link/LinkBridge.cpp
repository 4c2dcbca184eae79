#include "link/LinkBridge.h"

#include "link/LinkLogging.h"
#include "net/UrlOrigin.h"

#include <QDateTime>
#include <QJsonDocument>

namespace weft::link {

using net::originOf;

namespace {

const QString kObjectName = QStringLiteral("weftLink");

} // namespace

LinkBridge::LinkBridge(const QUrl &hostOrigin, std::function<QUrl()> pageUrl, QObject *parent)
    : QObject(parent)
    , m_hostOrigin(originOf(hostOrigin))
    , m_pageUrl(std::move(pageUrl))
{
    setObjectName(kObjectName);
    connect(this, &QObject::objectNameChanged, this, [this](const QString &name) {
        if (name == kObjectName)
            return;
        setObjectName(kObjectName);
        reject("objectName", QStringLiteral("the page tried to write a property"));
    });
}

int LinkBridge::createHandler(const QString &token, const QUrl &scriptUrl,
                              const QString &receivedRedirectUri)
{
    ++m_handlerId;
    m_openHandler = 0;
    QJsonObject config{{QStringLiteral("handler_id"), m_handlerId},
                       {QStringLiteral("token"), token},
                       {QStringLiteral("script_url"), scriptUrl.toString()}};
    if (!receivedRedirectUri.isEmpty())
        config.insert(QStringLiteral("received_redirect_uri"), receivedRedirectUri);
    const QString json = QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact));
    qCDebug(lcLink) << "bridge: create handler" << m_handlerId;
    if (m_hostReady)
        emit createRequested(json);
    else
        m_pendingCreate = json;
    return m_handlerId;
}

void LinkBridge::openHandler()
{
    m_openHandler = m_handlerId;
    emit openRequested();
}

void LinkBridge::destroyHandler()
{
    ++m_handlerId; // nothing from the destroyed handler counts any more
    m_openHandler = 0;
    m_pendingCreate.clear();
    emit destroyRequested();
}

void LinkBridge::reject(const char *call, const QString &reason)
{
    qCWarning(lcLink).nospace() << "bridge: rejected " << call << ": " << reason;
    emit rejected(QString::fromLatin1(call), reason);
}

std::optional<QJsonObject> LinkBridge::accept(const char *call, const QString &payload,
                                              bool needsCurrentHandler)
{
    const QUrl page = m_pageUrl ? m_pageUrl() : QUrl();
    if (originOf(page) != m_hostOrigin || page.scheme().isEmpty()) {
        reject(call,
               QStringLiteral("the page is not the host page (%1)").arg(originOf(page).toString()));
        return std::nullopt;
    }
    if (payload.size() > kMaxPayloadBytes) {
        reject(call, QStringLiteral("payload of %1 characters exceeds the %2 limit")
                         .arg(payload.size())
                         .arg(kMaxPayloadBytes));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reject(call, QStringLiteral("payload is not a JSON object"));
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    if (needsCurrentHandler) {
        const QJsonValue id = object.value(QLatin1StringView("handler_id"));
        if (!id.isDouble()) {
            reject(call, QStringLiteral("handler_id is missing"));
            return std::nullopt;
        }
        if (id.toInt() != m_handlerId) {
            reject(call, QStringLiteral("handler %1 is no longer current").arg(id.toInt()));
            return std::nullopt;
        }
    }
    return object;
}

void LinkBridge::hostReady(const QString &payload)
{
    if (!accept("hostReady", payload, false))
        return;
    m_hostReady = true;
    qCDebug(lcLink) << "bridge: the host page is ready";
    if (!m_pendingCreate.isEmpty())
        emit createRequested(std::exchange(m_pendingCreate, QString()));
}

void LinkBridge::loaded(const QString &payload)
{
    if (!accept("loaded", payload, true))
        return;
    qCDebug(lcLink) << "bridge: handler" << m_handlerId << "loaded";
    emit handlerLoaded(m_handlerId);
}

bool LinkBridge::acceptOutcome(const char *call, const QJsonObject &object)
{
    if (m_openHandler == 0 ||
        object.value(QLatin1StringView("handler_id")).toInt() != m_openHandler) {
        reject(call, QStringLiteral("Link is not open for this handler (or its session ended)"));
        return false;
    }
    return true;
}

void LinkBridge::succeeded(const QString &payload)
{
    const auto object = accept("succeeded", payload, true);
    if (!object || !acceptOutcome("succeeded", *object))
        return;
    QString error;
    const auto success = LinkSuccess::parse(*object, &error);
    if (!success) {
        reject("succeeded", error);
        return;
    }
    m_openHandler = 0; // one outcome per session
    emit linkSucceeded(*success);
}

void LinkBridge::exited(const QString &payload)
{
    const auto object = accept("exited", payload, true);
    if (!object || !acceptOutcome("exited", *object))
        return;
    QString error;
    const auto exit = LinkExit::parse(*object, &error);
    if (!exit) {
        reject("exited", error);
        return;
    }
    m_openHandler = 0;
    emit linkExited(*exit);
}

void LinkBridge::eventOccurred(const QString &payload)
{
    const auto object = accept("eventOccurred", payload, true);
    if (!object)
        return;
    QString error;
    const auto event = LinkEvent::parse(*object, QDateTime::currentDateTimeUtc(), &error);
    if (!event) {
        reject("eventOccurred", error);
        return;
    }
    emit linkEvent(*event);
}

void LinkBridge::failed(const QString &payload)
{
    const auto object = accept("failed", payload, true);
    if (!object)
        return;
    const QString message = object->value(QLatin1StringView("message")).toString().left(500);
    emit handlerFailed(message.isEmpty() ? QStringLiteral("Link could not start") : message);
}

} // namespace weft::link
