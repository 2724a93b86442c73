// A new scenario to start writing from: a scene, a dilemma with two options and two endings,
// in the languages and with the model the author chose. It validates cleanly as it is.
#pragma once

#include <string>
#include <vector>

namespace deliberate {

struct TemplateChoices {
    std::string id = "my-scenario";  // also the file's name, without .json
    std::string title;               // the same in every language to begin with
    std::vector<std::string> languages = {"nl", "en"};
    std::string model = "quick-check";  // a shipped model's id
};

// The scenario's JSON text, with `$schema` pointing at `schema_path` (relative to where the
// file will be), so that an editor offers completion from the first keystroke.
std::string scenario_template(const TemplateChoices& choices, const std::string& schema_path);

}  // namespace deliberate
