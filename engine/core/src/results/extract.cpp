// Building an anonymous extract from a finished session's journal. Every id is looked up in
// the scenario, so nothing a participant typed can reach the extract, whatever the journal
// holds.
#include "deliberate/results/extract.hpp"

#include <algorithm>
#include <ctime>
#include <random>
#include <set>

namespace deliberate {

namespace {

// Milliseconds since the epoch of a journal time ("2026-11-28T14:09:41.156Z"); nullopt when
// it does not read as one.
std::optional<long long> journal_millis(const std::string& time) {
    std::tm tm{};
    int millis = 0;
    if (time.size() < 20 ||
        std::sscanf(time.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d", &tm.tm_year, &tm.tm_mon,
                    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &millis) < 6) {
        return std::nullopt;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<long long>(timegm(&tm)) * 1000 + millis;
}

// Whole seconds rounded to 5 and capped, so a duration tells how long a step took and
// nothing that could single a session out.
std::optional<int> coarse_seconds(const std::string& from, const std::string& to) {
    const auto a = journal_millis(from), b = journal_millis(to);
    if (!a || !b || *b < *a) {
        return std::nullopt;
    }
    const long long seconds = (*b - *a + 2500) / 5000 * 5;
    return static_cast<int>(std::min<long long>(seconds, 900));
}

// Every id a pick at `node` may name: the scenario's stakeholders and values, the node's
// options and step items, and the model's checks.
std::set<std::string> known_picks(const Scenario& scenario, const Node& node) {
    std::set<std::string> ids;
    for (const Stakeholder& s : scenario.stakeholders) {
        ids.insert(s.id);
    }
    for (const std::string& v : scenario.values) {
        ids.insert(v);
    }
    if (scenario.value_catalogue) {
        for (const auto& v : scenario.value_catalogue->values) {
            ids.insert(v.id);
        }
    }
    for (const Option& o : node.options) {
        ids.insert(o.id);
    }
    for (const StepContent& c : node.steps) {
        for (const StepItem& item : c.items) {
            ids.insert(item.id);
        }
    }
    if (scenario.model) {
        for (const ModelStep& step : scenario.model->steps) {
            for (const CheckSpec& check : step.checks) {
                ids.insert(check.id);
            }
        }
    }
    return ids;
}

// Keeps only factors and values the scenario has, sorted by factor id.
ExtractSetting known_setting(const Scenario& scenario,
                             const std::vector<std::pair<std::string, std::string>>& factors) {
    ExtractSetting out;
    for (const auto& [id, value] : factors) {
        const auto f = scenario.find_factor(id);
        if (f && scenario.factors[*f].find_value(value)) {
            out.emplace_back(id, value);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              out.end());
    return out;
}

bool has_option(const Node& node, const std::string& id) {
    return std::any_of(node.options.begin(), node.options.end(),
                       [&](const Option& o) { return o.id == id; });
}

// What one event adds to its dilemma's record.
class ExtractBuilder {
  public:
    ExtractBuilder(const Scenario& scenario, const JournalHeader& header, bool workshop)
        : scenario_(scenario), workshop_(workshop) {
        for (const auto& [id, value] : header.factors) {
            set_factor(id, value);
        }
        last_time_ = header.time;
    }

    void add(const JournalEvent& e) {
        if (e.type == EventType::factor) {
            set_factor(e.factor, e.value);
        }
        const auto n = scenario_.find_node(e.node);
        const bool dilemma = n && scenario_.nodes[*n].kind == NodeKind::dilemma;
        // A dilemma visited again is counted on its first visit only.
        if (dilemma && e.node != open_ &&
            std::find(done_.begin(), done_.end(), e.node) == done_.end()) {
            close_open();
            open_ = e.node;
            dilemmas_.push_back({e.node, {}, {}, {}, {}});
        }
        if (dilemma && e.node == open_) {
            add_to_open(scenario_.nodes[*n], e);
        } else if (!dilemma) {
            close_open();
        }
        last_time_ = e.time;
    }

    std::vector<ExtractDilemma> finish() {
        close_open();
        std::vector<ExtractDilemma> out;
        for (ExtractDilemma& d : dilemmas_) {
            if (!d.choice.empty()) {
                out.push_back(std::move(d));
            }
        }
        return out;
    }

  private:
    void set_factor(const std::string& id, const std::string& value) {
        for (auto& [f, v] : factors_) {
            if (f == id) {
                v = value;
                return;
            }
        }
        factors_.emplace_back(id, value);
    }

    void close_open() {
        if (!open_.empty()) {
            done_.push_back(open_);
            open_.clear();
        }
    }

    void add_to_open(const Node& node, const JournalEvent& e) {
        ExtractDilemma& d = dilemmas_.back();
        if (e.type == EventType::choice && d.choice.empty() && has_option(node, e.option)) {
            d.choice = e.option;
            d.factors = known_setting(scenario_, factors_);
        } else if (e.type == EventType::vote && workshop_) {
            add_vote(node, e, d);
        } else if (e.type == EventType::answer && !workshop_) {
            add_answer(node, e, d);
        }
    }

    void add_vote(const Node& node, const JournalEvent& e, ExtractDilemma& d) {
        ExtractVote vote{e.round, known_setting(scenario_, e.factors), {}};
        for (const auto& [option, count] : e.counts) {
            if (has_option(node, option) && count >= 0) {
                vote.counts.emplace_back(option, count);
            }
        }
        std::sort(vote.counts.begin(), vote.counts.end());
        // A recount of the same round and setting replaces the earlier count.
        const auto same = std::find_if(d.votes.begin(), d.votes.end(), [&](const ExtractVote& v) {
            return v.round == vote.round && v.factors == vote.factors;
        });
        if (same != d.votes.end()) {
            *same = std::move(vote);
        } else if (vote.round == "first" || vote.round == "final") {
            d.votes.push_back(std::move(vote));
        }
    }

    void add_answer(const Node& node, const JournalEvent& e, ExtractDilemma& d) {
        const ModelStep* step = scenario_.model ? scenario_.model->find_step(e.step) : nullptr;
        if (step == nullptr) {
            return;
        }
        ExtractAnswer answer;
        answer.step = e.step;
        const std::set<std::string> known = known_picks(scenario_, node);
        for (const std::string& pick : e.picks) {
            if (known.count(pick) != 0 && is_extract_id(pick)) {
                answer.picks.push_back(pick);
            }
        }
        answer.scale = e.scale;
        // Only an optional step can be passed over; an info step or checks all answered "no"
        // are answers too.
        answer.skipped = step->optional && e.picks.empty() && !e.scale && e.text.empty();
        answer.seconds = coarse_seconds(last_time_, e.time);
        // A step answered again after going back: the last answer is the one that stands.
        const auto same = std::find_if(d.answers.begin(), d.answers.end(),
                                       [&](const ExtractAnswer& a) { return a.step == e.step; });
        if (same != d.answers.end()) {
            if (same->seconds && answer.seconds) {
                answer.seconds = std::min(900, *same->seconds + *answer.seconds);
            }
            *same = std::move(answer);
        } else {
            d.answers.push_back(std::move(answer));
        }
    }

    const Scenario& scenario_;
    bool workshop_;
    std::vector<std::pair<std::string, std::string>> factors_;
    std::string last_time_;
    std::string open_;
    std::vector<std::string> done_;
    std::vector<ExtractDilemma> dilemmas_;
};

}  // namespace

std::string new_extract_id() {
    std::random_device device;
    std::string id = "r-";
    static const char digits[] = "0123456789abcdef";
    for (int word = 0; word < 4; ++word) {
        std::uint32_t bits = device();
        for (int i = 0; i < 8; ++i) {
            id += digits[bits & 0xF];
            bits >>= 4;
        }
    }
    return id;
}

bool is_month(std::string_view text) {
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    return text.size() == 7 && digit(0) && digit(1) && digit(2) && digit(3) && text[4] == '-' &&
           ((text[5] == '0' && text[6] >= '1' && text[6] <= '9') ||
            (text[5] == '1' && text[6] >= '0' && text[6] <= '2'));
}

bool is_content_hash(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || text.size() > 80) {
        return false;
    }
    const std::string_view digits = text.substr(colon + 1);
    return is_extract_id(text.substr(0, colon)) && !digits.empty() &&
           digits.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

bool is_extract_id(std::string_view text) {
    if (text.empty() || text.size() > 64) {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

std::optional<ResultExtract> build_extract(const Scenario& scenario, const JournalScan& scan) {
    if (!scan.header || !scan.finished() || scan.header->scenario_id != scenario.id) {
        return std::nullopt;
    }
    const JournalHeader& h = *scan.header;
    ResultExtract out;
    out.id = new_extract_id();
    out.engine_version = is_extract_id(h.engine_version) ? h.engine_version : "";
    out.scenario_id = scenario.id;
    out.scenario_version = scenario.version;
    out.scenario_hash = is_content_hash(h.scenario_hash) ? h.scenario_hash : scenario.content_hash;
    out.model = scenario.model ? scenario.model->id : "";
    out.language = h.language == "nl" || h.language == "en" ? h.language : "";
    out.mode = h.mode == "workshop" ? "workshop" : "practice";
    const std::string& end_time = scan.events.back().time;
    out.month = end_time.substr(0, 7);
    if (!is_month(out.month)) {
        return std::nullopt;
    }
    ExtractBuilder builder(scenario, h, out.mode == "workshop");
    for (const JournalEvent& e : scan.events) {
        builder.add(e);
    }
    out.dilemmas = builder.finish();
    return out;
}

}  // namespace deliberate
