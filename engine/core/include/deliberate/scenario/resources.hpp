// Finding the shipped models, value catalogue and assets from wherever the program runs:
// a build tree, an installation prefix, or the folders the environment names.
#pragma once

#include <filesystem>

#include "deliberate/scenario/loader.hpp"

namespace deliberate {

// `executable` is argv[0] or /proc/self/exe. `$DELIBERATE_MODELS` overrides the models folder.
// The organisation's own profile is `$DELIBERATE_ORGANISATION` when set (set and empty: none),
// else organisation.json in system_scenarios_dir().
LoadOptions locate_resources(const std::filesystem::path& executable);

// Where an organisation keeps its own scenarios beside the shipped library, so that IT can roll
// out a library without rebuilding: /etc/deliberate/scenarios, or `$DELIBERATE_SYSTEM_SCENARIOS`
// when set (set and empty: none). The folder need not exist.
std::filesystem::path system_scenarios_dir();

}  // namespace deliberate
