// Building a scenario (`deliberate/scenario@1`) from JSON: fields, texts, placeholders,
// conditions and effects, then references, the judgement model, the value catalogue, the node
// graph and assets. Everything found is reported; the scenario is returned only when clean.
#include <algorithm>
#include <memory>
#include <unordered_set>

#include "json/id_index.hpp"
#include "json/json_document.hpp"
#include "json/json_reader.hpp"
#include "scenario/loaders.hpp"
#include "scenario/scenario_checks.hpp"

namespace deliberate::detail {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> node_kinds = {"scene", "dilemma", "ending"};

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

// "did you mean" when a value id is close, else the factor's values.
std::string factor_value_hint(const Factor& factor, const std::string& id) {
    std::vector<std::string> ids;
    for (const auto& v : factor.values) {
        ids.push_back(v.id);
    }
    const std::string hint = did_you_mean(id, ids);
    return hint.empty() ? "its values: " + quoted_list(ids) : hint;
}

// "did you mean" when a factor id is close, else the declared factors.
std::string factor_hint(const std::vector<Factor>& factors, const std::string& id) {
    std::vector<std::string> ids;
    for (const auto& f : factors) {
        ids.push_back(f.id);
    }
    if (ids.empty()) {
        return "the scenario declares no `factors`";
    }
    const std::string hint = did_you_mean(id, ids);
    return hint.empty() ? "declared factors: " + quoted_list(ids) : hint;
}

// References to nodes, kept as ids until every node is read.
struct PendingNode {
    std::string next;
    std::vector<std::string> branch_next;
    std::vector<std::string> option_next;
    std::vector<std::string> model_steps;  // as listed, empty when absent
    bool has_model_steps = false;
};

// Diagnostics come out in this order, however the file is ordered or read.
enum Phase { root_fields, context, header, nodes, references, whole };

// Reading nodes needs the context (languages, factors, variables) first. The builder gets
// it when the parser reaches `nodes` and reads each node as it completes; everything else
// waits for finish(). When the file lists context after its nodes, the streamed reading
// was done without it, and when the parser abandons the stream it is void: finish() says so
// and the caller reads the whole tree instead.
class ScenarioBuilder : public NodeStream {
  public:
    ScenarioBuilder(Diagnostics& diagnostics, const fs::path& base_dir, const LoadOptions& options)
        : diag_(diagnostics), reader_(diagnostics), base_dir_(base_dir), options_(options) {
        reader_.on_text = [this](std::string_view text, const Path& path) {
            check_placeholders(text, path);
        };
    }

    void begin_nodes(const JsonValue& root) override;
    void node(std::size_t index, const JsonValue& element) override;
    void abandon() override { needs_whole_tree_ = true; }
    std::shared_ptr<Scenario> finish(const JsonValue& root);
    bool needs_whole_tree() const { return needs_whole_tree_; }

  private:
    void read_header(const JsonValue& root, const Path& path);
    void read_languages(const JsonValue& root, const Path& path);
    void read_factors(const JsonValue& root, const Path& path);
    void read_variables(const JsonValue& root, const Path& path);
    void read_stakeholders(const JsonValue& root, const Path& path);
    void read_nodes(const JsonValue& root, const Path& path, bool streamed);
    void read_node(const JsonValue& node, const Path& path, Node& out, PendingNode& pending);
    void read_scene(const JsonValue& node, const Path& path, Node& out, PendingNode& pending);
    void read_dilemma(const JsonValue& node, const Path& path, Node& out, PendingNode& pending);
    void read_ending(const JsonValue& node, const Path& path, Node& out);
    void read_option(const JsonValue& option, const Path& path, Option& out, std::string& next);
    void read_step_contents(const JsonValue& node, const Path& path, Node& out);
    std::optional<Condition> read_condition(const JsonValue& value, const Path& path);
    std::optional<Effect> read_effect(const JsonValue& value, const Path& path);
    std::optional<ValueType> static_type(const Condition& c) const;
    void check_placeholders(std::string_view text, const Path& path);

    void resolve_references();
    void resolve_model();
    void check_dilemma_steps(std::size_t node_index);
    void check_values();

    Diagnostics& diag_;
    JsonReader reader_;
    fs::path base_dir_;
    const LoadOptions& options_;
    std::shared_ptr<Scenario> scenario_ = std::make_shared<Scenario>();
    std::vector<PendingNode> pending_;
    std::string start_;
    std::string model_id_;
    IdIndex node_index_;
    std::vector<bool> factor_used_;
    bool has_stakeholders_field_ = false;
    bool began_ = false;
    bool needs_whole_tree_ = false;
    std::vector<std::string> context_keys_;  // which context fields were there at begin
};

const std::vector<std::string> context_fields = {"languages", "factors", "variables"};

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
    const auto [first, inserted] = node_index_.insert(out.id, index);
    if (!inserted) {
        diag_.error("F006", (node_path / "id").str(), "duplicate node id `" + out.id + "`",
                    "first used by /nodes/" + std::to_string(first));
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
    resolve_references();
    resolve_model();
    check_values();
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
            const JsonValue* values = reader_.field(factor, factor_path, "values", true);
            const Path values_path = factor_path / "values";
            if (values != nullptr &&
                reader_.expect_array(*values, values_path, "a list of factor values")) {
                if (values->size() < 2) {
                    diag_.error("F007", values_path.str(),
                                "a factor needs at least two values to switch between");
                }
                std::unordered_set<std::string> value_ids;
                for (std::size_t v = 0; v < values->size(); ++v) {
                    const JsonValue& value = (*values)[v];
                    if (!reader_.expect_object(value, values_path[v],
                                               "a factor value {\"id\", \"label\"}")) {
                        continue;
                    }
                    reader_.check_fields(value, values_path[v], {"id", "label"});
                    FactorValue fv;
                    fv.id = reader_.id_field(value, values_path[v], "id", true).value_or("");
                    if (!fv.id.empty() && !value_ids.insert(fv.id).second) {
                        diag_.error(
                            "F006", (values_path[v] / "id").str(),
                            "duplicate value id `" + fv.id + "` in factor `" + out.id + "`");
                    }
                    fv.label = reader_.text_field(value, values_path[v], "label", true);
                    out.values.push_back(std::move(fv));
                }
            }
            if (const auto chosen = reader_.id_field(factor, factor_path, "default", true)) {
                if (const auto index = out.find_value(*chosen)) {
                    out.default_value = *index;
                } else if (!out.values.empty()) {
                    std::vector<std::string> ids;
                    for (const auto& fv : out.values) {
                        ids.push_back(fv.id);
                    }
                    const std::string hint = did_you_mean(*chosen, ids);
                    diag_.error("R004", (factor_path / "default").str(),
                                "`" + *chosen + "` is not a value of factor `" + out.id + "`",
                                hint.empty() ? "its values: " + quoted_list(ids) : hint);
                }
            }
        }
        scenario_->factors.push_back(std::move(out));
    }
    factor_used_.assign(scenario_->factors.size(), false);
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

void ScenarioBuilder::read_node(const JsonValue& node, const Path& path, Node& out,
                                PendingNode& pending) {
    if (!reader_.expect_object(node, path, "a node object")) {
        return;
    }
    out.id = reader_.id_field(node, path, "id", true).value_or("");
    const auto kind = reader_.string_field(node, path, "kind", true);
    if (!kind) {
        return;
    }
    const auto found = std::find(node_kinds.begin(), node_kinds.end(), *kind);
    if (found == node_kinds.end()) {
        const std::string hint = did_you_mean(*kind, node_kinds);
        diag_.error("F007", (path / "kind").str(), "unknown node kind `" + *kind + "`",
                    hint.empty() ? "one of " + quoted_list(node_kinds) : hint);
        return;
    }
    out.kind = static_cast<NodeKind>(found - node_kinds.begin());
    // A field that belongs to another kind of node gets a hint that says so.
    const auto belongs_elsewhere = [&](std::string_view key) -> std::string {
        static const std::vector<std::pair<std::string, std::string>> owners = {
            {"next", "scene"},      {"branches", "scene"}, {"question", "dilemma"},
            {"options", "dilemma"}, {"steps", "dilemma"},  {"model_steps", "dilemma"},
            {"outcome", "ending"},  {"debrief", "ending"}, {"discussion", "ending"}};
        for (const auto& [field, owner] : owners) {
            if (field == key && owner != *kind) {
                const auto a = [](const std::string& word) {
                    return (word == "ending" ? "an " : "a ") + word;
                };
                return "`" + std::string(key) + "` belongs to " + a(owner) + "; this node is " +
                       a(*kind);
            }
        }
        return {};
    };
    switch (out.kind) {
        case NodeKind::scene:
            reader_.check_fields(
                node, path,
                {"id", "kind", "title", "text", "image", "sound", "notes", "next", "branches"},
                belongs_elsewhere);
            break;
        case NodeKind::dilemma:
            reader_.check_fields(node, path,
                                 {"id", "kind", "title", "text", "image", "sound", "notes",
                                  "question", "options", "steps", "model_steps"},
                                 belongs_elsewhere);
            break;
        case NodeKind::ending:
            reader_.check_fields(node, path,
                                 {"id", "kind", "title", "text", "image", "sound", "notes",
                                  "outcome", "debrief", "discussion"},
                                 belongs_elsewhere);
            break;
    }
    out.title = reader_.text_field(node, path, "title", false);
    out.text = reader_.text_field(node, path, "text", true);
    out.notes = reader_.text_field(node, path, "notes", false);
    out.image = reader_.string_field(node, path, "image", false).value_or("");
    out.sound = reader_.string_field(node, path, "sound", false).value_or("");
    switch (out.kind) {
        case NodeKind::scene:
            read_scene(node, path, out, pending);
            break;
        case NodeKind::dilemma:
            read_dilemma(node, path, out, pending);
            break;
        case NodeKind::ending:
            read_ending(node, path, out);
            break;
    }
}

void ScenarioBuilder::read_scene(const JsonValue& node, const Path& path, Node& out,
                                 PendingNode& pending) {
    pending.next = reader_.id_field(node, path, "next", true).value_or("");
    const JsonValue* branches = reader_.field(node, path, "branches", false);
    if (branches == nullptr ||
        !reader_.expect_array(*branches, path / "branches", "a list of branches")) {
        return;
    }
    const Path list_path = path / "branches";
    for (std::size_t i = 0; i < branches->size(); ++i) {
        const JsonValue& branch = (*branches)[i];
        Branch built;
        std::string next;
        if (reader_.expect_object(branch, list_path[i], "a branch {\"when\", \"next\"}")) {
            reader_.check_fields(branch, list_path[i], {"when", "next"});
            if (const JsonValue* when = reader_.field(branch, list_path[i], "when", true)) {
                built.when = read_condition(*when, list_path[i] / "when").value_or(Condition{});
            }
            next = reader_.id_field(branch, list_path[i], "next", true).value_or("");
        }
        out.branches.push_back(std::move(built));
        pending.branch_next.push_back(std::move(next));
    }
}

void ScenarioBuilder::read_dilemma(const JsonValue& node, const Path& path, Node& out,
                                   PendingNode& pending) {
    out.question = reader_.text_field(node, path, "question", true);
    const JsonValue* options = reader_.field(node, path, "options", true);
    if (options != nullptr &&
        reader_.expect_array(*options, path / "options", "a list of options")) {
        const Path list_path = path / "options";
        if (options->size() < 2) {
            diag_.error("F008", list_path.str(),
                        "a dilemma needs at least two options; this one has " +
                            std::to_string(options->size()),
                        "with one option there is nothing to choose: make this node a scene");
        }
        out.options.resize(options->size());
        pending.option_next.resize(options->size());
        // A hash set: comparing each id with every earlier one took minutes for a hostile
        // file with a hundred thousand options.
        std::unordered_set<std::string_view> ids;
        for (std::size_t i = 0; i < options->size(); ++i) {
            read_option((*options)[i], list_path[i], out.options[i], pending.option_next[i]);
            const std::string& id = out.options[i].id;  // out.options no longer moves
            if (!id.empty() && !ids.insert(id).second) {
                diag_.error("F006", (list_path[i] / "id").str(),
                            "duplicate option id `" + id + "` in this dilemma");
            }
        }
    }
    read_step_contents(node, path, out);
    if (const JsonValue* model_steps = reader_.field(node, path, "model_steps", false)) {
        pending.has_model_steps = true;
        if (model_steps->is_array() && model_steps->empty()) {
            diag_.error("F007", (path / "model_steps").str(),
                        "`model_steps` lists no steps; leave it out to walk all of them");
        }
        pending.model_steps = reader_.id_list_field(node, path, "model_steps", false);
    }
}

void ScenarioBuilder::read_option(const JsonValue& option, const Path& path, Option& out,
                                  std::string& next) {
    if (!reader_.expect_object(option, path, "an option object")) {
        return;
    }
    reader_.check_fields(
        option, path,
        {"id", "label", "when", "values", "arguments", "effects", "feedback", "next"});
    out.id = reader_.id_field(option, path, "id", true).value_or("");
    out.label = reader_.text_field(option, path, "label", true);
    if (const JsonValue* when = reader_.field(option, path, "when", false)) {
        out.when = read_condition(*when, path / "when");
    }
    out.values = reader_.id_list_field(option, path, "values", false);
    if (const JsonValue* arguments = reader_.field(option, path, "arguments", false)) {
        const Path arguments_path = path / "arguments";
        if (reader_.expect_object(*arguments, arguments_path,
                                  "an object {\"for\": [...], \"against\": [...]}")) {
            reader_.check_fields(*arguments, arguments_path, {"for", "against"});
            out.arguments_for =
                reader_.text_list_field(*arguments, arguments_path, "for", false, false);
            out.arguments_against =
                reader_.text_list_field(*arguments, arguments_path, "against", false, false);
        }
    }
    if (const JsonValue* effects = reader_.field(option, path, "effects", false)) {
        const Path effects_path = path / "effects";
        if (reader_.expect_array(*effects, effects_path, "a list of effects")) {
            for (std::size_t i = 0; i < effects->size(); ++i) {
                if (auto effect = read_effect((*effects)[i], effects_path[i])) {
                    out.effects.push_back(std::move(*effect));
                }
            }
        }
    }
    out.feedback = reader_.text_field(option, path, "feedback", false);
    next = reader_.id_field(option, path, "next", true).value_or("");
}

void ScenarioBuilder::read_step_contents(const JsonValue& node, const Path& path, Node& out) {
    const JsonValue* steps = reader_.field(node, path, "steps", false);
    if (steps == nullptr ||
        !reader_.expect_object(*steps, path / "steps", "an object keyed by model step id")) {
        return;
    }
    const Path steps_path = path / "steps";
    for (const auto& [step_id, content] : steps->members()) {
        const Path content_path = steps_path / step_id;
        StepContent built;
        built.step_id = step_id;
        if (!reader_.expect_object(
                content, content_path,
                "step content {\"prompt\", \"prompts\", \"items\", \"feedback\"}")) {
            out.steps.push_back(std::move(built));
            continue;
        }
        reader_.check_fields(content, content_path, {"prompt", "prompts", "items", "feedback"});
        built.prompt = reader_.text_field(content, content_path, "prompt", false);
        built.prompts = reader_.text_list_field(content, content_path, "prompts", false, false);
        built.feedback = reader_.text_field(content, content_path, "feedback", false);
        if (const JsonValue* items = reader_.field(content, content_path, "items", false)) {
            const Path items_path = content_path / "items";
            if (reader_.expect_array(*items, items_path, "a list of items")) {
                std::unordered_set<std::string> ids;
                for (std::size_t i = 0; i < items->size(); ++i) {
                    const JsonValue& item = (*items)[i];
                    if (!reader_.expect_object(item, items_path[i],
                                               "an item {\"id\", \"label\"}")) {
                        continue;
                    }
                    reader_.check_fields(item, items_path[i],
                                         {"id", "label", "relevant", "feedback"});
                    StepItem entry;
                    entry.id = reader_.id_field(item, items_path[i], "id", true).value_or("");
                    if (!entry.id.empty() && !ids.insert(entry.id).second) {
                        diag_.error("F006", (items_path[i] / "id").str(),
                                    "duplicate item id `" + entry.id + "`");
                    }
                    entry.label = reader_.text_field(item, items_path[i], "label", true);
                    entry.relevant =
                        reader_.bool_field(item, items_path[i], "relevant").value_or(false);
                    entry.feedback = reader_.text_field(item, items_path[i], "feedback", false);
                    built.items.push_back(std::move(entry));
                }
            }
        }
        out.steps.push_back(std::move(built));
    }
}

void ScenarioBuilder::read_ending(const JsonValue& node, const Path& path, Node& out) {
    out.outcome = reader_.text_field(node, path, "outcome", true);
    out.debrief = reader_.text_field(node, path, "debrief", true);
    out.discussion = reader_.text_list_field(node, path, "discussion", true, true);
}

std::optional<ValueType> ScenarioBuilder::static_type(const Condition& c) const {
    switch (c.op) {
        case Condition::Op::literal:
            return type_of(c.literal);
        case Condition::Op::variable:
            return type_of(scenario_->variables[c.slot].initial);
        case Condition::Op::factor:
            return ValueType::string;
        case Condition::Op::list:
            return std::nullopt;
        default:
            return ValueType::boolean;
    }
}

std::optional<Condition> ScenarioBuilder::read_condition(const JsonValue& value, const Path& path) {
    static const std::vector<std::string> operators = {"var", "==",  "!=", "<", "<=", ">",
                                                       ">=",  "and", "or", "!", "in"};
    Condition out;
    if (value.is_boolean()) {
        out.literal = value.as_bool();
        return out;
    }
    if (value.is_number()) {
        out.literal = value.as_double();
        return out;
    }
    if (value.is_string()) {
        out.literal = std::string(value.as_string());
        return out;
    }
    if (!value.is_object() || value.size() != 1) {
        diag_.error(
            "C001", path.str(),
            value.is_object()
                ? "a condition object has exactly one operator; this one has " +
                      std::to_string(value.size())
                : std::string("a condition cannot be ") + (value.is_null() ? "null" : "a list"),
            "e.g. {\"==\": [{\"var\": \"trust\"}, 1]}; combine with {\"and\": [...]}");
        return std::nullopt;
    }
    const std::string op(value.members()[0].key);
    const JsonValue& args = value.members()[0].value;
    const Path op_path = path / op;
    const auto known = std::find(operators.begin(), operators.end(), op);
    if (known == operators.end()) {
        const std::string hint = did_you_mean(op, operators);
        diag_.error("C001", op_path.str(), "unknown operator `" + op + "`",
                    hint.empty() ? "supported: " + quoted_list(operators) : hint);
        return std::nullopt;
    }
    if (op == "var") {
        const JsonValue* name = &args;
        if (args.is_array() && args.size() == 1) {
            name = &args[0];
        }
        if (!name->is_string() || name->as_string().empty()) {
            diag_.error("C001", op_path.str(), "`var` takes the name of a variable or factor",
                        "e.g. {\"var\": \"trust\"} or {\"var\": \"factor.amount\"}");
            return std::nullopt;
        }
        const std::string full(name->as_string());
        if (full.rfind("factor.", 0) == 0) {
            const std::string id = full.substr(7);
            const auto factor = scenario_->find_factor(id);
            if (!factor) {
                diag_.error("C003", op_path.str(), "unknown factor `" + id + "`",
                            factor_hint(scenario_->factors, id));
                return std::nullopt;
            }
            factor_used_[*factor] = true;
            out.op = Condition::Op::factor;
            out.name = id;
            out.slot = *factor;
            return out;
        }
        const auto variable = scenario_->find_variable(full);
        if (!variable) {
            std::vector<std::string> names;
            for (const auto& v : scenario_->variables) {
                names.push_back(v.name);
            }
            const std::string hint = did_you_mean(full, names);
            diag_.error("C002", op_path.str(), "unknown variable `" + full + "`",
                        !hint.empty() ? hint
                                      : "declare it in `variables`, or read a factor as "
                                        "\"factor." +
                                            full + "\"");
            return std::nullopt;
        }
        out.op = Condition::Op::variable;
        out.name = full;
        out.slot = *variable;
        return out;
    }
    if (op == "!") {
        const JsonValue& operand = args.is_array() && args.size() == 1 ? args[0] : args;
        if (args.is_array() && args.size() != 1) {
            diag_.error("C001", op_path.str(), "`!` takes one operand");
            return std::nullopt;
        }
        auto inner = read_condition(operand, args.is_array() ? op_path[0] : op_path);
        if (!inner) {
            return std::nullopt;
        }
        out.op = Condition::Op::negate;
        out.args.push_back(std::move(*inner));
        return out;
    }
    if (!args.is_array()) {
        diag_.error("C001", op_path.str(), "`" + op + "` takes a list of operands",
                    "e.g. {\"" + op + "\": [a, b]}");
        return std::nullopt;
    }
    const bool logical = op == "and" || op == "or";
    if (logical ? args.empty() : args.size() != 2) {
        diag_.error("C001", op_path.str(),
                    logical ? "`" + op + "` needs at least one operand"
                            : "`" + op + "` takes exactly two operands; found " +
                                  std::to_string(args.size()));
        return std::nullopt;
    }
    bool ok = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool list_literal = op == "in" && i == 1 && args[i].is_array();
        if (list_literal) {
            Condition list;
            list.op = Condition::Op::list;
            for (std::size_t k = 0; k < args[i].size(); ++k) {
                const JsonValue& element = args[i][k];
                if (!(element.is_string() || element.is_number() || element.is_boolean())) {
                    diag_.error("C001", op_path[i][k].str(),
                                "the list of `in` holds only strings, numbers and booleans");
                    ok = false;
                    continue;
                }
                list.args.push_back(*read_condition(element, op_path[i][k]));
            }
            out.args.push_back(std::move(list));
            continue;
        }
        auto arg = read_condition(args[i], op_path[i]);
        if (!arg) {
            ok = false;
            continue;
        }
        out.args.push_back(std::move(*arg));
    }
    if (!ok) {
        return std::nullopt;
    }
    static const std::vector<std::pair<std::string, Condition::Op>> ops = {
        {"==", Condition::Op::eq},   {"!=", Condition::Op::ne},  {"<", Condition::Op::lt},
        {"<=", Condition::Op::le},   {">", Condition::Op::gt},   {">=", Condition::Op::ge},
        {"and", Condition::Op::all}, {"or", Condition::Op::any}, {"in", Condition::Op::in}};
    for (const auto& [name, code] : ops) {
        if (name == op) {
            out.op = code;
        }
    }
    if (logical) {
        return out;
    }
    // Type checks: comparing a number with a string never holds, and a factor only ever holds
    // one of its own value ids.
    const Condition& left = out.args[0];
    const Condition& right = out.args[1];
    if (op == "in") {
        if (left.op == Condition::Op::factor && right.op == Condition::Op::list) {
            const Factor& factor = scenario_->factors[left.slot];
            for (std::size_t k = 0; k < right.args.size(); ++k) {
                const auto* id = std::get_if<std::string>(&right.args[k].literal);
                if (id == nullptr || !factor.find_value(*id)) {
                    diag_.error("C004", op_path[1][k].str(),
                                "factor `" + factor.id + "` has no value `" +
                                    to_display(right.args[k].literal) + "`",
                                factor_value_hint(factor, id ? *id : std::string()));
                }
            }
            return out;
        }
        if (right.op != Condition::Op::list && static_type(right) != ValueType::string) {
            diag_.error("C005", op_path[1].str(),
                        "`in` looks in a list or a string; this is not one");
        }
        return out;
    }
    const auto lt = static_type(left), rt = static_type(right);
    if (lt && rt && *lt != *rt) {
        diag_.error("C005", op_path.str(),
                    "compares " + std::string(type_name(*lt)) + " `" + left.to_string() +
                        "` with " + type_name(*rt) + " `" + right.to_string() +
                        "`; this never holds");
        return out;
    }
    const bool ordering = op != "==" && op != "!=";
    if (ordering && lt && *lt == ValueType::boolean) {
        diag_.error("C005", op_path.str(), "`" + op + "` orders numbers or strings, not booleans");
    }
    for (const auto& [factor_side, literal_side, literal_index] :
         {std::tuple{&left, &right, 1}, std::tuple{&right, &left, 0}}) {
        if (factor_side->op != Condition::Op::factor ||
            literal_side->op != Condition::Op::literal) {
            continue;
        }
        const Factor& factor = scenario_->factors[factor_side->slot];
        const auto* id = std::get_if<std::string>(&literal_side->literal);
        if (id != nullptr && !factor.find_value(*id)) {
            diag_.error("C004", op_path[static_cast<std::size_t>(literal_index)].str(),
                        "factor `" + factor.id + "` has no value `" + *id + "`",
                        factor_value_hint(factor, *id));
        }
    }
    return out;
}

std::optional<Effect> ScenarioBuilder::read_effect(const JsonValue& value, const Path& path) {
    if (!reader_.expect_object(value, path,
                               "an effect {\"set\": name, \"to\" or \"add\": value}")) {
        return std::nullopt;
    }
    reader_.check_fields(value, path, {"set", "to", "add"});
    const auto name = reader_.string_field(value, path, "set", true);
    const bool has_to = value.contains("to"), has_add = value.contains("add");
    if (has_to == has_add) {
        diag_.error("C007", path.str(),
                    has_to ? "an effect either sets (`to`) or adds (`add`), not both"
                           : "an effect needs `to` (set a value) or `add` (add a number)");
        return std::nullopt;
    }
    if (!name) {
        return std::nullopt;
    }
    if (name->rfind("factor.", 0) == 0 || scenario_->find_factor(*name)) {
        diag_.error(
            "C006", (path / "set").str(),
            "effects cannot change factor `" +
                (name->rfind("factor.", 0) == 0 ? name->substr(7) : *name) + "`",
            "factors are the trainer's \"what if\" switches; keep story state in a variable");
        return std::nullopt;
    }
    const auto slot = scenario_->find_variable(*name);
    if (!slot) {
        std::vector<std::string> names;
        for (const auto& v : scenario_->variables) {
            names.push_back(v.name);
        }
        const std::string hint = did_you_mean(*name, names);
        diag_.error("C002", (path / "set").str(), "unknown variable `" + *name + "`",
                    hint.empty() ? "declare it in `variables` with its initial value" : hint);
        return std::nullopt;
    }
    Effect effect;
    effect.variable = *name;
    effect.slot = *slot;
    const ValueType variable_type = type_of(scenario_->variables[*slot].initial);
    if (has_add) {
        const JsonValue& amount = *value.find("add");
        if (!amount.is_number()) {
            reader_.wrong_type(amount, path / "add", "a number");
            return std::nullopt;
        }
        if (variable_type != ValueType::number) {
            diag_.error(
                "C005", (path / "add").str(),
                "`add` needs a number variable; `" + *name + "` is a " + type_name(variable_type),
                "use `to` to set it");
            return std::nullopt;
        }
        effect.op = Effect::Op::add;
        effect.value = amount.as_double();
        return effect;
    }
    const JsonValue& target = *value.find("to");
    if (target.is_boolean()) {
        effect.value = target.as_bool();
    } else if (target.is_number()) {
        effect.value = target.as_double();
    } else if (target.is_string()) {
        effect.value = std::string(target.as_string());
    } else {
        reader_.wrong_type(target, path / "to", "a number, true/false or a string");
        return std::nullopt;
    }
    if (type_of(effect.value) != variable_type) {
        diag_.error("C005", (path / "to").str(),
                    "`" + *name + "` is a " + type_name(variable_type) + "; this sets a " +
                        type_name(type_of(effect.value)));
        return std::nullopt;
    }
    return effect;
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
        } else if (kind == "var") {
            if (scenario_->find_variable(name)) {
                continue;
            }
            std::vector<std::string> names;
            for (const auto& v : scenario_->variables) {
                names.push_back(v.name);
            }
            const std::string hint = did_you_mean(name, names);
            diag_.error("T002", path.str(), "placeholder " + written + " names an unknown variable",
                        names.empty()  ? "the scenario declares no `variables`"
                        : hint.empty() ? "declared variables: " + quoted_list(names)
                                       : hint);
        } else {
            std::string lower;
            for (const char c : kind) {
                lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            diag_.error("T002", path.str(), "unknown placeholder `" + written + "`",
                        lower == "factor" || lower == "var"
                            ? "placeholders are lower case: {" + lower + ":" + name + "}"
                            : "placeholders are {factor:ID} and {var:NAME}");
        }
    }
}

void ScenarioBuilder::resolve_references() {
    std::vector<std::string> ids;
    const auto suggest = [&](const std::string& id) {
        if (ids.empty()) {
            for (const auto& node : scenario_->nodes) {
                ids.push_back(node.id);
            }
        }
        return did_you_mean(id, ids);
    };
    const auto resolve = [&](const std::string& target, std::size_t& slot, const auto& pointer) {
        if (target.empty()) {
            return;  // already reported as missing or invalid
        }
        if (const auto index = node_index_.find(target)) {
            slot = *index;
            return;
        }
        diag_.error("R001", pointer(), "no node has id `" + target + "`", suggest(target));
    };
    std::size_t start = no_node;
    if (!scenario_->nodes.empty()) {  // with no nodes, that is the problem to report
        resolve(start_, start, [] { return std::string("/start"); });
    }
    scenario_->start = start == no_node ? 0 : start;
    for (std::size_t i = 0; i < scenario_->nodes.size(); ++i) {
        Node& node = scenario_->nodes[i];
        const PendingNode& pending = pending_[i];
        // Pointers are written only for the diagnostics that need them.
        const auto node_pointer = [&] { return "/nodes/" + std::to_string(i); };
        resolve(pending.next, node.next, [&] { return node_pointer() + "/next"; });
        for (std::size_t b = 0; b < node.branches.size(); ++b) {
            resolve(pending.branch_next[b], node.branches[b].next,
                    [&] { return node_pointer() + "/branches/" + std::to_string(b) + "/next"; });
        }
        for (std::size_t o = 0; o < node.options.size(); ++o) {
            resolve(pending.option_next[o], node.options[o].next,
                    [&] { return node_pointer() + "/options/" + std::to_string(o) + "/next"; });
        }
    }
}

void ScenarioBuilder::resolve_model() {
    if (model_id_.empty()) {
        return;
    }
    std::vector<fs::path> candidates;
    if (!base_dir_.empty()) {
        candidates.push_back(base_dir_ / "models" / (model_id_ + ".json"));
    }
    if (!options_.shipped_models_dir.empty()) {
        candidates.push_back(options_.shipped_models_dir / (model_id_ + ".json"));
    }
    std::error_code ec;
    for (const auto& candidate : candidates) {
        if (!fs::is_regular_file(candidate, ec)) {
            continue;
        }
        auto loaded = load_model_file(candidate);
        if (!loaded.ok()) {
            const auto errors =
                std::count_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                              [](auto& d) { return d.severity == Severity::error; });
            diag_.error("R006", "/model",
                        "judgement model `" + model_id_ + "` (" + candidate.string() + ") has " +
                            std::to_string(errors) + (errors == 1 ? " error" : " errors"),
                        "run: deliberate validate " + candidate.string());
            return;
        }
        if (loaded.value->id != model_id_) {
            diag_.error("R006", "/model",
                        "file " + candidate.string() + " holds model `" + loaded.value->id +
                            "`, not `" + model_id_ + "`",
                        "a model file is named after its id");
            return;
        }
        std::vector<std::string> missing;
        for (const auto& lang : scenario_->languages) {
            if (std::find(loaded.value->languages.begin(), loaded.value->languages.end(), lang) ==
                loaded.value->languages.end()) {
                missing.push_back(lang);
            }
        }
        if (!missing.empty()) {
            diag_.error(
                "T001", "/model",
                "judgement model `" + model_id_ + "` has no text in " + quoted_list(missing, "and"),
                "add the translations to " + candidate.string());
            return;
        }
        scenario_->model = loaded.value;
        for (std::size_t i = 0; i < scenario_->nodes.size(); ++i) {
            if (scenario_->nodes[i].kind == NodeKind::dilemma) {
                check_dilemma_steps(i);
            }
        }
        return;
    }
    std::string looked;
    for (const auto& candidate : candidates) {
        looked += (looked.empty() ? "" : ", ") + candidate.string();
    }
    diag_.error("R002", "/model", "no judgement model `" + model_id_ + "`",
                looked.empty() ? "no models folder is known; set DELIBERATE_MODELS"
                               : "looked for " + looked);
}

void ScenarioBuilder::check_dilemma_steps(std::size_t node_index) {
    const JudgementModel& model = *scenario_->model;
    Node& node = scenario_->nodes[node_index];
    const PendingNode& pending = pending_[node_index];
    const std::string node_pointer = "/nodes/" + std::to_string(node_index);
    std::vector<std::string> step_ids;
    for (const auto& step : model.steps) {
        step_ids.push_back(step.id);
    }
    const auto unknown_step = [&](const std::string& id, const std::string& pointer) {
        const std::string hint = did_you_mean(id, step_ids);
        diag_.error("R005", pointer, "model `" + model.id + "` has no step `" + id + "`",
                    hint.empty() ? "its steps: " + quoted_list(step_ids) : hint);
    };
    for (std::size_t k = 0; k < pending.model_steps.size(); ++k) {
        if (!model.find_step(pending.model_steps[k])) {
            unknown_step(pending.model_steps[k],
                         node_pointer + "/model_steps/" + std::to_string(k));
        }
    }
    // Walk the model's order; `model_steps` only selects, and the choice is always walked.
    for (std::size_t s = 0; s < model.steps.size(); ++s) {
        const bool listed = std::find(pending.model_steps.begin(), pending.model_steps.end(),
                                      model.steps[s].id) != pending.model_steps.end();
        if (!pending.has_model_steps || listed || s == model.choice_step) {
            node.walked_steps.push_back(s);
        }
    }
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
            diag_.warning("W009", pointer,
                          "content for step `" + content.step_id +
                              "`, which this dilemma's `model_steps` leaves out");
        }
        if (!content.items.empty() && step->from != CandidateSource::items) {
            diag_.warning("W008", pointer + "/items",
                          step->from == CandidateSource::none
                              ? "step `" + step->id + "` (" + input_kind_name(step->input) +
                                    ") shows no candidates, so these items are not shown"
                              : "step `" + step->id + "` takes its candidates from " +
                                    candidate_source_name(step->from) +
                                    ", so these items are not shown");
        }
    }
    for (const std::size_t s : node.walked_steps) {
        const ModelStep& step = model.steps[s];
        const StepContent* content = node.step_content(step.id);
        if (step.from == CandidateSource::items && (content == nullptr || content->items.empty())) {
            diag_.error("R007", node_pointer + "/steps",
                        "step `" + step.id + "` lists this dilemma's items, but it gives none",
                        "add \"" + step.id + "\": {\"items\": [{\"id\": ..., \"label\": ...}]}");
        }
        if (step.from == CandidateSource::stakeholders && scenario_->stakeholders.empty()) {
            diag_.error(
                "R009", node_pointer,
                "step `" + step.id + "` lists the scenario's stakeholders, but it declares none",
                "add `stakeholders` to the scenario");
        }
        if (step.from == CandidateSource::values && scenario_->values.empty()) {
            diag_.error("R009", node_pointer,
                        "step `" + step.id + "` lists the scenario's values, but it declares none",
                        "add `values` to the scenario");
        }
    }
}

void ScenarioBuilder::check_values() {
    bool any = !scenario_->values.empty();
    for (const auto& node : scenario_->nodes) {
        for (const auto& option : node.options) {
            any = any || !option.values.empty();
        }
    }
    if (!any) {
        return;
    }
    fs::path file = base_dir_.empty() ? fs::path() : base_dir_ / "values.json";
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec)) {
        file = options_.shipped_values_file;
    }
    if (file.empty() || !fs::is_regular_file(file, ec)) {
        diag_.error("R008", "/values", "no value catalogue found",
                    "put a values.json beside the scenario, or install Deliberate's scenarios/");
        return;
    }
    const auto catalogue = load_values_file(file);
    if (!catalogue.ok()) {
        diag_.error("R008", "/values", "the value catalogue " + file.string() + " has errors",
                    "run: deliberate validate " + file.string());
        return;
    }
    scenario_->value_catalogue = catalogue.value;
    std::vector<std::string> ids;
    for (const auto& value : catalogue.value->values) {
        ids.push_back(value.id);
    }
    const std::unordered_set<std::string> known(ids.begin(), ids.end());
    const auto check = [&](const std::string& id, const std::string& pointer) {
        if (known.count(id) == 0) {
            const std::string hint = did_you_mean(id, ids);
            diag_.error("R003", pointer, "`" + id + "` is not in the value catalogue",
                        hint.empty() ? "see " + file.string() + " for the values" : hint);
        }
    };
    for (std::size_t i = 0; i < scenario_->values.size(); ++i) {
        check(scenario_->values[i], "/values/" + std::to_string(i));
    }
    for (std::size_t n = 0; n < scenario_->nodes.size(); ++n) {
        const auto& options = scenario_->nodes[n].options;
        for (std::size_t o = 0; o < options.size(); ++o) {
            for (std::size_t v = 0; v < options[o].values.size(); ++v) {
                check(options[o].values[v], "/nodes/" + std::to_string(n) + "/options/" +
                                                std::to_string(o) + "/values/" + std::to_string(v));
            }
        }
    }
}

}  // namespace

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
    if (format.rfind(family, 0) == 0) {
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
