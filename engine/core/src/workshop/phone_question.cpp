// Building the phones' question from where the workshop's session stands.
#include "deliberate/workshop/phone_question.hpp"

#include <algorithm>

#include "deliberate/session/step_input.hpp"

namespace deliberate {

namespace {

// `text` rendered in each of the scenario's languages, placeholders filled in.
LocalisedText rendered(const Session& session, const LocalisedText& text) {
    LocalisedText out;
    Session in_language = session;
    for (const std::string& language : session.scenario().languages) {
        in_language.set_language(language);
        out.set(language, in_language.render(text));
    }
    return out;
}

// The round's identity: the node, what is asked and the factor setting, so that a "what if"
// opens a fresh round and going back to a slide finds its ballots again.
std::string round_key(const Session& session, const std::string& asked) {
    std::string key = session.node().id + "/" + asked;
    const Scenario& scenario = session.scenario();
    for (std::size_t f = 0; f < scenario.factors.size(); ++f) {
        key += "/" + scenario.factors[f].id + "=" + session.factor_values()[f];
    }
    return key;
}

const char* phone_kind(InputKind input) {
    switch (input) {
        case InputKind::select:
            return "select";
        case InputKind::multiselect:
            return "multiselect";
        case InputKind::rank:
            return "rank";
        case InputKind::checks:
            return "checks";
        case InputKind::scale:
            return "scale";
        case InputKind::text:
        case InputKind::arguments:
            return "text";
        case InputKind::info:
        case InputKind::choice:
            return nullptr;
    }
    return nullptr;
}

}  // namespace

PhoneQuestion phone_vote(const Session& session, const std::string& round) {
    PhoneQuestion q;
    q.key = round_key(session, "vote-" + round);
    q.kind = "choice";
    q.title = rendered(session, session.node().title);
    q.prompt = rendered(session, session.node().question);
    for (const std::size_t o : session.offered_options()) {
        const Option& option = session.node().options[o];
        q.choices.push_back({option.id, rendered(session, option.label), false});
    }
    return q;
}

std::optional<PhoneQuestion> phone_step(const Session& session) {
    const ModelStep* step = session.at_dilemma() ? session.current_step() : nullptr;
    const char* kind = step != nullptr ? phone_kind(step->input) : nullptr;
    if (kind == nullptr) {
        return std::nullopt;
    }
    PhoneQuestion q;
    q.key = round_key(session, "step-" + step->id);
    q.kind = kind;
    q.title = rendered(session, step->title);
    const StepContent* content = session.node().step_content(step->id);
    q.prompt = rendered(
        session, content != nullptr && !content->prompt.empty() ? content->prompt : step->prompt);
    for (const Candidate& c : step_candidates(session)) {
        q.choices.push_back({c.id, rendered(session, c.label), c.relevant});
    }
    q.scale_min = step->scale.min;
    q.scale_max = step->scale.max;
    q.scale_min_label = rendered(session, step->scale.min_label);
    q.scale_max_label = rendered(session, step->scale.max_label);
    const bool needs_choices = q.kind != "scale" && q.kind != "text";
    if (needs_choices && q.choices.empty()) {
        return std::nullopt;
    }
    return q;
}

std::vector<std::string> default_phone_steps(const JudgementModel& model) {
    std::vector<std::string> ids;
    for (const ModelStep& step : model.steps) {
        const char* kind = phone_kind(step.input);
        if (kind != nullptr && std::string(kind) != "text") {
            ids.push_back(step.id);
        }
    }
    return ids;
}

}  // namespace deliberate
