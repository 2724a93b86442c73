// A play-through kept by what was done rather than by indices, so it can be replayed on a
// changed version of the scenario: the studio keeps the author's place across saves with it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "deliberate/session/session.hpp"

namespace deliberate {

// Where a play-through starts: a node (the scenario's start when empty) and values set
// beforehand, by id, as the studio's "play from here" panel sets them.
struct StartSetup {
    std::string node_id;
    std::vector<std::pair<std::string, std::string>> factors;  // factor id, value id
    std::vector<std::pair<std::string, Value>> variables;      // name, value
};

// One action, with the node it was taken at.
struct PlayedAction {
    enum class Kind { continue_scene, answer_step, choose };
    Kind kind = Kind::continue_scene;
    std::string node_id;
    StepAnswer answer;      // answer_step
    std::string option_id;  // choose
};

inline PlayedAction continue_action() {
    PlayedAction action;
    action.kind = PlayedAction::Kind::continue_scene;
    return action;
}
inline PlayedAction answer_action(StepAnswer answer) {
    PlayedAction action;
    action.kind = PlayedAction::Kind::answer_step;
    action.answer = std::move(answer);
    return action;
}
inline PlayedAction choose_action(std::string option_id) {
    PlayedAction action;
    action.kind = PlayedAction::Kind::choose;
    action.option_id = std::move(option_id);
    return action;
}

struct PlayedPath {
    StartSetup start;
    std::vector<PlayedAction> actions;
};

// A session on `scenario` started as `setup` says. Unknown ids in the setup are skipped and
// named in `problem`, so an edited scenario still opens.
Session start_session(const std::shared_ptr<const Scenario>& scenario, const std::string& language,
                      const StartSetup& setup, std::string* problem = nullptr);

// Runs `action` on `session` and appends it to `path`; throws as the session's action does.
void play_action(Session& session, PlayedPath& path, PlayedAction action);

struct Replay {
    std::optional<Session> session;  // where the replay stopped; empty when it could not start
    std::size_t actions_replayed = 0;
    // Why it stopped early ("the option `keep` at `choose` is gone"), empty when all replayed.
    std::string broke;
    std::string broke_at;  // the node id where it broke
};

// Replays `path` on `scenario`; stops at the first action that no longer fits.
Replay replay_path(const std::shared_ptr<const Scenario>& scenario, const std::string& language,
                   const PlayedPath& path);

}  // namespace deliberate
