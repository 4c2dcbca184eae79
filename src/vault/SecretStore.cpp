#include "vault/SecretStore.h"

#include <QCoreApplication>

namespace weft::vault {

SecretStore::~SecretStore() = default;

QString statusName(SecretStatus status)
{
    switch (status) {
    case SecretStatus::Ok:
        return QStringLiteral("ok");
    case SecretStatus::NotFound:
        return QStringLiteral("not-found");
    case SecretStatus::NoBackend:
        return QStringLiteral("no-keychain");
    case SecretStatus::NoLibrary:
        return QStringLiteral("no-keychain-library");
    case SecretStatus::AccessDenied:
        return QStringLiteral("access-denied");
    case SecretStatus::DeniedByUser:
        return QStringLiteral("denied-by-user");
    case SecretStatus::VerifyFailed:
        return QStringLiteral("verify-failed");
    case SecretStatus::TimedOut:
        return QStringLiteral("timed-out");
    case SecretStatus::Other:
        return QStringLiteral("keychain-error");
    }
    return QStringLiteral("keychain-error");
}

QString SecretResult::describe() const
{
    QString text;
    switch (status) {
    case SecretStatus::Ok:
        return QCoreApplication::translate("weft::vault", "Saved in the keychain.");
    case SecretStatus::NotFound:
        text = QCoreApplication::translate("weft::vault", "The keychain has no such entry.");
        break;
    case SecretStatus::NoBackend:
        text = QCoreApplication::translate(
            "weft::vault", "No keychain is available. Start your desktop's keyring (Secret "
                           "Service or KWallet) and try again.");
        break;
    case SecretStatus::NoLibrary:
        text = QCoreApplication::translate(
            "weft::vault",
            "Weft cannot reach the keychain: the libsecret library (libsecret-1.so.0) is not "
            "installed. Install the package libsecret-1-0 (Debian, Ubuntu) or libsecret "
            "(Fedora, openSUSE) and try again.");
        break;
    case SecretStatus::AccessDenied:
        text = QCoreApplication::translate("weft::vault",
                                           "The keychain refused access. Unlock it and try again.");
        break;
    case SecretStatus::DeniedByUser:
        text = QCoreApplication::translate(
            "weft::vault",
            "Access to the keychain was denied. Allow Weft to use it and try again.");
        break;
    case SecretStatus::VerifyFailed:
        text = QCoreApplication::translate(
            "weft::vault", "The keychain reported success but did not keep the value.");
        break;
    case SecretStatus::TimedOut:
        text = QCoreApplication::translate(
            "weft::vault", "The keychain did not answer. It may be locked and waiting for its "
                           "password, or not running. Unlock or restart it and try again.");
        break;
    case SecretStatus::Other:
        text = QCoreApplication::translate("weft::vault", "The keychain failed.");
        break;
    }
    if (!message.isEmpty())
        text += QStringLiteral(" (") + message + u')';
    return text;
}

} // namespace weft::vault
