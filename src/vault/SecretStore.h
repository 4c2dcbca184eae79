#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace weft::vault {

// How a keychain operation ended. NotFound is an answer ("no such secret"), not a failure.
enum class SecretStatus {
    Ok,
    NotFound,
    NoBackend,    // no keychain service on this system (or it is not running)
    NoLibrary,    // the library that reaches the keychain is not installed (libsecret on Linux)
    AccessDenied, // the keychain refused (locked, policy)
    DeniedByUser, // the user said no to the keychain's prompt
    VerifyFailed, // the keychain said it stored the secret, but reading it back disagreed
    TimedOut,     // the keychain did not answer in time (locked and waiting, hung, gone)
    Other,
};

struct SecretResult
{
    SecretStatus status = SecretStatus::Other;
    QString secret;  // for a successful read
    QString message; // the keychain's own words, never the secret

    bool ok() const { return status == SecretStatus::Ok; }
    // Plain words for the user: what happened and what to do.
    QString describe() const;
};

QString statusName(SecretStatus status);

// An asynchronous store of secrets by key: the OS keychain in the app, fakes in tests (for
// fault injection: a keychain that is missing, refuses, or lies).
class SecretStore
{
public:
    using Done = std::function<void(const SecretResult &)>;
    virtual ~SecretStore();

    virtual void write(const QString &key, const QString &secret, QObject *context, Done done) = 0;
    virtual void read(const QString &key, QObject *context, Done done) = 0;
    virtual void remove(const QString &key, QObject *context, Done done) = 0;
};

} // namespace weft::vault
