// The ballot box for participants' own devices: one round per question put to the phones (a
// vote or a model step, under one factor setting), one ballot per device per round (the last
// counts), and the aggregates the trainer reveals. The network thread casts ballots, the UI
// thread opens, closes and reveals rounds and reads a snapshot each frame; neither waits on
// the other for longer than a copy. No device token ever leaves this class.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "deliberate/scenario/localised_text.hpp"

namespace deliberate {

// What a phone is asked. `kind` is a model input kind the phones can answer: "choice" (the
// vote on the dilemma's options), "select", "multiselect", "rank", "checks", "scale", "text".
struct PhoneQuestion {
    std::string key;  // the round's identity: node, step or vote round, factor setting
    std::string kind;
    LocalisedText title;
    LocalisedText prompt;
    struct Choice {
        std::string id;
        LocalisedText label;
        bool relevant = false;  // marked by the scenario as one worth naming
    };
    std::vector<Choice> choices;
    int scale_min = 1;
    int scale_max = 5;
    LocalisedText scale_min_label;
    LocalisedText scale_max_label;
};

struct PhoneBallot {
    std::vector<std::string> picks;  // choice ids; for a ranking, all of them in order
    std::optional<int> scale;
    std::string text;
};

enum class CastResult {
    accepted,
    no_round,      // nothing is open to answer
    stale_round,   // the ballot names a round that is no longer the open one
    closed,        // the round is closed: no more answers, no changes
    invalid,       // the ballot does not fit the question
    text_too_long  // free text over max_text_chars
};
const char* cast_result_name(CastResult result);

// A free-text answer held for the trainer; it reaches the projector only once shown.
struct TextEntry {
    std::size_t id = 0;
    std::string text;
    bool shown = false;
};

// The tallies of one round, computed from its ballots.
struct RoundTally {
    std::size_t ballots = 0;
    std::vector<int> per_choice;            // picks per choice, in choice order
    std::vector<double> rank_points;        // a ranking's combined points (first = n-1 ...)
    std::vector<int> scale_counts;          // one per scale value from scale_min
    std::vector<std::size_t> named_by_few;  // relevant choices picked by under a quarter
    std::vector<TextEntry> texts;
};

struct BallotSnapshot {
    std::uint64_t version = 0;
    std::size_t joined = 0;
    bool open = false;  // a round is on the phones (it may be closed to answers)
    bool closed = false;
    bool revealed = false;
    bool ended = false;
    std::uint64_t round = 0;  // the round's number, new with every question or setting
    PhoneQuestion question;
    RoundTally tally;
};

class BallotBox {
  public:
    static constexpr std::size_t max_text_chars = 280;
    static constexpr std::size_t max_texts_per_round = 500;
    // A relevant choice named by fewer than this share of the ballots is a blind spot.
    static constexpr double few_share = 0.25;

    // --- the trainer's side (the UI thread) ---
    // Puts `question` on the phones. A question with a key seen before reopens that round
    // with its ballots (back to an earlier slide); a new key starts an empty round.
    void open(PhoneQuestion question);
    // No more answers or changes to the open round; the phones keep showing it.
    void close();
    // Closes the round and shows its result to the phones.
    void reveal();
    // Takes the question off the phones (a slide with nothing to answer).
    void clear();
    // Shows a held free-text entry of the open round; false if there is none with that id.
    bool show_text(std::size_t entry_id);
    // The workshop is over: phones are told the session has ended.
    void end();
    // The tally of an earlier round by its key, for the journal; none if never opened.
    std::optional<RoundTally> tally_of(const std::string& key) const;

    // --- the phones' side (the network thread) ---
    // A device joined (its token is the network's; the box only counts it).
    void join(const std::string& token);
    CastResult cast(const std::string& token, std::uint64_t round, PhoneBallot ballot);
    // This device's ballot in the open round, if it has one.
    std::optional<PhoneBallot> ballot_of(const std::string& token) const;

    // --- both ---
    std::shared_ptr<const BallotSnapshot> snapshot() const;
    // Called (outside the lock) after every change, e.g. to wake the network thread.
    void on_change(std::function<void()> listener);

  private:
    struct Round {
        PhoneQuestion question;
        std::uint64_t number = 0;
        bool closed = false;
        bool revealed = false;
        std::map<std::string, PhoneBallot> ballots;  // by device token
        std::map<std::string, std::size_t> text_of;  // device token -> its text entry
        std::vector<TextEntry> texts;
    };

    CastResult check(const Round& round, PhoneBallot& ballot) const;
    RoundTally tally(const Round& round) const;
    // Rebuilds the snapshot; called with the lock held. Returns the listener to call after.
    std::function<void()> publish();
    Round* current();
    const Round* current() const;

    mutable std::mutex mutex_;
    std::map<std::string, Round> rounds_;  // by question key
    std::string current_key_;              // empty: nothing on the phones
    std::uint64_t next_round_ = 1;
    std::uint64_t version_ = 0;
    std::set<std::string> joined_;
    bool ended_ = false;
    std::shared_ptr<const BallotSnapshot> snapshot_ = std::make_shared<BallotSnapshot>();
    std::function<void()> listener_;
};

}  // namespace deliberate
