// A workshop: a trainer walks a room through a scenario slide by slide. At each dilemma: the
// case, a first vote, the model's steps as discussion prompts, a final vote, the reveal, the
// branch the room chose, then what follows; at the ending the debrief and the discussion
// questions. The audience view and the trainer console are both drawn from this state; every
// action is recorded in the session's journal, so a workshop resumes where it stopped.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deliberate/journal/journal.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/workshop/ballot_box.hpp"
#include "deliberate/workshop/vote_source.hpp"
#include "deliberate/workshop/workshop_summary.hpp"

namespace deliberate {

enum class SlideKind {
    scene,       // a scene's text
    case_text,   // a dilemma's case and question
    first_vote,  // the room votes before deliberating
    step,        // one model step as a discussion prompt
    final_vote,  // the room votes again after deliberating
    reveal,      // both votes side by side; the trainer takes the room's branch
    ending,      // the outcome and the debrief
    discussion,  // the ending's discussion questions
    closing,     // the group's path, after the last question
};
const char* slide_kind_name(SlideKind kind);

// The votes of one factor setting at a dilemma: the split the reveal shows per setting.
struct SettingVotes {
    FactorSetting setting;
    std::optional<VoteRecord> first_round;
    std::optional<VoteRecord> final_round;
};

// A slide as it would be shown: the session's state and which slide of it.
struct SlideState {
    Session session;
    SlideKind kind;
};

// Why the branch was taken, as the journal records it.
namespace branch_reason {
inline constexpr const char* majority = "majority";
inline constexpr const char* tie = "tie: the trainer's pick";
inline constexpr const char* override_vote = "override";
inline constexpr const char* no_vote = "no vote: the trainer's pick";
}  // namespace branch_reason

class Workshop {
  public:
    // What next() or back() did.
    enum class Move {
        moved,
        at_start,     // back at the first slide of a scene, dilemma or ending
        cannot_undo,  // back past a branch taken: its effects stay
        need_branch,  // next at the reveal without a majority: the trainer picks
        finished,     // next at the closing slide
    };

    // A workshop on a freshly started recorded session (mode "workshop").
    Workshop(RecordedSession recorded, std::unique_ptr<VoteSource> source);
    // A resumed one: `scan` is the journal the session was resumed from; the slide and the
    // votes at the current dilemma are taken from it.
    Workshop(RecordedSession recorded, const JournalScan& scan, std::unique_ptr<VoteSource> source);

    const Session& session() const { return recorded_.session(); }
    const RecordedSession& recorded() const { return recorded_; }
    SlideKind slide() const { return slide_; }
    const VoteSource& source() const { return *source_; }
    // The count being entered; only meaningful on a vote slide.
    VoteSource& source() { return *source_; }
    // "first" on the first vote slide, "final" on the final one, else empty.
    std::string vote_round() const;

    Move next();
    Move back();
    // On the reveal slide: the room takes `option` (offered), with the reason told by the
    // votes: the majority, an override, or the trainer's pick on a tie or without votes.
    void choose(std::size_t option);
    // A "what if": the count being entered is recorded under the old setting first.
    void set_factor(std::size_t factor, std::size_t value);
    void add_note(std::string text);
    // Records the count being entered, if it holds votes and differs from the one recorded.
    // With phones attached, their votes in this round are added and recorded as such.
    void record_count();
    // Participants' phones vote too: the ballots in `box` for the vote on screen are added to
    // the hand count (the source counts hands only). The box must outlive the workshop.
    void attach_phones(const BallotBox* box) { phones_ = box; }
    // The phones' votes per option for the vote on screen; empty without phones or a vote.
    std::vector<int> phone_counts() const;
    // Records what the phones answered to the step on screen (its tally and the texts the
    // trainer showed) if it differs from what was recorded for it; called on leaving the step
    // and after a text is shown. Nothing without phones, on another slide, or with no answers.
    void record_phone_answers();

    // The votes recorded at the current dilemma since the room arrived there.
    const std::vector<VoteRecord>& votes_here() const { return votes_here_; }
    // The same, grouped by factor setting in the order first voted under.
    std::vector<SettingVotes> votes_by_setting() const;
    FactorSetting current_setting() const;
    // The offered option with the most votes in the final vote under the current setting, else
    // the first vote; none on a tie or without votes.
    std::optional<std::size_t> majority() const;
    bool tie() const;
    bool revealed() const { return revealed_; }

    // What next() would show, worked out on a copy; none at the closing slide. At the reveal
    // it follows `pick` (the trainer's) if given, else the majority; without either it is the
    // reveal itself (the trainer must pick).
    std::optional<SlideState> preview_next(std::optional<std::size_t> pick = {}) const;

  private:
    const VoteRecord* recorded_vote(const std::string& round) const;
    // The vote the branch goes by: the final one under the current setting, else the first.
    const VoteRecord* deciding_vote() const;
    void open_count();
    void arrive_after(std::size_t history_before);
    // The slide for where the session stands after a step or a choice: a new node's first
    // slide, or the next step or the final vote of this one.
    static SlideKind landing_slide(const Session& session, bool new_node);

    RecordedSession recorded_;
    std::unique_ptr<VoteSource> source_;
    SlideKind slide_ = SlideKind::scene;
    std::vector<VoteRecord> votes_here_;
    bool revealed_ = false;
    const BallotBox* phones_ = nullptr;
    // What was last recorded of each phone round, by its key, so that an unchanged tally is
    // not recorded again when the room moves back and forth.
    std::map<std::string, std::string> phone_answers_recorded_;
};

}  // namespace deliberate
