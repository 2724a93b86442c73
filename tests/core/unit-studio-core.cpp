// The studio's headless parts: a JSON pointer's line:column, the map's layout, the place kept
// across a reload by replaying the played path, the author's numbers, the new-scenario
// template, and the file watcher seeing a save by rename.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "deliberate/scenario/author_numbers.hpp"
#include "deliberate/scenario/graph_layout.hpp"
#include "deliberate/scenario/scenario_template.hpp"
#include "deliberate/session/played_path.hpp"
#include "deliberate/support/file_watcher.hpp"
#include "deliberate/support/json_locator.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

const char* const two_way = R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
  "languages": ["en"], "title": "S", "summary": "S", "model": "mini", "start": "a",
  "factors": [{"id": "who", "label": "Who", "default": "x",
               "values": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}]}],
  "variables": {"score": 0},
  "nodes": [{"id": "a", "kind": "scene", "text": "One two three", "next": "d"},
            {"id": "d", "kind": "dilemma", "text": "T", "question": "Q",
             "options": [{"id": "keep", "label": "Keep", "effects": [{"set": "score", "add": 1}], "next": "z"},
                         {"id": "give", "label": "Give", "when": {"==": [{"var": "factor.who"}, "y"]}, "next": "z"}]},
            {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})";

std::shared_ptr<const Scenario> scenario_of(const std::string& text) {
    auto loaded = test::load(text);
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    return loaded.value;
}

// Plays scene `a`, answers the model's question, then takes `option` at the dilemma.
PlayedPath play_to_end(const std::shared_ptr<const Scenario>& scenario, const std::string& option,
                       const StartSetup& setup = {}) {
    PlayedPath path{setup, {}};
    Session session = start_session(scenario, "en", setup);
    play_action(session, path, continue_action());
    play_action(session, path, answer_action({"question", {}, "why", {}}));
    play_action(session, path, choose_action(option));
    REQUIRE(session.at_ending());
    return path;
}

}  // namespace

TEST_CASE("a JSON pointer is located as line:column") {
    const std::string text =
        "{\n  \"a\": 1,\n  \"b\": [\n    {\"c\": \"x]}\"},\n    {\"c\": 2}\n  ]\n}\n";
    CHECK(locate_pointer(text, "").line == 1);
    const TextPosition a = locate_pointer(text, "/a");
    CHECK(a.line == 2);
    CHECK(a.column == 8);
    const TextPosition c = locate_pointer(text, "/b/1/c");
    CHECK(c.line == 5);
    CHECK(c.column == 11);
    // A missing member points at the object that lacks it.
    const TextPosition missing = locate_pointer(text, "/b/1/nope");
    CHECK(missing.line == 5);
    CHECK(missing.column == 5);
    CHECK(locate_pointer("{\"a~b/c\": {\"d\": 3}}", "/a~0b~1c/d").column == 17);
}

TEST_CASE("the layout puts nodes in columns by depth and the unreachable after the last") {
    // The loader refuses a node nothing leads to, but the map draws drafts built in memory
    // too: one is added here.
    Scenario scenario = *scenario_of(two_way);
    Node lost;
    lost.id = "lost";
    lost.kind = NodeKind::ending;
    scenario.nodes.push_back(lost);
    const GraphLayout layout = layout_graph(scenario);
    CHECK(layout.column == std::vector<int>{0, 1, 2, 3});
    CHECK(layout.row == std::vector<int>{0, 0, 0, 0});
    CHECK(layout.reachable == std::vector<bool>{true, true, true, false});
    REQUIRE(layout.edges.size() == 3);
    CHECK(layout.edges[1].option == 0);
    CHECK(layout.edges[2].option == 1);
    CHECK(!layout.edges[2].condition.empty());
    CHECK(layout.columns == 4);
}

TEST_CASE("replaying a played path keeps the place, or says where it broke") {
    const auto scenario = scenario_of(two_way);
    const PlayedPath path = play_to_end(scenario, "keep");
    const Replay same = replay_path(scenario, "en", path);
    CHECK(same.broke.empty());
    CHECK(same.actions_replayed == 3);
    CHECK(same.session->node().id == "z");
    CHECK(std::get<double>(same.session->variables()[0]) == 1.0);

    // The option is renamed in the new version: the replay stops at the dilemma.
    std::string edited = two_way;
    edited.replace(edited.find("\"keep\""), 6, "\"hold\"");
    const Replay broken = replay_path(scenario_of(edited), "en", path);
    CHECK(broken.actions_replayed == 2);
    CHECK(broken.broke_at == "d");
    CHECK(broken.broke.find("keep") != std::string::npos);
    CHECK(broken.session->node().id == "d");
}

TEST_CASE("play from here: a start node, a factor and a variable set beforehand") {
    const auto scenario = scenario_of(two_way);
    StartSetup setup{"d", {{"who", "y"}}, {{"score", Value{5.0}}}};
    std::string problem;
    Session session = start_session(scenario, "en", setup, &problem);
    CHECK(problem.empty());
    CHECK(session.node().id == "d");
    CHECK(session.is_offered(1));
    CHECK(std::get<double>(session.variables()[0]) == 5.0);
    // Without the factor, `give` is not offered and a path through it breaks.
    PlayedPath path = play_to_end(scenario, "keep", {"", {{"who", "y"}}, {}});
    path.actions[2].option_id = "give";
    path.start.factors.clear();
    CHECK(replay_path(scenario, "en", path).broke.find("no longer offered") != std::string::npos);
    start_session(scenario, "en", {"nowhere", {}, {}}, &problem);
    CHECK(problem.find("nowhere") != std::string::npos);
}

TEST_CASE("author numbers count words, nodes and missing translations") {
    const AuthorNumbers numbers = author_numbers(*scenario_of(two_way));
    CHECK(numbers.nodes == 3);
    CHECK(numbers.dilemmas == 1);
    CHECK(numbers.endings == 1);
    REQUIRE(numbers.languages.size() == 1);
    CHECK(numbers.languages[0].texts == numbers.languages[0].texts_total);
    CHECK(numbers.languages[0].words > 3);
    // The loader refuses a missing translation, but a text can still be left empty in one
    // language while it is being translated.
    Scenario draft;
    draft.languages = {"nl", "en"};
    draft.title.set("nl", "Titel");
    draft.title.set("en", "Title");
    Node node;
    node.id = "a";
    node.text.set("nl", "Een twee drie");
    node.text.set("en", "");
    draft.nodes.push_back(node);
    const AuthorNumbers partial = author_numbers(draft);
    REQUIRE(partial.languages.size() == 2);
    CHECK(partial.languages[0].words == 4);
    CHECK(partial.languages[1].texts == 1);
    CHECK(partial.languages[1].texts_total == 2);
    CHECK(partial.languages[1].missing == std::vector<std::string>{"a"});
    CHECK(count_words("  one two\nthree ") == 3);
}

TEST_CASE("the new-scenario template validates cleanly") {
    LoadOptions resources = test::source_resources();
    resources.shipped_models_dir = DELIBERATE_SOURCE_DIR "/scenarios/models";
    resources.shipped_values_file = DELIBERATE_SOURCE_DIR "/scenarios/values.json";
    for (const char* model : {"quick-check", "seven-questions", "dilemma-method"}) {
        TemplateChoices choices{"new-one", "A \"quoted\" title", {"nl", "en"}, model};
        const auto loaded =
            load_scenario_text(scenario_template(choices, "schema.json"), "new.json",
                               DELIBERATE_SOURCE_DIR "/scenarios", resources);
        CHECK_MESSAGE(loaded.diagnostics.empty(), model, "\n", test::lines(loaded.diagnostics));
    }
}

TEST_CASE("the file watcher sees a save by rename and ignores other files") {
    const auto dir = std::filesystem::temp_directory_path() / "deliberate-watch-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto file = dir / "s.json";
    std::ofstream(file) << "{}";
    std::atomic<int> woken{0};
    FileWatcher watcher(
        file, [&] { ++woken; }, std::chrono::milliseconds(20));
    REQUIRE(watcher.watching());
    std::ofstream(dir / "other.json") << "{}";
    std::ofstream(dir / "s.json.tmp") << "{\"a\": 1}";
    std::filesystem::rename(dir / "s.json.tmp", file);
    for (int i = 0; i < 100 && woken == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(woken == 1);
    CHECK(watcher.take_change());
    CHECK(!watcher.take_change());
    std::filesystem::remove_all(dir);
}
