// What the phones are asked at a workshop slide: the dilemma's vote or the current model step,
// rendered in every language of the scenario (phones switch language themselves), under the
// current factor setting, so that a "what if" is a fresh round.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "deliberate/session/session.hpp"
#include "deliberate/workshop/ballot_box.hpp"

namespace deliberate {

// The vote at the current dilemma in `round` ("first" or "final"): its offered options.
PhoneQuestion phone_vote(const Session& session, const std::string& round);
// The current model step, if the phones can answer it (select, multiselect, rank, checks,
// scale, text and arguments as text); none for an info step or outside a dilemma.
std::optional<PhoneQuestion> phone_step(const Session& session);
// The model steps that go to the phones unless the trainer chooses otherwise: every step
// with picks, a ranking, checks or a scale. Free text is left to the trainer to switch on.
std::vector<std::string> default_phone_steps(const JudgementModel& model);

}  // namespace deliberate
