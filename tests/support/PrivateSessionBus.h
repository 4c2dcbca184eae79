#pragma once

// A D-Bus session bus of a test's own, which knows no services and activates none, and a
// gnome-keyring (Secret Service) that the test starts on it. The test process's
// DBUS_SESSION_BUS_ADDRESS and HOME point at them from start() on. Header-only.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace weft::test {

class PrivateSessionBus
{
public:
    ~PrivateSessionBus()
    {
        stopKeyring();
        m_bus.kill();
        m_bus.waitForFinished(3000);
    }

    bool start()
    {
        const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
            "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
            "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\"/>"
            "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        file.close();
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                     QStringLiteral("--print-address=1")});
        if (!m_bus.waitForStarted(10000) || !m_bus.waitForReadyRead(10000))
            return false;
        const QByteArray address = m_bus.readLine().trimmed();
        if (address.isEmpty())
            return false;
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        qputenv("HOME", home().toUtf8());
        return QDir().mkpath(home());
    }

    QString home() const { return m_dir.filePath(QStringLiteral("home")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Starts gnome-keyring, unlocked, and waits until it owns its name on the bus.
    bool startKeyring()
    {
        m_keyring = std::make_unique<QProcess>();
        m_keyring->start(QStringLiteral("gnome-keyring-daemon"),
                         {QStringLiteral("--unlock"), QStringLiteral("--components=secrets"),
                          QStringLiteral("--foreground")});
        if (!m_keyring->waitForStarted(10000))
            return false;
        m_keyring->write("weft-test");
        m_keyring->closeWriteChannel();
        return QTest::qWaitFor([] { return secretServiceOnBus(); }, 15000);
    }
    QProcess *keyring() const { return m_keyring.get(); }
    void stopKeyring()
    {
        if (!m_keyring)
            return;
        m_keyring->kill();
        m_keyring->waitForFinished(3000);
        m_keyring.reset();
    }

    static bool secretServiceOnBus()
    {
        QProcess probe;
        probe.start(QStringLiteral("dbus-send"),
                    {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                     QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/"),
                     QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                     QStringLiteral("string:org.freedesktop.secrets")});
        probe.waitForFinished(5000);
        return probe.readAllStandardOutput().contains("true");
    }

private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    std::unique_ptr<QProcess> m_keyring;
};

} // namespace weft::test
