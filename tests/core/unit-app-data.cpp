// What the desktop app keeps and reads: settings, the scenario library, how others chose
// (from five sessions on), the sessions to continue, and the UI text catalogues.
#include <doctest/doctest.h>

#include <fstream>

#include "deliberate/data_folder.hpp"
#include "deliberate/library.hpp"
#include "deliberate/session_results.hpp"
#include "deliberate/settings.hpp"
#include "deliberate/ui_text.hpp"
#include "journal_support.hpp"

using namespace deliberate;

TEST_CASE("settings survive a round trip, and bad values fall back one by one") {
    test::TempDir dir;
    const auto file = dir / "config" / "deliberate" / "settings.json";
    std::string warning, error;
    Settings defaults = load_settings(file, warning);
    CHECK(warning.empty());
    CHECK(defaults.language == "nl");
    Settings s;
    s.language = "en";
    s.theme = "dark";
    s.zoom = 1.5f;
    s.volume = 0.25f;
    s.muted = true;
    s.window_x = 10;
    s.window_y = 20;
    s.window_width = 900;
    s.window_height = 700;
    REQUIRE(save_settings(file, s, error));
    const Settings back = load_settings(file, warning);
    CHECK(warning.empty());
    CHECK(back.language == "en");
    CHECK(back.theme == "dark");
    CHECK(back.zoom == doctest::Approx(1.5));
    CHECK(back.volume == doctest::Approx(0.25));
    CHECK(back.muted);
    CHECK(back.window_width == 900);

    test::write_bytes(file, R"({"language": "de", "zoom": 40, "theme": "dark", "volume": "loud"})");
    const Settings bad = load_settings(file, warning);
    CHECK(bad.language == "nl");
    CHECK(bad.zoom == doctest::Approx(1.0));
    CHECK(bad.theme == "dark");
    CHECK(warning.find("language, zoom, volume") != std::string::npos);
    test::write_bytes(file, "not json");
    CHECK(load_settings(file, warning).language == "nl");
    CHECK(warning.find("not a JSON object") != std::string::npos);
}

TEST_CASE("the library lists scenario files, loaded or with their errors, and filters them") {
    const auto valid =
        scan_library(std::string(DELIBERATE_TEST_DATA) + "/valid", test::source_resources());
    REQUIRE(valid.size() == 2);  // full-featured.json and minimal.json; not models or values
    CHECK(valid[0].file.filename() == "full-featured.json");
    CHECK(valid[0].ok());
    CHECK(valid[1].ok());
    const auto tags = library_tags(valid);
    REQUIRE_FALSE(tags.empty());
    CHECK(library_matches(valid[0], "", tags[0], "en"));
    CHECK_FALSE(library_matches(valid[0], "", "no-such-tag", "en"));
    CHECK(library_matches(valid[0], "EVERYTHING", "", "en"));  // the title, any case
    CHECK_FALSE(library_matches(valid[0], "zebra", "", "en"));

    test::TempDir dir;
    std::filesystem::copy_file(std::string(DELIBERATE_TEST_DATA) + "/invalid/missing-start.json",
                               dir / "b.json");
    test::write_bytes(dir / "notes.json", R"({"not": "a scenario"})");
    const auto broken = scan_library(dir.path(), test::source_resources());
    REQUIRE(broken.size() == 1);
    CHECK_FALSE(broken[0].ok());
    CHECK_FALSE(broken[0].diagnostics.empty());
    CHECK(library_matches(broken[0], "b.js", "", "en"));  // a broken file, by its name
    CHECK_FALSE(library_matches(broken[0], "", tags[0], "en"));
}

TEST_CASE("how others chose: counted per dilemma, shown from five earlier sessions on") {
    test::TempDir dir;
    std::vector<std::filesystem::path> journals;
    for (int i = 0; i < 4; ++i) {
        auto path = dir / ("s" + std::to_string(i) + ".jsonl");
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);  // chooses `report`
        journals.push_back(path);
    }
    const auto scenario = test::full_featured();
    ChoiceTally four = tally_choices(*scenario, journals, {});
    CHECK(four.sessions == 4);
    CHECK_FALSE(four.shown());
    auto path = dir / "s4.jsonl";
    {
        auto rec = test::start_recording(path);
        test::play_full_featured(rec);
    }
    journals.push_back(path);
    ChoiceTally five = tally_choices(*scenario, journals, {});
    CHECK(five.shown());
    const DilemmaTally* parcel = five.find(*scenario->find_node("parcel"));
    REQUIRE(parcel != nullptr);
    CHECK(parcel->reached == 5);
    CHECK(parcel->per_option == std::vector<int>{0, 5});
    // The participant's own session is left out.
    CHECK(tally_choices(*scenario, journals, path).sessions == 4);
    // A workshop's branch is the group's: not counted as one participant's choice.
    auto workshop = dir / "w.jsonl";
    {
        Session session(scenario, "en");
        auto rec = RecordedSession::start(std::move(session), workshop,
                                          make_journal_header(Session(scenario, "en"), "workshop"));
        test::play_full_featured(rec);
    }
    journals.push_back(workshop);
    CHECK(tally_choices(*scenario, journals, {}).sessions == 5);
}

TEST_CASE("recorded sessions are listed newest first, with what the launcher needs") {
    test::TempDir dir;
    const auto data = dir / "data";
    Session session(test::full_featured(), "en");
    JournalHeader header = make_journal_header(session, "workshop");
    header.group = "Team A";
    const auto path = new_journal_path(data, "full-featured", header.participant);
    {
        auto rec = RecordedSession::start(std::move(session), path, std::move(header));
        rec.continue_scene();
    }
    const auto sessions = list_recorded_sessions(data);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].scenario_id == "full-featured");
    CHECK(sessions[0].mode == "workshop");
    CHECK(sessions[0].group == "Team A");  // --resume --group picks by it
    CHECK(sessions[0].events == 1);
    CHECK_FALSE(sessions[0].finished);
    CHECK(sessions[0].resumable);
}

TEST_CASE("the UI text catalogues say everything in both languages") {
    const std::filesystem::path folder = std::string(DELIBERATE_SOURCE_DIR) + "/assets/i18n";
    std::unordered_map<std::string, std::string> en, nl;
    std::string error;
    REQUIRE_MESSAGE(UiText::read_catalogue(folder / "en.json", en, error), error);
    REQUIRE_MESSAGE(UiText::read_catalogue(folder / "nl.json", nl, error), error);
    for (const auto& [key, text] : en) {
        CHECK_MESSAGE(nl.count(key) == 1, "nl.json lacks " << key);
        CHECK_MESSAGE(!text.empty(), "en.json has an empty " << key);
    }
    for (const auto& [key, text] : nl) {
        CHECK_MESSAGE(en.count(key) == 1, "en.json lacks " << key);
        CHECK_MESSAGE(!text.empty(), "nl.json has an empty " << key);
    }
    UiText text;
    REQUIRE(text.load(folder, "nl", error));
    CHECK(text.format("play.step", {"1", "8", "De morele vraag"}) ==
          "Stap 1 van 8: De morele vraag");
    CHECK(text.get("no.such.key") == "no.such.key");
}
