// One play-through of a loaded scenario: where the participant is, the variables and factors,
// and the actions that move them on. A UI shows what it reads here and calls only valid actions.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

// What a participant gave at one step of a dilemma. The session keeps the answers in order so
// that going back can drop the last one; check_answer() (step_input.hpp) says whether one fits.
struct StepAnswer {
    std::string step_id;
    std::vector<std::string> picks;  // candidate ids; for a checks step, the checks answered yes
    std::string text;
    std::optional<int> scale;
};

// An option taken at a dilemma, by node and option index.
struct ChoiceRecord {
    std::size_t node = no_node;
    std::size_t option = 0;
};

class Session {
  public:
    // Starts at the scenario's start node, variables at their initial values and factors at
    // their defaults. `language` is what render() uses; texts fall back as LocalisedText does.
    Session(std::shared_ptr<const Scenario> scenario, std::string language);

    const Scenario& scenario() const { return *scenario_; }
    // For what outlives the session and needs the scenario too (a summary, an export).
    const std::shared_ptr<const Scenario>& shared_scenario() const { return scenario_; }
    const std::string& language() const { return language_; }
    void set_language(std::string language) { language_ = std::move(language); }

    std::size_t node_index() const { return node_; }
    const Node& node() const { return scenario_->nodes[node_]; }
    bool at_scene() const { return node().kind == NodeKind::scene; }
    bool at_dilemma() const { return node().kind == NodeKind::dilemma; }
    bool at_ending() const { return node().kind == NodeKind::ending; }

    // Position among the dilemma's `walked_steps`; 0 when not at a dilemma.
    std::size_t step_position() const { return position_; }
    // The model step at the current position; nullptr when not at a dilemma.
    const ModelStep* current_step() const;
    // Whether the current step is where the option is chosen (also for a dilemma that walks
    // no model steps at all, which has only the choice).
    bool at_choice() const;
    // The option chosen at the current dilemma, while the steps after the choice are walked.
    std::optional<std::size_t> chosen_option() const { return chosen_; }

    // Indices of the current dilemma's options whose `when` holds now; empty elsewhere.
    std::vector<std::size_t> offered_options() const;
    bool is_offered(std::size_t option_index) const;

    // The text in the session language with `{factor:ID}` replaced by the current value's
    // label and `{var:NAME}` by the variable's value. Unknown placeholders stay as written
    // (the loader refuses them, so they only appear in hand-built scenarios).
    std::string render(const LocalisedText& text) const;
    // As above, also appending each placeholder that rendered to nothing to `empty`.
    std::string render(const LocalisedText& text, std::vector<std::string>* empty) const;

    const std::vector<Value>& variables() const { return variables_; }
    const std::vector<std::string>& factor_values() const { return factor_values_; }
    ConditionState condition_state() const { return {&variables_, &factor_values_}; }
    // Every node arrived at, in order, starting with the start node.
    const std::vector<std::size_t>& history() const { return history_; }
    // Answers at the current dilemma, in step order.
    const std::vector<StepAnswer>& answers() const { return answers_; }
    const std::vector<ChoiceRecord>& choices() const { return choices_; }

    // Actions. Each throws std::logic_error when it is not valid now.
    // At a scene: take the first branch whose `when` holds, else `next`.
    void continue_scene();
    // At a dilemma step other than the choice: record the answer and move to the next step;
    // after the last step that follows the choice, go on to the chosen option's `next`.
    void answer_step(StepAnswer answer = {});
    // Back to the previous step of the dilemma, dropping its answer. False at the first step
    // and once an option is chosen: its effects are applied and cannot be taken back.
    bool go_back();
    // At the choice step, an offered option: apply its effects in order and record it; then
    // walk the model steps after the choice, if any, else go to the option's `next`.
    void choose(std::size_t option_index);
    // A trainer's "what if": switch factor `factor` to its value `value`. Allowed any time.
    void set_factor(std::size_t factor, std::size_t value);

  private:
    void arrive(std::size_t node_index);
    void require_dilemma(const char* action) const;

    std::shared_ptr<const Scenario> scenario_;
    std::string language_;
    std::size_t node_ = 0;
    std::size_t position_ = 0;
    std::optional<std::size_t> chosen_;
    std::vector<Value> variables_;
    std::vector<std::string> factor_values_;
    std::vector<std::size_t> history_;
    std::vector<StepAnswer> answers_;
    std::vector<ChoiceRecord> choices_;
};

// Sets a factor from "ID=VALUE" as written on a command line. Returns what is wrong ("no
// factor `x`; its factors: a, b"), or an empty string when it is set.
std::string apply_factor_assignment(Session& session, const std::string& assignment);

}  // namespace deliberate
