// Helpers shared by the core tests: loading from inline text and reading diagnostics.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "deliberate/scenario/loader.hpp"

namespace deliberate::test {

// Shipped models and values from the source tree, so inline scenarios can use them.
inline LoadOptions source_resources() {
    LoadOptions options;
    options.shipped_models_dir = std::string(DELIBERATE_TEST_DATA) + "/valid/models";
    options.shipped_values_file = std::string(DELIBERATE_TEST_DATA) + "/valid/values.json";
    options.assets_dir = std::string(DELIBERATE_TEST_DATA) + "/valid/assets";
    return options;
}

inline Loaded<Scenario> load(const std::string& text) {
    return load_scenario_text(text, "test.json", DELIBERATE_TEST_DATA "/valid", source_resources());
}

inline std::vector<std::string> codes(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
        out.push_back(d.code);
    }
    return out;
}

inline std::string lines(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        out += format_diagnostic(d) + "\n";
    }
    return out;
}

// The valid scenario that uses every part of the format; the calling test stops if it fails.
inline std::shared_ptr<const Scenario> full_featured() {
    auto loaded = load_scenario_file(
        std::string(DELIBERATE_TEST_DATA) + "/valid/full-featured.json", source_resources());
    REQUIRE_MESSAGE(loaded.ok(), lines(loaded.diagnostics));
    return loaded.value;
}

}  // namespace deliberate::test
