#pragma once

#include "vault/SecretStore.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

namespace weft::test {

// An in-memory keychain for fault injection: it can be unavailable, refuse, or lie (report a
// successful write and keep nothing). Answers arrive asynchronously, like a real keychain's.
// Header-only; tests that use it link weft_vault.
class FakeSecretStore final : public vault::SecretStore
{
public:
    enum class Mode { Works, Unavailable, Denied, Lies };

    void write(const QString &key, const QString &secret, QObject *context, Done done) override
    {
        ++writes;
        if (mode == Mode::Works)
            entries.insert(key, secret);
        answer(context, std::move(done), failure(mode == Mode::Lies ? Mode::Works : mode), {});
    }
    void read(const QString &key, QObject *context, Done done) override
    {
        ++reads;
        if (mode != Mode::Works && mode != Mode::Lies) {
            answer(context, std::move(done), failure(mode), {});
            return;
        }
        const auto it = entries.constFind(key);
        answer(context, std::move(done),
               it == entries.constEnd() ? vault::SecretStatus::NotFound : vault::SecretStatus::Ok,
               it == entries.constEnd() ? QString() : *it);
    }
    void remove(const QString &key, QObject *context, Done done) override
    {
        if (mode != Mode::Works && mode != Mode::Lies) {
            answer(context, std::move(done), failure(mode), {});
            return;
        }
        const bool had = entries.remove(key) > 0;
        answer(context, std::move(done),
               had ? vault::SecretStatus::Ok : vault::SecretStatus::NotFound, {});
    }

    Mode mode = Mode::Works;
    QHash<QString, QString> entries;
    int writes = 0;
    int reads = 0;

private:
    static vault::SecretStatus failure(Mode mode)
    {
        switch (mode) {
        case Mode::Unavailable:
            return vault::SecretStatus::NoBackend;
        case Mode::Denied:
            return vault::SecretStatus::AccessDenied;
        default:
            return vault::SecretStatus::Ok;
        }
    }
    static void answer(QObject *context, Done done, vault::SecretStatus status,
                       const QString &secret)
    {
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, [guard, done = std::move(done), status, secret] {
            if (!guard)
                return;
            vault::SecretResult result;
            result.status = status;
            result.secret = secret;
            if (status != vault::SecretStatus::Ok && status != vault::SecretStatus::NotFound)
                result.message = QStringLiteral("fake keychain");
            done(result);
        });
    }
};

} // namespace weft::test
