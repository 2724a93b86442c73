// Finding a path to each ending: a depth-first search over copies of a session, answering each
// step as simply as it allows, so that authors can start their saved paths from a full set.
#include <functional>
#include <map>
#include <set>

#include "deliberate/authoring/saved_path.hpp"
#include "deliberate/session/step_input.hpp"

namespace deliberate {

namespace {

constexpr std::size_t max_factor_settings = 64;

// The simplest answers a step may take, tried in order until one fits.
std::vector<StepAnswer> simple_answers(const Session& session) {
    const std::string step = session.current_step()->id;
    const std::vector<Candidate> candidates = step_candidates(session);
    std::vector<StepAnswer> answers{{step, {}, {}, {}}};
    if (!candidates.empty()) {
        answers.push_back({step, {candidates.front().id}, {}, {}});
        std::vector<std::string> all;
        for (const Candidate& c : candidates) {
            all.push_back(c.id);
        }
        answers.push_back({step, all, {}, {}});
    }
    answers.push_back({step, {}, "(saved path)", {}});
    answers.push_back({step, {}, {}, session.current_step()->scale.min});
    return answers;
}

std::string state_key(const Session& session) {
    std::string key = std::to_string(session.node_index()) + '/' +
                      std::to_string(session.step_position()) + '/' +
                      (session.chosen_option() ? std::to_string(*session.chosen_option()) : "-");
    for (const std::string& f : session.factor_values()) {
        key += '|' + f;
    }
    for (const Value& v : session.variables()) {
        key += '|' + to_display(v);
    }
    return key;
}

struct Search {
    std::map<std::string, SavedPath> found;  // by ending id
    std::set<std::string> seen;
    std::size_t max_states = 0;

    void from(Session session, PathRecorder recorder) {
        while (true) {
            if (seen.size() >= max_states || !seen.insert(state_key(session)).second) {
                return;
            }
            if (session.at_ending()) {
                found.emplace(session.node().id, recorder.path(session));
                return;
            }
            if (session.at_scene()) {
                recorder.continue_scene(session);
            } else if (session.at_choice()) {
                for (std::size_t o : session.offered_options()) {
                    Session next = session;
                    PathRecorder next_recorder = recorder;
                    next_recorder.choose(next, o);
                    from(std::move(next), std::move(next_recorder));
                }
                return;
            } else if (!answer(session, recorder)) {
                return;
            }
        }
    }

    static bool answer(Session& session, PathRecorder& recorder) {
        for (StepAnswer& a : simple_answers(session)) {
            if (check_answer(session, a) == AnswerProblem::none) {
                recorder.answer_step(session, std::move(a));
                return true;
            }
        }
        return false;
    }
};

// Every combination of factor values, or only the defaults when there are too many.
std::vector<std::vector<std::size_t>> factor_settings(const Scenario& scenario) {
    std::vector<std::vector<std::size_t>> settings{{}};
    for (const Factor& f : scenario.factors) {
        std::vector<std::vector<std::size_t>> wider;
        for (const auto& s : settings) {
            for (std::size_t v = 0; v < f.values.size(); ++v) {
                wider.push_back(s);
                wider.back().push_back(v);
            }
        }
        if (wider.size() > max_factor_settings) {
            return {};
        }
        settings = std::move(wider);
    }
    return settings;
}

}  // namespace

std::vector<SavedPath> paths_to_endings(std::shared_ptr<const Scenario> scenario,
                                        const std::string& language, std::size_t max_states) {
    Search search;
    search.max_states = max_states;
    // Defaults first, so an ending reachable without touching the factors is found that way.
    search.from(Session(scenario, language), PathRecorder(Session(scenario, language)));
    for (const auto& setting : factor_settings(*scenario)) {
        Session session(scenario, language);
        for (std::size_t f = 0; f < setting.size(); ++f) {
            session.set_factor(f, setting[f]);
        }
        search.from(session, PathRecorder(session));
    }
    std::vector<SavedPath> paths;
    for (auto& [ending, path] : search.found) {
        paths.push_back(std::move(path));
    }
    return paths;
}

}  // namespace deliberate
