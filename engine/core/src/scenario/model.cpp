// Names of model input kinds and lookups on judgement models.
#include "deliberate/scenario/model.hpp"

namespace deliberate {

const char* input_kind_name(InputKind k) {
    switch (k) {
        case InputKind::info:
            return "info";
        case InputKind::text:
            return "text";
        case InputKind::select:
            return "select";
        case InputKind::multiselect:
            return "multiselect";
        case InputKind::rank:
            return "rank";
        case InputKind::scale:
            return "scale";
        case InputKind::checks:
            return "checks";
        case InputKind::arguments:
            return "arguments";
        case InputKind::choice:
            return "choice";
    }
    return "input";
}

const char* candidate_source_name(CandidateSource s) {
    switch (s) {
        case CandidateSource::none:
            return "none";
        case CandidateSource::stakeholders:
            return "stakeholders";
        case CandidateSource::values:
            return "values";
        case CandidateSource::options:
            return "options";
        case CandidateSource::items:
            return "items";
    }
    return "none";
}

const ModelStep* JudgementModel::find_step(const std::string& step_id) const {
    for (const auto& step : steps) {
        if (step.id == step_id) {
            return &step;
        }
    }
    return nullptr;
}

}  // namespace deliberate
