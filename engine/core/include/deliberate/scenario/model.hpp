// A judgement model: the ordered steps a participant walks through at a dilemma.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "deliberate/scenario/localised_text.hpp"

namespace deliberate {

enum class InputKind { info, text, select, multiselect, rank, scale, checks, arguments, choice };
// Where a select, multiselect or rank step takes its candidates from.
enum class CandidateSource { none, stakeholders, values, options, items };

const char* input_kind_name(InputKind k);
const char* candidate_source_name(CandidateSource s);

struct ScaleSpec {
    int min = 1;
    int max = 5;
    LocalisedText min_label;
    LocalisedText max_label;
};

struct CheckSpec {
    std::string id;
    LocalisedText label;
};

struct ModelStep {
    std::string id;
    LocalisedText title;
    LocalisedText prompt;
    LocalisedText guidance;
    InputKind input = InputKind::info;
    CandidateSource from = CandidateSource::none;
    bool optional = false;
    ScaleSpec scale;
    std::vector<CheckSpec> checks;
};

struct JudgementModel {
    std::string file;
    std::string id;
    LocalisedText title;
    LocalisedText summary;
    std::string source;
    std::vector<std::string> languages;  // languages every text of the model has
    std::vector<ModelStep> steps;
    std::size_t choice_step = 0;  // index of the one `choice` step

    const ModelStep* find_step(const std::string& step_id) const;
};

}  // namespace deliberate
