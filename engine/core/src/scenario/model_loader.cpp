// Building judgement models (`deliberate/model@1`) and value catalogues
// (`deliberate/values@1`) from JSON.
#include <algorithm>
#include <unordered_set>

#include "json/json_reader.hpp"
#include "scenario/loaders.hpp"
#include "scenario/name_hints.hpp"

namespace deliberate::detail {

namespace {

const std::vector<std::string> input_kinds = {"info",  "text",   "select",    "multiselect", "rank",
                                              "scale", "checks", "arguments", "choice"};
const std::vector<std::string> candidate_sources = {"stakeholders", "values", "options", "items"};

bool takes_candidates(InputKind k) {
    return k == InputKind::select || k == InputKind::multiselect || k == InputKind::rank;
}

// Model texts are keyed by language; the languages are those of the title.
void read_model_languages(const JsonValue& root, JsonReader& reader) {
    const JsonValue* title = root.find("title");
    if (title == nullptr || !title->is_object()) {
        return;
    }
    for (const auto& [lang, text] : title->members()) {
        reader.languages.emplace_back(lang);
    }
}

void read_scale(const JsonValue& step, const Path& path, ModelStep& out, JsonReader& reader) {
    const JsonValue* scale = reader.field(step, path, "scale", false);
    if (scale == nullptr) {
        return;
    }
    const Path scale_path = path / "scale";
    if (!reader.expect_object(*scale, scale_path, "an object {\"min\": 1, \"max\": 5}")) {
        return;
    }
    reader.check_fields(*scale, scale_path, {"min", "max", "labels"});
    for (const char* bound : {"min", "max"}) {
        const JsonValue* value = reader.field(*scale, scale_path, bound, true);
        if (value == nullptr) {
            continue;
        }
        if (!value->is_number_integer()) {
            reader.wrong_type(*value, scale_path / bound, "a whole number");
            continue;
        }
        const auto number = value->as_integer();
        if (number < -100 || number > 100) {
            reader.diag.error("F007", (scale_path / bound).str(),
                              "scale bounds lie between -100 and 100");
            continue;
        }
        (std::string_view(bound) == "min" ? out.scale.min : out.scale.max) =
            static_cast<int>(number);
    }
    if (out.scale.min >= out.scale.max) {
        reader.diag.error("F010", scale_path.str(), "the scale's `min` must be below its `max`");
    }
    if (const JsonValue* labels = reader.field(*scale, scale_path, "labels", false)) {
        const Path labels_path = scale_path / "labels";
        if (reader.expect_object(*labels, labels_path,
                                 "an object {\"min\": text, \"max\": text}")) {
            reader.check_fields(*labels, labels_path, {"min", "max"});
            out.scale.min_label = reader.text_field(*labels, labels_path, "min", true);
            out.scale.max_label = reader.text_field(*labels, labels_path, "max", true);
        }
    }
}

void read_checks(const JsonValue& step, const Path& path, ModelStep& out, JsonReader& reader) {
    const JsonValue* checks = reader.field(step, path, "checks", false);
    if (checks == nullptr) {
        return;
    }
    const Path checks_path = path / "checks";
    if (!reader.expect_array(*checks, checks_path, "a list of checks")) {
        return;
    }
    std::unordered_set<std::string> ids;  // a hash set: a hostile file may list very many
    for (std::size_t i = 0; i < checks->size(); ++i) {
        const JsonValue& check = (*checks)[i];
        const Path check_path = checks_path[i];
        if (!reader.expect_object(check, check_path, "a check {\"id\", \"label\"}")) {
            continue;
        }
        reader.check_fields(check, check_path, {"id", "label"});
        CheckSpec spec;
        spec.id = reader.id_field(check, check_path, "id", true).value_or("");
        spec.label = reader.text_field(check, check_path, "label", true);
        if (!spec.id.empty() && !ids.insert(spec.id).second) {
            reader.diag.error("F006", (check_path / "id").str(),
                              "duplicate check id `" + spec.id + "`");
        }
        out.checks.push_back(std::move(spec));
    }
}

ModelStep read_step(const JsonValue& step, const Path& path, JsonReader& reader) {
    ModelStep out;
    reader.check_fields(
        step, path,
        {"id", "title", "prompt", "guidance", "input", "from", "optional", "scale", "checks"});
    out.id = reader.id_field(step, path, "id", true).value_or("");
    out.title = reader.text_field(step, path, "title", true);
    out.prompt = reader.text_field(step, path, "prompt", true);
    out.guidance = reader.text_field(step, path, "guidance", false);
    out.optional = reader.bool_field(step, path, "optional").value_or(false);
    const auto input = reader.string_field(step, path, "input", true);
    if (input) {
        const auto kind = std::find(input_kinds.begin(), input_kinds.end(), *input);
        if (kind == input_kinds.end()) {
            reader.diag.error("F007", (path / "input").str(), "unknown input kind `" + *input + "`",
                              name_hint(*input, input_kinds, "one of " + quoted_list(input_kinds)));
        } else {
            out.input = static_cast<InputKind>(kind - input_kinds.begin());
        }
    }
    if (const auto from = reader.string_field(step, path, "from", false)) {
        const auto source = std::find(candidate_sources.begin(), candidate_sources.end(), *from);
        if (source == candidate_sources.end()) {
            reader.diag.error(
                "F007", (path / "from").str(), "unknown source `" + *from + "`",
                name_hint(*from, candidate_sources, "one of " + quoted_list(candidate_sources)));
        } else {
            out.from = static_cast<CandidateSource>(source - candidate_sources.begin() + 1);
        }
    }
    read_scale(step, path, out, reader);
    read_checks(step, path, out, reader);
    if (!input) {
        return out;
    }
    // What each input kind needs, and what it cannot use.
    const std::string kind = *input;
    if (takes_candidates(out.input) && out.from == CandidateSource::none &&
        !step.contains("from")) {
        reader.diag.error("F010", (path / "from").str(),
                          "a `" + kind + "` step needs `from`: where its candidates come from",
                          "one of " + quoted_list(candidate_sources));
    }
    if (out.input == InputKind::checks && out.checks.empty() &&
        out.from != CandidateSource::items) {
        reader.diag.error("F010", (path / "checks").str(),
                          "a `checks` step needs `checks` (or `from: \"items\"`)");
    }
    if (!takes_candidates(out.input) && out.input != InputKind::checks && step.contains("from")) {
        reader.diag.error("F010", (path / "from").str(),
                          "`from` is only for select, multiselect, rank and checks steps");
    }
    if (out.input == InputKind::scale && !step.contains("scale")) {
        reader.diag.error("F010", (path / "scale").str(),
                          "a `scale` step needs `scale`: its bounds",
                          "e.g. \"scale\": {\"min\": 1, \"max\": 5}");
    }
    if (out.input == InputKind::checks && step.contains("from") &&
        out.from != CandidateSource::items && out.from != CandidateSource::none) {
        reader.diag.error("F010", (path / "from").str(),
                          "a `checks` step takes its checks from `checks` or from the dilemma's "
                          "`items`, not from " +
                              std::string(candidate_source_name(out.from)));
    }
    if (out.input != InputKind::scale && step.contains("scale")) {
        reader.diag.error("F010", (path / "scale").str(), "`scale` is only for `scale` steps");
    }
    if (out.input != InputKind::checks && step.contains("checks")) {
        reader.diag.error("F010", (path / "checks").str(), "`checks` is only for `checks` steps");
    }
    if (out.input == InputKind::choice && out.optional) {
        reader.diag.error("F010", (path / "optional").str(),
                          "the `choice` step cannot be optional: it decides where play goes");
    }
    return out;
}

}  // namespace

std::shared_ptr<JudgementModel> build_model(const JsonValue& root, Diagnostics& diagnostics) {
    if (!check_format(root, diagnostics, model_format)) {
        return nullptr;
    }
    JsonReader reader(diagnostics);
    reader.plain_strings_allowed = false;
    read_model_languages(root, reader);
    const Path path = Path::root();
    reader.check_fields(root, path,
                        {"$schema", "format", "id", "title", "summary", "source", "steps"});

    auto model = std::make_shared<JudgementModel>();
    model->file = diagnostics.file();
    model->languages = reader.languages;
    model->id = reader.id_field(root, path, "id", true).value_or("");
    model->title = reader.text_field(root, path, "title", true);
    model->summary = reader.text_field(root, path, "summary", false);
    if (auto source = reader.string_field(root, path, "source", true)) {
        if (source->find_first_not_of(" \t\n") == std::string::npos) {
            diagnostics.error("F007", (path / "source").str(),
                              "`source` must cite the method the model follows");
        }
        model->source = std::move(*source);
    }
    const JsonValue* steps = reader.field(root, path, "steps", true);
    if (steps != nullptr && reader.expect_array(*steps, path / "steps", "a list of steps")) {
        const Path steps_path = path / "steps";
        std::vector<std::size_t> choices;
        std::unordered_set<std::string> ids;
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const JsonValue& step = (*steps)[i];
            if (!reader.expect_object(step, steps_path[i], "a step object")) {
                continue;
            }
            ModelStep built = read_step(step, steps_path[i], reader);
            if (!built.id.empty() && !ids.insert(built.id).second) {
                diagnostics.error("F006", (steps_path[i] / "id").str(),
                                  "duplicate step id `" + built.id + "`");
            }
            if (built.input == InputKind::choice) {
                choices.push_back(model->steps.size());
            }
            model->steps.push_back(std::move(built));
        }
        if (choices.size() != 1) {
            diagnostics.error("F009", steps_path.str(),
                              "a model needs exactly one `choice` step; this one has " +
                                  std::to_string(choices.size()),
                              "the `choice` step is where the participant picks an option");
        } else {
            model->choice_step = choices.front();
        }
    }
    return diagnostics.has_errors() ? nullptr : model;
}

std::shared_ptr<ValueCatalogue> build_values(const JsonValue& root, Diagnostics& diagnostics) {
    if (!check_format(root, diagnostics, values_format)) {
        return nullptr;
    }
    JsonReader reader(diagnostics);
    reader.plain_strings_allowed = false;
    const Path path = Path::root();
    reader.check_fields(root, path, {"$schema", "format", "values"});
    auto catalogue = std::make_shared<ValueCatalogue>();
    catalogue->file = diagnostics.file();
    const JsonValue* values = reader.field(root, path, "values", true);
    if (values == nullptr || !reader.expect_array(*values, path / "values", "a list of values")) {
        return nullptr;
    }
    const Path values_path = path / "values";
    std::unordered_set<std::string> ids;
    for (std::size_t i = 0; i < values->size(); ++i) {
        const JsonValue& value = (*values)[i];
        const Path value_path = values_path[i];
        if (!reader.expect_object(value, value_path,
                                  "a value {\"id\", \"label\", \"description\"}")) {
            continue;
        }
        if (reader.languages.empty()) {
            // The first value's label sets the languages the catalogue must have throughout.
            if (const JsonValue* label = value.find("label");
                label != nullptr && label->is_object()) {
                for (const auto& [lang, text] : label->members()) {
                    reader.languages.emplace_back(lang);
                }
            }
        }
        reader.check_fields(value, value_path, {"id", "label", "description"});
        MoralValue entry;
        entry.id = reader.id_field(value, value_path, "id", true).value_or("");
        entry.label = reader.text_field(value, value_path, "label", true);
        entry.description = reader.text_field(value, value_path, "description", true);
        if (!entry.id.empty() && !ids.insert(entry.id).second) {
            diagnostics.error("F006", (value_path / "id").str(),
                              "duplicate value id `" + entry.id + "`");
        }
        catalogue->values.push_back(std::move(entry));
    }
    return diagnostics.has_errors() ? nullptr : catalogue;
}

}  // namespace deliberate::detail
