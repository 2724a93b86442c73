// Building a scenario (`deliberate/scenario@1`) from JSON: the streamed reading of its nodes,
// root fields, texts and placeholders, then references (reference_resolver.cpp), the node
// graph and assets (scenario_checks.cpp). Nodes are read in node_reader.cpp, conditions and
// effects in condition_reader.cpp. Everything found is reported; the scenario is returned only
// when clean.
#include <algorithm>
#include <memory>
#include <unordered_set>

#include "scenario/loaders.hpp"
#include "scenario/name_hints.hpp"
#include "scenario/scenario_builder.hpp"
#include "scenario/scenario_checks.hpp"

namespace deliberate::detail {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> context_fields = {"languages", "factors", "variables"};

// Two-letter ISO 639-1 codes, as the schema says: "nl", "en".
bool is_language_code(std::string_view code) {
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    return code.size() == 2 && lower(code[0]) && lower(code[1]);
}

bool is_version(std::string_view v) {
    int parts = 0;
    std::size_t i = 0;
    while (i < v.size()) {
        const std::size_t start = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') {
            ++i;
        }
        if (i == start) {
            return false;
        }
        ++parts;
        if (i < v.size()) {
            if (v[i] != '.') {
                return false;
            }
            ++i;
            if (i == v.size()) {
                return false;
            }
        }
    }
    return parts == 3;
}

// Diagnostics come out in this order, however the file is ordered or read.
enum Phase { root_fields, context, header, nodes, references, whole };

}  // namespace

void ScenarioBuilder::begin_nodes(const JsonValue& root) {
    began_ = true;
    for (const auto& key : context_fields) {
        if (root.contains(key)) {
            context_keys_.push_back(key);
        }
    }
    const Path path = Path::root();
    diag_.set_phase(context);
    read_languages(root, path);
    read_factors(root, path);
    read_variables(root, path);
    diag_.set_phase(nodes);
}

void ScenarioBuilder::node(std::size_t index, const JsonValue& element) {
    const Path root = Path::root();  // a named root: paths point at their parents
    const Path nodes_path = root / "nodes";
    const Path node_path = nodes_path[index];
    scenario_->nodes.emplace_back();
    pending_.emplace_back();
    Node& out = scenario_->nodes.back();
    read_node(element, node_path, out, pending_.back());
    if (out.id.empty()) {
        return;
    }
    const auto [first, inserted] = node_index_.try_emplace(out.id, index);
    if (!inserted) {
        diag_.error("F006", (node_path / "id").str(), "duplicate node id `" + out.id + "`",
                    "first used by /nodes/" + std::to_string(first->second));
    }
}

std::shared_ptr<Scenario> ScenarioBuilder::finish(const JsonValue& root) {
    if (needs_whole_tree_) {
        return nullptr;
    }
    const Path path = Path::root();
    const bool streamed = began_;
    if (streamed) {
        for (const auto& key : context_fields) {
            const bool known =
                std::find(context_keys_.begin(), context_keys_.end(), key) != context_keys_.end();
            if (!known && root.contains(key)) {
                needs_whole_tree_ = true;
                return nullptr;
            }
        }
    } else {
        begin_nodes(root);
    }
    scenario_->file = diag_.file();
    diag_.set_phase(root_fields);
    reader_.check_fields(root, path,
                         {"$schema", "format", "id", "version", "languages", "title", "summary",
                          "model", "tags", "duration_minutes", "audience", "factors", "variables",
                          "stakeholders", "values", "start", "nodes"});
    diag_.set_phase(header);
    read_header(root, path);
    read_stakeholders(root, path);
    scenario_->values = reader_.id_list_field(root, path, "values", false);
    diag_.set_phase(nodes);
    read_nodes(root, path, streamed);
    diag_.set_phase(references);
    ReferenceResolver references{*scenario_, diag_, base_dir_, options_, pending_, node_index_};
    references.resolve_nodes(start_);
    references.resolve_model(model_id_);
    references.check_values();
    check_organisation_placeholders(*scenario_, diag_, base_dir_, options_, org_placeholders_);
    diag_.set_phase(whole);
    const bool references_ok = !diag_.has_errors();
    ScenarioChecks checks{*scenario_, diag_, base_dir_, options_};
    if (references_ok) {
        checks.check_graph();
    }
    checks.check_assets();
    checks.warn_unused(factor_used_);
    return diag_.has_errors() ? nullptr : scenario_;
}

void ScenarioBuilder::read_languages(const JsonValue& root, const Path& path) {
    const JsonValue* languages = reader_.field(root, path, "languages", true);
    if (languages == nullptr ||
        !reader_.expect_array(*languages, path / "languages", "a list of language codes")) {
        return;
    }
    const Path list_path = path / "languages";
    if (languages->empty()) {
        diag_.error("F007", list_path.str(), "a scenario needs at least one language",
                    "e.g. [\"nl\", \"en\"]");
    }
    std::vector<std::string> codes;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < languages->size(); ++i) {
        const JsonValue& code = (*languages)[i];
        if (!code.is_string()) {
            reader_.wrong_type(code, list_path[i], "a language code such as \"nl\"");
            continue;
        }
        const std::string value(code.as_string());
        if (!is_language_code(value)) {
            diag_.error("F007", list_path[i].str(), "invalid language code `" + value + "`",
                        "use a two-letter code such as \"nl\" or \"en\"");
        } else if (!seen.insert(value).second) {
            diag_.error("F006", list_path[i].str(), "language `" + value + "` is listed twice");
        } else {
            codes.push_back(value);
        }
    }
    scenario_->languages = codes;
    reader_.languages = codes;
}

void ScenarioBuilder::read_header(const JsonValue& root, const Path& path) {
    scenario_->id = reader_.id_field(root, path, "id", true).value_or("");
    if (auto version = reader_.string_field(root, path, "version", true)) {
        if (!is_version(*version)) {
            diag_.error("F007", (path / "version").str(), "invalid version `" + *version + "`",
                        "write MAJOR.MINOR.PATCH, e.g. \"1.0.0\"");
        }
        scenario_->version = std::move(*version);
    }
    scenario_->title = reader_.text_field(root, path, "title", true);
    scenario_->summary = reader_.text_field(root, path, "summary", true);
    scenario_->tags = reader_.id_list_field(root, path, "tags", false);
    scenario_->audience = reader_.id_list_field(root, path, "audience", false);
    if (const JsonValue* duration = reader_.field(root, path, "duration_minutes", false)) {
        if (!duration->is_number_integer()) {
            reader_.wrong_type(*duration, path / "duration_minutes", "a whole number of minutes");
        } else if (duration->as_integer() <= 0 || duration->as_integer() > 24 * 60) {
            diag_.error("F007", (path / "duration_minutes").str(),
                        "`duration_minutes` must lie between 1 and 1440");
        } else {
            scenario_->duration_minutes = static_cast<int>(duration->as_integer());
        }
    }
    if (const auto model = reader_.id_field(root, path, "model", true)) {
        scenario_->model = nullptr;
        model_id_ = *model;
    }
    start_ = reader_.id_field(root, path, "start", true).value_or("");
}

void ScenarioBuilder::read_factors(const JsonValue& root, const Path& path) {
    const JsonValue* factors = reader_.field(root, path, "factors", false);
    if (factors == nullptr ||
        !reader_.expect_array(*factors, path / "factors", "a list of factors")) {
        return;
    }
    const Path list_path = path / "factors";
    std::unordered_set<std::string> factor_ids;
    for (std::size_t i = 0; i < factors->size(); ++i) {
        const JsonValue& factor = (*factors)[i];
        const Path factor_path = list_path[i];
        Factor out;
        if (reader_.expect_object(factor, factor_path, "a factor object")) {
            reader_.check_fields(factor, factor_path,
                                 {"id", "label", "description", "default", "values"});
            out.id = reader_.id_field(factor, factor_path, "id", true).value_or("");
            if (!out.id.empty() && !factor_ids.insert(out.id).second) {
                diag_.error("F006", (factor_path / "id").str(),
                            "duplicate factor id `" + out.id + "`");
            }
            out.label = reader_.text_field(factor, factor_path, "label", true);
            out.description = reader_.text_field(factor, factor_path, "description", false);
            read_factor_values(factor, factor_path, out);
            if (const auto chosen = reader_.id_field(factor, factor_path, "default", true)) {
                if (const auto index = out.find_value(*chosen)) {
                    out.default_value = *index;
                } else if (!out.values.empty()) {
                    diag_.error("R004", (factor_path / "default").str(),
                                "`" + *chosen + "` is not a value of factor `" + out.id + "`",
                                factor_value_hint(out, *chosen));
                }
            }
        }
        scenario_->factors.push_back(std::move(out));
    }
    factor_used_.assign(scenario_->factors.size(), false);
}

void ScenarioBuilder::read_factor_values(const JsonValue& factor, const Path& path, Factor& out) {
    const JsonValue* values = reader_.field(factor, path, "values", true);
    const Path values_path = path / "values";
    if (values == nullptr ||
        !reader_.expect_array(*values, values_path, "a list of factor values")) {
        return;
    }
    if (values->size() < 2) {
        diag_.error("F007", values_path.str(),
                    "a factor needs at least two values to switch between");
    }
    std::unordered_set<std::string> ids;
    for (std::size_t v = 0; v < values->size(); ++v) {
        const JsonValue& value = (*values)[v];
        if (!reader_.expect_object(value, values_path[v], "a factor value {\"id\", \"label\"}")) {
            continue;
        }
        reader_.check_fields(value, values_path[v], {"id", "label"});
        FactorValue fv;
        fv.id = reader_.id_field(value, values_path[v], "id", true).value_or("");
        if (!fv.id.empty() && !ids.insert(fv.id).second) {
            diag_.error("F006", (values_path[v] / "id").str(),
                        "duplicate value id `" + fv.id + "` in factor `" + out.id + "`");
        }
        fv.label = reader_.text_field(value, values_path[v], "label", true);
        out.values.push_back(std::move(fv));
    }
}

void ScenarioBuilder::read_variables(const JsonValue& root, const Path& path) {
    const JsonValue* variables = reader_.field(root, path, "variables", false);
    if (variables == nullptr ||
        !reader_.expect_object(*variables, path / "variables",
                               "an object of variable names and initial values")) {
        return;
    }
    const Path object_path = path / "variables";
    for (const auto& [name, initial] : variables->members()) {
        const Path variable_path = object_path / name;
        if (!is_valid_id(name)) {
            // reports why the name is invalid
            reader_.id_value(JsonValue::string(name), variable_path);
            continue;
        }
        Variable variable{std::string(name), false};
        if (initial.is_boolean()) {
            variable.initial = initial.as_bool();
        } else if (initial.is_number()) {
            variable.initial = initial.as_double();
        } else if (initial.is_string()) {
            variable.initial = std::string(initial.as_string());
        } else {
            reader_.wrong_type(initial, variable_path, "a number, true/false or a string");
            continue;
        }
        scenario_->variables.push_back(std::move(variable));
    }
}

void ScenarioBuilder::read_stakeholders(const JsonValue& root, const Path& path) {
    const JsonValue* stakeholders = reader_.field(root, path, "stakeholders", false);
    if (stakeholders == nullptr ||
        !reader_.expect_array(*stakeholders, path / "stakeholders", "a list of stakeholders")) {
        return;
    }
    has_stakeholders_field_ = true;
    const Path list_path = path / "stakeholders";
    std::unordered_set<std::string> ids;
    for (std::size_t i = 0; i < stakeholders->size(); ++i) {
        const JsonValue& item = (*stakeholders)[i];
        if (!reader_.expect_object(item, list_path[i], "a stakeholder object")) {
            continue;
        }
        reader_.check_fields(item, list_path[i], {"id", "label", "description", "relevant"});
        Stakeholder out;
        out.id = reader_.id_field(item, list_path[i], "id", true).value_or("");
        if (!out.id.empty() && !ids.insert(out.id).second) {
            diag_.error("F006", (list_path[i] / "id").str(),
                        "duplicate stakeholder id `" + out.id + "`");
        }
        out.label = reader_.text_field(item, list_path[i], "label", true);
        out.description = reader_.text_field(item, list_path[i], "description", false);
        out.relevant = reader_.bool_field(item, list_path[i], "relevant").value_or(false);
        scenario_->stakeholders.push_back(std::move(out));
    }
}

void ScenarioBuilder::read_nodes(const JsonValue& root, const Path& path, bool streamed) {
    const JsonValue* list = reader_.field(root, path, "nodes", true);
    if (list == nullptr || !reader_.expect_array(*list, path / "nodes", "a list of nodes")) {
        return;
    }
    if (list->empty()) {
        diag_.error("F007", (path / "nodes").str(), "a scenario needs at least one node");
    }
    if (!streamed) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            node(i, (*list)[i]);
        }
    }
}

void ScenarioBuilder::check_placeholders(std::string_view text, const Path& path) {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
        // Only `{word:` starts a placeholder; other braces are ordinary text.
        std::size_t i = open + 1;
        while (i < text.size() && letter(text[i])) {
            ++i;
        }
        if (i == open + 1 || i >= text.size() || text[i] != ':') {
            continue;
        }
        const std::string kind(text.substr(open + 1, i - open - 1));
        const std::size_t close = text.find('}', i);
        if (close == std::string::npos) {
            diag_.error("T002", path.str(), "placeholder `{" + kind + ":` is never closed",
                        "write {" + kind + ":ID}");
            return;
        }
        const std::string name(text.substr(i + 1, close - i - 1));
        const std::string written = "{" + kind + ":" + name + "}";
        if (kind == "factor" && name.empty()) {
            diag_.error("T002", path.str(), "placeholder " + written + " names no factor",
                        factor_hint(scenario_->factors, name));
        } else if (kind == "factor") {
            if (const auto factor = scenario_->find_factor(name)) {
                factor_used_[*factor] = true;
                continue;
            }
            diag_.error("T002", path.str(), "placeholder " + written + " names an unknown factor",
                        factor_hint(scenario_->factors, name));
        } else if (kind == "org") {
            // The organisation profile is found with the other references, after the nodes.
            org_placeholders_.push_back({name, path.str()});
        } else if (kind == "var") {
            if (scenario_->find_variable(name)) {
                continue;
            }
            const std::vector<std::string> names = variable_names(scenario_->variables);
            diag_.error("T002", path.str(), "placeholder " + written + " names an unknown variable",
                        name_hint(name, names,
                                  names.empty() ? "the scenario declares no `variables`"
                                                : "declared variables: " + quoted_list(names)));
        } else {
            std::string lower;
            for (const char c : kind) {
                lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            diag_.error("T002", path.str(), "unknown placeholder `" + written + "`",
                        lower == "factor" || lower == "var"
                            ? "placeholders are lower case: {" + lower + ":" + name + "}"
                            : "placeholders are {factor:ID}, {var:NAME} and {org:ID}");
        }
    }
}

bool check_format(const JsonValue& root, Diagnostics& diagnostics, std::string_view expected) {
    if (!root.is_object()) {
        diagnostics.error(
            "F003", {},
            std::string("the file must hold a JSON object, not ") +
                (root.is_array() ? "an array" : "a " + std::string(root.type_name())),
            "a Deliberate file starts with {\"format\": \"" + std::string(expected) + "\", ...}");
        return false;
    }
    const JsonValue* it = root.find("format");
    if (it == nullptr) {
        diagnostics.error("F002", "/format", "missing required field `format`",
                          "add \"format\": \"" + std::string(expected) + "\"");
        return false;
    }
    if (!it->is_string()) {
        diagnostics.error("F001", "/format",
                          "`format` must be the string \"" + std::string(expected) + "\"");
        return false;
    }
    const std::string format(it->as_string());
    if (format == expected) {
        return true;
    }
    const std::string family(expected.substr(0, expected.find('@') + 1));
    if (format.starts_with(family)) {
        diagnostics.error("F001", "/format",
                          "this version of Deliberate reads `" + std::string(expected) +
                              "`, not `" + format + "`",
                          "update Deliberate to open newer files");
    } else {
        diagnostics.error(
            "F001", "/format",
            "expected format `" + std::string(expected) + "`, found `" + format + "`");
    }
    return false;
}

std::shared_ptr<Scenario> load_scenario_bytes(std::string_view bytes, Diagnostics& diagnostics,
                                              const fs::path& base_dir,
                                              const LoadOptions& options) {
    // The builder reports into its own list: when parsing fails, or the file is no scenario,
    // what it met on the way is beside the point.
    Diagnostics found(diagnostics.file());
    auto builder = std::make_unique<ScenarioBuilder>(found, base_dir, options);
    JsonDocument document;
    if (!parse_json_document(bytes, diagnostics, document, builder.get()) ||
        !check_format(document.root(), diagnostics, scenario_format)) {
        return nullptr;
    }
    auto scenario = builder->finish(document.root());
    if (builder->needs_whole_tree()) {
        found = Diagnostics(diagnostics.file());
        builder = std::make_unique<ScenarioBuilder>(found, base_dir, options);
        document = JsonDocument();
        parse_json_document(bytes, diagnostics, document);
        scenario = builder->finish(document.root());
    }
    diagnostics.append(found.take());
    return diagnostics.has_errors() ? nullptr : scenario;
}

}  // namespace deliberate::detail
