// What a group made of its own case, for the case bringer and the team: the record (verslag)
// as a printable, self-contained HTML page and as Markdown, in the structure of the model the
// group followed; and the case as a scenario draft an author can develop in the studio. None
// of them holds a name: the journal asks for none and the record adds none.
#pragma once

#include <string>

#include "deliberate/case/own_case.hpp"
#include "deliberate/support/message_catalogue.hpp"

namespace deliberate {

std::string case_record_html(const CaseState& state, const JudgementModel& model,
                             const MessageCatalogue& text);
std::string case_record_markdown(const CaseState& state, const JudgementModel& model,
                                 const MessageCatalogue& text);

// A scenario file (deliberate/scenario@1) holding the case as one dilemma: its options with
// the group's arguments for and against, the stakeholders the group named, the group's answers
// as the step's prompts, and an ending to be written. It names `model` by id.
std::string case_scenario_json(const CaseState& state, const JudgementModel& model);

}  // namespace deliberate
