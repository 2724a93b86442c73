// Parsing what phones send, strictly, and writing the state they are shown.
#include "phone_api.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace deliberate::net {

using nlohmann::json;

namespace {

constexpr int max_depth = 3;
constexpr std::size_t max_picks = 64;
constexpr std::size_t max_id_bytes = 64;
constexpr std::size_t max_text_bytes = 4 * BallotBox::max_text_chars;

// nlohmann's parser refuses invalid UTF-8 and trailing bytes; this adds a depth limit and
// refuses duplicate members rather than keeping the last, as the core's loader does.
std::optional<json> parse_object(std::string_view body) {
    std::vector<std::set<std::string>> keys;
    bool refused = false;
    auto guard = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth > max_depth) {
            refused = true;
        }
        if (event == json::parse_event_t::object_start) {
            keys.emplace_back();
        } else if (event == json::parse_event_t::object_end && !keys.empty()) {
            keys.pop_back();
        } else if (event == json::parse_event_t::key && !keys.empty() &&
                   !keys.back().insert(parsed.get<std::string>()).second) {
            refused = true;
        }
        return !refused;
    };
    json parsed = json::parse(body.begin(), body.end(), guard, false);
    if (refused || parsed.is_discarded() || !parsed.is_object()) {
        return std::nullopt;
    }
    return parsed;
}

bool only_members(const json& object, std::initializer_list<const char*> allowed) {
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (const char* name : allowed) {
            known = known || key == name;
        }
        if (!known) {
            return false;
        }
    }
    return true;
}

bool short_string(const json& value, std::size_t max_bytes) {
    return value.is_string() && value.get_ref<const std::string&>().size() <= max_bytes;
}

}  // namespace

std::optional<JoinRequest> parse_join(std::string_view body) {
    const auto parsed = parse_object(body);
    if (!parsed || !only_members(*parsed, {"code"}) || !parsed->contains("code") ||
        !short_string((*parsed)["code"], 32)) {
        return std::nullopt;
    }
    return JoinRequest{(*parsed)["code"].get<std::string>()};
}

std::optional<BallotRequest> parse_ballot(std::string_view body) {
    const auto parsed = parse_object(body);
    if (!parsed || !only_members(*parsed, {"token", "round", "picks", "scale", "text"})) {
        return std::nullopt;
    }
    const json& o = *parsed;
    if (!o.contains("token") || !short_string(o["token"], 64) || !o.contains("round") ||
        !o["round"].is_number_unsigned()) {
        return std::nullopt;
    }
    BallotRequest request;
    request.token = o["token"].get<std::string>();
    request.round = o["round"].get<std::uint64_t>();
    if (o.contains("picks")) {
        const json& picks = o["picks"];
        if (!picks.is_array() || picks.size() > max_picks) {
            return std::nullopt;
        }
        for (const json& id : picks) {
            if (!short_string(id, max_id_bytes)) {
                return std::nullopt;
            }
            request.ballot.picks.push_back(id.get<std::string>());
        }
    }
    if (o.contains("scale")) {
        if (!o["scale"].is_number_integer()) {
            return std::nullopt;
        }
        const auto scale = o["scale"].get<std::int64_t>();
        if (scale < -1000 || scale > 1000) {
            return std::nullopt;
        }
        request.ballot.scale = static_cast<int>(scale);
    }
    if (o.contains("text")) {
        if (!short_string(o["text"], max_text_bytes)) {
            return std::nullopt;
        }
        request.ballot.text = o["text"].get<std::string>();
    }
    return request;
}

namespace {

json localised(const LocalisedText& text) {
    json out = json::object();
    for (const auto& [language, value] : text.all()) {
        out[language] = value;
    }
    return out;
}

json question_json(const PhoneQuestion& q) {
    json out = {{"kind", q.kind}, {"title", localised(q.title)}, {"prompt", localised(q.prompt)}};
    json choices = json::array();
    for (const PhoneQuestion::Choice& c : q.choices) {
        choices.push_back({{"id", c.id}, {"label", localised(c.label)}});
    }
    out["choices"] = std::move(choices);
    if (q.kind == "scale") {
        out["scale"] = {{"min", q.scale_min},
                        {"max", q.scale_max},
                        {"min_label", localised(q.scale_min_label)},
                        {"max_label", localised(q.scale_max_label)}};
    }
    return out;
}

json result_json(const RoundTally& t) {
    json texts = json::array();
    for (const TextEntry& entry : t.texts) {
        if (entry.shown) {
            texts.push_back(entry.text);
        }
    }
    return {{"ballots", t.ballots},           {"per_choice", t.per_choice},
            {"rank_points", t.rank_points},   {"scale_counts", t.scale_counts},
            {"named_by_few", t.named_by_few}, {"texts", std::move(texts)}};
}

json state_object(const BallotSnapshot& s) {
    json out = {{"ended", s.ended}, {"round", s.round}, {"open", s.open}};
    if (s.open) {
        out["closed"] = s.closed;
        out["revealed"] = s.revealed;
        out["question"] = question_json(s.question);
        if (s.revealed) {
            out["result"] = result_json(s.tally);
        }
    }
    return out;
}

}  // namespace

std::string phone_state_json(const BallotSnapshot& snapshot) {
    return state_object(snapshot).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string phone_state_json(const BallotSnapshot& snapshot,
                             const std::optional<PhoneBallot>& mine) {
    json out = state_object(snapshot);
    if (mine) {
        json ballot = {{"picks", mine->picks}, {"text", mine->text}};
        if (mine->scale) {
            ballot["scale"] = *mine->scale;
        }
        out["mine"] = std::move(ballot);
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace deliberate::net
