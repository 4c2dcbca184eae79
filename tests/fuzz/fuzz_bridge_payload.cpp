// The web channel bridge: whatever JSON string the page sends to any of its invokables, with
// Link open or closed. Never a crash; an outcome is only ever taken once per opened handler.
#include "link/LinkBridge.h"

#include <cstdint>
#include <cstdlib>

using weft::link::LinkBridge;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QUrl host(QStringLiteral("http://127.0.0.1:4242/weft/host/index.html"));
    LinkBridge bridge(host, [] { return host; });
    bridge.hostReady(QStringLiteral("{}"));
    bridge.createHandler(QStringLiteral("link-sandbox-fuzz"),
                         QUrl(QStringLiteral("http://localhost:4242/link-initialize.js")));
    if (data[0] & 0x80)
        bridge.openHandler();
    int outcomes = 0;
    QObject::connect(&bridge, &LinkBridge::linkSucceeded, [&outcomes] { ++outcomes; });
    QObject::connect(&bridge, &LinkBridge::linkExited, [&outcomes] { ++outcomes; });
    const QString payload =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    // Each call, in the order the first byte picks, twice (a replay).
    for (int round = 0; round < 2; ++round) {
        switch (data[0] % 6) {
        case 0:
            bridge.succeeded(payload);
            break;
        case 1:
            bridge.exited(payload);
            break;
        case 2:
            bridge.eventOccurred(payload);
            break;
        case 3:
            bridge.loaded(payload);
            break;
        case 4:
            bridge.failed(payload);
            break;
        default:
            bridge.hostReady(payload);
            break;
        }
    }
    if (outcomes > 1 || (outcomes > 0 && !(data[0] & 0x80)))
        std::abort();
    return 0;
}
