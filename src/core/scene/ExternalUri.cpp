#include "core/scene/ExternalUri.h"

#include <fstream>
#include <system_error>

namespace spineviz {

bool isDataUri(const std::string& uri) { return uri.rfind("data:", 0) == 0; }

std::string externalUriProblem(const std::string& uri) {
    if (uri.empty()) return "empty uri";
    if (isDataUri(uri)) return "";
    if (uri.find('\0') != std::string::npos || decodeUriPath(uri).find('\0') != std::string::npos)
        return "uri contains a NUL byte";
    if (uri.find("://") != std::string::npos) return "uri '" + uri + "' is a URL; only files beside the model are read";
    if (uri.front() == '/' || uri.front() == '\\' || uri.front() == '~' || (uri.size() > 1 && uri[1] == ':'))
        return "uri '" + uri + "' is an absolute path";
    // Percent-encoding could hide "..": decode the dots and slashes before looking at components.
    std::string decoded;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size()) {
            const std::string hex = uri.substr(i + 1, 2);
            if (hex == "2e" || hex == "2E") { decoded += '.'; i += 2; continue; }
            if (hex == "2f" || hex == "2F" || hex == "5c" || hex == "5C") { decoded += '/'; i += 2; continue; }
        }
        decoded += uri[i] == '\\' ? '/' : uri[i];
    }
    int depth = 0;
    std::size_t start = 0;
    while (start <= decoded.size()) {
        const std::size_t end = decoded.find('/', start);
        const std::string part = decoded.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (part == "..") {
            if (--depth < 0) return "uri '" + uri + "' leaves the model's folder";
        } else if (!part.empty() && part != ".") {
            ++depth;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return "";
}

bool pathIsInside(const std::filesystem::path& path, const std::filesystem::path& folder) {
    std::error_code ec;
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(path, ec);
    if (ec) return false;
    const std::filesystem::path root = std::filesystem::weakly_canonical(folder, ec);
    if (ec) return false;
    auto r = root.begin();
    auto p = resolved.begin();
    for (; r != root.end(); ++r, ++p) {
        if (r->empty()) continue; // trailing separator
        if (p == resolved.end() || *p != *r) return false;
    }
    return p != resolved.end();
}

std::string decodeUriPath(const std::string& uri) {
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return 0;
    };
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '+') {
            out += ' ';
        } else if (uri[i] == '%' && i + 2 < uri.size()) {
            out += static_cast<char>(hex(uri[i + 1]) << 4 | hex(uri[i + 2]));
            i += 2;
        } else {
            out += uri[i];
        }
    }
    return out;
}

bool readWholeFile(const std::filesystem::path& path, std::size_t maxBytes, std::vector<std::uint8_t>& out, std::string& error) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error = "not a regular file";
        return false;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot read";
        return false;
    }
    if (size > maxBytes) {
        error = "file larger than " + std::to_string(maxBytes >> 20) + " MiB";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    out.resize(static_cast<std::size_t>(size));
    if (!in || (size > 0 && !in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(size)))) {
        error = "read error";
        return false;
    }
    return true;
}

} // namespace spineviz
