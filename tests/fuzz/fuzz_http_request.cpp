// The HTTP request parser (the sandbox's and the host page server's first contact with a
// client): any bytes, fed in pieces whose sizes the input also chooses. Never a crash, never
// more held than the limits allow, and a finished request is always consistent.
#include "net/HttpRequestParser.h"

#include <cstdint>
#include <cstdlib>

using weft::net::HttpLimits;
using weft::net::HttpRequestParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    HttpLimits limits;
    limits.maxRequestLineBytes = 512;
    limits.maxHeaderBytes = 2048;
    limits.maxHeaderCount = 16;
    limits.maxBodyBytes = 4096;
    HttpRequestParser parser(limits);
    const size_t piece = 1 + data[0] % 64; // how the bytes arrive
    QByteArray pending;
    for (size_t at = 1; at < size; at += piece) {
        pending.append(reinterpret_cast<const char *>(data + at),
                       qsizetype(std::min(piece, size - at)));
        for (;;) {
            const auto result = parser.feed(pending);
            if (result == HttpRequestParser::Result::Failed) {
                const int status = parser.errorStatus();
                if (status < 400 || status > 505 || parser.errorReason().isEmpty())
                    std::abort();
                return 0;
            }
            if (result == HttpRequestParser::Result::NeedMore)
                break;
            const weft::net::HttpRequest request = parser.takeRequest();
            if (request.method.isEmpty() || request.target.isEmpty() ||
                request.body.size() > limits.maxBodyBytes)
                std::abort();
        }
        // What waits unparsed never exceeds a line or a chunk's worth beyond the limits.
        if (pending.size() > limits.maxHeaderBytes + limits.maxBodyBytes + 2048)
            std::abort();
    }
    return 0;
}
