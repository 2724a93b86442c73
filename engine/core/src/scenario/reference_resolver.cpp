// Resolving a scenario's references once all its nodes are read; see reference_resolver.hpp.
#include "scenario/reference_resolver.hpp"

#include <algorithm>
#include <unordered_set>

#include "json/json_document.hpp"
#include "json/json_reader.hpp"
#include "scenario/loaders.hpp"
#include "scenario/name_hints.hpp"

namespace deliberate::detail {

namespace fs = std::filesystem;

void ReferenceResolver::resolve_nodes(const std::string& start_id) {
    std::vector<std::string> ids;  // for hints, gathered at the first unknown id
    const auto suggest = [&](const std::string& id) {
        if (ids.empty()) {
            ids = ids_of(scenario.nodes);
        }
        return name_hint(id, ids, "");
    };
    const auto resolve = [&](const std::string& target, std::size_t& slot, const auto& pointer) {
        if (target.empty()) {
            return;  // already reported as missing or invalid
        }
        if (const auto found = node_index.find(target); found != node_index.end()) {
            slot = found->second;
            return;
        }
        diag.error("R001", pointer(), "no node has id `" + target + "`", suggest(target));
    };
    std::size_t start = no_node;
    if (!scenario.nodes.empty()) {  // with no nodes, that is the problem to report
        resolve(start_id, start, [] { return std::string("/start"); });
    }
    scenario.start = start == no_node ? 0 : start;
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        Node& node = scenario.nodes[i];
        const PendingNode& refs = pending[i];
        // Pointers are written only for the diagnostics that need them.
        const auto node_pointer = [&] { return "/nodes/" + std::to_string(i); };
        resolve(refs.next, node.next, [&] { return node_pointer() + "/next"; });
        for (std::size_t b = 0; b < node.branches.size(); ++b) {
            resolve(refs.branch_next[b], node.branches[b].next,
                    [&] { return node_pointer() + "/branches/" + std::to_string(b) + "/next"; });
        }
        for (std::size_t o = 0; o < node.options.size(); ++o) {
            resolve(refs.option_next[o], node.options[o].next,
                    [&] { return node_pointer() + "/options/" + std::to_string(o) + "/next"; });
        }
    }
}

void ReferenceResolver::resolve_model(const std::string& model_id) {
    if (model_id.empty()) {
        return;
    }
    std::vector<fs::path> candidates;
    if (!base_dir.empty()) {
        candidates.push_back(base_dir / "models" / (model_id + ".json"));
    }
    if (!options.shipped_models_dir.empty()) {
        candidates.push_back(options.shipped_models_dir / (model_id + ".json"));
    }
    std::error_code ec;
    for (const auto& candidate : candidates) {
        if (!fs::is_regular_file(candidate, ec)) {
            continue;
        }
        scenario.model = usable_model(candidate, model_id);
        if (scenario.model != nullptr) {
            for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
                if (scenario.nodes[i].kind == NodeKind::dilemma) {
                    check_dilemma_steps(i);
                }
            }
        }
        return;
    }
    std::string looked;
    for (const auto& candidate : candidates) {
        looked += (looked.empty() ? "" : ", ") + candidate.string();
    }
    diag.error("R002", "/model", "no judgement model `" + model_id + "`",
               looked.empty() ? "no models folder is known; set DELIBERATE_MODELS"
                              : "looked for " + looked);
}

// The model in `file` when it loads, is the one named, and speaks the scenario's languages;
// else null, with the reason reported.
std::shared_ptr<const JudgementModel> ReferenceResolver::usable_model(const fs::path& file,
                                                                      const std::string& model_id) {
    auto loaded = load_model_file(file);
    if (!loaded.ok()) {
        const auto errors = std::count_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                                          [](auto& d) { return d.severity == Severity::error; });
        diag.error("R006", "/model",
                   "judgement model `" + model_id + "` (" + file.string() + ") has " +
                       std::to_string(errors) + (errors == 1 ? " error" : " errors"),
                   "run: deliberate validate " + file.string());
        return nullptr;
    }
    if (loaded.value->id != model_id) {
        diag.error("R006", "/model",
                   "file " + file.string() + " holds model `" + loaded.value->id + "`, not `" +
                       model_id + "`",
                   "a model file is named after its id");
        return nullptr;
    }
    std::vector<std::string> missing;
    for (const auto& lang : scenario.languages) {
        if (std::find(loaded.value->languages.begin(), loaded.value->languages.end(), lang) ==
            loaded.value->languages.end()) {
            missing.push_back(lang);
        }
    }
    if (!missing.empty()) {
        diag.error(
            "T001", "/model",
            "judgement model `" + model_id + "` has no text in " + quoted_list(missing, "and"),
            "add the translations to " + file.string());
        return nullptr;
    }
    return loaded.value;
}

void ReferenceResolver::check_dilemma_steps(std::size_t node_index) {
    Node& node = scenario.nodes[node_index];
    const std::string node_pointer = "/nodes/" + std::to_string(node_index);
    select_walked_steps(node, pending[node_index], node_pointer);
    check_step_contents(node, node_pointer);
    check_step_sources(node, node_pointer);
}

void ReferenceResolver::unknown_step(const std::string& id, const std::string& pointer) {
    const JudgementModel& model = *scenario.model;
    const std::vector<std::string> step_ids = ids_of(model.steps);
    diag.error("R005", pointer, "model `" + model.id + "` has no step `" + id + "`",
               name_hint(id, step_ids, "its steps: " + quoted_list(step_ids)));
}

// Walks the model's order; `model_steps` only selects, and the choice is always walked.
void ReferenceResolver::select_walked_steps(Node& node, const PendingNode& refs,
                                            const std::string& node_pointer) {
    const JudgementModel& model = *scenario.model;
    for (std::size_t k = 0; k < refs.model_steps.size(); ++k) {
        if (!model.find_step(refs.model_steps[k])) {
            unknown_step(refs.model_steps[k], node_pointer + "/model_steps/" + std::to_string(k));
        }
    }
    for (std::size_t s = 0; s < model.steps.size(); ++s) {
        const bool listed = std::find(refs.model_steps.begin(), refs.model_steps.end(),
                                      model.steps[s].id) != refs.model_steps.end();
        if (!refs.has_model_steps || listed || s == model.choice_step) {
            node.walked_steps.push_back(s);
        }
    }
}

// Content given for a step must be for a step of the model that this dilemma walks, and its
// items are shown only by a step that lists items.
void ReferenceResolver::check_step_contents(const Node& node, const std::string& node_pointer) {
    const JudgementModel& model = *scenario.model;
    const auto walked = [&](const std::string& id) {
        return std::any_of(node.walked_steps.begin(), node.walked_steps.end(),
                           [&](std::size_t s) { return model.steps[s].id == id; });
    };
    for (const auto& content : node.steps) {
        const std::string pointer =
            node_pointer + "/steps/" + escape_pointer_token(content.step_id);
        const ModelStep* step = model.find_step(content.step_id);
        if (step == nullptr) {
            unknown_step(content.step_id, pointer);
            continue;
        }
        if (!walked(content.step_id)) {
            diag.warning("W009", pointer,
                         "content for step `" + content.step_id +
                             "`, which this dilemma's `model_steps` leaves out");
        }
        if (!content.items.empty() && step->from != CandidateSource::items) {
            diag.warning("W008", pointer + "/items",
                         step->from == CandidateSource::none
                             ? "step `" + step->id + "` (" + input_kind_name(step->input) +
                                   ") shows no candidates, so these items are not shown"
                             : "step `" + step->id + "` takes its candidates from " +
                                   candidate_source_name(step->from) +
                                   ", so these items are not shown");
        }
    }
}

// Each walked step that lists candidates must find some: the dilemma's items, or the
// scenario's stakeholders or values.
void ReferenceResolver::check_step_sources(const Node& node, const std::string& node_pointer) {
    const JudgementModel& model = *scenario.model;
    for (const std::size_t s : node.walked_steps) {
        const ModelStep& step = model.steps[s];
        const StepContent* content = node.step_content(step.id);
        if (step.from == CandidateSource::items && (content == nullptr || content->items.empty())) {
            diag.error("R007", node_pointer + "/steps",
                       "step `" + step.id + "` lists this dilemma's items, but it gives none",
                       "add \"" + step.id + "\": {\"items\": [{\"id\": ..., \"label\": ...}]}");
        }
        if (step.from == CandidateSource::stakeholders && scenario.stakeholders.empty()) {
            diag.error(
                "R009", node_pointer,
                "step `" + step.id + "` lists the scenario's stakeholders, but it declares none",
                "add `stakeholders` to the scenario");
        }
        if (step.from == CandidateSource::values && scenario.values.empty()) {
            diag.error("R009", node_pointer,
                       "step `" + step.id + "` lists the scenario's values, but it declares none",
                       "add `values` to the scenario");
        }
    }
}

void ReferenceResolver::check_values() {
    bool any = !scenario.values.empty();
    for (const auto& node : scenario.nodes) {
        for (const auto& option : node.options) {
            any = any || !option.values.empty();
        }
    }
    if (!any) {
        return;
    }
    fs::path file = base_dir.empty() ? fs::path() : base_dir / "values.json";
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec)) {
        file = options.shipped_values_file;
    }
    if (file.empty() || !fs::is_regular_file(file, ec)) {
        diag.error("R008", "/values", "no value catalogue found",
                   "put a values.json beside the scenario, or install Deliberate's scenarios/");
        return;
    }
    const auto catalogue = load_values_file(file);
    if (!catalogue.ok()) {
        diag.error("R008", "/values", "the value catalogue " + file.string() + " has errors",
                   "run: deliberate validate " + file.string());
        return;
    }
    scenario.value_catalogue = catalogue.value;
    const std::vector<std::string> ids = ids_of(catalogue.value->values);
    const std::unordered_set<std::string> known(ids.begin(), ids.end());
    const auto check = [&](const std::string& id, const std::string& pointer) {
        if (known.count(id) == 0) {
            diag.error("R003", pointer, "`" + id + "` is not in the value catalogue",
                       name_hint(id, ids, "see " + file.string() + " for the values"));
        }
    };
    for (std::size_t i = 0; i < scenario.values.size(); ++i) {
        check(scenario.values[i], "/values/" + std::to_string(i));
    }
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        const auto& node_options = scenario.nodes[n].options;
        for (std::size_t o = 0; o < node_options.size(); ++o) {
            for (std::size_t v = 0; v < node_options[o].values.size(); ++v) {
                check(node_options[o].values[v], "/nodes/" + std::to_string(n) + "/options/" +
                                                     std::to_string(o) + "/values/" +
                                                     std::to_string(v));
            }
        }
    }
}

}  // namespace deliberate::detail
