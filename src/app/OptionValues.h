#pragma once
// Strict conversion of command-line text into values. Every failure names the option, the value
// and what is allowed, in one line: "--grade '2.0': not a whole number; allowed: 1|2|3". Numbers
// are plain decimals: no "nan", "inf", hex, blanks or trailing text, and never an empty value.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace spineviz {

// A value the command line refuses (exit 2).
struct OptionError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "--option 'value': reason; allowed: allowed"
[[noreturn]] void throwOptionError(const std::string& option, const std::string& value, const std::string& reason,
                                   const std::string& allowed);

// An integer in [min, max]; `allowed` describes the range for the message ("1|2|3").
long long wholeNumberOption(const std::string& option, const std::string& text, long long min, long long max,
                            const std::string& allowed = "");

// A finite decimal in [min, max].
double decimalOption(const std::string& option, const std::string& text, double min, double max,
                     const std::string& allowed = "");

// A name that was given must not be empty.
void requireNonEmpty(const std::string& option, const std::string& text, const std::string& allowed);

} // namespace spineviz
