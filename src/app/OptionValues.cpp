#include "app/OptionValues.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace spineviz {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// [sign] digits [. digits] [e [sign] digits], with a digit before or after the point.
bool isPlainDecimal(const std::string& s, bool allowFraction) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && isDigit(s[i])) ++i, ++digits;
    if (allowFraction && i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDigit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (allowFraction && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        std::size_t exponent = 0;
        while (i < s.size() && isDigit(s[i])) ++i, ++exponent;
        if (exponent == 0) return false;
    }
    return i == s.size();
}

std::string formatNumber(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

std::string rangeText(double min, double max, const std::string& allowed, bool whole) {
    if (!allowed.empty()) return allowed;
    if (whole) return "a whole number from " + std::to_string(static_cast<long long>(min)) + " to " + std::to_string(static_cast<long long>(max));
    return "a number from " + formatNumber(min) + " to " + formatNumber(max);
}

} // namespace

void throwOptionError(const std::string& option, const std::string& value, const std::string& reason,
                      const std::string& allowed) {
    throw OptionError(option + " '" + value + "': " + reason + "; allowed: " + allowed);
}

long long wholeNumberOption(const std::string& option, const std::string& text, long long min, long long max,
                            const std::string& allowed) {
    const std::string range = rangeText(double(min), double(max), allowed, true);
    if (text.empty()) throwOptionError(option, text, "empty", range);
    if (!isPlainDecimal(text, false)) {
        const bool number = isPlainDecimal(text, true);
        throwOptionError(option, text, number ? "not a whole number" : "not a number", range);
    }
    errno = 0;
    const long long value = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == ERANGE || value < min || value > max) throwOptionError(option, text, "out of range", range);
    return value;
}

double decimalOption(const std::string& option, const std::string& text, double min, double max, const std::string& allowed) {
    const std::string range = rangeText(min, max, allowed, false);
    if (text.empty()) throwOptionError(option, text, "empty", range);
    if (!isPlainDecimal(text, true)) throwOptionError(option, text, "not a number", range);
    errno = 0;
    const double value = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(value) || value < min || value > max) throwOptionError(option, text, "out of range", range);
    return value;
}

void requireNonEmpty(const std::string& option, const std::string& text, const std::string& allowed) {
    if (text.empty()) throwOptionError(option, text, "empty", allowed);
}

} // namespace spineviz
