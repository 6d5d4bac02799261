#include "core/scene/ExternalUri.h"

#include <system_error>

namespace spineviz {

bool isDataUri(const std::string& uri) { return uri.rfind("data:", 0) == 0; }

std::string externalUriProblem(const std::string& uri) {
    if (uri.empty()) return "empty uri";
    if (isDataUri(uri)) return "";
    if (uri.find('\0') != std::string::npos) return "uri contains a NUL byte";
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

} // namespace spineviz
