#pragma once
// The second half of parsing the command line: the text each option was given, turned into the
// CommandLine's values with strict checks (OptionValues.h), and the choices that exclude or limit
// each other checked together. Every refusal throws OptionError (exit 2).

#include "app/CommandLine.h"

#include <map>
#include <set>
#include <string>

namespace spineviz {

struct OptionTexts {
    std::map<std::string, std::string> text; // by option name, e.g. "--grade" -> "2"
    std::set<std::string> given;             // the options on the command line (flags too)

    bool has(const std::string& option) const { return given.count(option) > 0; }
    const std::string& of(const std::string& option) const { return text.at(option); }
};

// Fills `options` from `texts`; throws OptionError.
void convertOptionTexts(const OptionTexts& texts, CommandLine& options);

// The names the choices allow, for help and messages.
std::string levelNames();
std::string phaseNames(Procedure procedure);
std::string viewNames();

} // namespace spineviz
