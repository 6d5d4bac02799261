#pragma once
// stb_image decodes a JPEG whose scans use Huffman or quantisation tables the file never defines
// from uninitialised memory (no error, garbage pixels; valgrind reports it). This walks the JPEG's
// markers, without decoding, and says which table is missing.

#include <cstddef>
#include <cstdint>
#include <string>

namespace spineviz {

bool looksLikeJpeg(const std::uint8_t* data, std::size_t size);

// "" when every scan's tables are defined before it; otherwise what is missing or malformed.
std::string jpegTableProblem(const std::uint8_t* data, std::size_t size);

} // namespace spineviz
