// The embedded sandbox's request validation: any body, to the endpoint or Link session route
// the first byte picks, with good credentials (so the checks past authentication run too).
// Never a crash, and every answer is a Plaid-shaped object with a request id.
#include "core/Clock.h"
#include "sandbox/SandboxApi.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace weft;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static sandbox::SandboxApi api(Clock::system(), {});
    static const QStringList endpoints = sandbox::SandboxApi::endpoints();
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const int pick = data[0] % (int(endpoints.size()) + 3);
    sandbox::SandboxResponse response;
    if (pick < endpoints.size()) {
        response = api.handle({endpoints.at(pick), body, QStringLiteral("fuzz-client"),
                               QStringLiteral("fuzz-secret")});
        if (!response.body.contains(QLatin1StringView("request_id")))
            std::abort();
    } else {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        switch (pick - int(endpoints.size())) {
        case 0:
            response = api.startLinkSession(object);
            break;
        case 1:
            response = api.loginLinkSession(object);
            break;
        default:
            response = api.completeLinkSession(object);
            break;
        }
    }
    if (response.status < 200 || response.status > 599)
        std::abort();
    return 0;
}
