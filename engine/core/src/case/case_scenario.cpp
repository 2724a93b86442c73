// An own case as a scenario draft: one dilemma with the group's material as its content.
#include <nlohmann/json.hpp>

#include "deliberate/case/case_record.hpp"

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

ordered stakeholders_of(const CaseState& state, const JudgementModel& model) {
    ordered out = ordered::array();
    for (const ModelStep& step : model.steps) {
        if (step.from != CandidateSource::stakeholders) {
            continue;
        }
        for (const Contribution& c : state.answers_at(step.id)) {
            out.push_back({{"id", "stakeholder-" + std::to_string(out.size() + 1)},
                           {"label", c.text},
                           {"relevant", true}});
        }
    }
    return out;
}

ordered option_of(const CaseState& state, const CaseOption& option) {
    ordered arguments_for = ordered::array(), arguments_against = ordered::array();
    for (const Contribution& c : state.contributions) {
        if (c.option == option.id) {
            (c.side == "against" ? arguments_against : arguments_for).push_back(c.text);
        }
    }
    ordered out{{"id", option.id}, {"label", option.label}};
    if (!arguments_for.empty() || !arguments_against.empty()) {
        out["arguments"] = {{"for", arguments_for}, {"against", arguments_against}};
    }
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
            prompts.push_back(c.text);
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
    ordered dilemma{{"id", "case"},
                    {"kind", "dilemma"},
                    {"title", content.title},
                    {"text", content.text.empty() ? content.question : content.text},
                    {"question", content.question}};
    ordered options = ordered::array();
    for (const CaseOption& option : content.options) {
        options.push_back(option_of(state, option));
    }
    dilemma["options"] = options;
    dilemma["model_steps"] = model_steps_of(state, model);
    const ordered steps = steps_of(state, model);
    if (!steps.empty()) {
        dilemma["steps"] = steps;
    }
    const bool dutch = lang == "nl";
    ordered ending{{"id", "ending"},
                   {"kind", "ending"},
                   {"outcome", dutch ? "Nog te schrijven." : "To be written."},
                   {"text", dutch ? "Nog te schrijven." : "To be written."},
                   {"debrief", content.question},
                   {"discussion", ordered::array({content.question})}};
    ordered scenario{{"format", "deliberate/scenario@1"},
                     {"id", slug(content.title, "own-case")},
                     {"version", "0.1.0"},
                     {"languages", {lang}},
                     {"title", content.title},
                     {"summary", content.question},
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
