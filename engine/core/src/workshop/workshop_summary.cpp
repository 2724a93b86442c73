// Summarising a session's journal, and writing the summary as CSV and HTML.
#include "deliberate/workshop/workshop_summary.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/session/step_input.hpp"
#include "deliberate/support/export_text.hpp"
#include "deliberate/workshop/vote_source.hpp"

namespace deliberate {

namespace fs = std::filesystem;

std::string vote_percent(int count, int total) {
    if (total <= 0) {
        return "0";
    }
    return std::to_string(static_cast<int>(std::lround(100.0 * count / total)));
}

std::string factor_setting_text(const Scenario& scenario, const FactorSetting& setting,
                                const std::string& language) {
    std::string out;
    for (const auto& [id, value] : setting) {
        const auto f = scenario.find_factor(id);
        if (!f) {
            continue;
        }
        const Factor& factor = scenario.factors[*f];
        const auto v = factor.find_value(value);
        out += (out.empty() ? "" : "; ") + factor.label.in(language) + ": " +
               (v ? factor.values[*v].label.in(language) : value);
    }
    return out;
}

namespace {

std::string node_name(const Node& node, const std::string& language) {
    if (!node.title.empty()) {
        return node.title.in(language);
    }
    if (!node.question.empty()) {
        return node.question.in(language);
    }
    return node.id;
}

DilemmaSummary& dilemma_of(WorkshopSummary& summary, std::size_t node) {
    for (DilemmaSummary& d : summary.dilemmas) {
        if (d.node == node) {
            return d;
        }
    }
    summary.dilemmas.push_back({node, {}, std::nullopt, {}, {}});
    return summary.dilemmas.back();
}

std::string vote_svg(const Node& node, const VoteRecord& vote, const std::string& language) {
    std::vector<std::string> labels;
    for (const Option& option : node.options) {
        labels.push_back(option.label.in(language));
    }
    return vote_bars_svg(labels, vote);
}

// The phones' answers to model steps: per step and setting how many answered, the counts
// by candidate (a ranking's points), a scale's distribution and the texts the room was shown.
std::string phone_answers_html(const Scenario& scenario, const Node& node,
                               const std::vector<JournalEvent>& answers,
                               const MessageCatalogue& text) {
    if (answers.empty() || !scenario.model) {
        return {};
    }
    const std::string& lang = text.language();
    std::vector<std::size_t> all_options(node.options.size());
    for (std::size_t o = 0; o < all_options.size(); ++o) {
        all_options[o] = o;
    }
    std::string html = "<h3>" + html_escape(text.get("export.phones")) + "</h3>\n";
    for (const JournalEvent& a : answers) {
        const auto step = std::find_if(scenario.model->steps.begin(), scenario.model->steps.end(),
                                       [&](const ModelStep& m) { return m.id == a.step; });
        if (step == scenario.model->steps.end()) {
            continue;
        }
        const std::string setting = factor_setting_text(scenario, a.factors, lang);
        html += "<p class=\"round\">" +
                html_escape(text.format("export.phones_step",
                                        {step->title.in(lang), std::to_string(a.answers)})) +
                (setting.empty() ? ""
                                 : " <span class=\"muted\">(" + html_escape(setting) + ")</span>") +
                "</p>\n<ul>\n";
        // In the step's order (a journal's objects read back sorted by key), the scale's
        // values from low to high.
        const auto candidates = step_candidates(scenario, node, *step, all_options);
        for (const Candidate& c : candidates) {
            const auto counted = std::find_if(a.counts.begin(), a.counts.end(),
                                              [&](const auto& n) { return n.first == c.id; });
            if (counted == a.counts.end()) {
                continue;
            }
            const std::string label = c.label.in(lang);
            const std::string count = std::to_string(counted->second);
            html += "<li>" +
                    html_escape(step->input == InputKind::rank
                                    ? text.format("export.phones_points", {label, count})
                                    : label + ": " + count) +
                    "</li>\n";
        }
        auto scale = a.scale_counts;
        const auto value_of = [](const std::string& v) {
            int n = 0;
            std::from_chars(v.data(), v.data() + v.size(), n);
            return n;
        };
        std::stable_sort(scale.begin(), scale.end(), [&](const auto& x, const auto& y) {
            return value_of(x.first) < value_of(y.first);
        });
        for (const auto& [value, count] : scale) {
            html += "<li>" + html_escape(value + ": " + std::to_string(count)) + "</li>\n";
        }
        html += "</ul>\n";
        if (!a.texts.empty()) {
            html += "<p>" + html_escape(text.get("export.phones_texts")) + "</p>\n<ul>\n";
            for (const std::string& t : a.texts) {
                html += "<li>" + html_escape(t) + "</li>\n";
            }
            html += "</ul>\n";
        }
    }
    return html;
}

}  // namespace

// Horizontal bars for one vote: a row per option, count and percentage beside it.
std::string vote_bars_svg(const std::vector<std::string>& labels, const VoteRecord& vote) {
    const int total = vote.total();
    const int row = 26, label_width = 300, bar_width = 260;
    const int height = row * static_cast<int>(labels.size()) + 4;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(label_width + bar_width + 90) + "\" height=\"" +
                      std::to_string(height) + "\" role=\"img\">";
    for (std::size_t o = 0; o < labels.size(); ++o) {
        const int count = o < vote.per_option.size() ? vote.per_option[o] : 0;
        const int width = total > 0 ? bar_width * count / total : 0;
        const int y = static_cast<int>(o) * row;
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 17) + "\">" + html_escape(labels[o]) +
               "</text>";
        svg += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(y + 4) +
               "\" width=\"" + std::to_string(std::max(width, 1)) +
               "\" height=\"18\" fill=\"#1F5FA8\"/>";
        svg += "<text x=\"" + std::to_string(label_width + std::max(width, 1) + 6) + "\" y=\"" +
               std::to_string(y + 17) + "\">" + std::to_string(count) + " (" +
               vote_percent(count, total) + "%)</text>";
    }
    return svg + "</svg>";
}

std::string summary_page_start(const std::string& language, const std::string& title) {
    return "<!DOCTYPE html>\n<html lang=\"" + html_escape(language) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
           "</title>\n<style>\n"
           "body { font-family: 'DejaVu Sans', Verdana, sans-serif; color: #1F2328; "
           "max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }\n"
           "h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; "
           "border-bottom: 1px solid #D5D2CA; }\n"
           ".muted { color: #565B63; } .round { font-weight: bold; margin: .8em 0 .2em; }\n"
           "svg text { font: 14px 'DejaVu Sans', Verdana, sans-serif; fill: #1F2328; }\n"
           "section { break-inside: avoid; }\n"
           "@media print { body { margin: 0; max-width: none; } }\n"
           "</style>\n</head>\n<body>\n";
}

VoteRecord counted_vote(std::string round, FactorSetting factors, std::vector<int> hands,
                        std::vector<int> phones, std::size_t options) {
    hands.resize(options, 0);
    phones.resize(options, 0);
    std::vector<int> counts = hands;
    for (std::size_t o = 0; o < options; ++o) {
        // Within what a journal reads back, however large the room.
        counts[o] = std::clamp(counts[o] + phones[o], 0, HandCount::max_count);
        phones[o] = std::clamp(phones[o], 0, counts[o]);
    }
    if (std::all_of(phones.begin(), phones.end(), [](int n) { return n == 0; })) {
        phones.clear();  // a hand count only, recorded as before phones existed
    }
    return {std::move(round), std::move(factors), std::move(counts), std::move(phones)};
}

bool vote_changed(const VoteRecord& vote, const VoteRecord* recorded) {
    return vote.total() > 0 && (recorded == nullptr || recorded->per_option != vote.per_option ||
                                recorded->phones != vote.phones);
}

std::vector<int> hands_of(const VoteRecord* recorded, std::size_t options) {
    std::vector<int> hands = recorded != nullptr ? recorded->per_option : std::vector<int>{};
    hands.resize(options, 0);
    for (std::size_t o = 0; recorded != nullptr && o < recorded->phones.size() && o < options;
         ++o) {
        hands[o] -= recorded->phones[o];
    }
    return hands;
}

int VoteRecord::total() const {
    int sum = 0;
    for (const int n : per_option) {
        sum += n;
    }
    return sum;
}

VoteRecord vote_record(const Node& node, const JournalEvent& event) {
    const auto& options = node.options;
    VoteRecord vote{event.round, event.factors, std::vector<int>(options.size(), 0), {}};
    for (const auto& [id, count] : event.counts) {
        for (std::size_t o = 0; o < options.size(); ++o) {
            if (options[o].id == id) {
                vote.per_option[o] = count;
            }
        }
    }
    if (!event.phones.empty()) {
        vote.phones.assign(options.size(), 0);
        for (const auto& [id, count] : event.phones) {
            for (std::size_t o = 0; o < options.size(); ++o) {
                if (options[o].id == id) {
                    vote.phones[o] = std::min(count, vote.per_option[o]);
                }
            }
        }
    }
    return vote;
}

void add_vote(std::vector<VoteRecord>& votes, VoteRecord vote) {
    const auto same = std::find_if(votes.begin(), votes.end(), [&](const VoteRecord& v) {
        return v.round == vote.round && v.factors == vote.factors;
    });
    if (same != votes.end()) {
        *same = std::move(vote);
    } else {
        votes.push_back(std::move(vote));
    }
}

WorkshopSummary summarise_session(std::shared_ptr<const Scenario> scenario,
                                  const JournalScan& scan) {
    WorkshopSummary summary;
    if (!scan.header) {
        throw ReplayError(1, "the journal has no header");
    }
    summary.header = *scan.header;
    summary.finished = scan.finished();
    const Scenario& s = *scenario;
    for (const JournalEvent& e : scan.events) {
        const auto node = s.find_node(e.node);
        if (e.type == EventType::note) {
            summary.notes.push_back(e.text);
        }
        if (!node) {
            continue;
        }
        const auto& options = s.nodes[*node].options;
        if (e.type == EventType::vote) {
            add_vote(dilemma_of(summary, *node).votes, vote_record(s.nodes[*node], e));
        } else if (e.type == EventType::phone_answers) {
            auto& answers = dilemma_of(summary, *node).phone_answers;
            const auto same = std::find_if(answers.begin(), answers.end(), [&](const auto& a) {
                return a.step == e.step && a.factors == e.factors;
            });
            if (same != answers.end()) {
                // Answers only grow while the phones are there; fewer come after a restart
                // (a fresh ballot box), and the fuller record stands.
                if (e.answers >= same->answers) {
                    *same = e;
                }
            } else {
                answers.push_back(e);
            }
        } else if (e.type == EventType::choice) {
            DilemmaSummary& d = dilemma_of(summary, *node);
            for (std::size_t o = 0; o < options.size(); ++o) {
                if (options[o].id == e.option && !d.chosen) {
                    d.chosen = o;
                    d.reason = e.reason;
                }
            }
        }
    }
    const Session session =
        replay_journal(std::move(scenario), *scan.header, scan.events, scan.event_lines);
    summary.path = session.history();
    return summary;
}

std::string summary_csv(const Scenario& scenario, const WorkshopSummary& summary,
                        const std::string& language) {
    std::string out = "dilemma,question,factors,round,option,label,count,percent,chosen,reason\n";
    for (const DilemmaSummary& d : summary.dilemmas) {
        const Node& node = scenario.nodes[d.node];
        const auto row = [&](const std::string& setting, const std::string& round, std::size_t o,
                             int count, int total) {
            out += csv_cell(node.id) + "," + csv_cell(node.question.in(language)) + "," +
                   csv_cell(setting) + "," + csv_cell(round) + "," + csv_cell(node.options[o].id) +
                   "," + csv_cell(node.options[o].label.in(language)) + "," +
                   std::to_string(count) + "," + vote_percent(count, total) + "," +
                   (d.chosen == o ? "yes" : "no") + "," + csv_cell(d.chosen == o ? d.reason : "") +
                   "\n";
        };
        for (const VoteRecord& vote : d.votes) {
            for (std::size_t o = 0; o < node.options.size(); ++o) {
                row(factor_setting_text(scenario, vote.factors, language), vote.round, o,
                    vote.per_option[o], vote.total());
            }
        }
        if (d.votes.empty() && d.chosen) {
            row("", "", *d.chosen, 0, 0);
        }
    }
    return out;
}

std::string summary_html(const Scenario& scenario, const WorkshopSummary& summary,
                         const MessageCatalogue& text) {
    const std::string& lang = summary.header.language;
    const std::string title = scenario.title.in(lang);
    std::string html = summary_page_start(lang, title);
    html += "<h1>" + html_escape(title) + "</h1>\n<p class=\"muted\">" +
            html_escape(text.format("export.meta",
                                    {summary.header.time.substr(0, 10),
                                     summary.header.group.empty() ? "-" : summary.header.group})) +
            "</p>\n";
    html += "<h2>" + html_escape(text.get("export.path")) + "</h2>\n<ol>\n";
    for (const std::size_t n : summary.path) {
        html += "<li>" + html_escape(node_name(scenario.nodes[n], lang)) + "</li>\n";
    }
    html += "</ol>\n";
    for (const DilemmaSummary& d : summary.dilemmas) {
        const Node& node = scenario.nodes[d.node];
        html +=
            "<section>\n<h2>" + html_escape(node_name(scenario.nodes[d.node], lang)) + "</h2>\n";
        if (!node.question.empty() && !node.title.empty()) {
            html += "<p>" + html_escape(node.question.in(lang)) + "</p>\n";
        }
        for (const VoteRecord& vote : d.votes) {
            const std::string setting = factor_setting_text(scenario, vote.factors, lang);
            html +=
                "<p class=\"round\">" +
                html_escape(
                    text.get(vote.round == "first" ? "export.first_vote" : "export.final_vote")) +
                (setting.empty() ? ""
                                 : " <span class=\"muted\">(" + html_escape(setting) + ")</span>") +
                "</p>\n" + vote_svg(node, vote, lang) + "\n";
        }
        // The shift between the first and the final vote under the same setting: the lesson.
        for (const VoteRecord& final_vote : d.votes) {
            const auto first =
                std::find_if(d.votes.begin(), d.votes.end(), [&](const VoteRecord& v) {
                    return v.round == "first" && final_vote.round == "final" &&
                           v.factors == final_vote.factors;
                });
            if (first == d.votes.end() || first->total() == 0 || final_vote.total() == 0) {
                continue;
            }
            std::string shifts;
            for (std::size_t o = 0; o < node.options.size(); ++o) {
                const long before = std::lround(100.0 * first->per_option[o] / first->total());
                const long after =
                    std::lround(100.0 * final_vote.per_option[o] / final_vote.total());
                shifts += (shifts.empty() ? "" : ", ") + node.options[o].label.in(lang) + " " +
                          (after >= before ? "+" : "\xE2\x88\x92") +
                          std::to_string(std::labs(after - before));
            }
            html += "<p>" + html_escape(text.format("export.shift", {shifts})) + "</p>\n";
        }
        html += phone_answers_html(scenario, node, d.phone_answers, text);
        if (d.chosen) {
            html +=
                "<p>" +
                html_escape(text.format("export.branch", {node.options[*d.chosen].label.in(lang),
                                                          d.reason.empty() ? "-" : d.reason})) +
                "</p>\n";
        }
        html += "</section>\n";
    }
    if (!summary.path.empty()) {
        const Node& last = scenario.nodes[summary.path.back()];
        if (last.kind == NodeKind::ending && !last.discussion.empty()) {
            html += "<h2>" + html_escape(text.get("export.discussion")) + "</h2>\n<ol>\n";
            for (const LocalisedText& q : last.discussion) {
                html += "<li>" + html_escape(q.in(lang)) + "</li>\n";
            }
            html += "</ol>\n";
        }
    }
    if (!summary.notes.empty()) {
        html += "<h2>" + html_escape(text.get("export.notes")) + "</h2>\n<ul>\n";
        for (const std::string& note : summary.notes) {
            html += "<li>" + html_escape(note) + "</li>\n";
        }
        html += "</ul>\n";
    }
    return html + "</body>\n</html>\n";
}

}  // namespace deliberate
