#pragma once
#include <string>

namespace spineviz {

// Where F12 screenshots go: the user's XDG Pictures folder when it exists, else the current folder.
std::string picturesFolder();
// "spineviz-20261121-143005.png" in `folder`, with a counter if that name is taken.
std::string screenshotPathIn(const std::string& folder);

} // namespace spineviz
