#include "sandbox/PngLogo.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>

namespace weft::sandbox {
namespace {

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (char byte : data)
        c = table[(c ^ quint8(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendChunk(QByteArray &png, const char type[4], const QByteArray &data)
{
    appendBigEndian(png, quint32(data.size()));
    QByteArray typed(type, 4);
    typed.append(data);
    png.append(typed);
    appendBigEndian(png, crc32(typed));
}

// Whether the pattern is "on" (coloured) at pixel (x, y) of a size x size tile.
double coverage(LogoPattern pattern, int x, int y, int size)
{
    const int cell = std::max(4, size / 8);
    switch (pattern) {
    case LogoPattern::Solid:
        return 1.0;
    case LogoPattern::Gingham: {
        const bool bx = (x / cell) % 2 == 0;
        const bool by = (y / cell) % 2 == 0;
        return bx && by ? 1.0 : (bx || by ? 0.55 : 0.15);
    }
    case LogoPattern::Tartan: {
        const int wide = cell * 2;
        const bool band = (x % wide) < cell / 2 || (y % wide) < cell / 2;
        const bool thin = (x % wide) == cell || (y % wide) == cell;
        return band ? 1.0 : (thin ? 0.8 : 0.35);
    }
    case LogoPattern::Houndstooth: {
        const int u = x % (cell * 2);
        const int v = y % (cell * 2);
        const bool block = (u < cell) == (v < cell);
        const bool tooth = (u + v) % (cell * 2) < cell / 2;
        return block != tooth ? 1.0 : 0.1;
    }
    case LogoPattern::Platypus: {
        const double cx = x - size / 2.0;
        const double cy = y - size / 2.0;
        const bool bill = std::abs(cy) < size / 10.0 && cx > size / 8.0;
        const bool body = (cx * cx) / (size * size / 9.0) + (cy * cy) / (size * size / 25.0) < 1.0;
        return bill ? 0.45 : (body ? 1.0 : 0.2);
    }
    }
    return 1.0;
}

} // namespace

QByteArray renderLogoPng(LogoPattern pattern, quint32 color, int size)
{
    QByteArray raw;
    raw.reserve(size * (size * 4 + 1));
    const double radius = size / 2.0;
    for (int y = 0; y < size; ++y) {
        raw.append('\0'); // filter type: none
        for (int x = 0; x < size; ++x) {
            const double dx = x + 0.5 - radius;
            const double dy = y + 0.5 - radius;
            const double edge = radius - std::sqrt(dx * dx + dy * dy);
            const double alpha = std::clamp(edge, 0.0, 1.0);
            const double on = coverage(pattern, x, y, size);
            auto mix = [on](int channel) {
                return char(qRound(255 - (255 - channel) * on));
            };
            raw.append(mix(int((color >> 16) & 0xFF)));
            raw.append(mix(int((color >> 8) & 0xFF)));
            raw.append(mix(int(color & 0xFF)));
            raw.append(char(qRound(alpha * 255)));
        }
    }
    QByteArray header;
    appendBigEndian(header, quint32(size));
    appendBigEndian(header, quint32(size));
    header.append(char(8)); // bit depth
    header.append(char(6)); // colour type: RGBA
    header.append(char(0)); // compression
    header.append(char(0)); // filter
    header.append(char(0)); // no interlace

    // qCompress writes a 4-byte length, then a zlib stream: PNG's IDAT is that stream.
    const QByteArray compressed = qCompress(raw, 9).mid(4);

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", compressed);
    appendChunk(png, "IEND", QByteArray());
    return png;
}

} // namespace weft::sandbox
