// Journal lines to and from JSON. A line is a JSON object whose last member is "crc": the
// CRC-32 of the line as it would read without that member, so a reader checks the bytes
// before trusting any of them.
#include "journal/journal_codec.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>
#include <tuple>

#include "deliberate/journal/checksum.hpp"
#include "deliberate/support/message_catalogue.hpp"
#include "deliberate/support/terminal_text.hpp"
#include "deliberate/workshop/ballot_box.hpp"
#include "deliberate/workshop/vote_source.hpp"
#include "json/json_reader.hpp"

namespace deliberate {

namespace {

using ordered = nlohmann::ordered_json;
using json = nlohmann::json;

constexpr std::string_view crc_marker = ",\"crc\":\"";
// Far more options than any dilemma has; with at most HandCount::max_count each, a round's
// total stays well inside an int.
constexpr std::size_t max_vote_options = 64;

struct TypeName {
    EventType type;
    const char* name;
};
constexpr TypeName type_names[] = {
    {EventType::continue_scene, "continue"},
    {EventType::answer, "answer"},
    {EventType::back, "back"},
    {EventType::choice, "choice"},
    {EventType::factor, "factor"},
    {EventType::note, "note"},
    {EventType::end, "end"},
    {EventType::vote, "vote"},
    {EventType::reveal, "reveal"},
    {EventType::phone_answers, "phones"},
    {EventType::case_part, "case"},
    {EventType::contribution, "contribution"},
    {EventType::withdraw, "withdraw"},
    {EventType::slide, "slide"},
};

std::string seal(const ordered& body) {
    // dump() of a non-empty object always ends with '}': the checksum goes in front of it.
    std::string line = body.dump();
    const std::uint32_t crc = crc32(line);
    line.pop_back();
    char member[24];
    std::snprintf(member, sizeof member, ",\"crc\":\"%08x\"}", static_cast<unsigned>(crc));
    line += member;
    return line;
}

// Reads a string member; false (with `reason` set) when it is missing or not a string.
bool string_member(const json& object, const char* key, std::string& out, std::string& reason,
                   bool required = true) {
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required) {
            reason = std::string("no `") + key + "`";
        }
        return !required;
    }
    if (!it->is_string()) {
        reason = std::string("`") + key + "` is not a string";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

// Reads the optional `factors` object (factor id to value id) of a header or a vote.
bool factors_member(const json& object, std::vector<std::pair<std::string, std::string>>& out,
                    std::string& reason) {
    const auto factors = object.find("factors");
    if (factors == object.end()) {
        return true;
    }
    if (!factors->is_object()) {
        reason = "`factors` is not an object";
        return false;
    }
    for (const auto& [id, value] : factors->items()) {
        if (!value.is_string()) {
            reason = "factor `" + id + "` is not a string";
            return false;
        }
        out.emplace_back(id, value.get<std::string>());
    }
    return true;
}

ordered factors_object(const std::vector<std::pair<std::string, std::string>>& factors) {
    ordered out = ordered::object();
    for (const auto& [id, value] : factors) {
        out[id] = value;
    }
    return out;
}

// True when every character of `text` is one of `allowed` (ASCII ranges as "a-z0-9").
bool only(std::string_view text, std::string_view allowed) {
    const auto fits = [&](char c) {
        for (std::size_t i = 0; i < allowed.size(); ++i) {
            if (i + 2 < allowed.size() && allowed[i + 1] == '-') {
                if (c >= allowed[i] && c <= allowed[i + 2]) {
                    return true;
                }
                i += 2;
            } else if (c == allowed[i]) {
                return true;
            }
        }
        return false;
    };
    return std::all_of(text.begin(), text.end(), fits);
}

// What journal_time_now writes, loosely: a forged time must not carry text onto a terminal.
bool is_time(std::string_view time) {
    return !time.empty() && time.size() <= 40 && only(time, "0-9TZ:.+-");
}

// A header field of the wrong shape makes the line damaged: a forged header must not carry
// a path into a file name (`language`), markup into an export or escapes onto a terminal.
bool check_header_shape(const JournalHeader& h, std::string& reason) {
    const auto bad = [&](const char* field, const std::string& why) {
        reason = std::string("`") + field + "` " + why;
        return false;
    };
    const auto free_text = [](const std::string& text, std::size_t limit) {
        return text.size() <= limit && !find_unsafe_character(text);
    };
    if (!is_language_id(h.language)) {
        return bad("language", "is not a language id such as \"nl\"");
    }
    if (h.mode != "practice" && h.mode != "play" && h.mode != "workshop" && h.mode != "case") {
        return bad("mode", "is not practice, play, workshop or case");
    }
    if (!detail::is_valid_id(h.scenario_id) ||
        (!h.model_id.empty() && !detail::is_valid_id(h.model_id))) {
        return bad(detail::is_valid_id(h.scenario_id) ? "model" : "scenario.id", "is not an id");
    }
    if (h.participant.size() < 3 || h.participant.size() > 34 ||
        h.participant.compare(0, 2, "p-") != 0 || !only(h.participant.substr(2), "0-9a-f")) {
        return bad("participant", "is not an anonymous id such as \"p-3fa9c2d1\"");
    }
    if (!is_time(h.time)) {
        return bad("time", "is not a UTC time");
    }
    if (h.scenario_version.empty() || h.scenario_version.size() > 40 ||
        !only(h.scenario_version, "0-9.")) {
        return bad("scenario.version", "is not a version such as \"1.0.0\"");
    }
    if (h.scenario_hash.size() > 80 || !only(h.scenario_hash, "a-z0-9:")) {
        return bad("scenario.hash", "is not a content hash");
    }
    if (h.engine_version.empty() || h.engine_version.size() > 40 ||
        !only(h.engine_version, "0-9A-Za-z.+-")) {
        return bad("engine", "is not a version");
    }
    if (!free_text(h.scenario_file, 4096)) {
        return bad("scenario.file", "holds control characters or is too long");
    }
    if (!free_text(h.name, 200) || !free_text(h.group, 200)) {
        return bad(free_text(h.name, 200) ? "group" : "name",
                   "holds control characters or is too long");
    }
    for (const auto& [factor, value] : h.factors) {
        if (!detail::is_valid_id(factor) || !detail::is_valid_id(value)) {
            return bad("factors", "holds something other than ids");
        }
    }
    return true;
}

bool decode_header(const json& object, JournalHeader& header, std::string& reason) {
    std::string format;
    if (!string_member(object, "format", format, reason)) {
        return false;
    }
    if (format != journal_format_id) {
        reason = "format `" + format + "` is not " + journal_format_id;
        return false;
    }
    const auto scenario = object.find("scenario");
    if (scenario == object.end() || !scenario->is_object()) {
        reason = "no `scenario` object";
        return false;
    }
    if (!factors_member(object, header.factors, reason)) {
        return false;
    }
    return string_member(object, "time", header.time, reason) &&
           string_member(*scenario, "id", header.scenario_id, reason) &&
           string_member(*scenario, "version", header.scenario_version, reason) &&
           string_member(*scenario, "hash", header.scenario_hash, reason) &&
           string_member(*scenario, "file", header.scenario_file, reason, false) &&
           string_member(object, "model", header.model_id, reason) &&
           string_member(object, "language", header.language, reason) &&
           string_member(object, "mode", header.mode, reason) &&
           string_member(object, "participant", header.participant, reason) &&
           string_member(object, "name", header.name, reason, false) &&
           string_member(object, "group", header.group, reason, false) &&
           string_member(object, "engine", header.engine_version, reason) &&
           check_header_shape(header, reason);
}

bool decode_answer(const json& object, JournalEvent& event, std::string& reason) {
    if (!string_member(object, "step", event.step, reason) ||
        !string_member(object, "text", event.text, reason, false)) {
        return false;
    }
    const auto picks = object.find("picks");
    if (picks != object.end()) {
        if (!picks->is_array()) {
            reason = "`picks` is not a list";
            return false;
        }
        for (const auto& pick : *picks) {
            if (!pick.is_string()) {
                reason = "`picks` holds something other than a string";
                return false;
            }
            event.picks.push_back(pick.get<std::string>());
        }
    }
    const auto scale = object.find("scale");
    if (scale != object.end()) {
        // A value beyond int would wrap round on reading: no scale goes that far.
        constexpr std::int64_t limit = std::numeric_limits<int>::max();
        if (!scale->is_number_integer() ||
            (scale->is_number_unsigned() && scale->get<std::uint64_t>() > limit) ||
            (!scale->is_number_unsigned() &&
             (scale->get<std::int64_t>() > limit || scale->get<std::int64_t>() < -limit))) {
            reason = "`scale` is not a whole number in range";
            return false;
        }
        event.scale = static_cast<int>(scale->get<std::int64_t>());
    }
    return true;
}

// One vote's counts per option under `key`. Counts are what a hand count can enter (and no
// room holds more phones); anything larger is forged or corrupt and would wrap round when read
// as an int (2^32-1 showing as -1).
bool decode_counts(const json& counts, const std::string& whose,
                   std::vector<std::pair<std::string, int>>& out, std::string& reason,
                   std::size_t max_entries = max_vote_options,
                   int max_count = HandCount::max_count) {
    if (counts.size() > max_entries) {
        reason = "more than " + std::to_string(max_entries) + " counts in " + whose;
        return false;
    }
    for (const auto& [option, count] : counts.items()) {
        if (!count.is_number_unsigned() ||
            count.get<std::uint64_t>() > static_cast<std::uint64_t>(max_count)) {
            reason = whose + " of `" + option + "` is not a whole number from 0 to " +
                     std::to_string(max_count);
            return false;
        }
        out.emplace_back(option, static_cast<int>(count.get<std::uint64_t>()));
    }
    return true;
}

bool decode_vote(const json& object, JournalEvent& event, std::string& reason) {
    if (!string_member(object, "round", event.round, reason)) {
        return false;
    }
    if (event.round != "first" && event.round != "final") {
        reason = "`round` is neither `first` nor `final`";
        return false;
    }
    const auto counts = object.find("counts");
    if (counts == object.end() || !counts->is_object()) {
        reason = "no `counts` object";
        return false;
    }
    if (!decode_counts(*counts, "the count", event.counts, reason)) {
        return false;
    }
    // The phones' part of the counts, when phones voted too.
    if (const auto phones = object.find("phones"); phones != object.end()) {
        if (!phones->is_object()) {
            reason = "`phones` is not an object";
            return false;
        }
        if (!decode_counts(*phones, "the phones' count", event.phones, reason)) {
            return false;
        }
        // The phones' part is part of the count: never more.
        for (const auto& phone_part : event.phones) {
            // A named pair, not a structured binding: clang 14 cannot capture those.
            const std::string& option = phone_part.first;
            const auto count = std::find_if(event.counts.begin(), event.counts.end(),
                                            [&](const auto& c) { return c.first == option; });
            if (count == event.counts.end() || phone_part.second > count->second) {
                reason = "the phones' count of `" + option + "` is more than its count";
                return false;
            }
        }
    }
    return factors_member(object, event.factors, reason);
}

// A step's answers from phones: the counts, the scale's counts and the texts shown, each
// within what the workshop writes (see max_phone_answer_entries).
bool decode_phone_answers(const json& object, JournalEvent& event, std::string& reason) {
    if (!string_member(object, "step", event.step, reason)) {
        return false;
    }
    const auto answers = object.find("answers");
    if (answers == object.end() || !answers->is_number_unsigned() ||
        answers->get<std::uint64_t>() > static_cast<std::uint64_t>(HandCount::max_count)) {
        reason =
            "`answers` is not a whole number from 0 to " + std::to_string(HandCount::max_count);
        return false;
    }
    event.answers = static_cast<int>(answers->get<std::uint64_t>());
    for (const auto& [key, whose, out] :
         {std::tuple{"counts", "the phones' count", &event.counts},
          std::tuple{"scale", "the scale's count", &event.scale_counts}}) {
        const auto member = object.find(key);
        if (member == object.end()) {
            continue;
        }
        if (!member->is_object()) {
            reason = std::string("`") + key + "` is not an object";
            return false;
        }
        if (!decode_counts(*member, whose, *out, reason, max_phone_answer_entries,
                           max_phone_answer_count)) {
            return false;
        }
    }
    // A scale's values are whole numbers, as a model's scale has them.
    for (const auto& [value, count] : event.scale_counts) {
        int n = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
            n < -1000 || n > 1000) {
            reason = "the scale's value `" + value + "` is not a whole number";
            return false;
        }
    }
    if (const auto texts = object.find("texts"); texts != object.end()) {
        if (!texts->is_array() || texts->size() > BallotBox::max_texts_per_round) {
            reason = "`texts` is not a list of at most " +
                     std::to_string(BallotBox::max_texts_per_round) + " texts";
            return false;
        }
        for (const json& text : *texts) {
            // Characters, not bytes, are limited on the phones: four bytes each at most.
            if (!text.is_string() ||
                text.get_ref<const std::string&>().size() > 4 * BallotBox::max_text_chars) {
                reason = "`texts` holds something other than a short text";
                return false;
            }
            event.texts.push_back(text.get<std::string>());
        }
    }
    return factors_member(object, event.factors, reason);
}

// An own case's events; what each holds is told in journal.hpp.
bool decode_case_event(const json& object, JournalEvent& event, std::string& reason) {
    switch (event.type) {
        case EventType::case_part:
            if (!string_member(object, "part", event.part, reason) ||
                !string_member(object, "text", event.text, reason) ||
                !string_member(object, "option", event.option, reason, false)) {
                return false;
            }
            if (event.part != "title" && event.part != "case" && event.part != "question" &&
                event.part != "option") {
                reason = "`part` is not title, case, question or option";
                return false;
            }
            if (event.part == "option" && event.option.empty()) {
                reason = "an option part without `option`";
                return false;
            }
            return true;
        case EventType::contribution:
            if (!string_member(object, "step", event.step, reason) ||
                !string_member(object, "text", event.text, reason) ||
                !string_member(object, "option", event.option, reason, false) ||
                !string_member(object, "side", event.side, reason, false) ||
                !string_member(object, "source", event.source, reason)) {
                return false;
            }
            if (!event.side.empty() && event.side != "for" && event.side != "against") {
                reason = "`side` is neither `for` nor `against`";
                return false;
            }
            return true;
        case EventType::withdraw: {
            const auto entry = object.find("entry");
            if (entry == object.end() || !entry->is_number_unsigned()) {
                reason = "no `entry` number";
                return false;
            }
            event.entry = entry->get<std::uint64_t>();
            return true;
        }
        case EventType::slide:
            return string_member(object, "to", event.to, reason);
        default:
            return false;
    }
}

void encode_case_event(const JournalEvent& event, ordered& body) {
    switch (event.type) {
        case EventType::case_part:
            body["part"] = event.part;
            if (!event.option.empty()) {
                body["option"] = event.option;
            }
            body["text"] = event.text;
            break;
        case EventType::contribution:
            body["step"] = event.step;
            body["text"] = event.text;
            if (!event.option.empty()) {
                body["option"] = event.option;
            }
            if (!event.side.empty()) {
                body["side"] = event.side;
            }
            body["source"] = event.source;
            break;
        case EventType::withdraw:
            body["entry"] = event.entry;
            break;
        case EventType::slide:
            body["to"] = event.to;
            break;
        default:
            break;
    }
}

bool decode_event(const json& object, const std::string& type, JournalEvent& event,
                  std::string& reason) {
    bool known = false;
    for (const auto& [t, name] : type_names) {
        if (type == name) {
            event.type = t;
            known = true;
        }
    }
    if (!known) {
        reason = "unknown event type `" + type + "`";
        return false;
    }
    if (!string_member(object, "time", event.time, reason) ||
        !string_member(object, "node", event.node, reason)) {
        return false;
    }
    if (!is_time(event.time)) {
        reason = "`time` is not a UTC time";
        return false;
    }
    switch (event.type) {
        case EventType::continue_scene:
            return string_member(object, "to", event.to, reason);
        case EventType::answer:
            return decode_answer(object, event, reason);
        case EventType::back:
            return string_member(object, "step", event.step, reason);
        case EventType::choice:
            return string_member(object, "option", event.option, reason) &&
                   string_member(object, "reason", event.reason, reason, false);
        case EventType::vote:
            return decode_vote(object, event, reason);
        case EventType::reveal:
            return true;
        case EventType::phone_answers:
            return decode_phone_answers(object, event, reason);
        case EventType::factor:
            return string_member(object, "factor", event.factor, reason) &&
                   string_member(object, "value", event.value, reason);
        case EventType::note:
            return string_member(object, "text", event.text, reason);
        case EventType::end:
            return true;
        case EventType::case_part:
        case EventType::contribution:
        case EventType::withdraw:
        case EventType::slide:
            return decode_case_event(object, event, reason);
    }
    return false;
}

}  // namespace

std::string journal_header_problem(const JournalHeader& header) {
    // An empty time is the writer's to fill in with the current one.
    JournalHeader probe = header;
    if (probe.time.empty()) {
        probe.time = "2026-01-01T00:00:00.000Z";
    }
    std::string reason;
    return check_header_shape(probe, reason) ? std::string() : reason;
}

const char* event_type_name(EventType type) {
    for (const auto& [t, name] : type_names) {
        if (t == type) {
            return name;
        }
    }
    return "?";
}

std::string encode_journal_header(const JournalHeader& header) {
    ordered body;
    body["seq"] = 0;
    body["time"] = header.time;
    body["type"] = "header";
    body["format"] = journal_format_id;
    body["engine"] = header.engine_version;
    body["scenario"] = ordered{{"id", header.scenario_id},
                               {"version", header.scenario_version},
                               {"hash", header.scenario_hash},
                               {"file", header.scenario_file}};
    body["model"] = header.model_id;
    body["language"] = header.language;
    body["mode"] = header.mode;
    body["participant"] = header.participant;
    if (!header.name.empty()) {
        body["name"] = header.name;
    }
    if (!header.group.empty()) {
        body["group"] = header.group;
    }
    body["factors"] = factors_object(header.factors);
    return seal(body);
}

std::string encode_journal_event(const JournalEvent& event) {
    ordered body;
    body["seq"] = event.seq;
    body["time"] = event.time;
    body["type"] = event_type_name(event.type);
    body["node"] = event.node;
    switch (event.type) {
        case EventType::continue_scene:
            body["to"] = event.to;
            break;
        case EventType::answer:
            body["step"] = event.step;
            if (!event.picks.empty()) {
                body["picks"] = event.picks;
            }
            if (!event.text.empty()) {
                body["text"] = event.text;
            }
            if (event.scale) {
                body["scale"] = *event.scale;
            }
            break;
        case EventType::back:
            body["step"] = event.step;
            break;
        case EventType::choice:
            body["option"] = event.option;
            if (!event.reason.empty()) {
                body["reason"] = event.reason;
            }
            break;
        case EventType::vote: {
            body["round"] = event.round;
            ordered counts = ordered::object();
            for (const auto& [option, count] : event.counts) {
                counts[option] = count;
            }
            body["counts"] = std::move(counts);
            if (!event.phones.empty()) {
                ordered phones = ordered::object();
                for (const auto& [option, count] : event.phones) {
                    phones[option] = count;
                }
                body["phones"] = std::move(phones);
            }
            body["factors"] = factors_object(event.factors);
            break;
        }
        case EventType::reveal:
            break;
        case EventType::phone_answers: {
            body["step"] = event.step;
            body["answers"] = event.answers;
            for (const auto& [key, counts] :
                 {std::pair{"counts", &event.counts}, std::pair{"scale", &event.scale_counts}}) {
                if (!counts->empty()) {
                    ordered member = ordered::object();
                    for (const auto& [id, count] : *counts) {
                        member[id] = count;
                    }
                    body[key] = std::move(member);
                }
            }
            if (!event.texts.empty()) {
                body["texts"] = event.texts;
            }
            body["factors"] = factors_object(event.factors);
            break;
        }
        case EventType::factor:
            body["factor"] = event.factor;
            body["value"] = event.value;
            break;
        case EventType::note:
            body["text"] = event.text;
            break;
        case EventType::end:
            break;
        case EventType::case_part:
        case EventType::contribution:
        case EventType::withdraw:
        case EventType::slide:
            encode_case_event(event, body);
            break;
    }
    return seal(body);
}

DecodedLine decode_journal_line(std::string_view line) {
    DecodedLine out;
    if (line.empty()) {
        out.reason = "empty line";
        return out;
    }
    const std::size_t at = line.rfind(crc_marker);
    if (at == std::string_view::npos || line.size() != at + crc_marker.size() + 10 ||
        line.substr(line.size() - 2) != "\"}") {
        out.reason = "no checksum at the end of the line";
        return out;
    }
    const std::string_view hex = line.substr(at + crc_marker.size(), 8);
    std::uint32_t stored = 0;
    for (const char c : hex) {
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) {
            out.reason = "the checksum is not 8 hex digits";
            return out;
        }
        stored = stored << 4 | static_cast<std::uint32_t>(digit);
    }
    std::string unsealed(line.substr(0, at));
    unsealed += '}';
    if (crc32(unsealed) != stored) {
        out.reason = "checksum mismatch: the line was changed or only partly written";
        return out;
    }
    const json object = json::parse(unsealed, nullptr, false);
    if (!object.is_object()) {
        out.reason = "not a JSON object";
        return out;
    }
    const auto seq = object.find("seq");
    if (seq == object.end() || !seq->is_number_unsigned()) {
        out.reason = "no sequence number";
        return out;
    }
    out.seq = seq->get<std::uint64_t>();
    std::string type;
    if (!string_member(object, "type", type, out.reason)) {
        return out;
    }
    if (type == "header") {
        JournalHeader header;
        if (decode_header(object, header, out.reason)) {
            out.header = std::move(header);
        }
        return out;
    }
    JournalEvent event;
    event.seq = out.seq;
    if (decode_event(object, type, event, out.reason)) {
        out.event = std::move(event);
    }
    return out;
}

}  // namespace deliberate
