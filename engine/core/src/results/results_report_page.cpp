// The coordinator's report written out: a self-contained HTML page with inline SVG bars, and
// CSV. The figures come disclosed (build_report()): a hidden count is written as "not shown"
// (or "hidden"), never as its number.
#include <cmath>

#include "deliberate/results/disclosure.hpp"
#include "deliberate/results/results_report.hpp"
#include "deliberate/support/export_text.hpp"
#include "deliberate/workshop/workshop_summary.hpp"

namespace deliberate {

namespace {

// Labels in the report's language, falling back to ids where the scenario is not known.
struct Labels {
    const Scenario* scenario;
    std::string lang;

    const Node* node(const std::string& id) const {
        const auto n = scenario ? scenario->find_node(id) : std::nullopt;
        return n ? &scenario->nodes[*n] : nullptr;
    }
    std::string dilemma(const std::string& id) const {
        const Node* n = node(id);
        if (n == nullptr) {
            return id;
        }
        return !n->title.empty()      ? n->title.in(lang)
               : !n->question.empty() ? n->question.in(lang)
                                      : id;
    }
    std::string option(const std::string& node_id, const std::string& id) const {
        if (const Node* n = node(node_id)) {
            for (const Option& o : n->options) {
                if (o.id == id) {
                    return o.label.in(lang);
                }
            }
        }
        return id;
    }
    std::string step(const std::string& id) const {
        const ModelStep* s = scenario && scenario->model ? scenario->model->find_step(id) : nullptr;
        return s != nullptr ? s->title.in(lang) : id;
    }
    std::string candidate(const std::string& node_id, const std::string& step_id,
                          const std::string& id) const {
        if (scenario == nullptr) {
            return id;
        }
        for (const Stakeholder& s : scenario->stakeholders) {
            if (s.id == id) {
                return s.label.in(lang);
            }
        }
        if (const Node* n = node(node_id); n != nullptr && n->step_content(step_id) != nullptr) {
            for (const StepItem& item : n->step_content(step_id)->items) {
                if (item.id == id) {
                    return item.label.in(lang);
                }
            }
        }
        if (scenario->value_catalogue) {
            if (const auto* v = scenario->value_catalogue->find(id)) {
                return v->label.in(lang);
            }
        }
        return id;
    }
    std::string setting(const std::string& key) const {
        if (scenario == nullptr) {
            return key;
        }
        return factor_setting_text(*scenario, parse_setting_key(key), lang);
    }
};

// Bars for counts that all belong to one total; a hidden count's bar is drawn empty and
// labelled "not shown".
std::string bars_svg(const std::vector<std::pair<std::string, long long>>& rows, long long total,
                     const MessageCatalogue& text) {
    const int row = 26, label_width = 300, bar_width = 240;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(label_width + bar_width + 130) + "\" height=\"" +
                      std::to_string(row * static_cast<int>(rows.size()) + 4) + "\" role=\"img\">";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const long long n = rows[i].second;
        const bool shown = n == 0 || count_shown(n);
        const int width =
            shown && total > 0 ? static_cast<int>(bar_width * n / std::max(total, 1LL)) : 0;
        const int y = static_cast<int>(i) * row;
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 17) + "\">" + html_escape(rows[i].first) +
               "</text><rect x=\"" + std::to_string(label_width) + "\" y=\"" +
               std::to_string(y + 4) + "\" width=\"" + std::to_string(std::max(width, 1)) +
               "\" height=\"18\" fill=\"#1F5FA8\"/><text x=\"" +
               std::to_string(label_width + std::max(width, 1) + 6) + "\" y=\"" +
               std::to_string(y + 17) + "\">" +
               html_escape(shown ? std::to_string(n) + " (" +
                                       vote_percent(static_cast<int>(n), static_cast<int>(total)) +
                                       "%)"
                                 : text.get("report.hidden")) +
               "</text>";
    }
    return svg + "</svg>\n";
}

std::string skipped_notice(const ResultsReport& report, const MessageCatalogue& text) {
    long long total = 0;
    for (const auto& [reason, n] : report.skipped) {
        total += n;
    }
    const std::string why = skipped_reasons(report.skipped, text);
    if (total == 0) {
        return "";
    }
    return "<p class=\"warn\">" +
           html_escape(text.format("report.skipped", {std::to_string(total), why})) + "</p>\n";
}

std::string reach_table(const ScenarioFigures& s, const MessageCatalogue& text) {
    std::string html = "<table><tr><th>" + html_escape(text.get("report.month")) + "</th><th>" +
                       html_escape(text.get("report.practice")) + "</th><th>" +
                       html_escape(text.get("report.workshops")) + "</th></tr>\n";
    for (const auto& [month, counts] : s.months) {
        html += "<tr><td>" + html_escape(month) + "</td><td>" +
                html_escape(shown_count(counts.first, text)) + "</td><td>" +
                html_escape(shown_count(counts.second, text)) + "</td></tr>\n";
    }
    return html + "</table>\n";
}

std::string choices_html(const DilemmaFigures& d, const Labels& l, const MessageCatalogue& text) {
    if (!count_shown(d.reached)) {
        return d.reached != 0
                   ? "<p class=\"muted\">" + html_escape(text.get("report.too_few")) + "</p>\n"
                   : "";
    }
    std::string html = "<p>" +
                       html_escape(text.format("report.chose_here", {std::to_string(d.reached)})) +
                       "</p>\n";
    for (const SettingFigures& s : d.settings) {
        const std::string setting = l.setting(s.setting);
        html += "<p class=\"round\">" +
                html_escape(setting.empty() ? text.get("report.how_chosen")
                                            : text.format("report.under_setting", {setting})) +
                " <span class=\"muted\">(" + html_escape(shown_count(s.sessions, text)) +
                ")</span></p>\n";
        if (!count_shown(s.sessions)) {
            continue;
        }
        std::vector<std::pair<std::string, long long>> rows;
        for (const ReportCount& c : s.options) {
            rows.emplace_back(l.option(d.node, c.id), c.n);
        }
        html += bars_svg(rows, s.sessions, text);
    }
    return html;
}

std::string votes_html(const DilemmaFigures& d, const Labels& l, const MessageCatalogue& text) {
    std::string html;
    for (const VoteFigures& v : d.votes) {
        const std::string setting = l.setting(v.setting);
        for (const bool first : {true, false}) {
            const long long hands = first ? v.first_hands : v.final_hands;
            if (!count_shown(hands)) {
                continue;
            }
            std::vector<std::pair<std::string, long long>> rows;
            for (const ReportCount& c : first ? v.first : v.final_) {
                rows.emplace_back(l.option(d.node, c.id), c.n);
            }
            html +=
                "<p class=\"round\">" +
                html_escape(text.get(first ? "report.first_vote" : "report.final_vote")) +
                (setting.empty() ? ""
                                 : " <span class=\"muted\">(" + html_escape(setting) + ")</span>") +
                "</p>\n" + bars_svg(rows, hands, text);
        }
        if (!count_shown(v.first_hands) || !count_shown(v.final_hands)) {
            continue;
        }
        std::string shifts;
        for (std::size_t o = 0; o < v.first.size() && o < v.final_.size(); ++o) {
            // A hidden count's share would give the count.
            if (v.first[o].n == hidden_count || v.final_[o].n == hidden_count) {
                continue;
            }
            const long before = std::lround(100.0 * v.first[o].n / v.first_hands);
            const long after = std::lround(100.0 * v.final_[o].n / v.final_hands);
            shifts += (shifts.empty() ? "" : ", ") + l.option(d.node, v.first[o].id) + " " +
                      (after >= before ? "+" : "\xE2\x88\x92") +
                      std::to_string(std::labs(after - before));
        }
        if (!shifts.empty()) {
            html += "<p>" + html_escape(text.format("report.shift", {shifts})) + "</p>\n";
        }
    }
    return html;
}

std::string steps_html(const DilemmaFigures& d, const Labels& l, const MessageCatalogue& text) {
    std::string spots;
    for (const BlindSpot& b : d.blind_spots) {
        if (!count_shown(b.answered)) {
            continue;
        }
        spots +=
            "<li>" +
            html_escape(b.named == hidden_count
                            ? text.format("report.blind_spot_hidden",
                                          {l.candidate(d.node, b.step, b.candidate), l.step(b.step),
                                           std::to_string(b.answered)})
                            : text.format("report.blind_spot",
                                          {l.candidate(d.node, b.step, b.candidate), l.step(b.step),
                                           std::to_string(b.named), std::to_string(b.answered)})) +
            "</li>\n";
    }
    std::string rows;
    for (const StepFigures& s : d.steps) {
        if (!count_shown(s.answered)) {
            continue;
        }
        rows += "<tr><td>" + html_escape(l.step(s.step)) + "</td><td>" +
                std::to_string(s.answered) + "</td><td>" +
                html_escape(s.skipped == 0 ? "0" : shown_count(s.skipped, text)) + "</td><td>" +
                (count_shown(s.timed) ? std::to_string((s.seconds + s.timed / 2) / s.timed)
                                      : std::string("-")) +
                "</td></tr>\n";
    }
    std::string html;
    if (!spots.empty()) {
        html += "<p class=\"round\">" + html_escape(text.get("report.blind_spots")) +
                "</p>\n<ul>\n" + spots + "</ul>\n";
    }
    if (!rows.empty()) {
        html += "<p class=\"round\">" + html_escape(text.get("report.steps")) +
                "</p>\n<table><tr><th>" + html_escape(text.get("report.step")) + "</th><th>" +
                html_escape(text.get("report.answered")) + "</th><th>" +
                html_escape(text.get("report.skipped_step")) + "</th><th>" +
                html_escape(text.get("report.seconds")) + "</th></tr>\n" + rows + "</table>\n";
    }
    return html;
}

const char* page_head =
    "<style>\n"
    "body { font-family: 'DejaVu Sans', Verdana, sans-serif; color: #1F2328; max-width: 48em; "
    "margin: 2em auto; padding: 0 1em; line-height: 1.45; }\n"
    "h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px "
    "solid #D5D2CA; } h3 { font-size: 1.1em; margin-top: 1.4em; }\n"
    ".muted { color: #565B63; } .round { font-weight: bold; margin: .8em 0 .2em; }\n"
    ".warn { border-left: 4px solid #B35900; padding: .4em .8em; background: #FFF4E5; }\n"
    "table { border-collapse: collapse; } td, th { border: 1px solid #D5D2CA; padding: .2em "
    ".6em; text-align: left; }\n"
    "svg text { font: 14px 'DejaVu Sans', Verdana, sans-serif; fill: #1F2328; }\n"
    "section { break-inside: avoid; }\n"
    "@media print { body { margin: 0; max-width: none; } }\n"
    "</style>\n</head>\n<body>\n";

// The period and how many extracts it counts (unless that number is hidden).
std::string meta_line(const ResultsReport& report, const MessageCatalogue& text) {
    const ReportFilter& f = report.filter;
    const bool hidden = report.extracts == hidden_count;
    if (f.from.empty() && f.to.empty()) {
        return hidden ? text.get("report.meta_all_hidden")
                      : text.format("report.meta_all", {std::to_string(report.extracts)});
    }
    const std::string from = f.from.empty() ? "..." : f.from;
    const std::string to = f.to.empty() ? "..." : f.to;
    return hidden ? text.format("report.meta_hidden", {from, to})
                  : text.format("report.meta", {from, to, std::to_string(report.extracts)});
}

}  // namespace

std::string report_html(const ResultsReport& report, const MessageCatalogue& text) {
    const std::string lang = text.language().empty() ? "en" : text.language();
    const std::string title = text.get("report.title");
    std::string html = "<!DOCTYPE html>\n<html lang=\"" + lang +
                       "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
                       "</title>\n" + page_head + "<h1>" + html_escape(title) + "</h1>\n";
    html += skipped_notice(report, text);
    html += "<p class=\"muted\">" + html_escape(meta_line(report, text)) +
            "</p>\n<p class=\"muted\">" + html_escape(text.get("report.k_rule")) + "</p>\n";
    if (report.scenarios.empty()) {
        html += "<p>" + html_escape(text.get("report.nothing")) + "</p>\n";
    }
    for (const ScenarioFigures& s : report.scenarios) {
        const Labels l{s.scenario.get(), lang};
        html += "<h2>" + html_escape(s.scenario ? s.scenario->title.in(lang) : s.id) +
                " <span class=\"muted\">(" + html_escape(s.id) + ")</span></h2>\n<p>" +
                html_escape(text.format("report.reach", {shown_count(s.practice, text),
                                                         shown_count(s.workshop, text)})) +
                "</p>\n" + reach_table(s, text);
        for (const DilemmaFigures& d : s.dilemmas) {
            const std::string body = choices_html(d, l, text) + votes_html(d, l, text) +
                                     (count_shown(d.reached) ? steps_html(d, l, text) : "");
            html += "<section>\n<h3>" + html_escape(l.dilemma(d.node)) + "</h3>\n" +
                    (body.empty() ? "<p class=\"muted\">" +
                                        html_escape(text.get("report.too_few")) + "</p>\n"
                                  : body) +
                    "</section>\n";
        }
    }
    return html + "</body>\n</html>\n";
}

}  // namespace deliberate
