// An anonymous results extract (`deliberate/result@1`): what one finished session or one
// workshop contributes to the organisation's figures. Only ids, numbers and the month: no free
// text, no name, no participant id, no machine, no exact time (see docs/results.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "deliberate/journal/journal.hpp"
#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

inline constexpr const char* result_format_id = "deliberate/result@1";
inline constexpr const char* result_format_prefix = "deliberate/result@";

// Factor id to value id, sorted by factor id, so that equal settings compare equal.
using ExtractSetting = std::vector<std::pair<std::string, std::string>>;

struct ExtractAnswer {
    std::string step;
    std::vector<std::string> picks;  // candidate or check ids, in the order given
    std::optional<int> scale;
    bool skipped = false;        // an optional step passed with no answer
    std::optional<int> seconds;  // time spent on the step, rounded to 5 s, at most 900
};

struct ExtractVote {
    std::string round;  // "first" or "final"
    ExtractSetting factors;
    std::vector<std::pair<std::string, int>> counts;  // option id to hands
};

struct ExtractDilemma {
    std::string node;
    std::string choice;                  // the option taken (a workshop: the group's branch)
    ExtractSetting factors;              // the setting the choice was made under
    std::vector<ExtractAnswer> answers;  // practice only: a workshop discusses aloud
    std::vector<ExtractVote> votes;      // workshops only
};

struct ResultExtract {
    std::string id;  // random, unrelated to the participant: tells duplicates apart
    std::string engine_version;
    std::string scenario_id;
    std::string scenario_version;
    std::string scenario_hash;
    std::string model;
    std::string language;
    std::string mode;   // "practice" or "workshop"
    std::string month;  // YYYY-MM, UTC
    std::vector<ExtractDilemma> dilemmas;
};

// A fresh extract id: "r-" and 32 random hex digits.
std::string new_extract_id();

// The extract of a finished session: every id is checked against `scenario`, and whatever
// it does not know (or any text) is left out. Nullopt when the journal has no header or the
// session did not reach an ending. A terminal play counts as practice.
std::optional<ResultExtract> build_extract(const Scenario& scenario, const JournalScan& scan);

// One line of JSON, members in a fixed order, ending with a newline.
std::string encode_extract(const ResultExtract& extract);

enum class ExtractProblem { none, damaged, foreign, newer_format, invalid };
const char* extract_problem_name(ExtractProblem problem);

struct DecodedExtract {
    std::optional<ResultExtract> extract;
    ExtractProblem problem = ExtractProblem::none;
    std::string reason;
};

// Reads an extract from untrusted bytes: never throws. Damaged: not JSON; foreign: JSON
// without a `deliberate/result@` format; newer: a later version of the format; invalid: the
// right format with a member missing, of the wrong type, or not an id where one belongs.
DecodedExtract decode_extract(std::string_view bytes);

// Whether `text` may stand in an extract as an id: 1 to 64 of a-z A-Z 0-9 - _ .
bool is_extract_id(std::string_view text);
// YYYY-MM with a month 01 to 12.
bool is_month(std::string_view text);
// A scenario's content hash as the journal writes it: "fnv1a64:" and hex digits.
bool is_content_hash(std::string_view text);

}  // namespace deliberate
