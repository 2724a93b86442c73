// Saved paths: one play-through (factor settings, every action, the ending reached) kept next to
// its scenario as SCENARIO.paths/NAME.json, replayed by `deliberate test` to catch edits that
// break a route authors rely on.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "deliberate/journal/journal.hpp"
#include "deliberate/session/session.hpp"

namespace deliberate {

inline constexpr const char* saved_path_format_id = "deliberate/path@1";

// One action of a play-through, by ids so that a path survives reordered scenario files.
struct PathAction {
    enum class Kind { continue_scene, answer, back, choose, factor };
    Kind kind = Kind::continue_scene;
    std::string at;                  // the node where it happened (not for factor)
    std::string to;                  // continue_scene: the node arrived at
    std::string step;                // answer: the step answered; back: the step returned to
    std::vector<std::string> picks;  // answer
    std::string text;                // answer
    std::optional<int> scale;        // answer
    std::string option;              // choose
    std::string factor;              // factor
    std::string value;               // factor
};
const char* path_action_name(PathAction::Kind kind);

struct SavedPath {
    std::string scenario_id;
    std::string language;
    std::vector<std::pair<std::string, std::string>> factors;  // at the start, by id
    std::vector<PathAction> actions;
    std::string ending;  // the ending node reached; empty when the play stopped before one
};

// Where a scenario's saved paths live: "dir/NAME.json" has them in "dir/NAME.paths/".
std::filesystem::path saved_paths_folder(const std::filesystem::path& scenario_file);
// The saved paths of a scenario, sorted by name; empty when it has none.
std::vector<std::filesystem::path> list_saved_paths(const std::filesystem::path& scenario_file);
// Whether NAME can be a saved path's file name (letters, digits, '-', '_', '.', no leading dot).
bool valid_path_name(const std::string& name);

// The path a journal recorded: its header's factors and language and its events; notes,
// votes and reveals are left out, as they change nothing in the play-through.
SavedPath path_from_journal(const JournalHeader& header, const std::vector<JournalEvent>& events);

std::string encode_saved_path(const SavedPath& path);
// Parses a saved path; std::nullopt with `error` set when it is not one.
std::optional<SavedPath> decode_saved_path(std::string_view bytes, std::string& error);
// Written atomically (write_file_atomically), creating the folder when needed.
bool save_path_file(const std::filesystem::path& file, const SavedPath& path, std::string& error);
std::optional<SavedPath> load_path_file(const std::filesystem::path& file, std::string& error);

// How a saved path fared against the scenario as it is now.
struct PathReplay {
    enum class Outcome { same_ending, other_ending, broken, no_ending };
    Outcome outcome = Outcome::broken;
    std::size_t action = 0;  // broken: 1-based number of the action that no longer applies
    std::string node;        // broken: where the session was; otherwise the node reached
    std::string problem;     // what went wrong, for people
    bool passed() const { return outcome == Outcome::same_ending; }
};
PathReplay replay_path(std::shared_ptr<const Scenario> scenario, const SavedPath& path);

// Records a path while a UI drives a session: each call applies the action to the session and
// appends it to the path. Throws as the Session's actions do; nothing is recorded then.
class PathRecorder {
  public:
    explicit PathRecorder(const Session& session);
    void continue_scene(Session& session);
    void answer_step(Session& session, StepAnswer answer);
    bool go_back(Session& session);
    void choose(Session& session, std::size_t option_index);
    void set_factor(Session& session, std::size_t factor, std::size_t value);
    // The path so far, its ending set when the session is at one.
    SavedPath path(const Session& session) const;

  private:
    SavedPath path_;
};

// A path to each ending that can be reached with simple answers (the first candidate, the
// lowest scale value, a placeholder text), searched over every offered option and, when
// there are few enough combinations, every factor setting. For starting a set of saved
// paths; `max_states` bounds the search on large scenarios.
std::vector<SavedPath> paths_to_endings(std::shared_ptr<const Scenario> scenario,
                                        const std::string& language,
                                        std::size_t max_states = 20000);

}  // namespace deliberate
