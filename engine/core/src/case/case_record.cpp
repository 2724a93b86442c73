// The record of an own case as HTML and Markdown, step by step in the model's order.
#include "deliberate/case/case_record.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <string_view>

#include "deliberate/support/export_text.hpp"

namespace deliberate {

namespace {

// The parts of a record, told once and written by each medium's writer.
struct RecordWriter {
    std::function<void(const std::string&)> heading;
    std::function<void(const std::string&, bool muted)> paragraph;
    std::function<void(const std::vector<std::string>&)> list;
    std::function<void(const std::string& round, const VoteRecord&)> vote;
};

std::vector<std::string> option_labels(const CaseState& state) {
    std::vector<std::string> labels;
    for (const CaseOption& option : state.content.options) {
        labels.push_back(option.label);
    }
    return labels;
}

std::string shift_text(const CaseState& state) {
    const VoteRecord* first = state.vote("first");
    const VoteRecord* final_vote = state.vote("final");
    if (first == nullptr || final_vote == nullptr || first->total() == 0 ||
        final_vote->total() == 0) {
        return {};
    }
    std::string shifts;
    for (std::size_t o = 0; o < state.content.options.size(); ++o) {
        const long before = std::lround(100.0 * first->per_option[o] / first->total());
        const long after = std::lround(100.0 * final_vote->per_option[o] / final_vote->total());
        shifts += (shifts.empty() ? "" : ", ") + state.content.options[o].label + " " +
                  (after >= before ? "+" : "\xE2\x88\x92") +
                  std::to_string(std::labs(after - before));
    }
    return shifts;
}

void write_votes(const CaseState& state, const std::string& round, const MessageCatalogue& text,
                 const RecordWriter& out) {
    const VoteRecord* vote = state.vote(round);
    if (vote == nullptr) {
        out.paragraph(text.get("case.no_vote"), true);
        return;
    }
    out.vote(round, *vote);
    if (round == "final") {
        const std::string shift = shift_text(state);
        if (!shift.empty()) {
            out.paragraph(text.format("export.shift", {shift}), false);
        }
        if (const auto most = state.majority()) {
            out.paragraph(text.format("case.majority", {state.content.options[*most].label}),
                          false);
        }
    }
}

void write_step(const CaseState& state, const ModelStep& step, const std::string& lang,
                const MessageCatalogue& text, const RecordWriter& out) {
    out.heading(step.title.in(lang));
    out.paragraph(step.prompt.in(lang), true);
    const auto answers = state.answers_at(step.id);
    if (answers.empty()) {
        out.paragraph(text.get("case.no_answers"), true);
        return;
    }
    std::vector<std::string> plain;
    for (const Contribution& c : answers) {
        if (c.option.empty()) {
            plain.push_back(c.text);
        }
    }
    if (!plain.empty()) {
        out.list(plain);
    }
    for (const CaseOption& option : state.content.options) {
        for (const char* side : {"for", "against"}) {
            std::vector<std::string> items;
            for (const Contribution& c : answers) {
                if (c.option == option.id &&
                    (c.side == side || (c.side.empty() && side[0] == 'f'))) {
                    items.push_back(c.text);
                }
            }
            if (!items.empty()) {
                out.paragraph(
                    text.format(side[0] == 'f' ? "case.for" : "case.against", {option.label}),
                    false);
                out.list(items);
            }
        }
    }
}

void write_record(const CaseState& state, const JudgementModel& model, const MessageCatalogue& text,
                  const RecordWriter& out) {
    const std::string& lang = state.header.language;
    out.paragraph(text.format("case.meta", {state.header.time.substr(0, 10), model.title.in(lang)}),
                  true);
    out.paragraph(text.get("case.no_names"), true);
    out.heading(text.get("case.case"));
    if (!state.content.text.empty()) {
        out.paragraph(state.content.text, false);
    }
    out.heading(text.get("case.question"));
    out.paragraph(state.content.question, false);
    out.list(option_labels(state));
    out.heading(text.get("export.first_vote"));
    write_votes(state, "first", text, out);
    bool final_written = false;
    for (const ModelStep& step : model.steps) {
        if (step.input == InputKind::choice) {
            out.heading(step.title.in(lang) + " \xE2\x80\x93 " + text.get("export.final_vote"));
            write_votes(state, "final", text, out);
            final_written = true;
        } else {
            write_step(state, step, lang, text, out);
        }
    }
    if (!final_written) {
        out.heading(text.get("export.final_vote"));
        write_votes(state, "final", text, out);
    }
    if (!state.notes.empty()) {
        out.heading(text.get("export.notes"));
        out.list(state.notes);
    }
}

// Breaks kept: a case told in a few lines keeps its lines.
std::string html_lines(const std::string& text) {
    std::string out;
    for (const char c : html_escape(text)) {
        out += c == '\n' ? std::string("<br>\n") : std::string(1, c);
    }
    return out;
}

}  // namespace

std::string case_record_html(const CaseState& state, const JudgementModel& model,
                             const MessageCatalogue& text) {
    const std::string& title = state.content.title;
    std::string html = summary_page_start(state.header.language, title);
    html += "<h1>" + html_escape(title) + "</h1>\n";
    const std::vector<std::string> labels = option_labels(state);
    RecordWriter out;
    out.heading = [&](const std::string& h) { html += "<h2>" + html_escape(h) + "</h2>\n"; };
    out.paragraph = [&](const std::string& p, bool muted) {
        html += std::string(muted ? "<p class=\"muted\">" : "<p>") + html_lines(p) + "</p>\n";
    };
    out.list = [&](const std::vector<std::string>& items) {
        html += "<ul>\n";
        for (const std::string& item : items) {
            html += "<li>" + html_lines(item) + "</li>\n";
        }
        html += "</ul>\n";
    };
    out.vote = [&](const std::string&, const VoteRecord& vote) {
        html += vote_bars_svg(labels, vote) + "\n";
    };
    write_record(state, model, text, out);
    return html + "</body>\n</html>\n";
}

std::string case_record_markdown(const CaseState& state, const JudgementModel& model,
                                 const MessageCatalogue& text) {
    std::string md = "# " + markdown_escape(state.content.title) + "\n";
    RecordWriter out;
    out.heading = [&](const std::string& h) { md += "\n## " + markdown_escape(h) + "\n"; };
    // A muted paragraph in italics line by line: emphasis does not span a blank line.
    out.paragraph = [&](const std::string& p, bool muted) {
        md += "\n";
        std::size_t from = 0;
        while (from <= p.size()) {
            const std::size_t to = std::min(p.find('\n', from), p.size());
            const std::string line = p.substr(from, to - from);
            if (!line.empty()) {
                md +=
                    muted ? "*" + markdown_escape(line) + "*  \n" : markdown_escape(line) + "  \n";
            } else {
                md += "\n";
            }
            from = to + 1;
        }
    };
    out.list = [&](const std::vector<std::string>& items) {
        md += "\n";
        for (const std::string& item : items) {
            md += "- " + markdown_escape(item) + "\n";
        }
    };
    out.vote = [&](const std::string&, const VoteRecord& vote) {
        md += "\n";
        for (std::size_t o = 0; o < state.content.options.size(); ++o) {
            const int count = o < vote.per_option.size() ? vote.per_option[o] : 0;
            md += "- " + markdown_escape(state.content.options[o].label) + ": " +
                  std::to_string(count) + " (" + vote_percent(count, vote.total()) + "%)\n";
        }
    };
    write_record(state, model, text, out);
    return md;
}

}  // namespace deliberate
