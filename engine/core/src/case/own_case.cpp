// Driving an own case: each change recorded in the journal before the state takes it.
#include "deliberate/case/own_case.hpp"

#include <algorithm>
#include <stdexcept>

#include "deliberate/case/case_phones.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/support/version.hpp"
#include "deliberate/workshop/phone_question.hpp"

namespace deliberate {

OwnCase::OwnCase(std::shared_ptr<const JudgementModel> model, JournalWriter writer, CaseState state,
                 std::unique_ptr<VoteSource> votes)
    : model_(std::move(model)),
      writer_(std::move(writer)),
      state_(std::move(state)),
      votes_(std::move(votes)),
      slides_(case_slides(*model_)) {
    for (std::size_t s = 0; s < slides_.size(); ++s) {
        if (slides_[s].id == state_.slide) {
            slide_ = s;
        }
    }
    open_count();
}

OwnCase OwnCase::start(std::shared_ptr<const JudgementModel> model,
                       const std::filesystem::path& journal, const std::string& language,
                       std::unique_ptr<VoteSource> votes) {
    JournalHeader header;
    // A case has no scenario file: the header names the case's kind, never its content.
    header.scenario_id = "own-case";
    header.scenario_version = "1";
    header.model_id = model->id;
    header.language = language;
    header.mode = case_mode;
    header.participant = new_participant_id();
    header.engine_version = engine_version;
    header.time = journal_time_now();
    CaseState state;
    state.header = header;
    JournalWriter writer = JournalWriter::create(journal, std::move(header));
    return OwnCase(std::move(model), std::move(writer), std::move(state), std::move(votes));
}

OwnCase OwnCase::resume(std::shared_ptr<const JudgementModel> model,
                        const std::filesystem::path& journal, std::string& notice,
                        std::unique_ptr<VoteSource> votes) {
    const JournalScan scan = scan_journal(journal);
    require_resumable(journal, scan);
    CaseState state = read_case(*scan.header, scan.events, scan.event_lines);
    if (state.header.model_id != model->id) {
        throw ReplayError(1, "the case was deliberated with model `" + state.header.model_id +
                                 "`, not `" + model->id + "`");
    }
    notice.clear();
    if (scan.torn_tail) {
        notice = "The last line of the journal (line " + std::to_string(scan.torn_tail->line) +
                 ") was incomplete; it is cut off and kept in " + journal.string() + ".cut.\n";
    }
    // The slide it stood at must be one of the model's, and past the case only once the case
    // is complete (as next() allows): a forged journal is refused, not followed.
    std::size_t slide_line = 1;
    for (std::size_t i = 0; i < scan.events.size(); ++i) {
        if (scan.events[i].type == EventType::slide) {
            slide_line = i < scan.event_lines.size() ? scan.event_lines[i] : i + 2;
        }
    }
    const auto slides = case_slides(*model);
    if (std::none_of(slides.begin(), slides.end(),
                     [&](const CaseSlide& s) { return s.id == state.slide; })) {
        throw ReplayError(slide_line,
                          "the model `" + model->id + "` has no slide `" + state.slide + "`");
    }
    if (state.slide != slides.front().id && !state.content.complete()) {
        throw ReplayError(slide_line, "the case moved to `" + state.slide +
                                          "` before it had a title, a question and two options");
    }
    JournalWriter writer = JournalWriter::reopen(journal, scan);
    return OwnCase(std::move(model), std::move(writer), std::move(state), std::move(votes));
}

std::string OwnCase::vote_round() const {
    switch (slide().kind) {
        case CaseSlideKind::first_vote:
            return "first";
        case CaseSlideKind::final_vote:
            return "final";
        default:
            return {};
    }
}

const JournalEvent& OwnCase::record(JournalEvent event) {
    event.node = "case";
    return writer_.append(std::move(event));
}

void OwnCase::record_part(const std::string& part, std::string text, const std::string& option) {
    JournalEvent event;
    event.type = EventType::case_part;
    event.part = part;
    event.option = option;
    event.text = std::move(text);
    const JournalEvent& recorded = record(std::move(event));
    if (part == "title") {
        state_.content.title = recorded.text;
    } else if (part == "case") {
        state_.content.text = recorded.text;
    } else if (part == "question") {
        state_.content.question = recorded.text;
    }
}

void OwnCase::set_title(std::string text) {
    if (text.empty()) {
        throw std::invalid_argument("a case needs a title");
    }
    record_part("title", std::move(text));
}

void OwnCase::set_text(std::string text) {
    record_part("case", std::move(text));
}

void OwnCase::set_question(std::string text) {
    if (text.empty()) {
        throw std::invalid_argument("a case needs a question");
    }
    record_part("question", std::move(text));
}

std::string OwnCase::add_option(std::string label) {
    if (label.empty() || state_.content.options.size() >= case_max_options) {
        throw std::invalid_argument("an option needs a label, and a case has at most six");
    }
    const std::string id = "o" + std::to_string(state_.next_option);
    record_part("option", label, id);
    state_.content.options.push_back({id, std::move(label)});
    ++state_.next_option;
    for (VoteRecord& vote : state_.votes) {
        vote.per_option.push_back(0);
        if (!vote.phones.empty()) {
            vote.phones.push_back(0);
        }
    }
    open_count();
    return id;
}

void OwnCase::rename_option(const std::string& id, std::string label) {
    const auto at = state_.content.find_option(id);
    if (!at || label.empty()) {
        throw std::invalid_argument("no option `" + id + "`, or an empty label");
    }
    record_part("option", label, id);
    state_.content.options[*at].label = std::move(label);
}

void OwnCase::remove_option(const std::string& id) {
    const auto at = state_.content.find_option(id);
    if (!at) {
        throw std::invalid_argument("no option `" + id + "`");
    }
    record_part("option", "", id);
    state_.content.options.erase(state_.content.options.begin() + static_cast<long>(*at));
    for (VoteRecord& vote : state_.votes) {
        vote.per_option.erase(vote.per_option.begin() + static_cast<long>(*at));
        if (!vote.phones.empty()) {
            vote.phones.erase(vote.phones.begin() + static_cast<long>(*at));
        }
    }
    std::erase_if(state_.contributions, [&](const Contribution& c) { return c.option == id; });
    open_count();
}

void OwnCase::open_count() {
    const std::string round = vote_round();
    // The source counts hands: what phones gave is theirs and is added again when recorded.
    votes_->begin(
        hands_of(round.empty() ? nullptr : state_.vote(round), state_.content.options.size()));
}

std::vector<int> OwnCase::phone_counts() const {
    const std::string round = vote_round();
    if (phones_ == nullptr || round.empty()) {
        return {};
    }
    const auto tally = phones_->tally_of(case_phone_vote(*this, round).key);
    if (!tally || tally->ballots == 0) {
        // No phone has voted in this round since a resume or a change of the options: the
        // phones' part recorded before stands (ballots are never taken back).
        const VoteRecord* recorded = state_.vote(round);
        return recorded != nullptr ? recorded->phones : std::vector<int>{};
    }
    std::vector<int> counts = tally->per_choice;
    counts.resize(state_.content.options.size(), 0);
    return counts;
}

void OwnCase::record_count() {
    const std::string round = vote_round();
    if (round.empty()) {
        return;
    }
    VoteRecord vote =
        counted_vote(round, {}, votes_->counts(), phone_counts(), state_.content.options.size());
    if (!vote_changed(vote, state_.vote(round))) {
        return;
    }
    JournalEvent event;
    event.type = EventType::vote;
    event.round = round;
    for (std::size_t o = 0; o < vote.per_option.size(); ++o) {
        event.counts.emplace_back(state_.content.options[o].id, vote.per_option[o]);
        if (!vote.phones.empty()) {
            event.phones.emplace_back(state_.content.options[o].id, vote.phones[o]);
        }
    }
    record(std::move(event));
    add_vote(state_.votes, std::move(vote));
}

void OwnCase::arrive(std::size_t slide) {
    record_count();
    JournalEvent event;
    event.type = EventType::slide;
    event.to = slides_[slide].id;
    record(std::move(event));
    slide_ = slide;
    state_.slide = slides_[slide].id;
    open_count();
}

bool OwnCase::next() {
    if (slide_ + 1 >= slides_.size() || !state_.content.complete()) {
        return false;
    }
    arrive(slide_ + 1);
    return true;
}

bool OwnCase::back() {
    if (slide_ == 0) {
        return false;
    }
    arrive(slide_ - 1);
    return true;
}

bool OwnCase::go_to(std::size_t slide) {
    if (slide >= slides_.size() || slide == slide_ || (slide > 0 && !state_.content.complete())) {
        return false;
    }
    arrive(slide);
    return true;
}

std::uint64_t OwnCase::add_answer(Contribution answer) {
    if (answer.step.empty()) {
        answer.step =
            slide().kind == CaseSlideKind::step ? model_->steps[slide().step].id : std::string();
    }
    if (answer.text.empty() || answer.step.empty() ||
        (!answer.option.empty() && !state_.content.find_option(answer.option)) ||
        (!answer.side.empty() && answer.side != "for" && answer.side != "against")) {
        throw std::invalid_argument("an answer needs a step, a text and an option the case has");
    }
    if (answer.source.empty()) {
        answer.source = "console";
    }
    JournalEvent event;
    event.type = EventType::contribution;
    event.step = answer.step;
    event.text = answer.text;
    event.option = answer.option;
    event.side = answer.side;
    event.source = answer.source;
    answer.entry = record(std::move(event)).seq;
    state_.contributions.push_back(answer);
    return answer.entry;
}

bool OwnCase::withdraw(std::uint64_t entry) {
    const auto it = std::find_if(state_.contributions.begin(), state_.contributions.end(),
                                 [&](const Contribution& c) { return c.entry == entry; });
    if (it == state_.contributions.end()) {
        return false;
    }
    JournalEvent event;
    event.type = EventType::withdraw;
    event.entry = entry;
    record(std::move(event));
    state_.contributions.erase(it);
    return true;
}

void OwnCase::add_note(std::string text) {
    JournalEvent event;
    event.type = EventType::note;
    event.text = text;
    record(std::move(event));
    state_.notes.push_back(std::move(text));
}

void OwnCase::finish() {
    record_count();
    if (state_.finished) {
        return;
    }
    JournalEvent event;
    event.type = EventType::end;
    record(std::move(event));
    state_.finished = true;
}

}  // namespace deliberate
