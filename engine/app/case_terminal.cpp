// The terminal flow of an own case: the case, then slide by slide to the record.
#include "case_terminal.hpp"

#include <iostream>

#include "deliberate/case/case_record.hpp"
#include "deliberate/support/safe_file.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate::app {

CaseTerminal::CaseTerminal(OwnCase& own_case, const MessageCatalogue& text, std::istream& in,
                           std::ostream& out, std::filesystem::path exports, bool echo)
    : case_(own_case), text_(text), in_(in), out_(out), exports_(std::move(exports)), echo_(echo) {}

CaseTerminal::Line CaseTerminal::read(std::string& line) {
    while (true) {
        out_ << "> " << std::flush;
        if (!std::getline(in_, line)) {
            return Line::ended;
        }
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (echo_) {
            out_ << for_terminal(line) << '\n';
        }
        // A control character or a byte that is not UTF-8 (a console in another encoding)
        // cannot go into the journal or the record: the line is asked again.
        if (const auto bad = find_unsafe_character(line)) {
            out_ << text_.format("case.bad_line", {bad->shown}) << '\n';
            continue;
        }
        if (line == ":quit") {
            return Line::quit;
        }
        if (line == ":back") {
            return Line::back;
        }
        if (line == "?") {
            const CaseSlide& slide = case_.slide();
            const std::string guidance =
                slide.kind == CaseSlideKind::step || slide.kind == CaseSlideKind::final_vote
                    ? case_.model().steps[slide.step].guidance.in(case_.state().header.language)
                    : text_.get("case.no_names_reminder");
            out_ << for_terminal(guidance) << '\n';
            continue;
        }
        if (line.rfind(":note ", 0) == 0) {
            case_.add_note(line.substr(6));
            out_ << text_.get("play.note_saved") << '\n';
            continue;
        }
        return line.empty() ? Line::empty : Line::text;
    }
}

bool CaseTerminal::ask_line(std::string& line) {
    while (true) {
        const Line got = read(line);
        if (got == Line::ended || got == Line::quit) {
            return false;
        }
        if (got == Line::text) {
            return true;
        }
    }
}

bool CaseTerminal::enter_case() {
    const CaseContent& content = case_.content();
    std::string line;
    out_ << text_.get("case.no_names_reminder") << '\n';
    if (content.title.empty()) {
        out_ << text_.get("case.ask_title") << '\n';
        if (!ask_line(line)) {
            return false;
        }
        case_.set_title(line);
    }
    if (content.text.empty()) {
        out_ << text_.get("case.ask_text") << '\n';
        std::string text;
        Line got;
        while ((got = read(line)) == Line::text) {
            text += (text.empty() ? "" : "\n") + line;
        }
        if (got == Line::ended || got == Line::quit) {
            return false;
        }
        if (!text.empty()) {
            case_.set_text(text);
        }
    }
    if (content.question.empty()) {
        out_ << text_.get("case.ask_question") << '\n';
        if (!ask_line(line)) {
            return false;
        }
        case_.set_question(line);
    }
    if (content.options.size() < case_min_options) {
        out_ << text_.get("case.ask_options") << '\n';
    }
    while (content.options.size() < case_max_options) {
        const Line got = read(line);
        if (got == Line::ended || got == Line::quit) {
            return false;
        }
        if (got == Line::text) {
            case_.add_option(line);
        } else if (content.options.size() >= case_min_options) {
            break;
        } else {
            out_ << text_.get("case.too_few_options") << '\n';
        }
    }
    return true;
}

void CaseTerminal::show_slide() {
    const CaseSlide& slide = case_.slide();
    const std::string& lang = case_.state().header.language;
    const bool model_step = slide.kind == CaseSlideKind::step;
    const std::string title = model_step ? case_.model().steps[slide.step].title.in(lang)
                                         : text_.get("case.slide." + slide.id);
    out_ << '\n'
         << text_.format("case.slide", {std::to_string(case_.slide_index() + 1),
                                        std::to_string(case_.slides().size()), title})
         << '\n';
    if (model_step) {
        out_ << for_terminal(case_.model().steps[slide.step].prompt.in(lang)) << '\n';
    }
}

CaseTerminal::Line CaseTerminal::step_slide() {
    const ModelStep& step = case_.model().steps[case_.slide().step];
    const bool arguments = step.input == InputKind::arguments;
    out_ << text_.get(arguments ? "case.arguments_hint" : "case.answers_hint") << '\n';
    const auto& options = case_.content().options;
    if (arguments) {
        for (std::size_t o = 0; o < options.size(); ++o) {
            out_ << "  " << o + 1 << ". " << for_terminal(options[o].label) << '\n';
        }
    }
    std::string line;
    Line got;
    while ((got = read(line)) == Line::text) {
        Contribution answer;
        answer.text = line;
        if (arguments && line.size() > 2 && (line[0] == '+' || line[0] == '-') && line[1] >= '1' &&
            line[1] <= '0' + static_cast<char>(options.size())) {
            answer.option = options[static_cast<std::size_t>(line[1] - '1')].id;
            answer.side = line[0] == '+' ? "for" : "against";
            answer.text = line.substr(line.find_first_not_of(' ', 2) == std::string::npos
                                          ? line.size()
                                          : line.find_first_not_of(' ', 2));
        }
        if (answer.text.empty()) {
            continue;
        }
        out_ << text_.format("case.recorded", {std::to_string(case_.add_answer(answer))}) << '\n';
    }
    return got;
}

CaseTerminal::Line CaseTerminal::vote_slide() {
    out_ << text_.get("case.vote_hint") << '\n';
    const auto& options = case_.content().options;
    auto& hands = dynamic_cast<HandCount&>(case_.votes());
    if (options.empty()) {
        return Line::empty;  // nothing to count (the case is never complete without options)
    }
    for (std::size_t o = 0; o < options.size(); ++o) {
        out_ << text_.format("case.ask_count", {for_terminal(options[o].label)}) << '\n';
        std::string line;
        while (true) {
            const Line got = read(line);
            if (got != Line::text && got != Line::empty) {
                return got;
            }
            if (!line.empty() && line.size() <= 4 &&
                line.find_first_not_of("0123456789") == std::string::npos) {
                hands.set(o, std::stoi(line));
                break;
            }
            out_ << text_.get("case.not_a_count") << '\n';
        }
    }
    case_.record_count();
    return Line::empty;
}

void CaseTerminal::write_record() {
    std::string error;
    const std::string stem = case_.journal_path().stem().string();
    const auto html = exports_ / (stem + ".html");
    const auto md = exports_ / (stem + ".md");
    if (!write_file_atomically(html, case_record_html(case_.state(), case_.model(), text_),
                               error) ||
        !write_file_atomically(md, case_record_markdown(case_.state(), case_.model(), text_),
                               error)) {
        out_ << "deliberate: " << for_terminal(error) << '\n';
        return;
    }
    out_ << text_.format("case.record_written", {html.string()}) << '\n'
         << text_.format("case.record_written", {md.string()}) << '\n';
}

void CaseTerminal::write_scenario() {
    std::string error;
    const auto file = exports_ / (case_.journal_path().stem().string() + ".scenario.json");
    if (!write_file_atomically(file, case_scenario_json(case_.state(), case_.model()), error)) {
        out_ << "deliberate: " << for_terminal(error) << '\n';
        return;
    }
    out_ << text_.format("case.scenario_written", {file.string()}) << '\n';
}

CaseTerminal::Line CaseTerminal::closing_slide() {
    out_ << text_.get("case.closing_hint") << '\n';
    std::string line;
    Line got;
    while ((got = read(line)) == Line::text) {
        if (line == ":record") {
            write_record();
        } else if (line == ":scenario") {
            write_scenario();
        }
    }
    return got;
}

CaseEnd CaseTerminal::run() {
    while (true) {
        show_slide();
        Line got = Line::empty;
        switch (case_.slide().kind) {
            case CaseSlideKind::entry:
                got = enter_case() ? Line::empty : in_ ? Line::quit : Line::ended;
                break;
            case CaseSlideKind::first_vote:
            case CaseSlideKind::final_vote:
                got = vote_slide();
                break;
            case CaseSlideKind::step:
                got = step_slide();
                break;
            case CaseSlideKind::closing:
                got = closing_slide();
                if (got == Line::empty) {
                    case_.finish();
                    return CaseEnd::finished;
                }
                break;
        }
        if (got == Line::ended) {
            return CaseEnd::input_ended;
        }
        if (got == Line::quit) {
            return CaseEnd::quit;
        }
        if (got == Line::back) {
            case_.back();
        } else {
            case_.next();
        }
    }
}

}  // namespace deliberate::app
