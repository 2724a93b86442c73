// Graph, asset and usage checks over a fully read scenario.
#include "scenario/scenario_checks.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "scenario/condition_syntax.hpp"

#include "deliberate/scenario/asset_paths.hpp"

namespace deliberate::detail {

namespace fs = std::filesystem;

void successors(const Node& node, std::vector<std::size_t>& out) {
    out.clear();
    for (const auto& branch : node.branches) {
        out.push_back(branch.next);
    }
    if (node.kind == NodeKind::scene) {
        out.push_back(node.next);
    }
    for (const auto& option : node.options) {
        out.push_back(option.next);
    }
}

void ScenarioChecks::check_graph() {
    const std::size_t n = scenario.nodes.size();
    if (n == 0) {
        return;
    }
    std::vector<std::size_t> next;  // reused for every node
    std::vector<bool> reachable(n, false), can_end(n, false);
    std::vector<std::size_t> queue{scenario.start};
    reachable[scenario.start] = true;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        successors(scenario.nodes[queue[head]], next);
        for (const std::size_t to : next) {
            if (!reachable[to]) {
                reachable[to] = true;
                queue.push_back(to);
            }
        }
    }
    // Walk backwards from the endings over every edge. The edges into each node lie together
    // in one list: incoming[first_incoming[i] .. first_incoming[i + 1]).
    std::vector<std::size_t> first_incoming(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        successors(scenario.nodes[i], next);
        for (const std::size_t to : next) {
            ++first_incoming[to + 1];
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        first_incoming[i + 1] += first_incoming[i];
    }
    std::vector<std::size_t> incoming(first_incoming[n]);
    std::vector<std::size_t> filled(first_incoming.begin(), first_incoming.end() - 1);
    queue.clear();
    for (std::size_t i = 0; i < n; ++i) {
        successors(scenario.nodes[i], next);
        for (const std::size_t to : next) {
            incoming[filled[to]++] = i;
        }
        if (scenario.nodes[i].kind == NodeKind::ending) {
            can_end[i] = true;
            queue.push_back(i);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t at = queue[head];
        for (std::size_t k = first_incoming[at]; k < first_incoming[at + 1]; ++k) {
            const std::size_t previous = incoming[k];
            if (!can_end[previous]) {
                can_end[previous] = true;
                queue.push_back(previous);
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = scenario.nodes[i];
        if (!reachable[i]) {
            diag.error("G001", "/nodes/" + std::to_string(i),
                       "node `" + node.id + "` cannot be reached from the start",
                       "lead to it with a `next`, a branch or an option, or remove it");
        } else if (!can_end[i]) {
            diag.error("G002", "/nodes/" + std::to_string(i),
                       "no path from node `" + node.id + "` reaches an ending",
                       "every way on from here loops back; give one of these nodes a way to an "
                       "ending");
        }
    }
}

void ScenarioChecks::check_assets() {
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& node = scenario.nodes[i];
        for (const auto& [field, asset] :
             {std::pair{"image", &node.image}, {"sound", &node.sound}}) {
            if (asset->empty()) {
                continue;
            }
            const std::string pointer = "/nodes/" + std::to_string(i) + "/" + field;
            const fs::path relative(*asset);
            if (const std::size_t nul = asset->find('\0'); nul != std::string::npos) {
                // Shown up to the NUL: the rest would be cut off by every file function.
                diag.error("A003", pointer,
                           "asset path `" + asset->substr(0, nul) +
                               "` is followed by a NUL "
                               "character (\\u0000)",
                           "remove the \\u0000 from the path");
                continue;
            }
            if (asset->find('\\') != std::string::npos) {
                diag.error("A001", pointer, "asset path `" + *asset + "` uses `\\`",
                           "write paths with / between folders, e.g. images/office.png");
                continue;
            }
            const bool absolute =
                relative.is_absolute() || (asset->size() > 1 && (*asset)[1] == ':');
            const bool climbs = std::any_of(relative.begin(), relative.end(),
                                            [](const fs::path& part) { return part == ".."; });
            if (absolute || climbs) {
                diag.error("A001", pointer,
                           "asset path `" + *asset + "` leaves the scenario's folder",
                           "write a path relative to the scenario's folder or to assets/, "
                           "with / and without ..");
                continue;
            }
            const AssetLocation found = locate_asset(base_dir, options.assets_dir, *asset);
            using Problem = AssetLocation::Problem;
            if (found.problem == Problem::outside) {
                diag.error("A001", pointer,
                           "asset `" + *asset + "` is a link to a file outside the allowed folders",
                           "copy the file into the scenario's folder instead of linking to it");
            } else if (found.problem == Problem::not_regular) {
                diag.error(
                    "A003", pointer, "asset `" + *asset + "` is not a regular file",
                    "name an image or sound file, not a folder, FIFO, device or broken link");
            } else if (found.problem == Problem::not_found) {
                std::string looked;
                for (const fs::path& root : {base_dir, options.assets_dir}) {
                    if (!root.empty()) {
                        looked += (looked.empty() ? "" : " and ") + (root / relative).string();
                    }
                }
                diag.error("A002", pointer, "asset `" + *asset + "` not found",
                           looked.empty() ? "" : "looked for " + looked);
            }
        }
    }
}

void ScenarioChecks::warn_unused(const std::vector<bool>& factor_used) {
    const JudgementModel* model = scenario.model.get();
    bool shows_stakeholders = false, shows_values = false;
    std::vector<bool> value_used(scenario.values.size(), false);
    // Each value id to where it is first listed: options may be many, and so may values.
    std::unordered_map<std::string_view, std::size_t> value_index;
    for (std::size_t v = 0; v < scenario.values.size(); ++v) {
        value_index.emplace(scenario.values[v], v);
    }
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& node = scenario.nodes[i];
        if (node.kind != NodeKind::dilemma) {
            continue;
        }
        for (const std::size_t s : node.walked_steps) {
            shows_stakeholders = shows_stakeholders ||
                                 (model && model->steps[s].from == CandidateSource::stakeholders);
            shows_values =
                shows_values || (model && model->steps[s].from == CandidateSource::values);
        }
        bool any_argument = false, all_conditional = !node.options.empty();
        for (const auto& option : node.options) {
            any_argument =
                any_argument || !option.arguments_for.empty() || !option.arguments_against.empty();
            all_conditional = all_conditional && option.when.has_value();
            for (const auto& value : option.values) {
                if (const auto it = value_index.find(value); it != value_index.end()) {
                    value_used[it->second] = true;
                }
            }
        }
        const std::string pointer = "/nodes/" + std::to_string(i);
        if (!any_argument && !node.options.empty()) {
            diag.warning("W003", pointer,
                         "dilemma `" + node.id + "` gives no arguments for or against its options",
                         "add \"arguments\": {\"for\": [...], \"against\": [...]} to the options");
        }
        if (all_conditional) {
            diag.warning(
                "W006", pointer + "/options",
                "every option of `" + node.id + "` has a `when`; if none holds, play is stuck",
                "leave at least one option without a condition");
        }
    }
    if (model && !scenario.stakeholders.empty() && !shows_stakeholders) {
        diag.warning("W001", "/stakeholders",
                     "the stakeholders are never shown: no dilemma walks a step of model `" +
                         model->id + "` that lists them");
    }
    for (std::size_t v = 0; v < scenario.values.size(); ++v) {
        if (!value_used[v] && !shows_values) {
            diag.warning("W002", "/values/" + std::to_string(v),
                         "value `" + scenario.values[v] + "` is not used by any option",
                         "list it in an option's `values`, or remove it");
        }
    }
    std::unordered_set<std::string_view> factor_ids;
    for (std::size_t f = 0; f < scenario.factors.size() && f < factor_used.size(); ++f) {
        // A repeated id is already an error; its uses count towards the first.
        const bool repeated = !factor_ids.insert(scenario.factors[f].id).second;
        if (!factor_used[f] && !repeated) {
            diag.warning("W004", "/factors/" + std::to_string(f),
                         "factor `" + scenario.factors[f].id + "` is used by no text or condition",
                         "show it with {factor:" + scenario.factors[f].id +
                             "} or test it with {\"var\": \"" + std::string(factor_prefix) +
                             scenario.factors[f].id + "\"}");
        }
    }
}

}  // namespace deliberate::detail
