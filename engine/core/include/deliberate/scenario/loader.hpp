// Loading scenario, model and value-catalogue files into core types, or saying precisely what
// is wrong with them. JSON stays inside the loader: callers see core types and diagnostics.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "deliberate/scenario/model.hpp"
#include "deliberate/scenario/organisation.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "deliberate/scenario/value_catalogue.hpp"
#include "deliberate/support/diagnostic.hpp"

namespace deliberate {

// Refused before any tree is built.
constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;
constexpr int max_nesting_depth = 64;

struct LoadOptions {
    // Searched after the `models/` folder beside the scenario file.
    std::filesystem::path shipped_models_dir;
    // Used when there is no `values.json` beside the scenario file.
    std::filesystem::path shipped_values_file;
    // An organisation's own profile: when the file exists it fills {org:ID} in every
    // scenario, the shipped library included.
    std::filesystem::path organisation_file;
    // Used when there is no such file and no `organisation.json` beside the scenario file.
    std::filesystem::path shipped_organisation_file;
    // The project's assets/ folder; scenario asset paths may point into it.
    std::filesystem::path assets_dir;
};

template <typename T>
struct Loaded {
    std::shared_ptr<const T> value;  // set only when there are no errors
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return value != nullptr; }
};

// `display_name` is how diagnostics name the file; `base_dir` is where relative models,
// values and assets are looked up.
Loaded<Scenario> load_scenario_text(std::string_view bytes, const std::string& display_name,
                                    const std::filesystem::path& base_dir,
                                    const LoadOptions& options);
Loaded<Scenario> load_scenario_file(const std::filesystem::path& path, const LoadOptions& options);

Loaded<JudgementModel> load_model_text(std::string_view bytes, const std::string& display_name);
Loaded<JudgementModel> load_model_file(const std::filesystem::path& path);

Loaded<ValueCatalogue> load_values_text(std::string_view bytes, const std::string& display_name);
Loaded<ValueCatalogue> load_values_file(const std::filesystem::path& path);

Loaded<OrganisationProfile> load_organisation_text(std::string_view bytes,
                                                   const std::string& display_name);
Loaded<OrganisationProfile> load_organisation_file(const std::filesystem::path& path);

enum class FileFormat { unknown, scenario, model, values, organisation };

// Reads only enough of a file to tell its `format` (for `validate FOLDER`); `unknown` for
// anything that is not a Deliberate file, including unreadable or malformed files.
FileFormat sniff_format(const std::filesystem::path& path);

// Loads any Deliberate file, choosing by its `format`, and returns its diagnostics.
std::vector<Diagnostic> check_file(const std::filesystem::path& path, const LoadOptions& options);

}  // namespace deliberate
