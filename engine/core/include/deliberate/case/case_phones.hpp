// What the phones are asked in an own case: the options of a vote, or at each step of the
// model the group's answers as short texts, which wait for the facilitator to accept them. The
// case's own words are in one language; the model's titles and prompts in all of its.
#pragma once

#include <optional>
#include <string>

#include "deliberate/case/own_case.hpp"
#include "deliberate/workshop/ballot_box.hpp"

namespace deliberate {

// The vote in `round` ("first" or "final") on the case's options. Its key names the options,
// so that a changed list is a fresh round.
PhoneQuestion case_phone_vote(const OwnCase& own_case, const std::string& round);
// The question on the phones for the slide on screen: the vote, a step's answers as text, or
// none (the case being typed, the closing slide).
std::optional<PhoneQuestion> case_phone_question(const OwnCase& own_case);

}  // namespace deliberate
