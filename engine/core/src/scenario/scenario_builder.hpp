// The builder behind load_scenario_bytes(): reads a scenario's fields and nodes as the parser
// streams them, then resolves references and runs the whole-scenario checks. Its members are
// defined in scenario_loader.cpp (streaming, root fields, placeholders) and node_reader.cpp.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "deliberate/scenario/loader.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "json/id_index.hpp"
#include "json/json_document.hpp"
#include "json/json_reader.hpp"
#include "scenario/condition_reader.hpp"
#include "scenario/loaders.hpp"
#include "scenario/reference_resolver.hpp"

namespace deliberate::detail {

// Reading nodes needs the context (languages, factors, variables) first. The builder gets
// it when the parser reaches `nodes` and reads each node as it completes; everything else
// waits for finish(). When the file lists context after its nodes, the streamed reading
// was done without it: finish() says so and the caller reads the whole tree instead.
class ScenarioBuilder : public NodeStream {
  public:
    ScenarioBuilder(Diagnostics& diagnostics, const std::filesystem::path& base_dir,
                    const LoadOptions& options)
        : diag_(diagnostics), reader_(diagnostics), base_dir_(base_dir), options_(options) {
        reader_.on_text = [this](std::string_view text, const Path& path) {
            check_placeholders(text, path);
        };
    }

    void begin_nodes(const JsonValue& root) override;
    void node(std::size_t index, const JsonValue& element) override;
    std::shared_ptr<Scenario> finish(const JsonValue& root);
    bool needs_whole_tree() const { return needs_whole_tree_; }

  private:
    void read_header(const JsonValue& root, const Path& path);
    void read_languages(const JsonValue& root, const Path& path);
    void read_factors(const JsonValue& root, const Path& path);
    void read_factor_values(const JsonValue& factor, const Path& path, Factor& out);
    void read_variables(const JsonValue& root, const Path& path);
    void read_stakeholders(const JsonValue& root, const Path& path);
    void read_nodes(const JsonValue& root, const Path& path, bool streamed);
    void check_placeholders(std::string_view text, const Path& path);

    // node_reader.cpp
    void read_node(const JsonValue& node, const Path& path, Node& out, PendingNode& pending);
    void read_scene(const JsonValue& node, const Path& path, Node& out, PendingNode& pending);
    void read_dilemma(const JsonValue& node, const Path& path, Node& out, PendingNode& pending);
    void read_ending(const JsonValue& node, const Path& path, Node& out);
    void read_option(const JsonValue& option, const Path& path, Option& out, std::string& next);
    void read_step_contents(const JsonValue& node, const Path& path, Node& out);
    void read_step_items(const JsonValue& items, const Path& path, StepContent& out);

    Diagnostics& diag_;
    JsonReader reader_;
    std::filesystem::path base_dir_;
    const LoadOptions& options_;
    std::shared_ptr<Scenario> scenario_ = std::make_shared<Scenario>();
    std::vector<PendingNode> pending_;
    std::string start_;
    std::string model_id_;
    IdIndex node_index_;
    std::vector<bool> factor_used_;
    ConditionReader conditions_{*scenario_, reader_, factor_used_};
    bool has_stakeholders_field_ = false;
    bool began_ = false;
    bool needs_whole_tree_ = false;
    std::vector<std::string> context_keys_;         // which context fields were there at begin
    std::vector<OrgPlaceholder> org_placeholders_;  // checked once the profile is found
};

}  // namespace deliberate::detail
