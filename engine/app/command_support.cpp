// What several commands do alike: load a scenario they need whole, check a --lang.
#include <algorithm>
#include <cstdio>

#include "commands.hpp"

namespace deliberate::app {

std::shared_ptr<const Scenario> load_for_command(const std::string& path,
                                                 const LoadOptions& resources, const char* purpose,
                                                 int& exit_code) {
    auto loaded = load_scenario_file(path, resources);
    if (loaded.ok()) {
        return loaded.value;
    }
    print_diagnostics(stderr, loaded.diagnostics);
    std::fprintf(stderr, "deliberate: %s has errors; fix them to %s\n", path.c_str(), purpose);
    const bool unreadable = std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                                        [](const Diagnostic& d) { return d.code == "S007"; });
    exit_code = unreadable ? exit_usage : exit_problems;
    return nullptr;
}

bool check_language(const Scenario& scenario, const std::string& path,
                    const std::string& language) {
    const auto& listed = scenario.languages;
    if (std::find(listed.begin(), listed.end(), language) != listed.end()) {
        return true;
    }
    std::string names;
    for (const auto& lang : listed) {
        names += (names.empty() ? "" : ", ") + lang;
    }
    std::fprintf(stderr, "deliberate: --lang %s: %s is written in %s\n", language.c_str(),
                 path.c_str(), names.c_str());
    return false;
}

bool apply_factor_option(Session& session, const std::string& assignment) {
    const Scenario& scenario = session.scenario();
    const auto eq = assignment.find('=');
    const std::string id = assignment.substr(0, eq);
    const auto factor = eq == std::string::npos ? std::nullopt : scenario.find_factor(id);
    if (!factor) {
        std::string ids;
        for (const Factor& f : scenario.factors) {
            ids += (ids.empty() ? "" : ", ") + f.id;
        }
        std::fprintf(stderr, "deliberate: --factor %s: %s\n", assignment.c_str(),
                     eq == std::string::npos ? "write it as ID=VALUE"
                     : ids.empty()           ? "the scenario has no factors"
                                   : ("no factor `" + id + "`; its factors: " + ids).c_str());
        return false;
    }
    const Factor& f = scenario.factors[*factor];
    const std::string value = assignment.substr(eq + 1);
    const auto index = f.find_value(value);
    if (!index) {
        std::string values;
        for (const FactorValue& v : f.values) {
            values += (values.empty() ? "" : ", ") + v.id;
        }
        std::fprintf(stderr, "deliberate: --factor %s: `%s` has no value `%s`; its values: %s\n",
                     assignment.c_str(), id.c_str(), value.c_str(), values.c_str());
        return false;
    }
    session.set_factor(*factor, *index);
    return true;
}

}  // namespace deliberate::app
