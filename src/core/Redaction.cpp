#include "core/Redaction.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace weft::redaction {
namespace {

QMutex s_mutex;
QSet<QString> &registered()
{
    static QSet<QString> secrets;
    return secrets;
}

const QRegularExpression &tokenPattern()
{
    // access-sandbox-<uuid>, public-production-<uuid>, and the
    // legacy development environment; any identifier after the prefix.
    static const QRegularExpression re(
        QStringLiteral("\\b(access|public)-(sandbox|development|production)-[A-Za-z0-9-]+"));
    return re;
}

const QRegularExpression &serverCredentialPattern()
{
    // weft-server's refresh (wsr-) and access (wsa-) tokens: 43 base64url characters.
    static const QRegularExpression re(QStringLiteral("\\b(wsr|wsa)-[A-Za-z0-9_-]{8,}"));
    return re;
}

const QRegularExpression &jsonSecretPattern()
{
    // "secret": "...", "access_token": "...", "public_token": "..." in JSON text.
    static const QRegularExpression re(
        QStringLiteral("(\"(?:secret|client_secret|access_token|public_token|refresh_token|"
                       "enrolment_code|PLAID-SECRET)\"\\s*:\\s*\")"
                       "(?:[^\"\\\\]|\\\\.)*\""));
    return re;
}

} // namespace

QString redact(const QString &text)
{
    QString out = text;
    out.replace(jsonSecretPattern(), QStringLiteral("\\1") + kMask + QStringLiteral("\""));
    out.replace(tokenPattern(), QStringLiteral("\\1-\\2-") + kMask);
    out.replace(serverCredentialPattern(), QStringLiteral("\\1-") + kMask);
    QMutexLocker lock(&s_mutex);
    for (const QString &secret : std::as_const(registered()))
        out.replace(secret, kMask.toString());
    return out;
}

void registerSecret(const QString &secret)
{
    if (secret.size() < 6)
        return;
    QMutexLocker lock(&s_mutex);
    registered().insert(secret);
}

void forgetSecret(const QString &secret)
{
    QMutexLocker lock(&s_mutex);
    registered().remove(secret);
}

} // namespace weft::redaction
