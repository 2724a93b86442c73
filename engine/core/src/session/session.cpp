// The state machine of one play-through: arriving at nodes, walking a dilemma's model steps,
// choosing options and applying their effects, and rendering texts with placeholders.
#include "deliberate/session/session.hpp"

#include <stdexcept>
#include <string_view>

namespace deliberate {

namespace {

// How a text names what render() puts in its place: {factor:ID}, {var:NAME} and {org:ID}.
constexpr std::string_view factor_placeholder = "factor:";
constexpr std::string_view variable_placeholder = "var:";
constexpr std::string_view organisation_placeholder = "org:";

}  // namespace

Session::Session(std::shared_ptr<const Scenario> scenario, std::string language)
    : scenario_(std::move(scenario)), language_(std::move(language)) {
    if (!scenario_ || scenario_->nodes.empty()) {
        throw std::logic_error("Session: the scenario has no nodes");
    }
    for (const Variable& variable : scenario_->variables) {
        variables_.push_back(variable.initial);
    }
    for (const Factor& factor : scenario_->factors) {
        factor_values_.push_back(factor.values.at(factor.default_value).id);
    }
    arrive(scenario_->start);
}

const ModelStep* Session::current_step() const {
    if (!at_dilemma() || !scenario_->model || node().walked_steps.empty()) {
        return nullptr;
    }
    return &scenario_->model->steps[node().walked_steps[position_]];
}

bool Session::at_choice() const {
    if (!at_dilemma() || chosen_) {
        return false;
    }
    const ModelStep* step = current_step();
    return step == nullptr || step->input == InputKind::choice;
}

std::vector<std::size_t> Session::offered_options() const {
    std::vector<std::size_t> offered;
    if (!at_dilemma()) {
        return offered;
    }
    const auto& options = node().options;
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (!options[i].when || options[i].when->holds(condition_state())) {
            offered.push_back(i);
        }
    }
    return offered;
}

bool Session::is_offered(std::size_t option_index) const {
    if (!at_dilemma() || option_index >= node().options.size()) {
        return false;
    }
    const Option& option = node().options[option_index];
    return !option.when || option.when->holds(condition_state());
}

std::string Session::render(const LocalisedText& text) const {
    return render(text, nullptr);
}

std::string Session::render(const LocalisedText& text, std::vector<std::string>* empty) const {
    const std::string& source = text.in(language_);
    std::string out;
    out.reserve(source.size());
    std::size_t i = 0;
    while (i < source.size()) {
        const std::size_t open = source.find('{', i);
        const std::size_t close =
            open == std::string::npos ? std::string::npos : source.find('}', open);
        if (close == std::string::npos) {
            out.append(source, i, std::string::npos);
            break;
        }
        out.append(source, i, open - i);
        const std::string inside = source.substr(open + 1, close - open - 1);
        const std::string placeholder = source.substr(open, close - open + 1);
        std::optional<std::string> replacement;
        if (inside.starts_with(factor_placeholder)) {
            if (const auto f = scenario_->find_factor(inside.substr(factor_placeholder.size()))) {
                const Factor& factor = scenario_->factors[*f];
                if (const auto v = factor.find_value(factor_values_[*f])) {
                    replacement = factor.values[*v].label.in(language_);
                }
            }
        } else if (inside.starts_with(variable_placeholder)) {
            if (const auto v =
                    scenario_->find_variable(inside.substr(variable_placeholder.size()))) {
                replacement = to_display(variables_[*v]);
            }
        } else if (inside.starts_with(organisation_placeholder) && scenario_->organisation) {
            const std::string id = inside.substr(organisation_placeholder.size());
            if (const OrganisationEntry* entry = scenario_->organisation->find(id)) {
                replacement = entry->text.in(language_);
            }
        }
        if (!replacement) {
            // Not a placeholder we know: keep the brace and look for the next one after it, so
            // that text like "{a {var:x}" still resolves the second.
            out += '{';
            i = open + 1;
            continue;
        }
        if (replacement->empty() && empty != nullptr) {
            empty->push_back(placeholder);
        }
        out += *replacement;
        i = close + 1;
    }
    return out;
}

void Session::require_dilemma(const char* action) const {
    if (!at_dilemma()) {
        throw std::logic_error(std::string(action) + ": node `" + node().id + "` is a " +
                               node_kind_name(node().kind) + ", not a dilemma");
    }
}

void Session::continue_scene() {
    if (!at_scene()) {
        throw std::logic_error("continue_scene: node `" + node().id + "` is a " +
                               node_kind_name(node().kind) + ", not a scene");
    }
    const Node& scene = node();
    for (const Branch& branch : scene.branches) {
        if (branch.when.holds(condition_state())) {
            arrive(branch.next);
            return;
        }
    }
    if (scene.next == no_node) {
        throw std::logic_error("continue_scene: scene `" + scene.id + "` has no `next`");
    }
    arrive(scene.next);
}

void Session::answer_step(StepAnswer answer) {
    require_dilemma("answer_step");
    if (at_choice()) {
        throw std::logic_error("answer_step: step `" + current_step()->id + "` of `" + node().id +
                               "` is the choice; call choose()");
    }
    answer.step_id = current_step()->id;
    answers_.push_back(std::move(answer));
    if (position_ + 1 < node().walked_steps.size()) {
        ++position_;
        return;
    }
    // The choice step is always walked, so the last step is only passed after a choice.
    arrive(node().options[*chosen_].next);
}

bool Session::go_back() {
    require_dilemma("go_back");
    if (position_ == 0 || chosen_) {
        return false;
    }
    --position_;
    // The step we return to is answered again.
    if (!answers_.empty()) {
        answers_.pop_back();
    }
    return true;
}

void Session::choose(std::size_t option_index) {
    require_dilemma("choose");
    if (!at_choice()) {
        throw std::logic_error("choose: `" + node().id + "` is not at its choice step" +
                               std::string(chosen_ ? " (an option was chosen already)" : ""));
    }
    if (option_index >= node().options.size()) {
        throw std::logic_error("choose: `" + node().id + "` has no option " +
                               std::to_string(option_index));
    }
    const Option& option = node().options[option_index];
    if (!is_offered(option_index)) {
        throw std::logic_error("choose: option `" + option.id + "` of `" + node().id +
                               "` is not offered now");
    }
    for (const Effect& effect : option.effects) {
        effect.apply(variables_);
    }
    choices_.push_back({node_, option_index});
    chosen_ = option_index;
    if (position_ + 1 < node().walked_steps.size()) {
        ++position_;
        return;
    }
    arrive(option.next);
}

void Session::set_factor(std::size_t factor, std::size_t value) {
    if (factor >= scenario_->factors.size()) {
        throw std::logic_error("set_factor: the scenario has no factor " + std::to_string(factor));
    }
    const Factor& f = scenario_->factors[factor];
    if (value >= f.values.size()) {
        throw std::logic_error("set_factor: factor `" + f.id + "` has no value " +
                               std::to_string(value));
    }
    factor_values_[factor] = f.values[value].id;
}

void Session::arrive(std::size_t node_index) {
    if (node_index >= scenario_->nodes.size()) {
        throw std::logic_error("Session: no node " + std::to_string(node_index));
    }
    node_ = node_index;
    position_ = 0;
    chosen_.reset();
    answers_.clear();
    history_.push_back(node_index);
}

std::string apply_factor_assignment(Session& session, const std::string& assignment) {
    const Scenario& scenario = session.scenario();
    const auto eq = assignment.find('=');
    if (eq == std::string::npos) {
        return "write it as ID=VALUE";
    }
    const std::string id = assignment.substr(0, eq);
    const auto factor = scenario.find_factor(id);
    if (!factor) {
        std::string ids;
        for (const Factor& f : scenario.factors) {
            ids += (ids.empty() ? "" : ", ") + f.id;
        }
        return ids.empty() ? "the scenario has no factors"
                           : "no factor `" + id + "`; its factors: " + ids;
    }
    const Factor& f = scenario.factors[*factor];
    const std::string value = assignment.substr(eq + 1);
    const auto index = f.find_value(value);
    if (!index) {
        std::string values;
        for (const FactorValue& v : f.values) {
            values += (values.empty() ? "" : ", ") + v.id;
        }
        return "`" + id + "` has no value `" + value + "`; its values: " + values;
    }
    session.set_factor(*factor, *index);
    return {};
}

}  // namespace deliberate
