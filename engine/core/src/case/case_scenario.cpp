// An own case as a scenario draft: one dilemma with the group's material as its content.
#include <cctype>
#include <nlohmann/json.hpp>

#include "deliberate/case/case_record.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate {

namespace {

using ordered = nlohmann::ordered_json;

// Ids the scenario format accepts: lower-case letters, digits and single hyphens.
std::string slug(const std::string& text, const std::string& fallback) {
    std::string out;
    for (const char c : text) {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
            out += lower;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 40) {
            break;
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out.empty() || !(out[0] >= 'a' && out[0] <= 'z') ? fallback : out;
}

// The group's words as a scenario's text: characters the checker refuses (controls, bidi
// overrides) become spaces, and a brace that would open a placeholder (`{factor:`) is kept
// apart from its word, so that what the group said is never read as a placeholder.
std::string draft_text(const std::string& said) {
    const std::string plain = without_unsafe_characters(said);
    std::string out;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        out += plain[i];
        const bool letter_next =
            i + 1 < plain.size() && std::isalpha(static_cast<unsigned char>(plain[i + 1]));
        if (plain[i] == '{' && letter_next) {
            out += ' ';
        }
    }
    return out;
}

ordered stakeholders_of(const CaseState& state, const JudgementModel& model) {
    ordered out = ordered::array();
    for (const ModelStep& step : model.steps) {
        if (step.from != CandidateSource::stakeholders) {
            continue;
        }
        for (const Contribution& c : state.answers_at(step.id)) {
            out.push_back({{"id", "stakeholder-" + std::to_string(out.size() + 1)},
                           {"label", draft_text(c.text)},
                           {"relevant", true}});
        }
    }
    return out;
}

ordered option_of(const CaseState& state, const CaseOption& option, const std::string& to_write) {
    ordered arguments_for = ordered::array(), arguments_against = ordered::array();
    for (const Contribution& c : state.contributions) {
        if (c.option == option.id) {
            (c.side == "against" ? arguments_against : arguments_for).push_back(draft_text(c.text));
        }
    }
    // An option the group gave no arguments about gets the author's part marked, as the
    // ending is: a scenario's options argue both ways.
    if (arguments_for.empty()) {
        arguments_for.push_back(to_write);
    }
    if (arguments_against.empty()) {
        arguments_against.push_back(to_write);
    }
    ordered out{{"id", option.id}, {"label", draft_text(option.label)}};
    out["arguments"] = {{"for", arguments_for}, {"against", arguments_against}};
    out["next"] = "ending";
    return out;
}

// A step that lists candidates the draft cannot give (values: the group named them freely, not
// from the catalogue; stakeholders when the group named none) is left out of the dilemma.
bool walkable(const CaseState& state, const ModelStep& step) {
    return step.from == CandidateSource::none ||
           (step.from == CandidateSource::stakeholders && !state.answers_at(step.id).empty()) ||
           step.from == CandidateSource::options;
}

ordered model_steps_of(const CaseState& state, const JudgementModel& model) {
    ordered out = ordered::array();
    for (const ModelStep& step : model.steps) {
        if (walkable(state, step) || step.input == InputKind::choice) {
            out.push_back(step.id);
        }
    }
    return out;
}

// The group's answers at text steps become the step's prompts for the next group.
ordered steps_of(const CaseState& state, const JudgementModel& model) {
    ordered out = ordered::object();
    for (const ModelStep& step : model.steps) {
        if (!walkable(state, step) ||
            (step.input != InputKind::text && step.input != InputKind::info)) {
            continue;
        }
        ordered prompts = ordered::array();
        for (const Contribution& c : state.answers_at(step.id)) {
            prompts.push_back(draft_text(c.text));
        }
        if (!prompts.empty()) {
            out[step.id] = {{"prompts", prompts}};
        }
    }
    return out;
}

}  // namespace

std::string case_scenario_json(const CaseState& state, const JudgementModel& model) {
    const CaseContent& content = state.content;
    const std::string& lang = state.header.language;
    const bool dutch = lang == "nl";
    const std::string to_write = dutch ? "Nog te schrijven." : "To be written.";
    const std::string title = draft_text(content.title);
    const std::string question = draft_text(content.question);
    ordered dilemma{{"id", "case"},
                    {"kind", "dilemma"},
                    {"title", title},
                    {"text", content.text.empty() ? question : draft_text(content.text)},
                    {"question", question}};
    ordered options = ordered::array();
    for (const CaseOption& option : content.options) {
        options.push_back(option_of(state, option, to_write));
    }
    dilemma["options"] = options;
    dilemma["model_steps"] = model_steps_of(state, model);
    const ordered steps = steps_of(state, model);
    if (!steps.empty()) {
        dilemma["steps"] = steps;
    }
    ordered ending{{"id", "ending"},      {"kind", "ending"},
                   {"outcome", to_write}, {"text", to_write},
                   {"debrief", question}, {"discussion", ordered::array({question})}};
    ordered scenario{{"format", "deliberate/scenario@1"},
                     {"id", slug(content.title, "own-case")},
                     {"version", "0.1.0"},
                     {"languages", {lang}},
                     {"title", title},
                     {"summary", question},
                     {"model", model.id}};
    const ordered stakeholders = stakeholders_of(state, model);
    if (!stakeholders.empty()) {
        scenario["stakeholders"] = stakeholders;
    }
    scenario["start"] = "case";
    scenario["nodes"] = ordered::array({dilemma, ending});
    return scenario.dump(2) + "\n";
}

}  // namespace deliberate
