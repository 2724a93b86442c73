// Extracts to and from JSON. Reading takes a file from a shared folder that anyone may have
// written to: every member is checked for its type and every id for its shape, and anything
// else is a reason to skip the file, never to stop.
#include <nlohmann/json.hpp>

#include "deliberate/results/extract.hpp"

namespace deliberate {

namespace {

using ordered = nlohmann::ordered_json;
using json = nlohmann::json;

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

const json& member(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) {
        throw Invalid{std::string("no `") + key + "`"};
    }
    return *it;
}

std::string id_member(const json& object, const char* key) {
    const json& value = member(object, key);
    if (!value.is_string() || !is_extract_id(value.get_ref<const std::string&>())) {
        throw Invalid{std::string("`") + key + "` is not an id"};
    }
    return value.get<std::string>();
}

int count_value(const json& value, const char* what, int max) {
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() > static_cast<unsigned>(max)) {
        throw Invalid{std::string("`") + what + "` is not a whole number from 0 to " +
                      std::to_string(max)};
    }
    return value.get<int>();
}

ExtractSetting read_setting(const json& object) {
    const json& factors = member(object, "factors");
    if (!factors.is_object()) {
        throw Invalid{"`factors` is not an object"};
    }
    ExtractSetting out;
    for (const auto& [id, value] : factors.items()) {
        if (!is_extract_id(id) || !value.is_string() ||
            !is_extract_id(value.get_ref<const std::string&>())) {
            throw Invalid{"`factors` holds something other than ids"};
        }
        out.emplace_back(id, value.get<std::string>());
    }
    std::sort(out.begin(), out.end());
    return out;
}

ExtractAnswer read_answer(const json& object) {
    if (!object.is_object()) {
        throw Invalid{"an answer is not an object"};
    }
    ExtractAnswer a;
    a.step = id_member(object, "step");
    if (const auto picks = object.find("picks"); picks != object.end()) {
        if (!picks->is_array() || picks->size() > 64) {
            throw Invalid{"`picks` is not a list of ids"};
        }
        for (const json& pick : *picks) {
            if (!pick.is_string() || !is_extract_id(pick.get_ref<const std::string&>())) {
                throw Invalid{"`picks` is not a list of ids"};
            }
            a.picks.push_back(pick.get<std::string>());
        }
    }
    if (const auto scale = object.find("scale"); scale != object.end()) {
        if (!scale->is_number_integer() || std::llabs(scale->get<long long>()) > 1000) {
            throw Invalid{"`scale` is not a whole number"};
        }
        a.scale = scale->get<int>();
    }
    if (const auto skipped = object.find("skipped"); skipped != object.end()) {
        if (!skipped->is_boolean()) {
            throw Invalid{"`skipped` is not true or false"};
        }
        a.skipped = skipped->get<bool>();
    }
    if (const auto seconds = object.find("seconds"); seconds != object.end()) {
        a.seconds = count_value(*seconds, "seconds", 900);
    }
    return a;
}

ExtractVote read_vote(const json& object) {
    if (!object.is_object()) {
        throw Invalid{"a vote is not an object"};
    }
    ExtractVote v;
    const json& round = member(object, "round");
    if (round != "first" && round != "final") {
        throw Invalid{"`round` is neither `first` nor `final`"};
    }
    v.round = round.get<std::string>();
    v.factors = read_setting(object);
    const json& counts = member(object, "counts");
    if (!counts.is_object()) {
        throw Invalid{"`counts` is not an object"};
    }
    for (const auto& [option, n] : counts.items()) {
        if (!is_extract_id(option)) {
            throw Invalid{"`counts` holds something other than option ids"};
        }
        v.counts.emplace_back(option, count_value(n, "counts", 100000));
    }
    std::sort(v.counts.begin(), v.counts.end());
    return v;
}

ExtractDilemma read_dilemma(const json& object) {
    if (!object.is_object()) {
        throw Invalid{"a dilemma is not an object"};
    }
    ExtractDilemma d;
    d.node = id_member(object, "node");
    d.choice = id_member(object, "choice");
    d.factors = read_setting(object);
    if (const auto answers = object.find("answers"); answers != object.end()) {
        if (!answers->is_array()) {
            throw Invalid{"`answers` is not a list"};
        }
        for (const json& a : *answers) {
            d.answers.push_back(read_answer(a));
        }
    }
    if (const auto votes = object.find("votes"); votes != object.end()) {
        if (!votes->is_array()) {
            throw Invalid{"`votes` is not a list"};
        }
        for (const json& v : *votes) {
            d.votes.push_back(read_vote(v));
        }
    }
    return d;
}

ResultExtract read_extract(const json& doc) {
    ResultExtract e;
    e.id = id_member(doc, "id");
    if (e.id.size() != 34 || e.id.compare(0, 2, "r-") != 0) {
        throw Invalid{"`id` is not an extract id"};
    }
    e.engine_version = id_member(doc, "engine");
    const json& scenario = member(doc, "scenario");
    if (!scenario.is_object()) {
        throw Invalid{"`scenario` is not an object"};
    }
    e.scenario_id = id_member(scenario, "id");
    e.scenario_version = id_member(scenario, "version");
    const json& hash = member(scenario, "hash");
    if (!hash.is_string() || !is_content_hash(hash.get_ref<const std::string&>())) {
        throw Invalid{"`scenario.hash` is not a content hash"};
    }
    e.scenario_hash = hash.get<std::string>();
    e.model = id_member(doc, "model");
    e.language = id_member(doc, "language");
    const json& mode = member(doc, "mode");
    if (mode != "practice" && mode != "workshop") {
        throw Invalid{"`mode` is neither `practice` nor `workshop`"};
    }
    e.mode = mode.get<std::string>();
    const json& month = member(doc, "month");
    if (!month.is_string() || !is_month(month.get_ref<const std::string&>())) {
        throw Invalid{"`month` is not YYYY-MM"};
    }
    e.month = month.get<std::string>();
    const json& dilemmas = member(doc, "dilemmas");
    if (!dilemmas.is_array()) {
        throw Invalid{"`dilemmas` is not a list"};
    }
    for (const json& d : dilemmas) {
        e.dilemmas.push_back(read_dilemma(d));
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
    const json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (doc.is_discarded()) {
        out.problem = ExtractProblem::damaged;
        out.reason = "not JSON";
        return out;
    }
    const auto format = doc.is_object() ? doc.find("format") : doc.end();
    const std::string prefix = result_format_prefix;
    if (!doc.is_object() || format == doc.end() || !format->is_string() ||
        format->get_ref<const std::string&>().compare(0, prefix.size(), prefix) != 0) {
        out.problem = ExtractProblem::foreign;
        out.reason = "not a results extract";
        return out;
    }
    if (*format != result_format_id) {
        out.problem = ExtractProblem::newer_format;
        out.reason =
            "format `" + format->get<std::string>() + "` is newer than " + result_format_id;
        return out;
    }
    try {
        out.extract = read_extract(doc);
    } catch (const Invalid& e) {
        out.problem = ExtractProblem::invalid;
        out.reason = e.reason;
    } catch (const json::exception& e) {
        out.problem = ExtractProblem::invalid;
        out.reason = "a member of the wrong type";
    }
    return out;
}

}  // namespace deliberate
