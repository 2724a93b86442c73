// A session whose every action is recorded in its journal before it is reported done, and
// that can be rebuilt from its journal after a crash: the one way every UI plays a scenario.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "deliberate/journal/journal.hpp"
#include "deliberate/session/session.hpp"

namespace deliberate {

// A journal that does not fit the scenario it is replayed against, with the line at fault.
struct ReplayError : std::runtime_error {
    ReplayError(std::size_t line, const std::string& message)
        : std::runtime_error("line " + std::to_string(line) + ": " + message), line(line) {}
    std::size_t line;
};

// Rebuilds the session the header and events describe. Throws ReplayError when an event
// does not apply (a node, step, option or factor the scenario lacks, or an action that is not
// valid where the session is); `lines` gives each event's line for the message.
Session replay_journal(std::shared_ptr<const Scenario> scenario, const JournalHeader& header,
                       const std::vector<JournalEvent>& events,
                       const std::vector<std::size_t>& lines);

// A new journal header for `scenario` as the session starts: ids, hash, the engine version,
// a fresh anonymous participant id and the session's current factor values.
JournalHeader make_journal_header(const Session& session, const std::string& mode);

class RecordedSession {
  public:
    // Starts recording `session` (fresh, factors already set) into a new journal at `path`.
    static RecordedSession start(Session session, const std::filesystem::path& path,
                                 JournalHeader header);
    // Replays the journal at `path` against `scenario` and reopens it for appending; a torn
    // last line is cut off (and kept in PATH.cut) and said in `notice`. Throws JournalError
    // or ReplayError; the file is left as it was then.
    static RecordedSession resume(std::shared_ptr<const Scenario> scenario,
                                  const std::filesystem::path& path, std::string& notice);

    const Session& session() const { return session_; }
    const JournalWriter& journal() const { return writer_; }
    // Events recorded so far, header excluded.
    std::uint64_t events_recorded() const { return writer_.next_seq() - 1; }

    // The session's actions (see Session), each recorded before it returns. An answer that does
    // not fit the step throws std::invalid_argument and records nothing.
    void continue_scene();
    void answer_step(StepAnswer answer);
    bool go_back();
    // A workshop discusses a step aloud instead of answering it: the step is passed with an
    // empty answer, even one a participant alone would have to give.
    void discuss_step();
    // `reason` says why a group took this branch ("majority", "tie: the trainer's pick",
    // "override"); empty for one participant's own choice.
    void choose(std::size_t option_index, std::string reason = {});
    void set_factor(std::size_t factor, std::size_t value);
    void add_note(std::string text);
    // A workshop's hand count at the current dilemma: one count per option, in option order,
    // for round "first" or "final", under the current factor values. Changes nothing in the
    // session; throws std::invalid_argument for counts that do not fit. `phones`, if given,
    // is the part of each count that came from participants' phones.
    void record_vote(const std::string& round, const std::vector<int>& per_option,
                     const std::vector<int>& phones = {});
    // The trainer revealed the votes at the current node.
    void record_reveal();
    // The phones' answers to a model step at the current dilemma (`answers` holds the step,
    // the counts and the texts shown; see JournalEvent), under the current factor values.
    // Changes nothing in the session.
    void record_phone_answers(JournalEvent answers);

  private:
    RecordedSession(Session session, JournalWriter writer);
    void record(JournalEvent event);
    // The factor values now, by id, as a vote or the phones' answers record them.
    std::vector<std::pair<std::string, std::string>> current_factors() const;
    // Records `end` when an action has just arrived at an ending.
    void record_arrival(std::size_t history_before);

    Session session_;
    JournalWriter writer_;
};

}  // namespace deliberate
