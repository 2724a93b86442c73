// Looking up a scenario's asset files.
#include "deliberate/scenario/asset_paths.hpp"

namespace deliberate {

namespace fs = std::filesystem;

fs::path find_asset(const fs::path& scenario_file, const fs::path& assets_dir,
                    const std::string& asset) {
    if (asset.empty()) {
        return {};
    }
    std::error_code ec;
    const fs::path beside = scenario_file.parent_path() / asset;
    if (fs::is_regular_file(beside, ec)) {
        return beside;
    }
    if (!assets_dir.empty() && fs::is_regular_file(assets_dir / asset, ec)) {
        return assets_dir / asset;
    }
    return {};
}

}  // namespace deliberate
