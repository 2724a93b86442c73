// Extracts to and from JSON. Reading takes a file from a shared folder that anyone may have
// written to: every member is checked for its type and every id for its shape, and anything
// else is a reason to skip the file, never to stop.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "deliberate/results/extract.hpp"
#include "json/json_document.hpp"

namespace deliberate {

namespace {

using ordered = nlohmann::ordered_json;

ordered setting_object(const ExtractSetting& setting) {
    ordered out = ordered::object();
    for (const auto& [id, value] : setting) {
        out[id] = value;
    }
    return out;
}

ordered dilemma_object(const ExtractDilemma& d) {
    ordered out = ordered::object();
    out["node"] = d.node;
    out["choice"] = d.choice;
    out["factors"] = setting_object(d.factors);
    if (!d.answers.empty()) {
        ordered answers = ordered::array();
        for (const ExtractAnswer& a : d.answers) {
            ordered answer = ordered::object();
            answer["step"] = a.step;
            if (!a.picks.empty()) {
                answer["picks"] = a.picks;
            }
            if (a.scale) {
                answer["scale"] = *a.scale;
            }
            if (a.skipped) {
                answer["skipped"] = true;
            }
            if (a.seconds) {
                answer["seconds"] = *a.seconds;
            }
            answers.push_back(std::move(answer));
        }
        out["answers"] = std::move(answers);
    }
    if (!d.votes.empty()) {
        ordered votes = ordered::array();
        for (const ExtractVote& v : d.votes) {
            ordered counts = ordered::object();
            for (const auto& [option, n] : v.counts) {
                counts[option] = n;
            }
            votes.push_back({{"round", v.round},
                             {"factors", setting_object(v.factors)},
                             {"counts", std::move(counts)}});
        }
        out["votes"] = std::move(votes);
    }
    return out;
}

// Thrown inside decoding only, caught at its edge.
struct Invalid {
    std::string reason;
};

using detail::JsonValue;

const JsonValue& member(const JsonValue& object, const char* key) {
    const JsonValue* value = object.find(key);
    if (value == nullptr) {
        throw Invalid{std::string("no `") + key + "`"};
    }
    return *value;
}

std::string id_value(const JsonValue& value, const char* what) {
    if (!value.is_string() || !is_extract_id(value.as_string())) {
        throw Invalid{std::string("`") + what + "` is not an id"};
    }
    return std::string(value.as_string());
}

std::string id_member(const JsonValue& object, const char* key) {
    return id_value(member(object, key), key);
}

int count_value(const JsonValue& value, const char* what, long long max) {
    if (!value.is_number_integer() || value.as_integer() < 0 || value.as_integer() > max) {
        throw Invalid{std::string("`") + what + "` is not a whole number from 0 to " +
                      std::to_string(max)};
    }
    return static_cast<int>(value.as_integer());
}

ExtractSetting read_setting(const JsonValue& object) {
    const JsonValue& factors = member(object, "factors");
    if (!factors.is_object()) {
        throw Invalid{"`factors` is not an object"};
    }
    ExtractSetting out;
    for (const auto& [id, value] : factors.members()) {
        if (!is_extract_id(id)) {
            throw Invalid{"`factors` holds something other than ids"};
        }
        out.emplace_back(std::string(id), id_value(value, "factors"));
    }
    return out;  // members come sorted by key
}

ExtractAnswer read_answer(const JsonValue& object) {
    if (!object.is_object()) {
        throw Invalid{"an answer is not an object"};
    }
    for (const auto& m : object.members()) {
        if (m.key != "step" && m.key != "picks" && m.key != "scale" && m.key != "skipped" &&
            m.key != "seconds") {
            throw Invalid{"an answer holds `" + std::string(m.key.substr(0, 40)) + "`"};
        }
    }
    ExtractAnswer a;
    a.step = id_member(object, "step");
    if (const JsonValue* picks = object.find("picks")) {
        if (!picks->is_array() || picks->size() > 64) {
            throw Invalid{"`picks` is not a list of ids"};
        }
        for (std::size_t i = 0; i < picks->size(); ++i) {
            a.picks.push_back(id_value((*picks)[i], "picks"));
        }
    }
    if (const JsonValue* scale = object.find("scale")) {
        if (!scale->is_number_integer() || std::llabs(scale->as_integer()) > 1000) {
            throw Invalid{"`scale` is not a whole number"};
        }
        a.scale = static_cast<int>(scale->as_integer());
    }
    if (const JsonValue* skipped = object.find("skipped")) {
        if (!skipped->is_boolean()) {
            throw Invalid{"`skipped` is not true or false"};
        }
        a.skipped = skipped->as_bool();
    }
    if (const JsonValue* seconds = object.find("seconds")) {
        a.seconds = count_value(*seconds, "seconds", 900);
    }
    return a;
}

ExtractVote read_vote(const JsonValue& object) {
    if (!object.is_object()) {
        throw Invalid{"a vote is not an object"};
    }
    ExtractVote v;
    const std::string_view round = member(object, "round").as_string();
    if (round != "first" && round != "final") {
        throw Invalid{"`round` is neither `first` nor `final`"};
    }
    v.round = std::string(round);
    v.factors = read_setting(object);
    const JsonValue& counts = member(object, "counts");
    if (!counts.is_object()) {
        throw Invalid{"`counts` is not an object"};
    }
    for (const auto& [option, n] : counts.members()) {
        if (!is_extract_id(option)) {
            throw Invalid{"`counts` holds something other than option ids"};
        }
        v.counts.emplace_back(std::string(option), count_value(n, "counts", 100000));
    }
    return v;
}

template <typename Item, typename Read>
void read_list(const JsonValue& object, const char* key, std::vector<Item>& out, Read read) {
    const JsonValue* list = object.find(key);
    if (list == nullptr) {
        return;
    }
    if (!list->is_array()) {
        throw Invalid{std::string("`") + key + "` is not a list"};
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        out.push_back(read((*list)[i]));
    }
}

ExtractDilemma read_dilemma(const JsonValue& object) {
    if (!object.is_object()) {
        throw Invalid{"a dilemma is not an object"};
    }
    for (const auto& m : object.members()) {
        if (m.key != "node" && m.key != "choice" && m.key != "factors" && m.key != "answers" &&
            m.key != "votes") {
            throw Invalid{"a dilemma holds `" + std::string(m.key.substr(0, 40)) + "`"};
        }
    }
    ExtractDilemma d;
    d.node = id_member(object, "node");
    d.choice = id_member(object, "choice");
    d.factors = read_setting(object);
    read_list(object, "answers", d.answers, read_answer);
    read_list(object, "votes", d.votes, read_vote);
    return d;
}

ResultExtract read_extract(const JsonValue& doc) {
    static const std::string_view known[] = {"format",   "id",   "engine", "scenario", "model",
                                             "language", "mode", "month",  "dilemmas"};
    for (const auto& m : doc.members()) {
        if (std::find(std::begin(known), std::end(known), m.key) == std::end(known)) {
            throw Invalid{"the extract holds `" + std::string(m.key.substr(0, 40)) + "`"};
        }
    }
    ResultExtract e;
    e.id = id_member(doc, "id");
    if (e.id.size() != 34 || e.id.compare(0, 2, "r-") != 0) {
        throw Invalid{"`id` is not an extract id"};
    }
    e.engine_version = id_member(doc, "engine");
    const JsonValue& scenario = member(doc, "scenario");
    if (!scenario.is_object()) {
        throw Invalid{"`scenario` is not an object"};
    }
    e.scenario_id = id_member(scenario, "id");
    e.scenario_version = id_member(scenario, "version");
    const std::string_view hash = member(scenario, "hash").as_string();
    if (!is_content_hash(hash)) {
        throw Invalid{"`scenario.hash` is not a content hash"};
    }
    e.scenario_hash = std::string(hash);
    e.model = id_member(doc, "model");
    e.language = id_member(doc, "language");
    const std::string_view mode = member(doc, "mode").as_string();
    if (mode != "practice" && mode != "workshop") {
        throw Invalid{"`mode` is neither `practice` nor `workshop`"};
    }
    e.mode = std::string(mode);
    const std::string_view month = member(doc, "month").as_string();
    if (!is_month(month)) {
        throw Invalid{"`month` is not YYYY-MM"};
    }
    e.month = std::string(month);
    const JsonValue& dilemmas = member(doc, "dilemmas");
    if (!dilemmas.is_array()) {
        throw Invalid{"`dilemmas` is not a list"};
    }
    for (std::size_t i = 0; i < dilemmas.size(); ++i) {
        e.dilemmas.push_back(read_dilemma(dilemmas[i]));
    }
    return e;
}

}  // namespace

const char* extract_problem_name(ExtractProblem problem) {
    switch (problem) {
        case ExtractProblem::none:
            return "none";
        case ExtractProblem::damaged:
            return "damaged";
        case ExtractProblem::foreign:
            return "foreign";
        case ExtractProblem::newer_format:
            return "newer format";
        case ExtractProblem::invalid:
            return "invalid";
    }
    return "?";
}

std::string encode_extract(const ResultExtract& e) {
    ordered doc = ordered::object();
    doc["format"] = result_format_id;
    doc["id"] = e.id;
    doc["engine"] = e.engine_version;
    doc["scenario"] = {
        {"id", e.scenario_id}, {"version", e.scenario_version}, {"hash", e.scenario_hash}};
    doc["model"] = e.model;
    doc["language"] = e.language;
    doc["mode"] = e.mode;
    doc["month"] = e.month;
    ordered dilemmas = ordered::array();
    for (const ExtractDilemma& d : e.dilemmas) {
        dilemmas.push_back(dilemma_object(d));
    }
    doc["dilemmas"] = std::move(dilemmas);
    return doc.dump() + "\n";
}

DecodedExtract decode_extract(std::string_view bytes) {
    DecodedExtract out;
    Diagnostics diagnostics("extract");
    detail::JsonDocument doc;
    if (!detail::parse_json_document(bytes, diagnostics, doc)) {
        out.problem = ExtractProblem::damaged;
        out.reason = "not JSON";
        return out;
    }
    const JsonValue& root = doc.root();
    const JsonValue* format = root.find("format");
    const std::string_view prefix = result_format_prefix;
    if (format == nullptr || format->as_string().substr(0, prefix.size()) != prefix) {
        out.problem = ExtractProblem::foreign;
        out.reason = "not a results extract";
        return out;
    }
    if (format->as_string() != result_format_id) {
        out.problem = ExtractProblem::newer_format;
        out.reason = "format `" + std::string(format->as_string().substr(0, 40)) +
                     "` is newer than " + result_format_id;
        return out;
    }
    try {
        out.extract = read_extract(root);
    } catch (const Invalid& e) {
        out.problem = ExtractProblem::invalid;
        out.reason = e.reason;
    }
    return out;
}

}  // namespace deliberate
