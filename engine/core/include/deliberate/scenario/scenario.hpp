// A loaded scenario: immutable once the loader has built and checked it. Node references are
// resolved to indices, names in conditions and effects to slots.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deliberate/scenario/condition.hpp"
#include "deliberate/scenario/localised_text.hpp"
#include "deliberate/scenario/model.hpp"
#include "deliberate/scenario/organisation.hpp"
#include "deliberate/scenario/value.hpp"
#include "deliberate/scenario/value_catalogue.hpp"

namespace deliberate {

constexpr std::size_t no_node = static_cast<std::size_t>(-1);

struct FactorValue {
    std::string id;
    LocalisedText label;
};

struct Factor {
    std::string id;
    LocalisedText label;
    LocalisedText description;
    std::size_t default_value = 0;
    std::vector<FactorValue> values;

    std::optional<std::size_t> find_value(const std::string& value_id) const;
};

struct Variable {
    std::string name;
    Value initial;
};

struct Stakeholder {
    std::string id;
    LocalisedText label;
    LocalisedText description;
    bool relevant = false;
};

struct Branch {
    Condition when;
    std::size_t next = no_node;
};

struct Option {
    std::string id;
    LocalisedText label;
    std::optional<Condition> when;
    std::vector<std::string> values;
    std::vector<LocalisedText> arguments_for;
    std::vector<LocalisedText> arguments_against;
    std::vector<Effect> effects;
    LocalisedText feedback;
    std::size_t next = no_node;
};

struct StepItem {
    std::string id;
    LocalisedText label;
    bool relevant = false;
    LocalisedText feedback;
};

// A dilemma's own content for one step of the model.
struct StepContent {
    std::string step_id;
    LocalisedText prompt;
    std::vector<LocalisedText> prompts;
    std::vector<StepItem> items;
    LocalisedText feedback;
};

enum class NodeKind { scene, dilemma, ending };
const char* node_kind_name(NodeKind k);

struct Node {
    std::string id;
    NodeKind kind = NodeKind::scene;
    LocalisedText title;
    LocalisedText text;
    std::string image;  // asset path as written, relative to the scenario or assets folder
    std::string sound;
    LocalisedText notes;  // for the trainer only
    // scene
    std::size_t next = no_node;
    std::vector<Branch> branches;
    // dilemma
    LocalisedText question;
    std::vector<Option> options;
    std::vector<StepContent> steps;
    std::vector<std::size_t> walked_steps;  // model step indices this dilemma walks, in order
    // ending
    LocalisedText outcome;
    LocalisedText debrief;
    std::vector<LocalisedText> discussion;

    const StepContent* step_content(const std::string& step_id) const;
};

struct Scenario {
    std::string file;
    std::string content_hash;  // of the file's bytes, see content_hash()
    std::string id;
    std::string version;
    std::vector<std::string> languages;
    LocalisedText title;
    LocalisedText summary;
    std::vector<std::string> tags;
    int duration_minutes = 0;
    std::vector<std::string> audience;
    std::vector<Factor> factors;
    std::vector<Variable> variables;
    std::vector<Stakeholder> stakeholders;
    std::vector<std::string> values;
    std::size_t start = 0;
    std::vector<Node> nodes;
    std::shared_ptr<const JudgementModel> model;
    // The catalogue the scenario's values were checked against; null when it names none.
    std::shared_ptr<const ValueCatalogue> value_catalogue;
    // Set when a text uses {org:ID}: the profile beside the scenario, else the shipped one.
    std::shared_ptr<const OrganisationProfile> organisation;

    std::optional<std::size_t> find_node(const std::string& node_id) const;
    std::optional<std::size_t> find_factor(const std::string& factor_id) const;
    std::optional<std::size_t> find_variable(const std::string& name) const;
};

}  // namespace deliberate
