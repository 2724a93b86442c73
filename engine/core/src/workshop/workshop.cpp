// The workshop's slide flow over a recorded session.
#include "deliberate/workshop/workshop.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "deliberate/workshop/phone_question.hpp"

namespace deliberate {

const char* slide_kind_name(SlideKind kind) {
    switch (kind) {
        case SlideKind::scene:
            return "scene";
        case SlideKind::case_text:
            return "case";
        case SlideKind::first_vote:
            return "first-vote";
        case SlideKind::step:
            return "step";
        case SlideKind::final_vote:
            return "final-vote";
        case SlideKind::reveal:
            return "reveal";
        case SlideKind::ending:
            return "ending";
        case SlideKind::discussion:
            return "discussion";
        case SlideKind::closing:
            return "closing";
    }
    return "slide";
}

namespace {

SlideKind first_slide(const Session& session) {
    switch (session.node().kind) {
        case NodeKind::scene:
            return SlideKind::scene;
        case NodeKind::dilemma:
            return SlideKind::case_text;
        case NodeKind::ending:
            return SlideKind::ending;
    }
    return SlideKind::scene;
}

FactorSetting setting_of(const Session& session) {
    FactorSetting setting;
    const Scenario& scenario = session.scenario();
    for (std::size_t f = 0; f < scenario.factors.size(); ++f) {
        setting.emplace_back(scenario.factors[f].id, session.factor_values()[f]);
    }
    return setting;
}

}  // namespace

SlideKind Workshop::landing_slide(const Session& session, bool new_node) {
    if (new_node) {
        return first_slide(session);
    }
    return session.at_choice() ? SlideKind::final_vote : SlideKind::step;
}

Workshop::Workshop(RecordedSession recorded, std::unique_ptr<VoteSource> source)
    : recorded_(std::move(recorded)), source_(std::move(source)) {
    slide_ = first_slide(session());
}

Workshop::Workshop(RecordedSession recorded, const JournalScan& scan,
                   std::unique_ptr<VoteSource> source)
    : recorded_(std::move(recorded)), source_(std::move(source)) {
    const Session& s = session();
    slide_ = first_slide(s);
    if (!s.at_dilemma()) {
        return;
    }
    // The events since the room arrived here: the trailing run at this node, back to (not
    // including) the choice of an earlier visit when the path came round to it again.
    const std::string& here = s.node().id;
    std::size_t from = scan.events.size();
    while (from > 0 && scan.events[from - 1].node == here &&
           !(scan.events[from - 1].type == EventType::choice && !s.chosen_option())) {
        --from;
    }
    for (std::size_t i = from; i < scan.events.size(); ++i) {
        const JournalEvent& e = scan.events[i];
        if (e.type == EventType::vote) {
            add_vote(votes_here_, vote_record(s.node(), e));
        } else if (e.type == EventType::reveal) {
            revealed_ = true;
        }
    }
    if (s.chosen_option()) {
        slide_ = SlideKind::step;
    } else if (s.step_position() == 0 && votes_here_.empty()) {
        slide_ = SlideKind::case_text;
    } else if (s.at_choice()) {
        slide_ = revealed_ ? SlideKind::reveal : SlideKind::final_vote;
    } else {
        slide_ = SlideKind::step;
    }
    if (slide_ == SlideKind::final_vote) {
        open_count();
    }
}

std::string Workshop::vote_round() const {
    if (slide_ == SlideKind::first_vote) {
        return "first";
    }
    if (slide_ == SlideKind::final_vote) {
        return "final";
    }
    return {};
}

FactorSetting Workshop::current_setting() const {
    return setting_of(session());
}

const VoteRecord* Workshop::recorded_vote(const std::string& round) const {
    const FactorSetting setting = current_setting();
    for (const VoteRecord& v : votes_here_) {
        if (v.round == round && v.factors == setting) {
            return &v;
        }
    }
    return nullptr;
}

void Workshop::open_count() {
    // The source counts hands: what phones gave is theirs and is added again when recorded.
    source_->begin(hands_of(recorded_vote(vote_round()), session().node().options.size()));
}

std::vector<int> Workshop::phone_counts() const {
    const std::string round = vote_round();
    if (phones_ == nullptr || round.empty()) {
        return {};
    }
    const auto tally = phones_->tally_of(phone_vote(session(), round).key);
    if (!tally || tally->ballots == 0) {
        // No phone has voted in this round since a resume: the phones' part recorded before
        // stands (ballots are never taken back, so an empty round is a new one).
        const VoteRecord* earlier = recorded_vote(round);
        return earlier != nullptr ? earlier->phones : std::vector<int>{};
    }
    // The phones' ballots by offered option, placed by option index.
    std::vector<int> counts(session().node().options.size(), 0);
    const auto offered = session().offered_options();
    for (std::size_t i = 0; i < offered.size() && i < tally->per_choice.size(); ++i) {
        counts[offered[i]] = tally->per_choice[i];
    }
    return counts;
}

void Workshop::record_count() {
    const std::string round = vote_round();
    if (round.empty()) {
        return;
    }
    VoteRecord vote = counted_vote(round, current_setting(), source_->counts(), phone_counts(),
                                   session().node().options.size());
    if (!vote_changed(vote, recorded_vote(round))) {
        return;
    }
    recorded_.record_vote(round, vote.per_option, vote.phones);
    add_vote(votes_here_, std::move(vote));
}

void Workshop::record_phone_answers() {
    if (phones_ == nullptr || slide_ != SlideKind::step) {
        return;
    }
    const auto question = phone_step(session());
    const auto tally = question ? phones_->tally_of(question->key) : std::nullopt;
    if (!tally || tally->ballots == 0) {
        return;
    }
    // Within what the journal reads back (max_phone_answer_entries and _count).
    JournalEvent event;
    event.type = EventType::phone_answers;
    event.step = session().current_step()->id;
    event.answers = static_cast<int>(std::min<std::size_t>(tally->ballots, HandCount::max_count));
    const auto capped = [](double n) {
        return static_cast<int>(std::clamp(std::lround(n), 0L, long{max_phone_answer_count}));
    };
    for (std::size_t i = 0; i < question->choices.size() && i < tally->per_choice.size() &&
                            event.counts.size() < max_phone_answer_entries;
         ++i) {
        const double n = tally->rank_points.empty() ? tally->per_choice[i] : tally->rank_points[i];
        event.counts.emplace_back(question->choices[i].id, capped(n));
    }
    // A scale's values nobody chose are left out: a wide scale would be mostly zeros.
    for (std::size_t v = 0; v < tally->scale_counts.size(); ++v) {
        if (tally->scale_counts[v] > 0 && event.scale_counts.size() < max_phone_answer_entries) {
            event.scale_counts.emplace_back(
                std::to_string(question->scale_min + static_cast<int>(v)),
                capped(tally->scale_counts[v]));
        }
    }
    for (const TextEntry& entry : tally->texts) {
        if (entry.shown && event.texts.size() < BallotBox::max_texts_per_round) {
            event.texts.push_back(entry.text);
        }
    }
    // What would be written is compared, the time and sequence aside (they come later).
    std::string& last = phone_answers_recorded_[question->key];
    const std::string line = encode_journal_event(event);
    if (line == last) {
        return;
    }
    recorded_.record_phone_answers(std::move(event));
    last = line;
}

void Workshop::arrive_after(std::size_t history_before) {
    const bool new_node = session().history().size() > history_before;
    slide_ = landing_slide(session(), new_node);
    if (new_node) {
        votes_here_.clear();
        revealed_ = false;
    }
    if (slide_ == SlideKind::final_vote) {
        open_count();
    }
}

Workshop::Move Workshop::next() {
    const std::size_t before = session().history().size();
    switch (slide_) {
        case SlideKind::scene:
            recorded_.continue_scene();
            arrive_after(before);
            return Move::moved;
        case SlideKind::case_text:
            slide_ = SlideKind::first_vote;
            open_count();
            return Move::moved;
        case SlideKind::first_vote:
            record_count();
            slide_ = session().at_choice() ? SlideKind::final_vote : SlideKind::step;
            if (slide_ == SlideKind::final_vote) {
                open_count();
            }
            return Move::moved;
        case SlideKind::step:
            record_phone_answers();
            recorded_.discuss_step();
            arrive_after(before);
            return Move::moved;
        case SlideKind::final_vote:
            record_count();
            if (!revealed_) {
                recorded_.record_reveal();
                revealed_ = true;
            }
            slide_ = SlideKind::reveal;
            return Move::moved;
        case SlideKind::reveal: {
            const auto chosen = majority();
            if (!chosen) {
                return Move::need_branch;
            }
            choose(*chosen);
            return Move::moved;
        }
        case SlideKind::ending:
            slide_ = SlideKind::discussion;
            return Move::moved;
        case SlideKind::discussion:
            slide_ = SlideKind::closing;
            return Move::moved;
        case SlideKind::closing:
            return Move::finished;
    }
    return Move::finished;
}

Workshop::Move Workshop::back() {
    switch (slide_) {
        case SlideKind::scene:
        case SlideKind::case_text:
        case SlideKind::ending:
            return Move::at_start;
        case SlideKind::first_vote:
            record_count();
            slide_ = SlideKind::case_text;
            return Move::moved;
        case SlideKind::step:
        case SlideKind::final_vote:
            if (session().chosen_option()) {
                return Move::cannot_undo;
            }
            record_count();
            record_phone_answers();
            if (session().step_position() == 0) {
                slide_ = SlideKind::first_vote;
                open_count();
                return Move::moved;
            }
            recorded_.go_back();
            slide_ = SlideKind::step;
            return Move::moved;
        case SlideKind::reveal:
            slide_ = SlideKind::final_vote;
            open_count();
            return Move::moved;
        case SlideKind::discussion:
            slide_ = SlideKind::ending;
            return Move::moved;
        case SlideKind::closing:
            slide_ = SlideKind::discussion;
            return Move::moved;
    }
    return Move::at_start;
}

void Workshop::choose(std::size_t option) {
    if (slide_ != SlideKind::reveal) {
        throw std::logic_error("choose: the room takes a branch at the reveal");
    }
    const auto most = majority();
    const char* reason =
        most    ? (*most == option ? branch_reason::majority : branch_reason::override_vote)
        : tie() ? branch_reason::tie
                : branch_reason::no_vote;
    const std::size_t before = session().history().size();
    recorded_.choose(option, reason);
    arrive_after(before);
}

void Workshop::set_factor(std::size_t factor, std::size_t value) {
    record_count();
    record_phone_answers();
    recorded_.set_factor(factor, value);
    if (!vote_round().empty()) {
        open_count();
    }
}

void Workshop::add_note(std::string text) {
    recorded_.add_note(std::move(text));
}

std::vector<SettingVotes> Workshop::votes_by_setting() const {
    std::vector<SettingVotes> out;
    for (const VoteRecord& v : votes_here_) {
        auto group = std::find_if(out.begin(), out.end(),
                                  [&](const SettingVotes& g) { return g.setting == v.factors; });
        if (group == out.end()) {
            out.push_back({v.factors, std::nullopt, std::nullopt});
            group = out.end() - 1;
        }
        (v.round == "first" ? group->first_round : group->final_round) = v;
    }
    return out;
}

namespace {

// The offered options' leader in `vote`, and whether another offered option ties with it.
std::optional<std::size_t> leader(const Session& session, const VoteRecord& vote, bool& tied) {
    std::optional<std::size_t> best;
    tied = false;
    for (const std::size_t o : session.offered_options()) {
        const int n = o < vote.per_option.size() ? vote.per_option[o] : 0;
        if (!best || n > vote.per_option[*best]) {
            best = o;
            tied = false;
        } else if (n == vote.per_option[*best]) {
            tied = true;
        }
    }
    if (best && vote.per_option[*best] == 0) {
        return std::nullopt;
    }
    return tied ? std::nullopt : best;
}

}  // namespace

const VoteRecord* Workshop::deciding_vote() const {
    const VoteRecord* vote = recorded_vote("final");
    return vote != nullptr ? vote : recorded_vote("first");
}

std::optional<std::size_t> Workshop::majority() const {
    const VoteRecord* vote = deciding_vote();
    bool tied = false;
    return vote != nullptr ? leader(session(), *vote, tied) : std::nullopt;
}

bool Workshop::tie() const {
    const VoteRecord* vote = deciding_vote();
    bool tied = false;
    return vote != nullptr && !leader(session(), *vote, tied) && tied;
}

std::optional<SlideState> Workshop::preview_next(std::optional<std::size_t> pick) const {
    Session copy = session();
    const std::size_t before = copy.history().size();
    switch (slide_) {
        case SlideKind::scene:
            copy.continue_scene();
            return SlideState{copy, first_slide(copy)};
        case SlideKind::case_text:
            return SlideState{copy, SlideKind::first_vote};
        case SlideKind::first_vote:
            return SlideState{copy, copy.at_choice() ? SlideKind::final_vote : SlideKind::step};
        case SlideKind::step:
            copy.answer_step({});
            return SlideState{copy, landing_slide(copy, copy.history().size() > before)};
        case SlideKind::final_vote:
            return SlideState{copy, SlideKind::reveal};
        case SlideKind::reveal: {
            const auto chosen = pick ? pick : majority();
            if (!chosen) {
                return SlideState{copy, SlideKind::reveal};
            }
            copy.choose(*chosen);
            return SlideState{copy, landing_slide(copy, copy.history().size() > before)};
        }
        case SlideKind::ending:
            return SlideState{copy, SlideKind::discussion};
        case SlideKind::discussion:
            return SlideState{copy, SlideKind::closing};
        case SlideKind::closing:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace deliberate
