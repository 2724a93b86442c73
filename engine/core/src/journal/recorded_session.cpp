// Recording a session's actions in its journal, and rebuilding a session from a journal.
#include "deliberate/journal/recorded_session.hpp"

#include <algorithm>

#include "deliberate/session/step_input.hpp"
#include "deliberate/support/version.hpp"

namespace deliberate {

namespace {

std::size_t factor_index(const Scenario& scenario, const std::string& id, std::size_t line) {
    const auto f = scenario.find_factor(id);
    if (!f) {
        throw ReplayError(line, "the scenario has no factor `" + id + "`");
    }
    return *f;
}

std::size_t factor_value_index(const Scenario& scenario, std::size_t factor,
                               const std::string& value, std::size_t line) {
    const auto v = scenario.factors[factor].find_value(value);
    if (!v) {
        throw ReplayError(
            line, "factor `" + scenario.factors[factor].id + "` has no value `" + value + "`");
    }
    return *v;
}

void require_node(const Session& session, const JournalEvent& event, std::size_t line) {
    if (session.node().id != event.node) {
        throw ReplayError(line, std::string("the journal's ") + event_type_name(event.type) +
                                    " is at `" + event.node + "`, but the session is at `" +
                                    session.node().id + "`");
    }
}

std::string current_step_id(const Session& session) {
    const ModelStep* step = session.current_step();
    return step != nullptr ? step->id : std::string();
}

void apply(Session& session, const JournalEvent& event, std::size_t line) {
    const Scenario& scenario = session.scenario();
    switch (event.type) {
        case EventType::continue_scene:
            require_node(session, event, line);
            session.continue_scene();
            if (session.node().id != event.to) {
                throw ReplayError(line, "the scene now leads to `" + session.node().id +
                                            "`, the journal went to `" + event.to + "`");
            }
            return;
        case EventType::answer:
            require_node(session, event, line);
            if (current_step_id(session) != event.step) {
                throw ReplayError(line, "the journal answers step `" + event.step +
                                            "`, but the session is at step `" +
                                            current_step_id(session) + "`");
            }
            session.answer_step({event.step, event.picks, event.text, event.scale});
            return;
        case EventType::back:
            require_node(session, event, line);
            if (!session.go_back() || current_step_id(session) != event.step) {
                throw ReplayError(line, "going back does not lead to step `" + event.step + "`");
            }
            return;
        case EventType::choice: {
            require_node(session, event, line);
            const auto& options = session.node().options;
            for (std::size_t o = 0; o < options.size(); ++o) {
                if (options[o].id == event.option) {
                    session.choose(o);
                    return;
                }
            }
            throw ReplayError(line, "`" + event.node + "` has no option `" + event.option + "`");
        }
        case EventType::factor: {
            const std::size_t f = factor_index(scenario, event.factor, line);
            session.set_factor(f, factor_value_index(scenario, f, event.value, line));
            return;
        }
        case EventType::note:
            return;
        case EventType::vote: {
            require_node(session, event, line);
            const auto& options = session.node().options;
            for (const auto& counted : event.counts) {
                // A named copy, not a structured binding: lambdas cannot capture those in C++17
                // and clang 14 refuses it in C++20 too.
                const std::string& option = counted.first;
                if (std::none_of(options.begin(), options.end(),
                                 [&](const Option& o) { return o.id == option; })) {
                    throw ReplayError(line, "the vote counts `" + option + "`, which `" +
                                                event.node + "` does not offer");
                }
            }
            return;
        }
        case EventType::reveal:
        case EventType::phone_answers:
            require_node(session, event, line);
            return;
        case EventType::end:
            require_node(session, event, line);
            if (!session.at_ending()) {
                throw ReplayError(
                    line, "the journal ends at `" + event.node + "`, which is not an ending");
            }
            return;
        case EventType::case_part:
        case EventType::contribution:
        case EventType::withdraw:
        case EventType::slide:
            throw ReplayError(line, std::string("`") + event_type_name(event.type) +
                                        "` belongs to an own case, not to a scenario's session");
    }
}

}  // namespace

Session replay_journal(std::shared_ptr<const Scenario> scenario, const JournalHeader& header,
                       const std::vector<JournalEvent>& events,
                       const std::vector<std::size_t>& lines) {
    if (header.scenario_id != scenario->id) {
        throw ReplayError(1, "the journal is of scenario `" + header.scenario_id + "`, not `" +
                                 scenario->id + "`");
    }
    Session session(std::move(scenario), header.language);
    for (const auto& [id, value] : header.factors) {
        const std::size_t f = factor_index(session.scenario(), id, 1);
        session.set_factor(f, factor_value_index(session.scenario(), f, value, 1));
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::size_t line = i < lines.size() ? lines[i] : i + 2;
        try {
            apply(session, events[i], line);
        } catch (const std::logic_error& e) {
            throw ReplayError(line, e.what());
        }
    }
    return session;
}

JournalHeader make_journal_header(const Session& session, const std::string& mode) {
    const Scenario& scenario = session.scenario();
    JournalHeader header;
    header.scenario_id = scenario.id;
    header.scenario_version = scenario.version;
    header.scenario_hash = scenario.content_hash;
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(scenario.file, ec);
    header.scenario_file = ec ? scenario.file : absolute.lexically_normal().string();
    header.model_id = scenario.model ? scenario.model->id : std::string();
    header.language = session.language();
    header.mode = mode;
    header.participant = new_participant_id();
    header.engine_version = engine_version;
    for (std::size_t f = 0; f < scenario.factors.size(); ++f) {
        header.factors.emplace_back(scenario.factors[f].id, session.factor_values()[f]);
    }
    return header;
}

RecordedSession::RecordedSession(Session session, JournalWriter writer)
    : session_(std::move(session)), writer_(std::move(writer)) {}

RecordedSession RecordedSession::start(Session session, const std::filesystem::path& path,
                                       JournalHeader header) {
    if (const std::string problem = journal_header_problem(header); !problem.empty()) {
        throw JournalError(path.string() + ": cannot begin a journal: " + problem);
    }
    JournalWriter writer = JournalWriter::create(path, std::move(header));
    RecordedSession recorded(std::move(session), std::move(writer));
    // A scenario may start at an ending; the journal still says where the session ended.
    if (recorded.session_.at_ending()) {
        recorded.record_arrival(0);
    }
    return recorded;
}

RecordedSession RecordedSession::resume(std::shared_ptr<const Scenario> scenario,
                                        const std::filesystem::path& path, std::string& notice) {
    const JournalScan scan = scan_journal(path);
    require_resumable(path, scan);
    Session session =
        replay_journal(std::move(scenario), *scan.header, scan.events, scan.event_lines);
    notice.clear();
    if (!scan.header->scenario_hash.empty() &&
        scan.header->scenario_hash != session.scenario().content_hash) {
        notice +=
            "The scenario file has changed since this session began; its journal still "
            "fits it.\n";
    }
    if (scan.torn_tail) {
        std::filesystem::path cut = path;
        cut += ".cut";
        notice += "The last line of the journal (line " + std::to_string(scan.torn_tail->line) +
                  ", " + std::to_string(scan.torn_tail->length) + " bytes) was incomplete (" +
                  scan.torn_tail->reason + "); it is cut off and kept in " + cut.string() + ".\n";
    }
    JournalWriter writer = JournalWriter::reopen(path, scan);
    RecordedSession recorded(std::move(session), std::move(writer));
    // Arriving at the ending was recorded but its `end` was not: finish the record.
    if (recorded.session_.at_ending() && !scan.finished()) {
        recorded.record_arrival(0);
    }
    return recorded;
}

void RecordedSession::record(JournalEvent event) {
    event.node = event.node.empty() ? session_.node().id : event.node;
    writer_.append(std::move(event));
}

std::vector<std::pair<std::string, std::string>> RecordedSession::current_factors() const {
    std::vector<std::pair<std::string, std::string>> out;
    const Scenario& scenario = session_.scenario();
    for (std::size_t f = 0; f < scenario.factors.size(); ++f) {
        out.emplace_back(scenario.factors[f].id, session_.factor_values()[f]);
    }
    return out;
}

void RecordedSession::record_arrival(std::size_t history_before) {
    if (session_.history().size() > history_before && session_.at_ending()) {
        JournalEvent end;
        end.type = EventType::end;
        record(std::move(end));
    }
}

// Each action works on a copy and keeps it only once its event is on disk, so that a failed
// write leaves the session where the journal says it is.
void RecordedSession::continue_scene() {
    Session next = session_;
    next.continue_scene();
    JournalEvent event;
    event.type = EventType::continue_scene;
    event.node = session_.node().id;
    event.to = next.node().id;
    record(std::move(event));
    const std::size_t before = session_.history().size();
    session_ = std::move(next);
    record_arrival(before);
}

void RecordedSession::answer_step(StepAnswer answer) {
    const AnswerProblem problem = check_answer(session_, answer);
    if (problem != AnswerProblem::none) {
        throw std::invalid_argument(answer_problem_text(problem));
    }
    Session next = session_;
    JournalEvent event;
    event.type = EventType::answer;
    event.step = current_step_id(session_);
    event.picks = answer.picks;
    event.text = answer.text;
    event.scale = answer.scale;
    next.answer_step(std::move(answer));
    record(std::move(event));
    const std::size_t before = session_.history().size();
    session_ = std::move(next);
    record_arrival(before);
}

void RecordedSession::discuss_step() {
    Session next = session_;
    next.answer_step({});  // throws, recording nothing, where there is no step to pass
    JournalEvent event;
    event.type = EventType::answer;
    event.step = current_step_id(session_);
    record(std::move(event));
    const std::size_t before = session_.history().size();
    session_ = std::move(next);
    record_arrival(before);
}

bool RecordedSession::go_back() {
    Session next = session_;
    if (!next.go_back()) {
        return false;
    }
    JournalEvent event;
    event.type = EventType::back;
    event.step = current_step_id(next);
    record(std::move(event));
    session_ = std::move(next);
    return true;
}

void RecordedSession::choose(std::size_t option_index, std::string reason) {
    Session next = session_;
    next.choose(option_index);
    JournalEvent event;
    event.type = EventType::choice;
    event.option = session_.node().options[option_index].id;
    event.reason = std::move(reason);
    record(std::move(event));
    const std::size_t before = session_.history().size();
    session_ = std::move(next);
    record_arrival(before);
}

void RecordedSession::set_factor(std::size_t factor, std::size_t value) {
    Session next = session_;
    next.set_factor(factor, value);
    const Factor& f = session_.scenario().factors[factor];
    JournalEvent event;
    event.type = EventType::factor;
    event.factor = f.id;
    event.value = f.values[value].id;
    record(std::move(event));
    session_ = std::move(next);
}

void RecordedSession::add_note(std::string text) {
    JournalEvent event;
    event.type = EventType::note;
    event.text = std::move(text);
    record(std::move(event));
}

void RecordedSession::record_vote(const std::string& round, const std::vector<int>& per_option,
                                  const std::vector<int>& phones) {
    if (!session_.at_dilemma()) {
        throw std::logic_error("record_vote: `" + session_.node().id + "` is not a dilemma");
    }
    const auto& options = session_.node().options;
    if (per_option.size() != options.size() || (round != "first" && round != "final") ||
        std::any_of(per_option.begin(), per_option.end(), [](int n) { return n < 0; }) ||
        (!phones.empty() && phones.size() != per_option.size())) {
        throw std::invalid_argument(
            "record_vote: a count for each option, none negative, in "
            "round `first` or `final`");
    }
    JournalEvent event;
    event.type = EventType::vote;
    event.round = round;
    for (std::size_t o = 0; o < options.size(); ++o) {
        event.counts.emplace_back(options[o].id, per_option[o]);
        if (!phones.empty()) {
            event.phones.emplace_back(options[o].id, std::clamp(phones[o], 0, per_option[o]));
        }
    }
    event.factors = current_factors();
    record(std::move(event));
}

void RecordedSession::record_phone_answers(JournalEvent answers) {
    if (!session_.at_dilemma()) {
        throw std::logic_error("record_phone_answers: `" + session_.node().id +
                               "` is not a dilemma");
    }
    answers.type = EventType::phone_answers;
    answers.factors = current_factors();
    record(std::move(answers));
}

void RecordedSession::record_reveal() {
    JournalEvent event;
    event.type = EventType::reveal;
    record(std::move(event));
}

}  // namespace deliberate
