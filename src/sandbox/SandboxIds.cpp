#include "sandbox/SandboxIds.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace weft::sandbox::ids {
namespace {

QString randomAlphanumeric(int length)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(62)]));
    return out;
}

} // namespace

QString token(QStringView kind)
{
    return kind + QStringLiteral("-sandbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString requestId()
{
    return randomAlphanumeric(15);
}

QString objectId()
{
    return randomAlphanumeric(37);
}

QString hostedLinkId()
{
    return randomAlphanumeric(32);
}

QByteArray tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace weft::sandbox::ids
