// An own case: a group deliberates on a dilemma one of them brings from their work, led by a
// facilitator through a judgement model's steps. The case as typed, the group's answers per
// step and the votes are all recorded in the journal (mode "case") before they are shown, so
// the deliberation resumes at any slide; CaseState is what the journal says, OwnCase drives it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deliberate/case/answer_source.hpp"
#include "deliberate/journal/journal.hpp"
#include "deliberate/scenario/model.hpp"
#include "deliberate/workshop/ballot_box.hpp"
#include "deliberate/workshop/vote_source.hpp"
#include "deliberate/workshop/workshop_summary.hpp"

namespace deliberate {

inline constexpr const char* case_mode = "case";
inline constexpr std::size_t case_min_options = 2;
inline constexpr std::size_t case_max_options = 6;

struct CaseOption {
    std::string id;  // "o1", "o2" ... never reused within a case
    std::string label;
};

struct CaseContent {
    std::string title;
    std::string text;  // the case in a few lines
    std::string question;
    std::vector<CaseOption> options;

    // Title, question and two to six options: enough to deliberate on.
    bool complete() const;
    std::optional<std::size_t> find_option(const std::string& id) const;
};

enum class CaseSlideKind { entry, first_vote, step, final_vote, closing };

// The slides of a case over a model: the case, the first vote, the model's steps with the
// final vote in place of its choice step, and the closing slide with the record.
struct CaseSlide {
    CaseSlideKind kind = CaseSlideKind::entry;
    std::size_t step = 0;  // the model step's index, for a step slide
    // "case", "first-vote", "step:" and the step's id, "final-vote", "closing": unique even
    // where a model names a step "case"
    std::string id;
};
std::vector<CaseSlide> case_slides(const JudgementModel& model);

// Everything the journal of a case says, read back event by event.
struct CaseState {
    JournalHeader header;
    CaseContent content;
    std::vector<Contribution> contributions;  // in the order recorded, withdrawn ones gone
    std::vector<VoteRecord> votes;            // by option index of `content`; a recount replaces
    std::vector<std::string> notes;
    std::string slide = "case";  // the id of the slide last moved to
    bool finished = false;
    int next_option = 1;  // the number of the next option id

    std::vector<Contribution> answers_at(const std::string& step) const;
    const VoteRecord* vote(const std::string& round) const;
    // The option with most votes in the final vote, else the first; none on a tie or no votes.
    std::optional<std::size_t> majority() const;
};

// Throws ReplayError (with the line) for events that do not fit a case.
CaseState read_case(const JournalHeader& header, const std::vector<JournalEvent>& events,
                    const std::vector<std::size_t>& lines);

class OwnCase {
  public:
    // A new case on `model`, recorded at `journal` (a new file).
    static OwnCase start(std::shared_ptr<const JudgementModel> model,
                         const std::filesystem::path& journal, const std::string& language,
                         std::unique_ptr<VoteSource> votes);
    // The case recorded at `journal`, at the slide it stood at; the caller loads the model the
    // header names. A torn last line is cut off and said in `notice`. Throws JournalError or
    // ReplayError.
    static OwnCase resume(std::shared_ptr<const JudgementModel> model,
                          const std::filesystem::path& journal, std::string& notice,
                          std::unique_ptr<VoteSource> votes);

    const CaseState& state() const { return state_; }
    const CaseContent& content() const { return state_.content; }
    const JudgementModel& model() const { return *model_; }
    const std::vector<CaseSlide>& slides() const { return slides_; }
    std::size_t slide_index() const { return slide_; }
    const CaseSlide& slide() const { return slides_[slide_]; }
    const std::filesystem::path& journal_path() const { return writer_.path(); }
    VoteSource& votes() { return *votes_; }
    const VoteSource& votes() const { return *votes_; }
    // "first" or "final" on a vote slide, else empty.
    std::string vote_round() const;

    // The case's parts as the facilitator confirms them; each is recorded. Empty text is
    // refused for the title and the question (std::invalid_argument).
    void set_title(std::string text);
    void set_text(std::string text);
    void set_question(std::string text);
    // Returns the new option's id; refuses a seventh option or an empty label.
    std::string add_option(std::string label);
    void rename_option(const std::string& id, std::string label);
    void remove_option(const std::string& id);

    // Moves one slide; false at either end, or forward from the case before it is complete.
    // The count being entered on a vote slide is recorded before leaving it.
    bool next();
    bool back();
    bool go_to(std::size_t slide);

    // Records an answer of the group at the current step (or `answer.step` if set); returns
    // its entry. An empty text, or an option the case lacks, is refused.
    std::uint64_t add_answer(Contribution answer);
    // Takes back a recorded answer; false when there is none with that entry.
    bool withdraw(std::uint64_t entry);
    void add_note(std::string text);
    // Records the count being entered, if it holds votes and differs from the one recorded.
    // With phones attached, their votes in this round are added and recorded as such.
    void record_count();
    // Participants' phones vote and answer too: the ballots in `box` for the vote on screen
    // are added to the hand count. The box must outlive the case.
    void attach_phones(const BallotBox* box) { phones_ = box; }
    bool has_phones() const { return phones_ != nullptr; }
    // The phones' votes per option for the vote on screen; empty without phones or a vote.
    std::vector<int> phone_counts() const;
    // Records the end of the deliberation (once).
    void finish();

  private:
    OwnCase(std::shared_ptr<const JudgementModel> model, JournalWriter writer, CaseState state,
            std::unique_ptr<VoteSource> votes);
    const JournalEvent& record(JournalEvent event);
    void record_part(const std::string& part, std::string text, const std::string& option = {});
    void arrive(std::size_t slide);
    void open_count();

    std::shared_ptr<const JudgementModel> model_;
    JournalWriter writer_;
    CaseState state_;
    std::unique_ptr<VoteSource> votes_;
    std::vector<CaseSlide> slides_;
    std::size_t slide_ = 0;
    const BallotBox* phones_ = nullptr;
};

}  // namespace deliberate
