// Where a scenario's image or sound file is on disk: beside the scenario first, then in the
// shipped assets folder, never a file that a link leads outside those folders.
#pragma once

#include <filesystem>
#include <string>

namespace deliberate {

// What looking up an asset found.
struct AssetLocation {
    enum class Problem { none, not_found, outside, not_regular, nul_in_name };
    // The file itself, with every link resolved; empty unless problem is none.
    std::filesystem::path file;
    Problem problem = Problem::not_found;
};

// Looks `asset` up beside the scenario (`scenario_dir`), then in `assets_dir`. The first
// folder in which the name exists decides: a link there that leads out of that folder is
// Problem::outside, and the lookup does not go on to the next folder, since the file beside
// the scenario is the one a reader would take for the asset. A name holding a NUL character
// is refused rather than cut short at it.
AssetLocation locate_asset(const std::filesystem::path& scenario_dir,
                           const std::filesystem::path& assets_dir, const std::string& asset);

// The file `asset` names, or an empty path when it is in neither folder or is refused.
std::filesystem::path find_asset(const std::filesystem::path& scenario_file,
                                 const std::filesystem::path& assets_dir, const std::string& asset);

}  // namespace deliberate
