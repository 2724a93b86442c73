// The phones' JSON: what a phone may send (parsed strictly, anything else refused) and the
// state the server pushes to every phone. Kept apart from the sockets so it can be tested.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "deliberate/workshop/ballot_box.hpp"

namespace deliberate::net {

// A request body as JSON: an object, nested at most `max_depth` deep, without duplicate
// members; none for anything else. Its members are checked by the callers.
struct JoinRequest {
    std::string code;
};
struct BallotRequest {
    std::string token;
    std::uint64_t round = 0;
    PhoneBallot ballot;
};
std::optional<JoinRequest> parse_join(std::string_view body);
std::optional<BallotRequest> parse_ballot(std::string_view body);

// What every phone is shown now: the question, whether the round is closed, the result once
// revealed (free texts only as the trainer showed them), or that the session has ended.
std::string phone_state_json(const BallotSnapshot& snapshot);
// The same with this device's own ballot in the open round, sent when a phone (re)connects.
std::string phone_state_json(const BallotSnapshot& snapshot,
                             const std::optional<PhoneBallot>& mine);

}  // namespace deliberate::net
