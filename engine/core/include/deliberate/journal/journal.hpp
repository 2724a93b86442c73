// The journal: one append-only JSON Lines file per session. A header line, then one event per
// thing the participant (or trainer) did, each with a sequence number, a UTC time and a CRC-32.
// An event is written and synced before append() returns, so what the UI reports as recorded
// survives a crash or power loss. Reading a journal tells intact events from a torn last line
// (cut off on reopening, its bytes kept aside) and from damage in the middle (reported, never
// skipped).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deliberate {

inline constexpr const char* journal_format_id = "deliberate/journal@1";

struct JournalHeader {
    std::string scenario_id;
    std::string scenario_version;
    std::string scenario_hash;  // content_hash() of the scenario file when the session began
    std::string scenario_file;  // absolute path, to find the scenario again on resuming
    std::string model_id;
    std::string language;
    std::string mode = "practice";  // practice, play, workshop or case
    std::string participant;        // anonymous id, e.g. "p-3fa9c2d1"
    std::string name;               // only when the participant gives one on purpose
    std::string group;              // a workshop's group label
    std::string engine_version;
    // Factor values at the start, by id; later changes are events.
    std::vector<std::pair<std::string, std::string>> factors;
    std::string time;  // UTC, when the session began
};

enum class EventType {
    continue_scene,
    answer,
    back,
    choice,
    factor,
    note,
    end,
    vote,
    reveal,
    // A workshop's phones answered a model step: the tally of one round (step and factor
    // setting) and the free texts the trainer showed; never a device or who answered what.
    phone_answers,
    // An own case (mode "case"): a part of the case as confirmed, an answer of the group at a
    // step, an answer taken back, the slide the facilitator moved to.
    case_part,
    contribution,
    withdraw,
    slide,
};
const char* event_type_name(EventType type);

// One recorded action. Which fields are used depends on the type; ids, not indices, so that a
// journal reads on its own and survives reordered scenario files.
struct JournalEvent {
    std::uint64_t seq = 0;  // header is 0, events count from 1
    std::string time;       // UTC, ISO 8601 with milliseconds
    EventType type = EventType::note;
    std::string node;                // where it happened (the node arrived at, for `end`)
    std::string to;                  // continue_scene: the node arrived at
    std::string step;                // answer: the step answered; back: the step returned to
    std::vector<std::string> picks;  // answer: candidate ids, in order
    std::string text;                // answer: free text; note: the note
    std::optional<int> scale;        // answer: a scale value
    std::string option;              // choice
    std::string reason;              // choice: why this branch (e.g. "majority", "override")
    std::string round;               // vote: "first" or "final"
    // vote: the count per option id (look them up by id: a reader may see them in another
    // order) and the factor values the vote was cast under.
    std::vector<std::pair<std::string, int>> counts;
    // vote: the part of each count that came from phones; empty for a hand count only.
    std::vector<std::pair<std::string, int>> phones;
    std::vector<std::pair<std::string, std::string>> factors;
    std::string factor;  // factor: which one
    std::string value;   // factor: its new value
    // case_part: which part ("title", "case", "question" or "option"; an option's id is in
    // `option`, its label in `text`, an empty label removes it); its text in `text`.
    std::string part;
    // contribution: the step (in `step`), the text, the option it argues about (in `option`,
    // may be empty), `side` "for" or "against" (or empty), and where it came from ("console").
    std::string side;
    std::string source;
    std::uint64_t entry = 0;  // withdraw: the seq of the contribution taken back
    // phone_answers: the step (in `step`), how many phones answered, per candidate id the
    // phones that picked it (in `counts`; for a ranking its combined points, first = n-1),
    // per scale value its count (in `scale_counts`, keyed by the value) and the texts shown.
    int answers = 0;
    std::vector<std::pair<std::string, int>> scale_counts;
    std::vector<std::string> texts;
};

// What a `phones` event may hold: a step's candidates or a scale's values (a scale may run
// from -100 to 100) and a ranking's points (many phones times many candidates).
inline constexpr std::size_t max_phone_answer_entries = 1000;
inline constexpr int max_phone_answer_count = 10'000'000;

// A line that is not an intact event, by 1-based line number and byte offset in the file.
struct JournalDamage {
    std::size_t line = 0;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;  // bytes, without the newline
    std::string reason;
};

struct JournalScan {
    std::string error;  // set when the file could not be read at all
    std::optional<JournalHeader> header;
    std::vector<JournalEvent> events;        // intact events, in file order
    std::vector<std::size_t> event_lines;    // the line each event was read from
    std::vector<JournalDamage> damage;       // damaged lines followed by intact ones
    std::optional<JournalDamage> torn_tail;  // damaged lines at the end (from the first one on)
    std::uint64_t intact_bytes = 0;          // bytes up to the tail, if any
    std::uint64_t file_bytes = 0;

    bool readable() const { return error.empty(); }
    bool intact() const { return readable() && header && damage.empty() && !torn_tail; }
    bool finished() const { return !events.empty() && events.back().type == EventType::end; }
};

// Reads and checks a journal; never throws on bad content.
JournalScan scan_journal(const std::filesystem::path& path);
// Whether `path` is a regular file whose first line is an intact journal header: such a file
// is never overwritten by an export.
bool starts_with_journal_header(const std::filesystem::path& path);
JournalScan scan_journal_bytes(std::string_view bytes);

// Encodes one line (without the newline), checksum included; decodes it back. Exposed for
// the tests and the benchmark; callers use JournalWriter and scan_journal.
std::string encode_journal_header(const JournalHeader& header);
std::string encode_journal_event(const JournalEvent& event);

// Why `header` would read back as damaged (a field of the wrong shape, such as a name with
// control characters), or empty when it is fine; checked before a journal is begun, so that
// the program never writes a header it would refuse.
std::string journal_header_problem(const JournalHeader& header);

struct JournalError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The current UTC time as the journal writes it.
std::string journal_time_now();
// A fresh anonymous participant id: "p-" and 8 random hex digits.
std::string new_participant_id();

// Throws JournalError unless `scan` shows a journal that can be appended to: readable, with
// an intact header and no damage before its last intact event.
void require_resumable(const std::filesystem::path& path, const JournalScan& scan);

class JournalWriter {
  public:
    // A writer holds the journal's lock until it is destroyed: a second writer, in this
    // process or another, gets JournalError ("in use by another Deliberate") and writes
    // nothing.
    // Creates a new journal (refusing to overwrite one), readable by its owner only, and
    // writes the header. Throws JournalError.
    static JournalWriter create(const std::filesystem::path& path, JournalHeader header);
    // Opens an existing journal for appending after `scan` of it. A torn tail is cut off and
    // its bytes appended to PATH.cut, so nothing is thrown away; damage in the middle, a
    // missing header, an unreadable file, a journal or PATH.cut that is a symbolic link, or a
    // journal in use throws JournalError instead, with nothing changed.
    static JournalWriter reopen(const std::filesystem::path& path, const JournalScan& scan);

    JournalWriter(JournalWriter&& other) noexcept;
    JournalWriter& operator=(JournalWriter&& other) noexcept;
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;
    ~JournalWriter();

    // Stamps the event with the next sequence number and the time, writes it and syncs it
    // to disk. Throws JournalError; the journal then still ends at the previous event.
    const JournalEvent& append(JournalEvent event);

    const std::filesystem::path& path() const { return path_; }
    std::uint64_t next_seq() const { return next_seq_; }

  private:
    JournalWriter(std::filesystem::path path, int fd, std::uint64_t next_seq, std::uint64_t size);
    void write_line(std::string line);

    std::filesystem::path path_;
    int fd_ = -1;
    std::uint64_t next_seq_ = 1;
    std::uint64_t size_ = 0;  // bytes known to be on disk
    JournalEvent last_;
};

}  // namespace deliberate
