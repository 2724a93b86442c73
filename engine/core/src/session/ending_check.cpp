// Plays every path through a scenario, under every combination of factor values, and compares
// what the participant reads after the last choice; see ending_check.hpp for the rule.
#include "deliberate/session/ending_check.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include "deliberate/session/session.hpp"
#include "deliberate/session/walk.hpp"

namespace deliberate {

namespace {

// What tells two plays apart apart from their last choice: the factor settings, the earlier
// choices and what was read after the last one.
struct PlayKey {
    std::size_t combination = 0;
    std::vector<std::pair<std::size_t, std::size_t>> earlier;  // (node, option) per choice
    std::string read_after;
    std::size_t ending = 0;
    std::size_t dilemma = 0;
    auto operator<=>(const PlayKey&) const = default;
};

// Per key: each distinct variable state, with the options that led to it.
using Outcomes = std::map<PlayKey, std::map<std::string, std::set<std::size_t>>>;

class Explorer {
  public:
    Explorer(const Scenario& scenario, std::size_t max_plays)
        : scenario_(scenario), max_plays_(max_plays) {}

    void explore(Session session, std::size_t combination) {
        Play play;
        play.combination = combination;
        walk(std::move(session), play);
    }
    std::size_t plays() const { return plays_; }
    bool truncated() const { return truncated_; }
    const Outcomes& outcomes() const { return outcomes_; }

  private:
    struct Play {
        std::size_t combination = 0;
        std::vector<std::pair<std::size_t, std::size_t>> choices;
        std::string read_after;  // texts read since the last choice, in every language
    };

    void read(const Session& session, Play& play) const {
        Session reader = session;
        const Node& n = session.node();
        for (const std::string& language : scenario_.languages) {
            reader.set_language(language);
            play.read_after += n.id + '\x1f';
            for (const LocalisedText* t : {&n.title, &n.text, &n.outcome, &n.debrief}) {
                play.read_after += reader.render(*t) + '\x1f';
            }
            for (const LocalisedText& q : n.discussion) {
                play.read_after += reader.render(q) + '\x1f';
            }
        }
    }

    static std::string state_of(const Session& session) {
        std::string out;
        for (const Value& v : session.variables()) {
            out += to_display(v) + '\x1f';
        }
        return out;
    }

    void walk(Session session, Play play) {
        std::size_t seen = 0;
        while (!truncated_) {
            if (session.history().size() != seen) {
                seen = session.history().size();
                read(session, play);
            }
            if (seen > max_walk_length) {
                return;  // a loop; `walk` reports those
            }
            if (session.at_ending()) {
                record(session, play);
                return;
            }
            if (session.at_scene()) {
                session.continue_scene();
            } else if (!session.at_choice()) {
                session.answer_step();
            } else {
                break;
            }
        }
        if (truncated_) {
            return;
        }
        for (const std::size_t option : session.offered_options()) {
            Session next = session;
            Play branch = play;
            branch.choices.emplace_back(session.node_index(), option);
            branch.read_after.clear();
            next.choose(option);
            walk(std::move(next), std::move(branch));
        }
    }

    void record(const Session& session, const Play& play) {
        if (++plays_ >= max_plays_) {
            truncated_ = true;
        }
        if (play.choices.empty()) {
            return;
        }
        PlayKey key;
        key.combination = play.combination;
        key.earlier.assign(play.choices.begin(), play.choices.end() - 1);
        key.read_after = play.read_after;
        key.ending = session.node_index();
        key.dilemma = play.choices.back().first;
        outcomes_[key][state_of(session)].insert(play.choices.back().second);
    }

    const Scenario& scenario_;
    std::size_t max_plays_;
    std::size_t plays_ = 0;
    bool truncated_ = false;
    Outcomes outcomes_;
};

std::string factor_text(const Scenario& scenario, std::size_t combination) {
    std::string out;
    for (const Factor& factor : scenario.factors) {
        out += (out.empty() ? "" : ", ") + factor.id + "=" +
               factor.values[combination % factor.values.size()].id;
        combination /= factor.values.size();
    }
    return out;
}

}  // namespace

EndingCheckReport check_endings(const Scenario& scenario, std::size_t max_plays) {
    // The caller owns the scenario and outlives the check; an aliasing pointer is enough.
    const std::shared_ptr<const Scenario> shared(std::shared_ptr<const Scenario>(), &scenario);
    std::size_t combinations = 1;
    for (const Factor& factor : scenario.factors) {
        combinations *= factor.values.size();
    }
    Explorer explorer(scenario, max_plays);
    for (std::size_t c = 0; c < combinations && !explorer.truncated(); ++c) {
        Session session(shared, scenario.languages.front());
        std::size_t rest = c;
        for (std::size_t k = 0; k < scenario.factors.size(); ++k) {
            session.set_factor(k, rest % scenario.factors[k].values.size());
            rest /= scenario.factors[k].values.size();
        }
        try {
            explorer.explore(std::move(session), c);
        } catch (const std::logic_error&) {
            // A scenario the loader did not check; `walk` names what is wrong with it.
        }
    }
    EndingCheckReport report;
    report.plays = explorer.plays();
    report.truncated = explorer.truncated();
    // One problem per ending and dilemma: the first factor setting that shows it.
    std::set<std::pair<std::size_t, std::size_t>> reported;
    for (const auto& [key, states] : explorer.outcomes()) {
        if (states.size() < 2 || !reported.emplace(key.ending, key.dilemma).second) {
            continue;
        }
        std::set<std::size_t> options;
        for (const auto& [state, led] : states) {
            options.insert(led.begin(), led.end());
        }
        EndingProblem problem;
        problem.ending_id = scenario.nodes[key.ending].id;
        problem.dilemma_id = scenario.nodes[key.dilemma].id;
        for (const std::size_t o : options) {
            problem.option_ids.push_back(scenario.nodes[key.dilemma].options[o].id);
        }
        problem.factors = factor_text(scenario, key.combination);
        report.problems.push_back(std::move(problem));
    }
    return report;
}

}  // namespace deliberate
