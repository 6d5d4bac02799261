#pragma once
// A corpus of broken and hostile model files, generated on the fly: every way a file can lie about
// its sizes, counts, ranges, numbers, images or landmarks that spineviz knows to refuse. Each case
// says which words the refusal must contain.

#include <functional>
#include <string>
#include <vector>

namespace spineviz::test {

struct HostileCase {
    std::string name;       // also the file's stem
    std::string reason;     // a part of the one-line message the refusal must contain
    // Writes the model into `folder` and returns its path (extra files it names go beside it).
    std::function<std::string(const std::string& folder)> write;
};

const std::vector<HostileCase>& hostileCases();

} // namespace spineviz::test
