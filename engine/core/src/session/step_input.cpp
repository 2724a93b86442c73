// Candidates, answer checks and step feedback for the current step of a dilemma.
#include "deliberate/session/step_input.hpp"

#include <algorithm>

namespace deliberate {

namespace {

LocalisedText plain(const std::string& text) {
    LocalisedText t;
    t.set("", text);
    return t;
}

std::vector<Candidate> value_candidates(const Scenario& scenario, const Node& node) {
    std::vector<std::string> ids = scenario.values;
    if (ids.empty()) {
        for (const Option& option : node.options) {
            for (const std::string& id : option.values) {
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
                    ids.push_back(id);
                }
            }
        }
    }
    std::vector<Candidate> out;
    for (const std::string& id : ids) {
        const MoralValue* value =
            scenario.value_catalogue ? scenario.value_catalogue->find(id) : nullptr;
        out.push_back({id, value != nullptr ? value->label : plain(id), false, {}});
    }
    return out;
}

bool picked(const StepAnswer& answer, const std::string& id) {
    return std::find(answer.picks.begin(), answer.picks.end(), id) != answer.picks.end();
}

}  // namespace

std::vector<Candidate> step_candidates(const Session& session) {
    const ModelStep* step = session.current_step();
    if (step == nullptr) {
        return {};
    }
    return step_candidates(session.scenario(), session.node(), *step, session.offered_options());
}

std::vector<Candidate> step_candidates(const Scenario& scenario, const Node& node,
                                       const ModelStep& step,
                                       const std::vector<std::size_t>& offered) {
    std::vector<Candidate> out;
    switch (step.from) {
        case CandidateSource::stakeholders:
            for (const Stakeholder& s : scenario.stakeholders) {
                out.push_back({s.id, s.label, s.relevant, {}});
            }
            return out;
        case CandidateSource::values:
            return value_candidates(scenario, node);
        case CandidateSource::options:
            for (const std::size_t o : offered) {
                out.push_back({node.options[o].id, node.options[o].label, false, {}});
            }
            return out;
        case CandidateSource::items:
            if (const StepContent* content = node.step_content(step.id)) {
                for (const StepItem& item : content->items) {
                    out.push_back({item.id, item.label, item.relevant, item.feedback});
                }
            }
            return out;
        case CandidateSource::none:
            break;
    }
    if (step.input == InputKind::checks) {
        for (const CheckSpec& check : step.checks) {
            out.push_back({check.id, check.label, false, {}});
        }
    }
    return out;
}

const char* answer_problem_text(AnswerProblem problem) {
    switch (problem) {
        case AnswerProblem::none:
            return "fits";
        case AnswerProblem::text_required:
            return "this step needs a written answer";
        case AnswerProblem::pick_required:
            return "this step needs at least one pick";
        case AnswerProblem::too_many_picks:
            return "this step takes one pick";
        case AnswerProblem::unknown_pick:
            return "a pick is not among the candidates";
        case AnswerProblem::repeated_pick:
            return "a candidate is picked twice";
        case AnswerProblem::rank_incomplete:
            return "a ranking must place every candidate";
        case AnswerProblem::scale_out_of_range:
            return "the value is outside the scale";
    }
    return "?";
}

AnswerProblem check_answer(const Session& session, const StepAnswer& answer) {
    const ModelStep* step = session.current_step();
    if (step == nullptr) {
        return AnswerProblem::none;
    }
    const std::vector<Candidate> candidates = step_candidates(session);
    for (std::size_t i = 0; i < answer.picks.size(); ++i) {
        const std::string& id = answer.picks[i];
        if (std::none_of(candidates.begin(), candidates.end(),
                         [&](const Candidate& c) { return c.id == id; })) {
            return AnswerProblem::unknown_pick;
        }
        if (std::find(answer.picks.begin(), answer.picks.begin() + static_cast<long>(i), id) !=
            answer.picks.begin() + static_cast<long>(i)) {
            return AnswerProblem::repeated_pick;
        }
    }
    const bool skipped = answer.picks.empty() && answer.text.empty() && !answer.scale;
    if (step->optional && skipped) {
        return AnswerProblem::none;
    }
    switch (step->input) {
        case InputKind::text:
        case InputKind::arguments:
            return answer.text.empty() ? AnswerProblem::text_required : AnswerProblem::none;
        case InputKind::select:
            if (answer.picks.size() > 1) {
                return AnswerProblem::too_many_picks;
            }
            [[fallthrough]];
        case InputKind::multiselect:
            return answer.picks.empty() && !candidates.empty() ? AnswerProblem::pick_required
                                                               : AnswerProblem::none;
        case InputKind::rank:
            return answer.picks.size() != candidates.size() ? AnswerProblem::rank_incomplete
                                                            : AnswerProblem::none;
        case InputKind::scale:
            return !answer.scale || *answer.scale < step->scale.min ||
                           *answer.scale > step->scale.max
                       ? AnswerProblem::scale_out_of_range
                       : AnswerProblem::none;
        case InputKind::info:
        case InputKind::checks:  // the picks are the checks answered yes; none is an answer
        case InputKind::choice:
            return AnswerProblem::none;
    }
    return AnswerProblem::none;
}

StepFeedback step_feedback(const Session& session, const StepAnswer& answer) {
    StepFeedback out;
    const ModelStep* step = session.current_step();
    if (step == nullptr) {
        return out;
    }
    if (const StepContent* content = session.node().step_content(step->id)) {
        out.general = content->feedback;
    }
    // Only steps that pick people or items can miss someone; a checks step's picks are yeses.
    const bool picks_candidates = step->input == InputKind::select ||
                                  step->input == InputKind::multiselect ||
                                  step->input == InputKind::rank;
    if (!picks_candidates) {
        return out;
    }
    for (const Candidate& candidate : step_candidates(session)) {
        const bool was_picked = picked(answer, candidate.id);
        if (candidate.relevant && !was_picked) {
            out.missed.push_back(candidate);
        }
        if (!candidate.feedback.empty() && candidate.relevant != was_picked) {
            out.explained.push_back(candidate);
        }
    }
    return out;
}

}  // namespace deliberate
