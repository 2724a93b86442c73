// The builders behind loader.hpp: each turns a parsed JSON tree into a core type, reporting
// what is wrong; they return null when there were errors.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "deliberate/scenario/loader.hpp"
#include "deliberate/support/diagnostic.hpp"
#include "json/json_value.hpp"

namespace deliberate::detail {

inline constexpr std::string_view scenario_format = "deliberate/scenario@1";
inline constexpr std::string_view model_format = "deliberate/model@1";
inline constexpr std::string_view values_format = "deliberate/values@1";
inline constexpr std::string_view organisation_format = "deliberate/organisation@1";

// Checks the root is an object whose `format` is `expected`; false when it is not.
bool check_format(const JsonValue& root, Diagnostics& diagnostics, std::string_view expected);

std::shared_ptr<JudgementModel> build_model(const JsonValue& root, Diagnostics& diagnostics);
std::shared_ptr<ValueCatalogue> build_values(const JsonValue& root, Diagnostics& diagnostics);
std::shared_ptr<OrganisationProfile> build_organisation(const JsonValue& root,
                                                        Diagnostics& diagnostics);

// An {org:ID} placeholder as written, and where.
struct OrgPlaceholder {
    std::string id;
    std::string pointer;
};
// Finds the organisation profile for a scenario that uses {org:ID} placeholders and checks
// each against it (R010); sets `scenario.organisation`.
void check_organisation_placeholders(Scenario& scenario, Diagnostics& diag,
                                     const std::filesystem::path& base_dir,
                                     const LoadOptions& options,
                                     const std::vector<OrgPlaceholder>& used);
// Parses and builds in one pass, streaming the nodes (see NodeStream).
std::shared_ptr<Scenario> load_scenario_bytes(std::string_view bytes, Diagnostics& diagnostics,
                                              const std::filesystem::path& base_dir,
                                              const LoadOptions& options);

// Reads a whole file, refusing more than max_file_bytes without reading them.
bool read_file(const std::filesystem::path& path, std::string& bytes, std::string& error);

}  // namespace deliberate::detail
