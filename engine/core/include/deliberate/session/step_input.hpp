// What the current step of a dilemma asks of the participant: the candidates to pick from,
// whether an answer fits the step, and the feedback the scenario gives on it. Every UI (the
// terminal player, the desktop app, a workshop) asks the same questions through this.
#pragma once

#include <string>
#include <vector>

#include "deliberate/scenario/localised_text.hpp"
#include "deliberate/session/session.hpp"

namespace deliberate {

struct Candidate {
    std::string id;
    LocalisedText label;
    bool relevant = false;  // marked by the scenario as one a participant should name
    LocalisedText feedback;
};

// The candidates of the current step: for select, multiselect and rank its `from` source (the
// scenario's stakeholders or values, the offered options, or the dilemma's items); for checks
// its source if it has one, else the model step's checks; empty for other steps.
std::vector<Candidate> step_candidates(const Session& session);
// The same for `step` at `node` outside a session (a record read back), with the options
// `offered` there.
std::vector<Candidate> step_candidates(const Scenario& scenario, const Node& node,
                                       const ModelStep& step,
                                       const std::vector<std::size_t>& offered);

enum class AnswerProblem {
    none,
    text_required,      // a required text step got no text
    pick_required,      // nothing picked where the step needs a pick
    too_many_picks,     // more than one for a select
    unknown_pick,       // an id that is not among the candidates
    repeated_pick,      // the same candidate twice
    rank_incomplete,    // a ranking that leaves candidates out
    scale_out_of_range  // a scale value outside min..max
};
const char* answer_problem_text(AnswerProblem problem);

// Whether `answer` fits the current step (not the choice step). An optional step accepts an
// empty answer.
AnswerProblem check_answer(const Session& session, const StepAnswer& answer);

// What the scenario says after a step: the dilemma's feedback for the step, the relevant
// candidates the participant left out, and the feedback of items picked against their
// relevance (a relevant one missed, or one that is not relevant picked).
struct StepFeedback {
    LocalisedText general;
    std::vector<Candidate> missed;
    std::vector<Candidate> explained;

    bool empty() const { return general.empty() && missed.empty() && explained.empty(); }
};
StepFeedback step_feedback(const Session& session, const StepAnswer& answer);

}  // namespace deliberate
