#include "core/content/PlainFractions.h"

#include <cmath>

namespace spineviz {

std::string plainFraction(double share) {
    struct Word {
        double value;
        const char* words;
    };
    static const Word kWords[] = {{1.0 / 4.0, "a quarter"},    {1.0 / 3.0, "a third"},      {1.0 / 2.0, "half"},
                                  {3.0 / 5.0, "three fifths"}, {2.0 / 3.0, "two thirds"},   {3.0 / 4.0, "three quarters"},
                                  {4.0 / 5.0, "four fifths"},  {9.0 / 10.0, "nine tenths"}, {1.0, "all"}};
    if (share < 0.2) return "less than a quarter";
    if (share > 0.96 && share < 1.0) return "almost all";
    const Word* best = &kWords[0];
    for (const Word& w : kWords)
        if (std::abs(w.value - share) < std::abs(best->value - share)) best = &w;
    const bool exact = std::abs(best->value - share) <= 0.02;
    return std::string(exact ? "" : "about ") + best->words;
}

} // namespace spineviz
