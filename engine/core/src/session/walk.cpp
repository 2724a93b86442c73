// Random play-throughs with Session, counting what is reached and what goes wrong, so authors
// find dead options and broken texts without playing every path by hand.
#include "deliberate/session/walk.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>

#include "deliberate/session/session.hpp"

namespace deliberate {

const char* walk_problem_kind_name(WalkProblem::Kind k) {
    switch (k) {
        case WalkProblem::Kind::empty_placeholder:
            return "empty placeholder";
        case WalkProblem::Kind::stuck:
            return "stuck";
        case WalkProblem::Kind::loop:
            return "loop";
    }
    return "?";
}

namespace {

// Collects problems once each, counting the runs that met them.
class ProblemLog {
  public:
    void add(WalkProblem::Kind kind, const std::string& node_id, const std::string& detail,
             int run) {
        const auto key = std::make_tuple(static_cast<int>(kind), node_id, detail);
        const auto found = index_.find(key);
        if (found == index_.end()) {
            index_.emplace(key, problems_.size());
            problems_.push_back({kind, node_id, detail, run, 1});
            last_run_.push_back(run);
            return;
        }
        if (last_run_[found->second] != run) {
            last_run_[found->second] = run;
            ++problems_[found->second].runs;
        }
    }
    std::vector<WalkProblem> take() { return std::move(problems_); }

  private:
    std::map<std::tuple<int, std::string, std::string>, std::size_t> index_;
    std::vector<WalkProblem> problems_;
    std::vector<int> last_run_;
};

// One run's view: renders texts in every language and logs empty placeholders against the
// node whose text it was.
struct Renderer {
    Session& session;
    const std::vector<std::string>& languages;
    ProblemLog& log;
    int run;

    void text(const LocalisedText& t, const std::string& node_id) {
        for (const std::string& language : languages) {
            session.set_language(language);
            std::vector<std::string> empty;
            session.render(t, &empty);
            for (const std::string& placeholder : empty) {
                log.add(WalkProblem::Kind::empty_placeholder, node_id,
                        placeholder + " (" + language + ")", run);
            }
        }
    }
    void texts(const std::vector<LocalisedText>& ts, const std::string& node_id) {
        for (const auto& t : ts) {
            text(t, node_id);
        }
    }
    void node(const Node& n, const JudgementModel* model) {
        text(n.title, n.id);
        text(n.text, n.id);
        text(n.notes, n.id);
        text(n.question, n.id);
        text(n.outcome, n.id);
        text(n.debrief, n.id);
        texts(n.discussion, n.id);
        for (const StepContent& content : n.steps) {
            text(content.prompt, n.id);
            texts(content.prompts, n.id);
            text(content.feedback, n.id);
            for (const StepItem& item : content.items) {
                text(item.label, n.id);
                text(item.feedback, n.id);
            }
        }
        if (model != nullptr) {
            for (const std::size_t s : n.walked_steps) {
                const ModelStep& step = model->steps[s];
                text(step.title, n.id);
                text(step.prompt, n.id);
                text(step.guidance, n.id);
                text(step.scale.min_label, n.id);
                text(step.scale.max_label, n.id);
                for (const CheckSpec& check : step.checks) {
                    text(check.label, n.id);
                }
            }
        }
    }
    void option(const Option& o, const std::string& node_id) {
        text(o.label, node_id);
        texts(o.arguments_for, node_id);
        texts(o.arguments_against, node_id);
        text(o.feedback, node_id);
    }
};

// Factor value indices for run `run`; see random_walks() in walk.hpp.
std::vector<std::size_t> factor_values_for_run(const Scenario& scenario, int run, int runs) {
    std::size_t combinations = 1;
    bool fits = true;
    for (const Factor& factor : scenario.factors) {
        combinations *= factor.values.size();
        if (combinations > static_cast<std::size_t>(runs)) {
            fits = false;
            break;
        }
    }
    std::vector<std::size_t> values;
    std::size_t rest = static_cast<std::size_t>(run) % combinations;
    for (std::size_t k = 0; k < scenario.factors.size(); ++k) {
        const std::size_t n = scenario.factors[k].values.size();
        if (fits) {
            values.push_back(rest % n);
            rest /= n;
        } else {
            values.push_back((static_cast<std::size_t>(run) + k) % n);
        }
    }
    return values;
}

}  // namespace

std::size_t walk_length_limit(const Scenario& scenario) {
    return std::max(max_walk_length, 4 * scenario.nodes.size());
}

namespace {

// What all runs of one random_walks() call add up: nodes reached, options offered and chosen
// (flat, each node's options from first_option[node]), and the problems met.
struct WalkTally {
    explicit WalkTally(const Scenario& scenario) {
        std::size_t option_count = 0;
        for (const Node& n : scenario.nodes) {
            first_option.push_back(option_count);
            option_count += n.options.size();
        }
        reached.assign(scenario.nodes.size(), false);
        offered.assign(option_count, false);
        chosen.assign(option_count, false);
    }

    std::vector<std::size_t> first_option;
    std::vector<bool> reached;
    std::vector<bool> offered;
    std::vector<bool> chosen;
    ProblemLog log;
};

// Where a walk stands on arriving at a node. Session is deterministic between choices, so
// arriving twice at one state with no choice in between means it goes round forever.
using ArrivalState = std::pair<std::size_t, std::vector<Value>>;

// Plays one run to its end, a dead end, or a loop. A revisited state is caught at once; a loop
// that passes random choices, or changes a variable each round, is caught by the length limit.
void walk_run(Session& session, Renderer& render, WalkTally& tally, std::mt19937_64& rng) {
    const Scenario& scenario = session.scenario();
    const std::size_t limit = walk_length_limit(scenario);
    std::set<ArrivalState> since_choice;
    std::size_t visited = 0;
    while (true) {
        if (session.history().size() != visited) {
            visited = session.history().size();
            tally.reached[session.node_index()] = true;
            render.node(session.node(), scenario.model.get());
            if (!since_choice.emplace(session.node_index(), session.variables()).second) {
                tally.log.add(WalkProblem::Kind::loop, session.node().id,
                              "comes back with the same variables, so it never ends", render.run);
                return;
            }
        }
        if (visited > limit) {
            tally.log.add(WalkProblem::Kind::loop, session.node().id,
                          "more than " + std::to_string(limit) + " nodes", render.run);
            return;
        }
        if (session.at_ending()) {
            return;
        }
        if (session.at_scene()) {
            session.continue_scene();
            continue;
        }
        if (!session.at_choice()) {
            session.answer_step();
            continue;
        }
        const std::vector<std::size_t> options = session.offered_options();
        const std::size_t base = tally.first_option[session.node_index()];
        for (const std::size_t o : options) {
            tally.offered[base + o] = true;
            render.option(session.node().options[o], session.node().id);
        }
        if (options.empty()) {
            tally.log.add(WalkProblem::Kind::stuck, session.node().id, "no option is offered",
                          render.run);
            return;
        }
        if (options.size() > 1) {
            since_choice.clear();  // the next round may choose otherwise
        }
        // Modulo rather than a distribution: distributions differ between standard
        // libraries, and the report must be the same everywhere for the same seed.
        const std::size_t pick = options[rng() % options.size()];
        tally.chosen[base + pick] = true;
        const Node& dilemma = session.node();
        session.choose(pick);
        // Feedback is shown after the choice, with its effects applied.
        render.text(dilemma.options[pick].feedback, dilemma.id);
    }
}

WalkReport report_of(const Scenario& scenario, int runs, WalkTally& tally) {
    WalkReport report;
    report.runs = runs;
    report.nodes_total = scenario.nodes.size();
    report.options_total = tally.offered.size();
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& n = scenario.nodes[i];
        if (tally.reached[i]) {
            ++report.nodes_reached;
        } else {
            report.nodes_unreached.push_back(n.id);
        }
        for (std::size_t o = 0; o < n.options.size(); ++o) {
            const std::string name = n.id + "/" + n.options[o].id;
            if (tally.offered[tally.first_option[i] + o]) {
                ++report.options_offered;
            } else {
                report.options_never_offered.push_back(name);
            }
            if (tally.chosen[tally.first_option[i] + o]) {
                ++report.options_chosen;
            } else {
                report.options_never_chosen.push_back(name);
            }
        }
    }
    report.problems = tally.log.take();
    return report;
}

}  // namespace

WalkReport random_walks(const Scenario& scenario, int runs, std::uint64_t seed,
                        const std::vector<std::string>& languages) {
    const std::vector<std::string>& langs = languages.empty() ? scenario.languages : languages;
    // Session shares ownership of its scenario; here the caller owns it and outlives the
    // walks, so an aliasing pointer with no owner is enough.
    const std::shared_ptr<const Scenario> shared(std::shared_ptr<const Scenario>(), &scenario);
    WalkTally tally(scenario);
    std::mt19937_64 rng(seed);
    for (int run = 0; run < runs; ++run) {
        Session session(shared, langs.empty() ? std::string() : langs.front());
        const auto values = factor_values_for_run(scenario, run, runs);
        for (std::size_t k = 0; k < values.size(); ++k) {
            session.set_factor(k, values[k]);
        }
        Renderer render{session, langs, tally.log, run};
        try {
            walk_run(session, render, tally, rng);
        } catch (const std::logic_error& e) {
            // Only a scenario the loader did not check can get here.
            tally.log.add(WalkProblem::Kind::stuck, session.node().id, e.what(), run);
        }
    }
    return report_of(scenario, runs, tally);
}

}  // namespace deliberate
