// The terminal player: shows where the session is, reads one line, acts, and repeats.
#include "terminal_player.hpp"

#include "typed_answer.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

namespace deliberate::app {

namespace {

constexpr std::size_t line_width = 78;

// Counts code points, not bytes, so that Dutch accents do not shorten lines.
std::size_t display_width(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

TerminalPlayer::TerminalPlayer(RecordedSession& recorded, const MessageCatalogue& text,
                               std::istream& in, std::ostream& out, bool echo_input)
    : recorded_(recorded),
      text_(text),
      in_(in),
      filter_(out.rdbuf()),
      out_(&filter_),
      echo_input_(echo_input) {}

std::string TerminalPlayer::rendered(const LocalisedText& text) const {
    return recorded_.session().render(text);
}

void TerminalPlayer::paragraph(const std::string& text, const std::string& indent) {
    // Wraps each line of `text` at the line width; blank lines stay as paragraph breaks. A
    // list marker ("- ", "1. ") at the start hangs, so wrapped lines align with its text.
    std::size_t hang = 0;
    const std::size_t marker_end = text.find(' ');
    if (marker_end != std::string::npos && marker_end <= 3 && marker_end > 0) {
        const std::string marker = text.substr(0, marker_end);
        const bool numbered =
            marker.back() == '.' && std::all_of(marker.begin(), marker.end() - 1,
                                                [](char c) { return c >= '0' && c <= '9'; });
        if (marker == "-" || marker == "+" || numbered) {
            hang = marker_end + 1;
        }
    }
    const std::string continuation = indent + std::string(hang, ' ');
    std::size_t start = 0;
    bool first_line = true;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        std::string current = first_line ? indent : continuation;
        std::size_t width = display_width(current);
        std::size_t i = 0;
        bool first_word = true;
        while (i < line.size()) {
            const std::size_t space = std::min(line.find(' ', i), line.size());
            const std::string word = line.substr(i, space - i);
            const std::size_t w = display_width(word);
            if (!first_word && width + 1 + w > line_width) {
                out_ << current << '\n';
                current = continuation;
                width = display_width(continuation);
                first_word = true;
            }
            if (!first_word) {
                current += ' ';
                ++width;
            }
            current += word;
            width += w;
            first_word = false;
            i = space + 1;
        }
        // A blank line is a paragraph break: no trailing indent on it.
        out_ << (line.empty() ? std::string() : current) << '\n';
        first_line = false;
        start = end + 1;
    }
}

void TerminalPlayer::note_problem(const std::string& message) {
    out_ << "! " << message << '\n';
}

bool TerminalPlayer::read_line(std::string& line) {
    out_ << "> " << std::flush;
    if (!std::getline(in_, line)) {
        out_ << '\n';
        ended_input_ = true;
        return false;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    if (echo_input_) {
        out_ << line << '\n';
    }
    return true;
}

bool TerminalPlayer::command(const std::string& raw) {
    const std::string line = trim(raw);
    const Session& session = recorded_.session();
    if (line == "?") {
        const ModelStep* step = session.current_step();
        if (step != nullptr && !step->guidance.empty()) {
            out_ << text_.get("play.guidance") << ":\n";
            paragraph(rendered(step->guidance), "  ");
        } else {
            note_problem(text_.get("play.error.no_guidance"));
        }
        return true;
    }
    if (line.empty() || line[0] != ':') {
        return false;
    }
    const std::string name = line.substr(
        1, line.find(' ') == std::string::npos ? std::string::npos : line.find(' ') - 1);
    const std::string rest =
        line.find(' ') == std::string::npos ? "" : trim(line.substr(line.find(' ') + 1));
    if (name == "quit" || name == "q") {
        quit_ = true;
    } else if (name == "back" || name == "b") {
        if (!session.at_dilemma()) {
            note_problem(text_.get("play.error.no_back_here"));
        } else if (session.chosen_option()) {
            note_problem(text_.get("play.error.after_choice"));
        } else if (!recorded_.go_back()) {
            note_problem(text_.get("play.error.first_step"));
        } else {
            step_shown_ = false;
        }
    } else if (name == "note") {
        if (rest.empty()) {
            note_problem(text_.get("play.error.empty_note"));
        } else {
            recorded_.add_note(rest);
            out_ << text_.get("play.note_saved") << '\n';
        }
    } else if (name == "factor") {
        const Scenario& scenario = session.scenario();
        const auto eq = rest.find('=');
        const auto f =
            eq == std::string::npos ? std::nullopt : scenario.find_factor(trim(rest.substr(0, eq)));
        const auto v =
            f ? scenario.factors[*f].find_value(trim(rest.substr(eq + 1))) : std::nullopt;
        if (!f || !v) {
            std::string list;
            for (const Factor& factor : scenario.factors) {
                for (const FactorValue& value : factor.values) {
                    list += (list.empty() ? "" : ", ") + factor.id + "=" + value.id;
                }
            }
            note_problem(text_.format("play.error.factor", {rest, list.empty() ? "-" : list}));
        } else {
            recorded_.set_factor(*f, *v);
            out_ << text_.format("play.factor_set",
                                 {rendered(scenario.factors[*f].label),
                                  rendered(scenario.factors[*f].values[*v].label)})
                 << '\n';
            step_shown_ = false;
        }
    } else {
        note_problem(text_.format("play.error.unknown_command", {line}));
    }
    return true;
}

void TerminalPlayer::show_node() {
    const Session& session = recorded_.session();
    const Node& node = session.node();
    out_ << '\n';
    if (!node.title.empty()) {
        out_ << "== " << rendered(node.title) << " ==\n";
    }
    if (!node.text.empty()) {
        paragraph(rendered(node.text));
    }
    if (session.at_dilemma() && !node.question.empty()) {
        out_ << '\n' << text_.get("play.question") << ": " << rendered(node.question) << '\n';
    }
    step_shown_ = false;
}

void TerminalPlayer::show_step() {
    const Session& session = recorded_.session();
    const ModelStep* step = session.current_step();
    out_ << '\n';
    if (step != nullptr) {
        show_step_prompt(*step);
    }
    if (session.at_choice()) {
        show_numbered_options(false);
        out_ << text_.get("play.hint.choice") << '\n';
    } else if (step != nullptr) {
        show_input_hint(*step);
    }
    step_shown_ = true;
}

void TerminalPlayer::show_step_prompt(const ModelStep& step) {
    const Session& session = recorded_.session();
    const Node& node = session.node();
    out_ << text_.format("play.step",
                         {std::to_string(session.step_position() + 1),
                          std::to_string(node.walked_steps.size()), rendered(step.title)})
         << '\n';
    paragraph(rendered(step.prompt));
    if (const StepContent* content = node.step_content(step.id)) {
        if (!content->prompt.empty()) {
            paragraph(rendered(content->prompt), "  ");
        }
        for (const LocalisedText& prompt : content->prompts) {
            paragraph("- " + rendered(prompt), "  ");
        }
    }
}

void TerminalPlayer::show_numbered_options(bool with_arguments) {
    const Session& session = recorded_.session();
    const Node& node = session.node();
    const auto offered = session.offered_options();
    for (std::size_t i = 0; i < offered.size(); ++i) {
        const Option& option = node.options[offered[i]];
        paragraph(std::to_string(i + 1) + ". " + rendered(option.label), "  ");
        if (!with_arguments) {
            continue;
        }
        for (const LocalisedText& a : option.arguments_for) {
            paragraph("+ " + rendered(a), "     ");
        }
        for (const LocalisedText& a : option.arguments_against) {
            paragraph("- " + rendered(a), "     ");
        }
    }
}

// The candidates to pick from, where the step has them, and one line saying how to answer.
void TerminalPlayer::show_input_hint(const ModelStep& step) {
    const std::vector<Candidate> candidates = step_candidates(recorded_.session());
    const InputKind input = step.input;
    if (input == InputKind::select || input == InputKind::multiselect || input == InputKind::rank) {
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            paragraph(std::to_string(i + 1) + ". " + rendered(candidates[i].label), "  ");
        }
    }
    if (input == InputKind::arguments) {
        show_numbered_options(true);
    }
    const std::string hint = input_hint(step, candidates.size());
    if (!hint.empty()) {
        out_ << hint << '\n';
    }
}

std::string TerminalPlayer::input_hint(const ModelStep& step, std::size_t candidates) const {
    switch (step.input) {
        case InputKind::info:
            return text_.get("play.hint.info");
        case InputKind::text:
            return text_.get(step.optional ? "play.hint.text_optional" : "play.hint.text");
        case InputKind::select:
            return text_.get("play.hint.select");
        case InputKind::multiselect:
            return text_.get("play.hint.multiselect");
        case InputKind::rank: {
            std::string example;
            for (std::size_t i = candidates; i > 0; --i) {
                example += (example.empty() ? "" : ",") + std::to_string(i);
            }
            return text_.format("play.hint.rank", {example});
        }
        case InputKind::scale: {
            const ScaleSpec& scale = step.scale;
            std::string range = std::to_string(scale.min);
            if (!scale.min_label.empty()) {
                range += " (" + rendered(scale.min_label) + ")";
            }
            range += " .. " + std::to_string(scale.max);
            if (!scale.max_label.empty()) {
                range += " (" + rendered(scale.max_label) + ")";
            }
            return text_.format("play.hint.scale", {range});
        }
        case InputKind::checks:
            return text_.get("play.hint.checks");
        case InputKind::arguments:
            return text_.get(step.optional ? "play.hint.arguments_optional"
                                           : "play.hint.arguments");
        case InputKind::choice:
            break;
    }
    return {};
}

void TerminalPlayer::show_feedback(const StepFeedback& feedback) {
    if (feedback.empty()) {
        return;
    }
    out_ << '\n' << text_.get("play.feedback") << ":\n";
    if (!feedback.general.empty()) {
        paragraph(rendered(feedback.general), "  ");
    }
    if (!feedback.missed.empty()) {
        std::string names;
        for (const Candidate& c : feedback.missed) {
            names += (names.empty() ? "" : ", ") + rendered(c.label);
        }
        paragraph(text_.format("play.missed", {names}), "  ");
    }
    for (const Candidate& c : feedback.explained) {
        paragraph(rendered(c.label) + ": " + rendered(c.feedback), "  ");
    }
}

void TerminalPlayer::answer_checks() {
    const Session& session = recorded_.session();
    const std::vector<Candidate> checks = step_candidates(session);
    StepAnswer answer;
    for (std::size_t i = 0; i < checks.size();) {
        paragraph(text_.format("play.hint.check", {rendered(checks[i].label)}));
        std::string line;
        if (!read_line(line)) {
            return;
        }
        if (command(line)) {
            // :quit, :back and a factor change leave the checks; help and a note stay.
            if (quit_ || !step_shown_) {
                return;
            }
            continue;
        }
        const auto yes = parse_yes_no(trim(line));
        if (!yes) {
            note_problem(text_.get("play.error.yes_no"));
            continue;
        }
        if (*yes) {
            answer.picks.push_back(checks[i].id);
        }
        ++i;
    }
    const StepFeedback feedback = step_feedback(session, answer);
    recorded_.answer_step(std::move(answer));
    step_shown_ = false;
    show_feedback(feedback);
}

void TerminalPlayer::answer(const std::string& line) {
    const Session& session = recorded_.session();
    const std::string value = trim(line);
    if (session.at_choice()) {
        answer_choice(value);
        return;
    }
    StepAnswer answer;
    if (!read_step_answer(value, answer)) {
        return;
    }
    const AnswerProblem problem = check_answer(session, answer);
    if (problem != AnswerProblem::none) {
        note_problem(problem_text(problem));
        step_shown_ = false;
        return;
    }
    const StepFeedback feedback = step_feedback(session, answer);
    recorded_.answer_step(std::move(answer));
    step_shown_ = false;
    show_feedback(feedback);
}

void TerminalPlayer::answer_choice(const std::string& value) {
    const Session& session = recorded_.session();
    const auto offered = session.offered_options();
    std::vector<std::size_t> picks;
    std::string error;
    if (!parse_numbers(value, offered.size(), picks, text_, error) || picks.size() != 1) {
        note_problem(error.empty() ? text_.get("play.error.one") : error);
        step_shown_ = false;
        return;
    }
    const Option& option = session.node().options[offered[picks[0]]];
    recorded_.choose(offered[picks[0]]);
    step_shown_ = false;
    if (!option.feedback.empty()) {
        out_ << '\n' << text_.get("play.feedback") << ":\n";
        paragraph(recorded_.session().render(option.feedback), "  ");
    }
}

// Reads one line as the current step's answer; false (having said why, where the line does
// not fit) when there is nothing to record.
bool TerminalPlayer::read_step_answer(const std::string& value, StepAnswer& answer) {
    const Session& session = recorded_.session();
    std::string error;
    switch (session.current_step()->input) {
        case InputKind::info:
            if (!value.empty()) {
                note_problem(text_.get("play.error.enter"));
                return false;
            }
            return true;
        case InputKind::text:
        case InputKind::arguments:
            answer.text = value;
            return true;
        case InputKind::select:
        case InputKind::multiselect:
        case InputKind::rank: {
            const std::vector<Candidate> candidates = step_candidates(session);
            std::vector<std::size_t> picks;
            if (!parse_numbers(value, candidates.size(), picks, text_, error)) {
                note_problem(error);
                step_shown_ = false;
                return false;
            }
            for (const std::size_t p : picks) {
                answer.picks.push_back(candidates[p].id);
            }
            return true;
        }
        case InputKind::scale: {
            const bool digits = !value.empty() && value.size() < 7 &&
                                std::all_of(value.begin() + (value[0] == '-' ? 1 : 0), value.end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
            if (digits && value != "-") {
                answer.scale = std::stoi(value);
            } else if (!value.empty()) {
                note_problem(text_.format("play.error.not_number", {value}));
                step_shown_ = false;
                return false;
            }
            return true;
        }
        case InputKind::checks:
        case InputKind::choice:
            break;  // handled elsewhere
    }
    return false;
}

std::string TerminalPlayer::problem_text(AnswerProblem problem) const {
    const Session& session = recorded_.session();
    const ModelStep* step = session.current_step();
    switch (problem) {
        case AnswerProblem::text_required:
            return text_.get("play.error.text_required");
        case AnswerProblem::pick_required:
            return text_.get("play.error.pick_required");
        case AnswerProblem::too_many_picks:
            return text_.get("play.error.one");
        case AnswerProblem::rank_incomplete:
            return text_.format("play.error.rank_all",
                                {std::to_string(step_candidates(session).size())});
        case AnswerProblem::scale_out_of_range:
            return text_.format("play.error.number_range_from",
                                {std::to_string(step->scale.min), std::to_string(step->scale.max)});
        default:
            return answer_problem_text(problem);
    }
}

void TerminalPlayer::show_ending() {
    const Session& session = recorded_.session();
    const Node& node = session.node();
    if (!node.outcome.empty()) {
        out_ << '\n' << text_.get("play.outcome") << ":\n";
        paragraph(rendered(node.outcome), "  ");
    }
    if (!node.debrief.empty()) {
        out_ << '\n' << text_.get("play.debrief") << ":\n";
        paragraph(rendered(node.debrief), "  ");
    }
    if (!node.discussion.empty()) {
        out_ << '\n' << text_.get("play.discussion") << ":\n";
        for (std::size_t i = 0; i < node.discussion.size(); ++i) {
            paragraph(std::to_string(i + 1) + ". " + rendered(node.discussion[i]), "  ");
        }
    }
    // The participant's own path: each dilemma with the option taken there.
    const Scenario& scenario = session.scenario();
    if (!session.choices().empty()) {
        out_ << '\n' << text_.get("play.your_choices") << ":\n";
        for (const ChoiceRecord& choice : session.choices()) {
            const Node& dilemma = scenario.nodes[choice.node];
            const std::string where = !dilemma.title.empty()      ? rendered(dilemma.title)
                                      : !dilemma.question.empty() ? rendered(dilemma.question)
                                                                  : dilemma.id;
            paragraph("- " + where + ": " + rendered(dilemma.options[choice.option].label), "  ");
        }
    }
}

PlayEnd TerminalPlayer::run() {
    std::size_t shown_history = 0;
    while (true) {
        const Session& session = recorded_.session();
        if (session.history().size() != shown_history) {
            shown_history = session.history().size();
            show_node();
        }
        if (session.at_ending()) {
            show_ending();
            return PlayEnd::finished;
        }
        if (session.at_dilemma() && !step_shown_) {
            show_step();
        }
        if (session.at_scene() && !step_shown_) {
            out_ << text_.get("play.hint.info") << '\n';
            step_shown_ = true;
        }
        const ModelStep* step = session.current_step();
        if (session.at_dilemma() && !session.at_choice() && step != nullptr &&
            step->input == InputKind::checks) {
            answer_checks();
        } else {
            std::string line;
            if (!read_line(line)) {
                return PlayEnd::input_ended;
            }
            if (!command(line)) {
                if (session.at_scene()) {
                    if (trim(line).empty()) {
                        recorded_.continue_scene();
                        step_shown_ = false;
                    } else {
                        note_problem(text_.get("play.error.enter"));
                    }
                } else {
                    answer(line);
                }
            }
        }
        if (ended_input_) {
            return PlayEnd::input_ended;
        }
        if (quit_) {
            return PlayEnd::quit;
        }
    }
}

}  // namespace deliberate::app
