// Reading a scenario's nodes: scenes with their branches, dilemmas with their options and step
// contents, endings. References to other nodes are kept as written, for ReferenceResolver.
#include <algorithm>
#include <unordered_set>

#include "scenario/name_hints.hpp"
#include "scenario/scenario_builder.hpp"

namespace deliberate::detail {

namespace {

const std::vector<std::string> node_kinds = {"scene", "dilemma", "ending"};

}  // namespace

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
        diag_.error("F007", (path / "kind").str(), "unknown node kind `" + *kind + "`",
                    name_hint(*kind, node_kinds, "one of " + quoted_list(node_kinds)));
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
                built.when =
                    conditions_.condition(*when, list_path[i] / "when").value_or(Condition{});
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
        out.when = conditions_.condition(*when, path / "when");
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
                if (auto effect = conditions_.effect((*effects)[i], effects_path[i])) {
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
            read_step_items(*items, content_path / "items", built);
        }
        out.steps.push_back(std::move(built));
    }
}

void ScenarioBuilder::read_ending(const JsonValue& node, const Path& path, Node& out) {
    out.outcome = reader_.text_field(node, path, "outcome", true);
    out.debrief = reader_.text_field(node, path, "debrief", true);
    out.discussion = reader_.text_list_field(node, path, "discussion", true, true);
}

void ScenarioBuilder::read_step_items(const JsonValue& items, const Path& path, StepContent& out) {
    if (!reader_.expect_array(items, path, "a list of items")) {
        return;
    }
    std::unordered_set<std::string> ids;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const JsonValue& item = items[i];
        if (!reader_.expect_object(item, path[i], "an item {\"id\", \"label\"}")) {
            continue;
        }
        reader_.check_fields(item, path[i], {"id", "label", "relevant", "feedback"});
        StepItem entry;
        entry.id = reader_.id_field(item, path[i], "id", true).value_or("");
        if (!entry.id.empty() && !ids.insert(entry.id).second) {
            diag_.error("F006", (path[i] / "id").str(), "duplicate item id `" + entry.id + "`");
        }
        entry.label = reader_.text_field(item, path[i], "label", true);
        entry.relevant = reader_.bool_field(item, path[i], "relevant").value_or(false);
        entry.feedback = reader_.text_field(item, path[i], "feedback", false);
        out.items.push_back(std::move(entry));
    }
}

}  // namespace deliberate::detail
