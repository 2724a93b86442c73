// Summing the results folder's counts into the coordinator's report.
#include "deliberate/results/results_report.hpp"

#include <algorithm>
#include <set>

#include "deliberate/results/disclosure.hpp"

namespace deliberate {

namespace {

// The counts of one scenario over the months the filter admits, keyed without the scope.
struct ScenarioSums {
    std::map<std::string, long long> practice;  // kind + ids of practice extracts
    std::map<std::string, long long> workshop;
    std::map<std::string, std::pair<long long, long long>> months;
};

std::string join(FactKind kind, const std::vector<std::string>& ids) {
    std::string key(1, static_cast<char>(kind));
    for (const std::string& id : ids) {
        key += '\t' + id;
    }
    return key;
}

long long get(const std::map<std::string, long long>& sums, FactKind kind,
              const std::vector<std::string>& ids) {
    const auto it = sums.find(join(kind, ids));
    return it == sums.end() ? 0 : it->second;
}

// The distinct values of the id at `position` among keys of `kind` starting with `prefix`.
std::vector<std::string> ids_at(const std::map<std::string, long long>& sums, FactKind kind,
                                const std::vector<std::string>& prefix, std::size_t position) {
    const std::string start = join(kind, prefix) + '\t';
    std::set<std::string> out;
    for (auto it = sums.lower_bound(start); it != sums.end() && it->first.rfind(start, 0) == 0;
         ++it) {
        std::vector<std::string> parts;
        std::size_t from = 2;
        while (from <= it->first.size()) {
            const std::size_t tab = it->first.find('\t', from);
            parts.push_back(
                it->first.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
            if (tab == std::string::npos) {
                break;
            }
            from = tab + 1;
        }
        if (position < parts.size()) {
            out.insert(parts[position]);
        }
    }
    return {out.begin(), out.end()};
}

// The option ids of a dilemma: the scenario's order when known, else as found.
std::vector<std::string> option_ids(const Node* node, const std::vector<std::string>& found) {
    std::vector<std::string> out;
    for (const Option& o : node != nullptr ? node->options : std::vector<Option>{}) {
        out.push_back(o.id);
    }
    for (const std::string& id : found) {
        if (std::find(out.begin(), out.end(), id) == out.end()) {
            out.push_back(id);
        }
    }
    return out;
}

// Candidates a careful participant names at `step`: relevant stakeholders, relevant items of
// the dilemma's step, and the values the dilemma's options put at stake.
std::vector<std::string> relevant_candidates(const Scenario& scenario, const Node& node,
                                             const std::string& step_id) {
    std::vector<std::string> out;
    const ModelStep* step = scenario.model ? scenario.model->find_step(step_id) : nullptr;
    if (step == nullptr) {
        return out;
    }
    if (step->from == CandidateSource::stakeholders) {
        for (const Stakeholder& s : scenario.stakeholders) {
            if (s.relevant) {
                out.push_back(s.id);
            }
        }
    } else if (step->from == CandidateSource::items) {
        if (const StepContent* c = node.step_content(step_id)) {
            for (const StepItem& item : c->items) {
                if (item.relevant) {
                    out.push_back(item.id);
                }
            }
        }
    } else if (step->from == CandidateSource::values) {
        for (const Option& o : node.options) {
            for (const std::string& v : o.values) {
                if (std::find(out.begin(), out.end(), v) == out.end()) {
                    out.push_back(v);
                }
            }
        }
    }
    return out;
}

DilemmaFigures dilemma_figures(const ScenarioSums& sums, const std::string& node_id,
                               const Scenario* scenario) {
    const Node* node = nullptr;
    if (scenario != nullptr) {
        if (const auto n = scenario->find_node(node_id)) {
            node = &scenario->nodes[*n];
        }
    }
    DilemmaFigures d;
    d.node = node_id;
    d.reached = get(sums.practice, FactKind::reached, {node_id});
    for (const std::string& setting : ids_at(sums.practice, FactKind::setting, {node_id}, 1)) {
        SettingFigures s{setting, get(sums.practice, FactKind::setting, {node_id, setting}), {}};
        for (const std::string& option :
             option_ids(node, ids_at(sums.practice, FactKind::choice, {node_id, setting}, 2))) {
            s.options.push_back(
                {option, get(sums.practice, FactKind::choice, {node_id, setting, option})});
        }
        d.settings.push_back(std::move(s));
    }
    std::set<std::string> vote_settings;
    for (const char* round : {"first", "final"}) {
        for (const std::string& s : ids_at(sums.workshop, FactKind::voters, {node_id, round}, 2)) {
            vote_settings.insert(s);
        }
    }
    for (const std::string& setting : vote_settings) {
        VoteFigures v;
        v.setting = setting;
        v.first_hands = get(sums.workshop, FactKind::voters, {node_id, "first", setting});
        v.final_hands = get(sums.workshop, FactKind::voters, {node_id, "final", setting});
        std::vector<std::string> found;
        for (const char* round : {"first", "final"}) {
            for (const std::string& o :
                 ids_at(sums.workshop, FactKind::votes, {node_id, round, setting}, 3)) {
                found.push_back(o);
            }
        }
        for (const std::string& option : option_ids(node, found)) {
            v.first.push_back(
                {option, get(sums.workshop, FactKind::votes, {node_id, "first", setting, option})});
            v.final_.push_back(
                {option, get(sums.workshop, FactKind::votes, {node_id, "final", setting, option})});
        }
        d.votes.push_back(std::move(v));
    }
    std::vector<std::string> steps = ids_at(sums.practice, FactKind::answered, {node_id}, 1);
    if (scenario != nullptr && scenario->model) {
        // In the model's order, not alphabetically.
        std::vector<std::string> ordered;
        for (const ModelStep& s : scenario->model->steps) {
            if (std::find(steps.begin(), steps.end(), s.id) != steps.end()) {
                ordered.push_back(s.id);
            }
        }
        steps = ordered;
    }
    for (const std::string& step : steps) {
        StepFigures s{step, get(sums.practice, FactKind::answered, {node_id, step}),
                      get(sums.practice, FactKind::skipped, {node_id, step}),
                      get(sums.practice, FactKind::timed, {node_id, step}),
                      get(sums.practice, FactKind::seconds, {node_id, step})};
        if (node != nullptr) {
            for (const std::string& c : relevant_candidates(*scenario, *node, step)) {
                const long long named = get(sums.practice, FactKind::picked, {node_id, step, c});
                if (s.answered > 0 && 2 * named < s.answered) {
                    d.blind_spots.push_back({step, c, named, s.answered});
                }
            }
        }
        d.steps.push_back(s);
    }
    return d;
}

bool shown(long long n) {
    return n != hidden_count;
}

// A count with nothing beside it to subtract it from: shown from 5 on (and at 0).
long long alone(long long n) {
    return n == 0 || count_shown(n) ? n : hidden_count;
}

// Every figure of a dilemma under the k rule, group by group (see disclose()): the settings out
// of the sessions that chose here, the options out of each setting's sessions, the hands out of
// each round's, the answers to a step out of the sessions that chose here, and what was skipped
// or named out of those answers. A group whose total is hidden shows nothing.
void disclose_dilemma(DilemmaFigures& d) {
    const long long reached = d.reached;
    d.reached = alone(reached);
    std::vector<long long*> settings;
    for (SettingFigures& g : d.settings) {
        settings.push_back(&g.sessions);
    }
    std::vector<long long> sessions;
    for (const SettingFigures& g : d.settings) {
        sessions.push_back(g.sessions);
    }
    disclose_in_place(settings, reached, shown(d.reached));
    for (std::size_t i = 0; i < d.settings.size(); ++i) {
        std::vector<long long*> options;
        for (ReportCount& c : d.settings[i].options) {
            options.push_back(&c.n);
        }
        disclose_in_place(options, sessions[i], shown(d.settings[i].sessions));
    }
    for (VoteFigures& v : d.votes) {
        for (const bool first : {true, false}) {
            long long& hands = first ? v.first_hands : v.final_hands;
            const long long all = hands;
            hands = alone(all);
            std::vector<long long*> options;
            for (ReportCount& c : first ? v.first : v.final_) {
                options.push_back(&c.n);
            }
            disclose_in_place(options, all, shown(hands));
        }
    }
    std::map<std::string, long long> answered;
    for (StepFigures& s : d.steps) {
        answered[s.step] = s.answered;
        disclose_in_place({&s.answered}, reached, shown(d.reached));
        disclose_in_place({&s.skipped}, answered[s.step], shown(s.answered));
        // An average, not a count: shown when it is over 5 answers or more.
        s.timed = shown(s.answered) ? alone(s.timed) : hidden_count;
        if (!count_shown(s.timed)) {
            s.timed = hidden_count;
            s.seconds = hidden_count;
        }
    }
    for (BlindSpot& b : d.blind_spots) {
        const long long all = answered.count(b.step) ? answered[b.step] : b.answered;
        bool all_shown = count_shown(all);
        for (const StepFigures& s : d.steps) {
            all_shown = s.step == b.step ? shown(s.answered) : all_shown;
        }
        b.answered = all_shown ? all : hidden_count;
        disclose_in_place({&b.named}, all, all_shown);
    }
}

// The whole report under the k rule. A scenario's practice and workshop sessions are counts
// alone; the months split them. The number of extracts at the top is the total of the
// scenarios' counts: when the hidden ones among those come to 1 to 4, it is the total that is
// hidden, not another scenario's count (whose dilemmas would still tell it).
void disclose_report(ResultsReport& report) {
    long long hidden = 0;
    for (ScenarioFigures& s : report.scenarios) {
        for (long long* n : {&s.practice, &s.workshop}) {
            const long long all = *n;
            *n = alone(all);
            hidden += shown(*n) ? 0 : all;
            std::vector<long long*> months;
            for (auto& [month, counts] : s.months) {
                months.push_back(n == &s.practice ? &counts.first : &counts.second);
            }
            disclose_in_place(months, all, shown(*n));
        }
        for (DilemmaFigures& d : s.dilemmas) {
            disclose_dilemma(d);
        }
    }
    if ((hidden > 0 && hidden < min_people_shown) || !shown(alone(report.extracts))) {
        report.extracts = hidden_count;
    }
}

}  // namespace

namespace {

// Ids only, but a file from anywhere may start one with a sign a spreadsheet takes for a
// formula: such a field gets a leading apostrophe.
std::string csv_id(const std::string& id) {
    if (!id.empty() && (id[0] == '-' || id[0] == '+' || id[0] == '=' || id[0] == '@')) {
        return "'" + id;
    }
    return id;
}

std::string csv_count(long long n) {
    return n == 0 || count_shown(n) ? std::to_string(n) : "hidden";
}

}  // namespace

std::string report_csv(const ResultsReport& report, const std::string& language) {
    (void)language;
    std::string out = "section,scenario,month,dilemma,setting,round,step,item,count,total\n";
    const auto row = [&](const char* section, const std::string& scenario, const std::string& month,
                         const std::string& dilemma, const std::string& setting,
                         const std::string& round, const std::string& step, const std::string& item,
                         long long n, long long total) {
        out += std::string(section) + "," + csv_id(scenario) + "," + month + "," + csv_id(dilemma) +
               "," + csv_id(setting) + "," + round + "," + csv_id(step) + "," + csv_id(item) + "," +
               csv_count(n) + "," + csv_count(total) + "\n";
    };
    for (const ScenarioFigures& s : report.scenarios) {
        for (const auto& [month, counts] : s.months) {
            row("reach", s.id, month, "", "", "practice", "", "", counts.first, counts.first);
            row("reach", s.id, month, "", "", "workshop", "", "", counts.second, counts.second);
        }
        for (const DilemmaFigures& d : s.dilemmas) {
            for (const SettingFigures& g : d.settings) {
                if (!count_shown(d.reached) || !count_shown(g.sessions)) {
                    continue;
                }
                for (const ReportCount& c : g.options) {
                    row("choice", s.id, "", d.node, g.setting, "", "", c.id, c.n, g.sessions);
                }
            }
            for (const VoteFigures& v : d.votes) {
                for (std::size_t o = 0; o < v.first.size(); ++o) {
                    if (count_shown(v.first_hands)) {
                        row("vote", s.id, "", d.node, v.setting, "first", "", v.first[o].id,
                            v.first[o].n, v.first_hands);
                    }
                    if (count_shown(v.final_hands)) {
                        row("vote", s.id, "", d.node, v.setting, "final", "", v.final_[o].id,
                            v.final_[o].n, v.final_hands);
                    }
                }
            }
            if (!count_shown(d.reached)) {
                continue;
            }
            for (const BlindSpot& b : d.blind_spots) {
                if (count_shown(b.answered)) {
                    row("blind-spot", s.id, "", d.node, "", "", b.step, b.candidate, b.named,
                        b.answered);
                }
            }
            for (const StepFigures& st : d.steps) {
                if (count_shown(st.answered)) {
                    row("skipped", s.id, "", d.node, "", "", st.step, "", st.skipped, st.answered);
                }
            }
        }
    }
    return out;
}

bool ReportFilter::admits(const Fact& fact) const {
    if ((!from.empty() && fact.month < from) || (!to.empty() && fact.month > to)) {
        return false;
    }
    return scenarios.empty() ||
           std::find(scenarios.begin(), scenarios.end(), fact.scenario) != scenarios.end();
}

std::string skipped_reasons(const std::map<std::string, long long>& skipped,
                            const MessageCatalogue& text) {
    std::string out;
    for (const auto& [reason, n] : skipped) {
        std::string key = "report.why." + reason;
        std::replace(key.begin(), key.end(), ' ', '_');
        std::string said = text.get(key);
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (said == key ? reason : said);
    }
    return out;
}

std::string shown_count(long long n, const MessageCatalogue& text) {
    // Nobody at all gives no one away.
    return n == 0 || count_shown(n) ? std::to_string(n) : text.get("report.hidden");
}

ResultsReport build_report(const FactCounts& facts, const ReportFilter& filter,
                           const std::vector<std::shared_ptr<const Scenario>>& scenarios) {
    ResultsReport report;
    report.filter = filter;
    std::map<std::string, ScenarioSums> sums;
    for (const auto& [key, n] : facts) {
        // SCENARIO \t MONTH \t MODE \t KIND [\t ID]...: the scope is read in place, and the
        // rest is the key within the scenario as it stands.
        const std::size_t a = key.find('\t');
        const std::size_t b = a == std::string::npos ? a : key.find('\t', a + 1);
        const std::size_t c = b == std::string::npos ? b : key.find('\t', b + 1);
        if (c == std::string::npos || c + 1 >= key.size()) {
            continue;
        }
        const std::string_view scenario(key.data(), a);
        const std::string_view month(key.data() + a + 1, b - a - 1);
        const std::string_view mode(key.data() + b + 1, c - b - 1);
        if ((!filter.from.empty() && month < filter.from) ||
            (!filter.to.empty() && month > filter.to) ||
            (!filter.scenarios.empty() &&
             std::find(filter.scenarios.begin(), filter.scenarios.end(), scenario) ==
                 filter.scenarios.end())) {
            continue;
        }
        ScenarioSums& s = sums[std::string(scenario)];
        const bool workshop = mode == "workshop";
        (workshop ? s.workshop : s.practice)[key.substr(c + 1)] += n;
        if (static_cast<FactKind>(key[c + 1]) == FactKind::sessions) {
            auto& counts = s.months[std::string(month)];
            (workshop ? counts.second : counts.first) += n;
            report.extracts += n;
        }
    }
    for (const auto& [id, s] : sums) {
        ScenarioFigures figures;
        figures.id = id;
        for (const auto& scenario : scenarios) {
            if (scenario && scenario->id == id) {
                figures.scenario = scenario;
            }
        }
        figures.practice = get(s.practice, FactKind::sessions, {});
        figures.workshop = get(s.workshop, FactKind::sessions, {});
        figures.months = s.months;
        std::vector<std::string> nodes = ids_at(s.practice, FactKind::reached, {}, 0);
        for (const std::string& n : ids_at(s.workshop, FactKind::reached, {}, 0)) {
            nodes.push_back(n);
        }
        if (figures.scenario) {
            // In the scenario's node order.
            std::vector<std::string> ordered;
            for (const Node& node : figures.scenario->nodes) {
                if (std::find(nodes.begin(), nodes.end(), node.id) != nodes.end()) {
                    ordered.push_back(node.id);
                }
            }
            nodes = ordered;
        } else {
            std::sort(nodes.begin(), nodes.end());
            nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
        }
        for (const std::string& node : nodes) {
            figures.dilemmas.push_back(dilemma_figures(s, node, figures.scenario.get()));
        }
        report.scenarios.push_back(std::move(figures));
    }
    disclose_report(report);
    return report;
}

}  // namespace deliberate
