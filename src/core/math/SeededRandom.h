#pragma once
// A small deterministic random source (SplitMix64). Unlike the standard distributions, its numbers
// are the same on every compiler and library, so a seed means the same fracture everywhere.

#include <cstdint>

namespace spineviz {

class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    float uniform(float lo, float hi) { return lo + (hi - lo) * static_cast<float>(unit()); }

private:
    std::uint64_t state_;
};

// A seed for one purpose derived from the user's seed, so adding a new random quantity later does
// not change the ones already drawn.
inline std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t purpose) {
    return SeededRandom(seed * 0x9E3779B97F4A7C15ull + purpose).next();
}

} // namespace spineviz
