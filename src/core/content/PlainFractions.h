#pragma once
// Shares in the words a patient uses: 0.66 is "about two thirds", 0.5 is "half". For the patient's
// numbers beside the picture ("the front of the bone is squashed to about two thirds of its height").

#include <string>

namespace spineviz {

// The nearest of half, three fifths, two thirds, three quarters, four fifths, nine tenths (and, at
// the ends, "less than half" or "almost all"), with "about" unless the share is within 2 % of it.
std::string plainFraction(double share);

} // namespace spineviz
