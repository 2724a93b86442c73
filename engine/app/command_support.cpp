// What several commands do alike: load a scenario they need whole, check a --lang.
#include <algorithm>
#include <cstdio>

#include "commands.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate::app {

std::shared_ptr<const Scenario> load_for_command(const std::string& path,
                                                 const LoadOptions& resources, const char* purpose,
                                                 int& exit_code) {
    auto loaded = load_scenario_file(path, resources);
    if (loaded.ok()) {
        return loaded.value;
    }
    print_diagnostics(stderr, loaded.diagnostics);
    std::fprintf(stderr, "deliberate: %s has errors; fix them to %s\n", for_terminal(path).c_str(),
                 purpose);
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
    std::fprintf(stderr, "deliberate: --lang %s: %s is written in %s\n",
                 for_terminal(language).c_str(), for_terminal(path).c_str(),
                 for_terminal(names).c_str());
    return false;
}

bool apply_factor_option(Session& session, const std::string& assignment) {
    const std::string problem = apply_factor_assignment(session, assignment);
    if (!problem.empty()) {
        std::fprintf(stderr, "deliberate: --factor %s: %s\n", for_terminal(assignment).c_str(),
                     for_terminal(problem).c_str());
        return false;
    }
    return true;
}

}  // namespace deliberate::app
