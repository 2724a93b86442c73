// Where a scenario's image or sound file is on disk: beside the scenario first, then in the
// shipped assets folder (the loader has already refused paths that leave those folders).
#pragma once

#include <filesystem>
#include <string>

namespace deliberate {

// The file `asset` names, or an empty path when it is in neither folder.
std::filesystem::path find_asset(const std::filesystem::path& scenario_file,
                                 const std::filesystem::path& assets_dir, const std::string& asset);

}  // namespace deliberate
