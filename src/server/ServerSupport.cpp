#include "server/ServerSupport.h"

#include <openssl/rand.h>

namespace weft::server {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(size)) != 1)
        qFatal("weft-server: the system's random source failed");
    return bytes;
}

} // namespace weft::server
