#include "TempDir.h"

#include <cstdlib>
#include <stdexcept>

namespace spineviz::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "spineviz-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

} // namespace spineviz::test
