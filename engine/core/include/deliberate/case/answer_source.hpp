// Where a group's answers at a step come from, kept apart from what the case does with them:
// today the facilitator typing what the room says; later participants' own devices, whose
// answers the facilitator accepts before they are recorded and shown.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace deliberate {

// One answer of the group at a step of the model.
struct Contribution {
    std::uint64_t entry = 0;  // the seq of the journal event that recorded it; 0 before that
    std::string step;         // the model step's id
    std::string text;
    std::string option;  // an argument's option id, else empty
    std::string side;    // an argument's side, "for" or "against", else empty
    std::string source;  // "console" for the facilitator's typing
};

class AnswerSource {
  public:
    virtual ~AnswerSource() = default;
    // Answers offered at `step` that wait for the facilitator to accept them; taking them
    // empties the queue. The facilitator's own typing is recorded directly and never waits.
    virtual std::vector<Contribution> take_offered(const std::string& step) = 0;
    // A short name for the console and the journal's `source` ("console").
    virtual std::string name() const = 0;
};

// The facilitator types what the room says: nothing ever waits to be accepted.
class ConsoleAnswers final : public AnswerSource {
  public:
    std::vector<Contribution> take_offered(const std::string&) override { return {}; }
    std::string name() const override { return "console"; }
};

}  // namespace deliberate
