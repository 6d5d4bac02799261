#include "core/scene/JpegTables.h"

namespace spineviz {
namespace {

struct JpegState {
    bool dc[4] = {}, ac[4] = {}, quant[4] = {};
    bool progressive = false, frame = false;
    int componentIds[4] = {}, componentQuant[4] = {}, components = 0;
};

int quantOf(const JpegState& s, int id) {
    for (int c = 0; c < s.components; ++c)
        if (s.componentIds[c] == id) return s.componentQuant[c];
    return -1;
}

std::string readSegment(std::uint8_t marker, const std::uint8_t* p, std::size_t length, JpegState& s) {
    if (marker == 0xC4) { // DHT: one or more tables, each 1 + 16 + sum(counts) bytes
        std::size_t i = 0;
        while (i + 17 <= length) {
            const int cls = p[i] >> 4, id = p[i] & 15;
            if (id > 3 || cls > 1) return "a Huffman table has an invalid id";
            std::size_t symbols = 0;
            for (int k = 1; k <= 16; ++k) symbols += p[i + k];
            (cls == 0 ? s.dc : s.ac)[id] = true;
            i += 17 + symbols;
        }
    } else if (marker == 0xDB) { // DQT
        std::size_t i = 0;
        while (i < length) {
            const int precision = p[i] >> 4, id = p[i] & 15;
            if (id > 3) return "a quantisation table has an invalid id";
            s.quant[id] = true;
            i += 1 + (precision ? 128 : 64);
        }
    } else if (marker >= 0xC0 && marker <= 0xC2) { // SOF0/1/2: baseline, extended, progressive
        if (length < 6) return "a truncated frame header";
        s.frame = true;
        s.progressive = marker == 0xC2;
        s.components = p[5] > 4 ? 4 : p[5];
        if (length < 6 + std::size_t(s.components) * 3) return "a truncated frame header";
        for (int c = 0; c < s.components; ++c) {
            s.componentIds[c] = p[6 + 3 * c];
            s.componentQuant[c] = p[8 + 3 * c];
        }
    } else if (marker == 0xDA) { // SOS: every table this scan uses must exist by now
        if (!s.frame) return "a scan before the frame header";
        if (length < 1) return "a truncated scan header";
        const int n = p[0];
        if (length < 1 + std::size_t(n) * 2 + 3) return "a truncated scan header";
        const int spectralStart = p[1 + 2 * n];
        for (int c = 0; c < n; ++c) {
            const int id = p[1 + 2 * c], dcTable = p[2 + 2 * c] >> 4, acTable = p[2 + 2 * c] & 15;
            const int q = quantOf(s, id);
            if (q < 0 || q > 3 || !s.quant[q]) return "no quantisation table for a scan's component";
            const bool needDc = !s.progressive || spectralStart == 0, needAc = !s.progressive || spectralStart > 0;
            if (needDc && (dcTable > 3 || !s.dc[dcTable])) return "no Huffman table for a scan (DC)";
            if (needAc && (acTable > 3 || !s.ac[acTable])) return "no Huffman table for a scan (AC)";
        }
    }
    return "";
}

} // namespace

bool looksLikeJpeg(const std::uint8_t* data, std::size_t size) { return size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF; }

std::string jpegTableProblem(const std::uint8_t* data, std::size_t size) {
    JpegState state;
    std::size_t i = 2;
    bool inScan = false, scanned = false;
    while (i + 1 < size) {
        if (inScan) { // entropy-coded data: skip to the next marker that is not a stuffed byte or a restart
            if (data[i] != 0xFF || data[i + 1] == 0x00 || (data[i + 1] >= 0xD0 && data[i + 1] <= 0xD7) || data[i + 1] == 0xFF) {
                ++i;
                continue;
            }
            inScan = false;
        }
        if (data[i] != 0xFF) return "a malformed marker";
        const std::uint8_t marker = data[i + 1];
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        if (marker == 0xD9) break; // end of image
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            i += 2;
            continue;
        }
        if (i + 4 > size) return "a truncated marker";
        const std::size_t length = std::size_t(data[i + 2]) << 8 | data[i + 3];
        if (length < 2 || i + 2 + length > size) return "a marker segment past the end of the data";
        const std::string problem = readSegment(marker, data + i + 4, length - 2, state);
        if (!problem.empty()) return problem;
        if (marker == 0xDA) inScan = scanned = true;
        i += 2 + length;
    }
    return scanned ? "" : "no image scan";
}

} // namespace spineviz
