#include "sandbox/SandboxLogin.h"

#include "sandbox/SandboxErrors.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace weft::sandbox {
namespace {

LoginOutcome failed(QStringView code, const QString &message = {})
{
    LoginOutcome outcome;
    outcome.kind = LoginOutcome::Kind::Failed;
    outcome.error = sandboxError(code, message);
    return outcome;
}

LoginOutcome success()
{
    LoginOutcome outcome;
    outcome.kind = LoginOutcome::Kind::Success;
    return outcome;
}

LoginOutcome customUser(const QString &password)
{
    QJsonParseError parseError;
    const QJsonDocument config = QJsonDocument::fromJson(password.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !config.isObject()) {
        return failed(u"INVALID_CREDENTIALS",
                      QStringLiteral("user_custom expects a JSON configuration as the password"));
    }
    const QJsonValue forced = config.object().value(QLatin1StringView("force_error"));
    if (forced.isUndefined())
        return success();
    const QString code = forced.toString();
    if (!isKnownErrorCode(code)) {
        return failed(u"INVALID_CREDENTIALS",
                      QStringLiteral("force_error names an unknown error code: ") + code);
    }
    return failed(code);
}

} // namespace

LoginOutcome checkSandboxLogin(const QString &username, const QString &password,
                               const QString &mfaCode)
{
    if (username == u"user_custom")
        return customUser(password);
    if (username != u"user_good")
        return failed(u"INVALID_CREDENTIALS");
    if (password == u"pass_good")
        return success();
    if (password == u"mfa_device") {
        if (mfaCode.isEmpty()) {
            LoginOutcome outcome;
            outcome.kind = LoginOutcome::Kind::MfaRequired;
            outcome.mfaType = QStringLiteral("device");
            return outcome;
        }
        return mfaCode == QStringView(kSandboxMfaCode) ? success() : failed(u"INVALID_MFA");
    }
    return failed(u"INVALID_CREDENTIALS");
}

} // namespace weft::sandbox
