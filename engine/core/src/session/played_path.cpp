// Starting a session from a chosen node with chosen values, and replaying a played path.
#include "deliberate/session/played_path.hpp"

#include <stdexcept>

namespace deliberate {

namespace {

void note(std::string* problem, const std::string& text) {
    if (problem != nullptr) {
        *problem += (problem->empty() ? "" : "; ") + text;
    }
}

// The scenario as the setup wants it to begin: another start node, other initial values.
// A copy only when something differs, since a copy of a large scenario costs.
std::shared_ptr<const Scenario> adjusted(const std::shared_ptr<const Scenario>& scenario,
                                         const StartSetup& setup, std::string* problem) {
    std::optional<std::size_t> start;
    if (!setup.node_id.empty()) {
        start = scenario->find_node(setup.node_id);
        if (!start) {
            note(problem, "no node `" + setup.node_id + "`");
        }
    }
    std::vector<std::pair<std::size_t, Value>> initial;
    for (const auto& [name, value] : setup.variables) {
        if (const auto slot = scenario->find_variable(name)) {
            initial.emplace_back(*slot, value);
        } else {
            note(problem, "no variable `" + name + "`");
        }
    }
    if ((!start || *start == scenario->start) && initial.empty()) {
        return scenario;
    }
    auto copy = std::make_shared<Scenario>(*scenario);
    if (start) {
        copy->start = *start;
    }
    for (auto& [slot, value] : initial) {
        copy->variables[slot].initial = value;
    }
    return copy;
}

}  // namespace

Session start_session(const std::shared_ptr<const Scenario>& scenario, const std::string& language,
                      const StartSetup& setup, std::string* problem) {
    Session session(adjusted(scenario, setup, problem), language);
    for (const auto& [factor_id, value_id] : setup.factors) {
        const auto factor = scenario->find_factor(factor_id);
        const auto value = factor ? scenario->factors[*factor].find_value(value_id) : std::nullopt;
        if (value) {
            session.set_factor(*factor, *value);
        } else {
            note(problem, "no factor value `" + factor_id + "=" + value_id + "`");
        }
    }
    return session;
}

void play_action(Session& session, PlayedPath& path, PlayedAction action) {
    action.node_id = session.node().id;
    switch (action.kind) {
        case PlayedAction::Kind::continue_scene:
            session.continue_scene();
            break;
        case PlayedAction::Kind::answer_step:
            session.answer_step(action.answer);
            break;
        case PlayedAction::Kind::choose: {
            const auto& options = session.node().options;
            std::size_t index = 0;
            while (index < options.size() && options[index].id != action.option_id) {
                ++index;
            }
            session.choose(index);
            break;
        }
    }
    path.actions.push_back(std::move(action));
}

namespace {

// Why `action` cannot be replayed at the session's place; empty when it can.
std::string misfit(const Session& session, const PlayedAction& action) {
    const Node& node = session.node();
    if (node.id != action.node_id) {
        return "the path went on at `" + action.node_id + "`, but now arrives at `" + node.id + "`";
    }
    switch (action.kind) {
        case PlayedAction::Kind::continue_scene:
            return session.at_scene() ? "" : "`" + node.id + "` is no longer a scene";
        case PlayedAction::Kind::answer_step: {
            const ModelStep* step = session.current_step();
            if (step == nullptr || session.at_choice() || step->id != action.answer.step_id) {
                return "the step `" + action.answer.step_id + "` at `" + node.id +
                       "` is not where it was";
            }
            return "";
        }
        case PlayedAction::Kind::choose:
            if (!session.at_dilemma() || !session.at_choice()) {
                return "`" + node.id + "` no longer asks for a choice here";
            }
            for (std::size_t i = 0; i < node.options.size(); ++i) {
                if (node.options[i].id == action.option_id) {
                    return session.is_offered(i) ? ""
                                                 : "the option `" + action.option_id + "` at `" +
                                                       node.id + "` is no longer offered";
                }
            }
            return "the option `" + action.option_id + "` at `" + node.id + "` is gone";
    }
    return "";
}

}  // namespace

Replay replay_path(const std::shared_ptr<const Scenario>& scenario, const std::string& language,
                   const PlayedPath& path) {
    Replay replay;
    replay.session.emplace(start_session(scenario, language, path.start));
    PlayedPath ignored;
    for (const PlayedAction& action : path.actions) {
        std::string why = misfit(*replay.session, action);
        if (why.empty()) {
            try {
                play_action(*replay.session, ignored, action);
                ++replay.actions_replayed;
                continue;
            } catch (const std::exception& e) {
                why = e.what();
            }
        }
        replay.broke = why;
        replay.broke_at = replay.session->node().id;
        break;
    }
    return replay;
}

}  // namespace deliberate
