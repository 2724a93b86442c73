// Turning extracts into summable counts.
#include "deliberate/results/result_facts.hpp"

#include <algorithm>
#include <initializer_list>

namespace deliberate {

namespace {

void add(FactCounts& facts, const std::string& scope, FactKind kind,
         std::initializer_list<const std::string*> ids, long long n = 1) {
    // One buffer for every key: most keys are already counted, and then nothing is allocated.
    thread_local std::string key;
    key.assign(scope);
    key += static_cast<char>(kind);
    for (const std::string* id : ids) {
        key += '\t';
        key += *id;
    }
    const auto it = facts.find(key);
    if (it != facts.end()) {
        it->second += n;
    } else {
        facts.emplace(key, n);
    }
}

}  // namespace

std::string setting_key(const ExtractSetting& setting) {
    std::string out;
    for (const auto& [id, value] : setting) {
        out += (out.empty() ? "" : ",") + id + "=" + value;
    }
    return out;
}

ExtractSetting parse_setting_key(const std::string& key) {
    ExtractSetting out;
    std::size_t start = 0;
    while (start < key.size()) {
        std::size_t end = key.find(',', start);
        if (end == std::string::npos) {
            end = key.size();
        }
        const std::string pair = key.substr(start, end - start);
        const std::size_t eq = pair.find('=');
        if (eq != std::string::npos) {
            out.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
        }
        start = end + 1;
    }
    return out;
}

void add_extract_facts(const ResultExtract& e, FactCounts& facts) {
    const std::string scope = e.scenario_id + "\t" + e.month + "\t" + e.mode + "\t";
    add(facts, scope, FactKind::sessions, {});
    for (const ExtractDilemma& d : e.dilemmas) {
        const std::string setting = setting_key(d.factors);
        add(facts, scope, FactKind::reached, {&d.node});
        add(facts, scope, FactKind::setting, {&d.node, &setting});
        add(facts, scope, FactKind::choice, {&d.node, &setting, &d.choice});
        for (const ExtractVote& v : d.votes) {
            const std::string vote_setting = setting_key(v.factors);
            long long hands = 0;
            for (const auto& [option, n] : v.counts) {
                add(facts, scope, FactKind::votes, {&d.node, &v.round, &vote_setting, &option}, n);
                hands += n;
            }
            add(facts, scope, FactKind::voters, {&d.node, &v.round, &vote_setting}, hands);
        }
        for (const ExtractAnswer& a : d.answers) {
            add(facts, scope, FactKind::answered, {&d.node, &a.step});
            if (a.skipped) {
                add(facts, scope, FactKind::skipped, {&d.node, &a.step});
            }
            // A pick named twice in one answer counts once: the figure is of people.
            std::vector<std::string> picks = a.picks;
            std::sort(picks.begin(), picks.end());
            picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
            for (const std::string& pick : picks) {
                add(facts, scope, FactKind::picked, {&d.node, &a.step, &pick});
            }
            if (a.seconds) {
                add(facts, scope, FactKind::timed, {&d.node, &a.step});
                add(facts, scope, FactKind::seconds, {&d.node, &a.step}, *a.seconds);
            }
        }
    }
}

bool parse_fact_key(const std::string& key, Fact& fact) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = key.find('\t', start);
        parts.push_back(key.substr(start, tab == std::string::npos ? tab : tab - start));
        if (tab == std::string::npos) {
            break;
        }
        start = tab + 1;
    }
    if (parts.size() < 4 || parts[3].size() != 1) {
        return false;
    }
    fact.scenario = parts[0];
    fact.month = parts[1];
    fact.mode = parts[2];
    fact.kind = static_cast<FactKind>(parts[3][0]);
    fact.ids.assign(parts.begin() + 4, parts.end());
    return true;
}

}  // namespace deliberate
