// Looking up a scenario's asset files, resolving links so that none leads outside the
// scenario's folder or the shipped assets.
#include "deliberate/scenario/asset_paths.hpp"

#include <algorithm>

namespace deliberate {

namespace fs = std::filesystem;

namespace {

// Whether `real` lies inside `root`, both fully resolved.
bool is_inside(const fs::path& real, const fs::path& root) {
    auto r = root.begin(), p = real.begin();
    for (; r != root.end(); ++r, ++p) {
        if (r->empty() && std::next(r) == root.end()) {
            break;  // a trailing separator
        }
        if (p == real.end() || *p != *r) {
            return false;
        }
    }
    return true;
}

}  // namespace

AssetLocation locate_asset(const fs::path& scenario_dir, const fs::path& assets_dir,
                           const std::string& asset) {
    AssetLocation found;
    if (asset.find('\0') != std::string::npos) {
        found.problem = AssetLocation::Problem::nul_in_name;
        return found;
    }
    if (asset.empty()) {
        return found;
    }
    const fs::path relative(asset);
    if (relative.is_absolute() || std::any_of(relative.begin(), relative.end(),
                                              [](const fs::path& part) { return part == ".."; })) {
        found.problem = AssetLocation::Problem::outside;
        return found;
    }
    for (const fs::path& root : {scenario_dir, assets_dir}) {
        if (root.empty()) {
            continue;  // no such folder: a scenario read from memory, or no assets
        }
        std::error_code ec;
        const fs::path candidate = root / relative;
        // symlink_status: a dangling link is there too, and must not let the lookup go on.
        if (!fs::exists(fs::symlink_status(candidate, ec))) {
            continue;
        }
        const fs::path real = fs::weakly_canonical(fs::absolute(candidate, ec), ec);
        const fs::path real_root =
            ec ? fs::path() : fs::weakly_canonical(fs::absolute(root, ec), ec);
        if (ec || !is_inside(real, real_root)) {
            found.problem = AssetLocation::Problem::outside;
            return found;
        }
        if (!fs::is_regular_file(real, ec)) {
            found.problem = AssetLocation::Problem::not_regular;
            return found;
        }
        found.file = real;
        found.problem = AssetLocation::Problem::none;
        return found;
    }
    return found;
}

fs::path find_asset(const fs::path& scenario_file, const fs::path& assets_dir,
                    const std::string& asset) {
    if (asset.empty()) {
        return {};
    }
    const fs::path folder = scenario_file.parent_path();
    return locate_asset(folder.empty() ? fs::path(".") : folder, assets_dir, asset).file;
}

}  // namespace deliberate
