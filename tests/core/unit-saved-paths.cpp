// Saved paths: found for every ending, written and read back unchanged, replayed to the same
// ending, and reported with the action at fault when the scenario no longer fits them.
#include <doctest/doctest.h>

#include "deliberate/authoring/saved_path.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

std::size_t ending_count(const Scenario& scenario) {
    std::size_t n = 0;
    for (const Node& node : scenario.nodes) {
        n += node.kind == NodeKind::ending ? 1 : 0;
    }
    return n;
}

}  // namespace

TEST_CASE("a path to each ending is found and replays to it") {
    const auto scenario = test::full_featured();
    const auto paths = paths_to_endings(scenario, "en");
    CHECK(paths.size() == ending_count(*scenario));
    for (const SavedPath& path : paths) {
        CHECK(!path.ending.empty());
        const PathReplay replay = replay_path(scenario, path);
        CHECK_MESSAGE(replay.passed(), replay.problem);
        CHECK(replay.node == path.ending);
    }
}

TEST_CASE("a saved path reads back as it was written") {
    const auto scenario = test::full_featured();
    const SavedPath path = paths_to_endings(scenario, "en").front();
    const std::string bytes = encode_saved_path(path);
    std::string error;
    const auto back = decode_saved_path(bytes, error);
    REQUIRE_MESSAGE(back, error);
    CHECK(encode_saved_path(*back) == bytes);
    CHECK(back->factors == path.factors);
    CHECK(back->actions.size() == path.actions.size());
    CHECK(!decode_saved_path(R"({"format": "deliberate/journal@1"})", error));
    CHECK(error.find("not a saved path") != std::string::npos);
    CHECK(!decode_saved_path(R"({"format": "deliberate/path@1", "actions": [{"do": "fly"}]})",
                             error));
}

TEST_CASE("an option that is gone breaks the path at that action") {
    const auto scenario = test::full_featured();
    SavedPath path = paths_to_endings(scenario, "en").front();
    std::size_t choice = 0;
    while (path.actions[choice].kind != PathAction::Kind::choose) {
        ++choice;
    }
    path.actions[choice].option = "no-such-option";
    const PathReplay replay = replay_path(scenario, path);
    CHECK(replay.outcome == PathReplay::Outcome::broken);
    CHECK(replay.action == choice + 1);
    CHECK(replay.node == path.actions[choice].at);
    CHECK(replay.problem.find("no option `no-such-option`") != std::string::npos);
}

TEST_CASE("a path reaching another ending, or none, fails") {
    const auto scenario = test::full_featured();
    SavedPath path = paths_to_endings(scenario, "en").front();
    const std::string reached = path.ending;
    path.ending = "somewhere-else";
    PathReplay replay = replay_path(scenario, path);
    CHECK(replay.outcome == PathReplay::Outcome::other_ending);
    CHECK(replay.problem == "reaches ending `" + reached + "` instead of `somewhere-else`");
    path.ending = reached;
    path.actions.pop_back();
    replay = replay_path(scenario, path);
    CHECK(replay.outcome == PathReplay::Outcome::no_ending);
    path.scenario_id = "other";
    CHECK(replay_path(scenario, path).problem.find("of scenario `other`") != std::string::npos);
}

TEST_CASE("a journal gives the path its recorder gives") {
    const auto scenario = test::full_featured();
    const SavedPath recorded = paths_to_endings(scenario, "en").back();
    std::vector<JournalEvent> events;
    for (const PathAction& a : recorded.actions) {
        JournalEvent e;
        e.node = a.at;
        e.type = a.kind == PathAction::Kind::continue_scene ? EventType::continue_scene
                 : a.kind == PathAction::Kind::answer       ? EventType::answer
                 : a.kind == PathAction::Kind::choose       ? EventType::choice
                 : a.kind == PathAction::Kind::back         ? EventType::back
                                                            : EventType::factor;
        e.to = a.to;
        e.step = a.step;
        e.picks = a.picks;
        e.text = a.text;
        e.scale = a.scale;
        e.option = a.option;
        e.factor = a.factor;
        e.value = a.value;
        events.push_back(e);
    }
    JournalEvent note;
    note.type = EventType::note;
    events.push_back(note);
    JournalEvent end;
    end.type = EventType::end;
    end.node = recorded.ending;
    events.push_back(end);
    JournalHeader header;
    header.scenario_id = recorded.scenario_id;
    header.language = recorded.language;
    header.factors = recorded.factors;
    CHECK(encode_saved_path(path_from_journal(header, events)) == encode_saved_path(recorded));
}

TEST_CASE("saved paths live in SCENARIO.paths and names are checked") {
    CHECK(saved_paths_folder("dir/my.json") == std::filesystem::path("dir/my.paths"));
    CHECK(valid_path_name("ending-end-1.v2"));
    CHECK(!valid_path_name("../up"));
    CHECK(!valid_path_name(".hidden"));
    CHECK(!valid_path_name(""));
}
