// Replaying a saved path against a scenario as it is now, and recording one as a session is
// played.
#include <stdexcept>

#include "deliberate/authoring/saved_path.hpp"
#include "deliberate/session/step_input.hpp"

namespace deliberate {

namespace {

// An action that no longer applies; caught by replay_path, which adds where.
struct Broken : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string step_id(const Session& session) {
    const ModelStep* step = session.current_step();
    return step != nullptr ? step->id : std::string();
}

void require_at(const Session& session, const PathAction& a) {
    if (session.node().id != a.at) {
        throw Broken(std::string("the path's ") + path_action_name(a.kind) + " is at `" + a.at +
                     "`, but the play is at `" + session.node().id + "`");
    }
}

void apply_factor(Session& session, const std::string& id, const std::string& value) {
    const Scenario& scenario = session.scenario();
    const auto f = scenario.find_factor(id);
    if (!f) {
        throw Broken("the scenario has no factor `" + id + "`");
    }
    const auto v = scenario.factors[*f].find_value(value);
    if (!v) {
        throw Broken("factor `" + id + "` has no value `" + value + "`");
    }
    session.set_factor(*f, *v);
}

void apply_choice(Session& session, const PathAction& a) {
    const auto& options = session.node().options;
    for (std::size_t o = 0; o < options.size(); ++o) {
        if (options[o].id != a.option) {
            continue;
        }
        if (!session.at_choice()) {
            throw Broken("the path chooses `" + a.option + "` at step `" + step_id(session) +
                         "`, which is not where the option is chosen");
        }
        if (!session.is_offered(o)) {
            throw Broken("option `" + a.option + "` of `" + a.at +
                         "` is no longer offered here (its `when` does not hold)");
        }
        session.choose(o);
        return;
    }
    throw Broken("`" + a.at + "` has no option `" + a.option + "` any more");
}

void apply_action(Session& session, const PathAction& a) {
    switch (a.kind) {
        case PathAction::Kind::continue_scene:
            require_at(session, a);
            if (!session.at_scene()) {
                throw Broken("`" + a.at + "` is no longer a scene");
            }
            session.continue_scene();
            if (session.node().id != a.to) {
                throw Broken("the scene now leads to `" + session.node().id +
                             "`, the path went to `" + a.to + "`");
            }
            return;
        case PathAction::Kind::answer: {
            require_at(session, a);
            if (step_id(session) != a.step) {
                throw Broken("the path answers step `" + a.step + "`, but the play is at step `" +
                             step_id(session) + "`");
            }
            StepAnswer answer{a.step, a.picks, a.text, a.scale};
            if (const AnswerProblem p = check_answer(session, answer); p != AnswerProblem::none) {
                throw Broken("the answer to step `" + a.step +
                             "` no longer fits: " + answer_problem_text(p));
            }
            session.answer_step(std::move(answer));
            return;
        }
        case PathAction::Kind::back:
            require_at(session, a);
            if (!session.go_back() || step_id(session) != a.step) {
                throw Broken("going back no longer leads to step `" + a.step + "`");
            }
            return;
        case PathAction::Kind::choose:
            require_at(session, a);
            apply_choice(session, a);
            return;
        case PathAction::Kind::factor:
            apply_factor(session, a.factor, a.value);
            return;
    }
}

}  // namespace

PathReplay replay_path(std::shared_ptr<const Scenario> scenario, const SavedPath& path) {
    PathReplay result;
    if (path.scenario_id != scenario->id) {
        result.problem =
            "the path is of scenario `" + path.scenario_id + "`, not `" + scenario->id + "`";
        return result;
    }
    Session session(std::move(scenario), path.language);
    try {
        for (const auto& [id, value] : path.factors) {
            apply_factor(session, id, value);
        }
    } catch (const Broken& e) {
        result.node = session.node().id;
        result.problem = e.what();
        return result;
    }
    for (std::size_t i = 0; i < path.actions.size(); ++i) {
        try {
            apply_action(session, path.actions[i]);
        } catch (const std::exception& e) {
            // Broken from the checks above, std::logic_error from the session itself.
            result.action = i + 1;
            result.node = session.node().id;
            result.problem = e.what();
            return result;
        }
    }
    result.node = session.node().id;
    if (!session.at_ending()) {
        result.outcome = PathReplay::Outcome::no_ending;
        result.problem = "the path ends at `" + result.node + "`, which is not an ending" +
                         (path.ending.empty() ? "" : " (it reached `" + path.ending + "`)");
    } else if (result.node != path.ending) {
        result.outcome = PathReplay::Outcome::other_ending;
        result.problem = "reaches ending `" + result.node + "` instead of `" + path.ending + "`";
    } else {
        result.outcome = PathReplay::Outcome::same_ending;
    }
    return result;
}

PathRecorder::PathRecorder(const Session& session) {
    const Scenario& scenario = session.scenario();
    path_.scenario_id = scenario.id;
    path_.language = session.language();
    for (std::size_t f = 0; f < scenario.factors.size(); ++f) {
        path_.factors.emplace_back(scenario.factors[f].id, session.factor_values()[f]);
    }
}

void PathRecorder::continue_scene(Session& session) {
    PathAction a;
    a.at = session.node().id;
    session.continue_scene();
    a.to = session.node().id;
    path_.actions.push_back(std::move(a));
}

void PathRecorder::answer_step(Session& session, StepAnswer answer) {
    PathAction a;
    a.kind = PathAction::Kind::answer;
    a.at = session.node().id;
    a.step = answer.step_id.empty() ? step_id(session) : answer.step_id;
    a.picks = answer.picks;
    a.text = answer.text;
    a.scale = answer.scale;
    session.answer_step(std::move(answer));
    path_.actions.push_back(std::move(a));
}

bool PathRecorder::go_back(Session& session) {
    PathAction a;
    a.kind = PathAction::Kind::back;
    a.at = session.node().id;
    if (!session.go_back()) {
        return false;
    }
    a.step = step_id(session);
    path_.actions.push_back(std::move(a));
    return true;
}

void PathRecorder::choose(Session& session, std::size_t option_index) {
    PathAction a;
    a.kind = PathAction::Kind::choose;
    a.at = session.node().id;
    a.option = session.node().options.at(option_index).id;
    session.choose(option_index);
    path_.actions.push_back(std::move(a));
}

void PathRecorder::set_factor(Session& session, std::size_t factor, std::size_t value) {
    session.set_factor(factor, value);
    PathAction a;
    a.kind = PathAction::Kind::factor;
    a.factor = session.scenario().factors[factor].id;
    a.value = session.factor_values()[factor];
    path_.actions.push_back(std::move(a));
}

SavedPath PathRecorder::path(const Session& session) const {
    SavedPath path = path_;
    path.ending = session.at_ending() ? session.node().id : std::string();
    return path;
}

}  // namespace deliberate
