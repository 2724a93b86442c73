// Locating shipped data: the first folder, from the executable outwards, that holds
// scenarios/models. Covers the build tree (build/deliberate), an install prefix
// (bin/deliberate + share/deliberate) and the source tree the program was built from. Also
// the system folder for an organisation's own scenarios.
#include "deliberate/scenario/resources.hpp"

#include <cstdlib>

namespace deliberate {

namespace fs = std::filesystem;

LoadOptions locate_resources(const fs::path& executable) {
    std::error_code ec;
    fs::path exe = fs::canonical(executable, ec);
    if (ec) {
        exe = fs::canonical("/proc/self/exe", ec);
    }
    std::vector<fs::path> roots;
    if (!ec) {
        const fs::path dir = exe.parent_path();
        roots = {dir, dir.parent_path(), dir.parent_path().parent_path(),
                 dir.parent_path() / "share" / "deliberate"};
    }
#ifdef DELIBERATE_SOURCE_DIR
    roots.emplace_back(DELIBERATE_SOURCE_DIR);
#endif
    LoadOptions options;
    for (const auto& root : roots) {
        if (fs::is_directory(root / "scenarios" / "models", ec)) {
            options.shipped_models_dir = root / "scenarios" / "models";
            options.shipped_values_file = root / "scenarios" / "values.json";
            options.shipped_organisation_file = root / "scenarios" / "organisation.json";
            options.assets_dir = root / "assets";
            break;
        }
    }
    if (const char* models = std::getenv("DELIBERATE_MODELS"); models && *models) {
        options.shipped_models_dir = models;
    }
    if (const char* profile = std::getenv("DELIBERATE_ORGANISATION"); profile != nullptr) {
        options.organisation_file = profile;
    } else if (!system_scenarios_dir().empty()) {
        options.organisation_file = system_scenarios_dir() / "organisation.json";
    }
    return options;
}

fs::path system_scenarios_dir() {
    if (const char* dir = std::getenv("DELIBERATE_SYSTEM_SCENARIOS")) {
        return dir;
    }
    // Under /etc whatever the prefix: it is the administrator's configuration, not the program's
    // data, and a package upgrade leaves it alone.
    return "/etc/deliberate/scenarios";
}

}  // namespace deliberate
