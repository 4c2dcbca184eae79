#pragma once

#include <QtGlobal>

#include <chrono>

namespace weft::net {

// What one client may make the server hold. Past a size limit the request is answered at once
// (414, 431, 413) and the connection closed; past a time limit too (408), or, between
// requests, closed without a word.
struct HttpLimits
{
    qsizetype maxRequestLineBytes = 8 * 1024;
    qsizetype maxHeaderBytes = 32 * 1024; // request line, header fields and chunk trailers
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = 1024 * 1024;
    // From a request's first byte to the end of its header section.
    std::chrono::milliseconds headerTimeout{10'000};
    // From a request's first byte to the end of its body.
    std::chrono::milliseconds requestTimeout{30'000};
    // An open connection with no request under way.
    std::chrono::milliseconds idleTimeout{15'000};
    int maxConnections = 256;
    // Bytes read ahead of the parser per connection (the rest waits in the kernel).
    qint64 readBufferBytes = 64 * 1024;
};

} // namespace weft::net
